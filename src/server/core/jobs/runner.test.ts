import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.js';
import { createTestDatabase } from '../../../test/db.js';
import { JobFailure, JobRunner } from './runner.js';

let d: Database;
const runners: JobRunner[] = [];

beforeAll(async () => {
  d = await createTestDatabase();
  await d.db.execute(sql`create table effects (job_id int not null, runner text not null)`);
});
afterAll(async () => {
  for (const r of runners) await r.stop();
  await d.close();
});

function runner(kind: string, run: ConstructorParameters<typeof JobRunner>[1] = {}) {
  const r = new JobRunner(d.db, { pollMs: 50, ...run });
  runners.push(r);
  return { r, kind };
}
const effects = async (id: number) =>
  ((await d.db.execute(sql`select count(*)::int as n from effects where job_id = ${id}`)).rows[0] as { n: number }).n;

describe('job runner', () => {
  it('runs a job only after the transaction that queued it commits, and never when it rolls back', async () => {
    const { r } = runner('t.commit');
    r.register({
      kind: 't.commit',
      async run(job, tx) {
        await tx.execute(sql`insert into effects values (${job.id}, 'a')`);
      },
    });
    await r.start();
    let rolledBack = 0;
    await d.db
      .transaction(async (tx) => {
        rolledBack = await r.enqueue(tx, 't.commit', {});
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const id = await d.db.transaction((tx) => r.enqueue(tx, 't.commit', {}));
    r.kick();
    expect((await r.wait(id)).status).toBe('done');
    expect(await effects(id)).toBe(1);
    expect((await d.db.execute(sql`select count(*)::int as n from jobs where id = ${rolledBack}`)).rows[0]).toEqual({ n: 0 });
  });

  it('retries a failing job with backoff, and a JobFailure fails it at once (with the module told)', async () => {
    const { r } = runner('t.retry');
    let calls = 0;
    const failed: string[] = [];
    r.register({
      kind: 't.retry',
      backoffMs: 20,
      async run(job, tx) {
        calls++;
        if (calls < 3) throw new Error(`flaky ${calls}`);
        await tx.execute(sql`insert into effects values (${job.id}, 'a')`);
      },
    });
    r.register({
      kind: 't.bad',
      async run() {
        throw new JobFailure('数据有误');
      },
      async onFailed(job, _tx, e) {
        failed.push(`${job.id}:${e.message}`);
      },
    });
    await r.start();
    const id = await r.enqueue(d.db, 't.retry', {});
    r.kick();
    expect((await r.wait(id)).status).toBe('done');
    const [row] = (await d.db.execute(sql`select attempts, last_error from jobs where id = ${id}`)).rows as any[];
    expect(row).toMatchObject({ attempts: 3, last_error: 'flaky 2' });
    expect(await effects(id)).toBe(1);
    const bad = await r.enqueue(d.db, 't.bad', {});
    r.kick();
    expect(await r.wait(bad)).toMatchObject({ status: 'failed', lastError: '数据有误' });
    expect(failed).toEqual([`${bad}:数据有误`]);
  });

  it('two runners on one database run each job once', async () => {
    const a = runner('t.many', { concurrency: 2 }).r;
    const b = runner('t.many', { concurrency: 2 }).r;
    for (const [r, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      r.register({
        kind: 't.many',
        async run(job, tx) {
          await tx.execute(sql`insert into effects values (${job.id}, ${name})`);
        },
      });
    }
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push(await a.enqueue(d.db, 't.many', { i }));
    await Promise.all([a.start(), b.start()]);
    for (const id of ids) expect((await a.wait(id)).status).toBe('done');
    const counts = (
      await d.db.execute(
        sql`select job_id, count(*)::int as n from effects where job_id = any(${`{${ids.join(',')}}`}::int[]) group by job_id`,
      )
    ).rows as any[];
    expect(counts).toHaveLength(20);
    expect(counts.every((c) => c.n === 1)).toBe(true);
  });
});
