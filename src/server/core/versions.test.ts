import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../contracts/credit-code.js';
import { createTestApp, type Client, type TestApp } from '../../test/app.js';

/**
 * Lost updates (issue 10): every editable record carries a version, an update names the version it
 * was loaded at, and a stale one gets 409 STALE_VERSION with the record as it is now — on PGlite
 * and on PostgreSQL (where the racing pair really runs in parallel).
 */
let t: TestApp;
let admin: Client, office: Client, coordinator: Client, inspectorCx: Client;
beforeAll(async () => {
  t = await createTestApp();
  [admin, office, coordinator, inspectorCx] = await Promise.all([t.as('admin'), t.as('office'), t.as('coordinator'), t.as('inspector_cx')]);
});
afterAll(() => t?.close());

function campaignDefinition(name: string) {
  return {
    schemaVersion: 1,
    name,
    issuer: '兴隆台区市场监督管理局',
    period: { from: '2026-12-01', to: '2027-02-28' },
    phases: [{ key: 'all', name: '排查', from: '2026-12-01', to: '2027-02-28' }],
    quotas: [],
    tables: [],
    obligations: [],
    organisation: {
      leadingGroup: { name: '专班', leader: { name: '组长', title: '副局长', unit: '本局' } },
      office: { unit: '药品和医疗器械股' },
    },
    tasks: [{ no: 1, task: '摸底', target: '建立台账', content: '各所摸清辖区经营户', units: ['各市场监管所'] }],
    liaisons: { units: ['各市场监管所'] },
  };
}

