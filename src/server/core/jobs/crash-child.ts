/**
 * Test fixture for jobs.test.ts (not production code): a process that runs one kind of job,
 * `test.effect`, which records its effect and then, when BLOCK=1, blocks forever so the parent
 * can kill it with SIGKILL in the middle of the job.
 *   ENQUEUE=1  queue one job first (printed as "QUEUED <id>")
 *   BLOCK=1    the handler blocks after writing its effect ("BLOCKING <id>")
 * Prints "DONE <id> <status>" when the job has ended, then exits.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../db/client.js';
import { JobRunner } from './runner.js';

const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.DATA_DIR });
await database.migrate();
await database.db.execute(sql`create table if not exists job_effects (job_id int not null, at timestamptz not null default now())`);
const runner = new JobRunner(database.db, { exclusive: database.kind === 'pglite', pollMs: 100 });
runner.register({
  kind: 'test.effect',
  async run(job, tx) {
    await tx.execute(sql`insert into job_effects (job_id) values (${job.id})`);
    if (process.env.BLOCK === '1') {
      console.log(`BLOCKING ${job.id}`);
      await new Promise(() => setInterval(() => undefined, 1000));
    }
    return { effect: true };
  },
});
let id: number;
if (process.env.ENQUEUE === '1') {
  id = await runner.enqueue(database.db, 'test.effect', { n: 1 });
  console.log(`QUEUED ${id}`);
} else {
  const [row] = (await database.db.execute(sql`select max(id) as id from jobs`)).rows as { id: number }[];
  id = row.id;
}
await runner.start();
const end = await runner.wait(id);
console.log(`DONE ${id} ${end.status}`);
await runner.stop();
await database.close();
process.exit(0);
