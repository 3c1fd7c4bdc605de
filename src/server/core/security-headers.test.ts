import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function directives(csp: string) {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  const urls = ['/api/health', '/api/auth/me', '/api/openapi.json', '/api/docs/', '/api/no-such-route', '/no-such-page'];

  it.each(urls)('%s: CSP without inline script, no framing, nosniff, no referrer, HSTS', async (url) => {
    const res = await t.app.inject({ url });
    const h = res.headers;
    const csp = directives(String(h['content-security-policy']));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // A LAN deployment over plain HTTP must keep loading its own assets.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['strict-transport-security']).toBe('max-age=31536000');
  });

  it('the plan print view allows exactly its own print script, by hash', async () => {
    const office = await t.as('office');
    const campaign = (await office.post('/api/campaigns', { template: 'seed-000', status: 'active' })).json();
    const plan = (await office.post('/api/plans', { campaignId: campaign.id, seed: 1 })).json();
    const res = await office.get(`/api/plans/${plan.id}/print`);
    expect(res.statusCode).toBe(200);
    const csp = directives(String(res.headers['content-security-policy']));
    const [hash] = csp.get('script-src')!;
    expect(csp.get('script-src')).toHaveLength(1);
    const script = /<script>([\s\S]*?)<\/script>/.exec(res.body)![1]!;
    const { createHash } = await import('node:crypto');
    expect(hash).toBe(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(res.body).not.toMatch(/\son\w+=/); // no inline event handlers
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