interface Editable {
  /** The record as the edit form loads it (with `version`). */
  read(): Promise<any>;
  /** Save a form body (the test adds or leaves out `version`). */
  write(body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** Two different edits of the same field, and where that field shows in the record. */
  edits: [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
  field(record: any): unknown;
}

let serial = 0;
const cases: [string, () => Promise<Editable>][] = [
  [
    'entity',
    async () => {
      const st = t.org.stations['创新'];
      const res = await office.post('/api/entities', {
        name: `版本测试药店${++serial}`,
        creditCode: makeCreditCode('92', '211103', String(71000000 + serial)),
        kind: 'pharmacy_single',
        jurisdictionId: st.jurisdictionId,
      });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json().id;
      return {
        read: async () => (await office.get(`/api/entities/${id}`)).json(),
        write: (b) => office.patch(`/api/entities/${id}`, b),
        edits: [{ phone: '0427-1000001' }, { phone: '0427-1000002' }, { phone: '0427-1000003' }, { phone: '0427-1000004' }],
        field: (r) => r.phone,
      };
    },
  ],
  [
    'person',
    async () => {
      const res = await admin.post('/api/people', {
        username: `ver_person_${++serial}`,
        displayName: '版本测试人员',
        role: 'inspector',
        orgUnitId: t.org.stations['兴隆'].orgUnitId,
      });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json().id;
      return {
        read: async () => (await admin.get(`/api/people?q=ver_person_${serial}`)).json().items.find((p: any) => p.id === id),
        write: (b) => admin.patch(`/api/people/${id}`, b),
        edits: [{ title: '甲改的职务' }, { title: '乙改的职务' }, { title: '丙' }, { title: '丁' }],
        field: (r) => r.title,
      };
    },
  ],
  [
    'org unit',
    async () => {
      const id = t.org.stations['兴隆'].orgUnitId;
      return {
        read: async () => (await admin.get('/api/org-units')).json().find((u: any) => u.id === id),
        write: (b) => admin.patch(`/api/org-units/${id}`, b),
        edits: [{ phone: '0427-2000001' }, { phone: '0427-2000002' }, { phone: '0427-2000003' }, { phone: '0427-2000004' }],
        field: (r) => r.phone,
      };
    },
  ],
  [
    'jurisdiction',
    async () => {
      const id = t.org.stations['创新'].townshipIds[0];
      return {
        read: async () => (await admin.get(`/api/jurisdictions/${id}/chain`)).json().at(-1),
        write: (b) => admin.patch(`/api/jurisdictions/${id}`, b),
        edits: [{ code: 'J-A' }, { code: 'J-B' }, { code: 'J-C' }, { code: 'J-D' }],
        field: (r) => r.code,
      };
    },
  ],
  [
    'tip',
    async () => {
      const res = await coordinator.post('/api/tips', { kind: 'hazard', title: '版本测试上报', place: '某村', occurredOn: '2026-11-20' });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json().id;
      return {
        read: async () => (await coordinator.get(`/api/tips/${id}`)).json(),
        write: (b) => coordinator.patch(`/api/tips/${id}`, b),
        edits: [{ title: '甲改的标题' }, { title: '乙改的标题' }, { title: '丙' }, { title: '丁' }],
        field: (r) => r.title,
      };
    },
  ],
  [
    'campaign definition',
    async () => {
      const res = await office.post('/api/campaigns', { definition: campaignDefinition('版本测试行动') });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json().id;
      const amend = (name: string) => ({ definition: campaignDefinition(name), note: `改名为${name}` });
      return {
        read: async () => (await office.get(`/api/campaigns/${id}`)).json(),
        write: (b) => office.put(`/api/campaigns/${id}/definition`, b),
        edits: [amend('甲改的行动'), amend('乙改的行动'), amend('丙改的行动'), amend('丁改的行动')],
        field: (r) => r.name,
      };
    },
  ],
  [
    'liaison',
    async () => {
      const id = (await office.post('/api/campaigns', { definition: campaignDefinition('联络员版本测试') })).json().id;
      const unit = t.org.stations['创新'].orgUnitId;
      return {
        // Before the first filling-in there is no row: the form starts at version 0.
        read: async () =>
          (await inspectorCx.get(`/api/campaigns/${id}/home`)).json().liaisons.find((l: any) => l.orgUnitId === unit).liaison ?? {
            version: 0,
            name: null,
          },
        write: (b) => inspectorCx.put(`/api/campaigns/${id}/liaisons/${unit}`, b),
        edits: [{ name: '甲联络员' }, { name: '乙联络员' }, { name: '丙联络员' }, { name: '丁联络员' }],
        field: (r) => r.name,
      };
    },
  ],
  [
    'task progress',
    async () => {
      const id = (await office.post('/api/campaigns', { definition: campaignDefinition('进展版本测试') })).json().id;
      const unit = t.org.stations['创新'].orgUnitId;
      const p = (note: string) => ({ status: 'doing', note, evidence: [] });
      return {
        read: async () =>
          (await inspectorCx.get(`/api/campaigns/${id}/home`)).json().tasks[0].progress.find((x: any) => x.orgUnitId === unit),
        write: (b) => inspectorCx.put(`/api/campaigns/${id}/tasks/1/units/${unit}`, b),
        edits: [p('甲填的进展'), p('乙填的进展'), p('丙'), p('丁')],
        field: (r) => r.note,
      };
    },
  ],
];

describe.each(cases)('%s', (_name, setup) => {
  let rec: Editable;
  beforeAll(async () => {
    rec = await setup();
  });

  it('the second save from the same loaded version gets 409 STALE_VERSION with the current values, and nothing is lost', async () => {
    const loaded = await rec.read();
    expect(loaded.version).toEqual(expect.any(Number));
    const [mine, theirs] = rec.edits;
    const first = await rec.write({ ...theirs, version: loaded.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(loaded.version + 1);

    const second = await rec.write({ ...mine, version: loaded.version });
    expect(second.statusCode, second.body).toBe(409);
    const err = second.json();
    expect(err).toMatchObject({ code: 'STALE_VERSION', message: expect.stringContaining('已被他人修改') });
    expect(err.details.current.version).toBe(loaded.version + 1);
    expect(rec.field(err.details.current)).toBe(rec.field({ ...theirs, ...(theirs as any).definition }));
    const now = await rec.read();
    expect(rec.field(now)).toBe(rec.field(err.details.current));
    expect(now.version).toBe(loaded.version + 1);

    // Merged against the version the conflict reported, the save goes through.
    const merged = await rec.write({ ...mine, version: err.details.current.version });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(rec.field(await rec.read())).toBe(rec.field({ ...mine, ...(mine as any).definition }));
  });

  it('an update without a version is refused and changes nothing', async () => {
    const before = await rec.read();
    const res = await rec.write({ ...rec.edits[2] });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('version') });
    const after = await rec.read();
    expect(after.version).toBe(before.version);
    expect(rec.field(after)).toBe(rec.field(before));
  });

  it('two saves racing from the same version: exactly one wins, the other gets 409', async () => {
    const loaded = await rec.read();
    const results = await Promise.all([
      rec.write({ ...rec.edits[2], version: loaded.version }),
      rec.write({ ...rec.edits[3], version: loaded.version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const loser = results.find((r) => r.statusCode === 409)!.json();
    expect(loser.code).toBe('STALE_VERSION');
    expect(loser.details.current.version).toBe(loaded.version + 1);
    const now = await rec.read();
    expect(now.version).toBe(loaded.version + 1);
    expect(rec.field(now)).toBe(rec.field(winner));
  });
});

describe('the rule holds for every update route', () => {
  // An import job's column mapping is its owner's working state (re-run from scratch on every change).
  // Inspection corrections are version-checked too, but with the read `updatedAt` as the token and a
  // row lock + re-check (planning/use-cases/edit-inspection.ts); to move onto `version` later.
  const exempt = new Set(['PUT /api/entity-imports/{id}/mapping', 'PUT /api/inspections/{id}']);
  it('every PATCH/PUT route requires `version` in its body and documents STALE_VERSION', async () => {
    const doc = t.app.swagger() as any;
    const updates: string[] = [];
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      for (const method of ['patch', 'put']) {
        const op = ops[method];
        if (!op) continue;
        const name = `${method.toUpperCase()} ${path}`;
        if (exempt.has(name)) continue;
        updates.push(name);
        const schema = op.requestBody?.content?.['application/json']?.schema;
        expect(schema?.required ?? [], name).toContain('version');
        expect(op.description ?? '', name).toContain('STALE_VERSION');
      }
    }
    expect(updates.length).toBeGreaterThanOrEqual(8);
  });
});
