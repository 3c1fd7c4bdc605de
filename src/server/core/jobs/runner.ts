import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../../db/client.js';

/** A job row as a handler sees it. */
export interface Job<P = unknown> {
  id: number;
  kind: string;
  payload: P;
  attempts: number;
  maxAttempts: number;
}

/**
 * What a module registers for one kind of job.
 * - `transaction` (default): the handler runs inside one transaction that also marks the job
 *   done, and holds the job's row lock: its effects and "done" commit together, so a job
 *   finishes exactly once even when the process dies half-way (the transaction is lost and the
 *   job runs again).
 * - `plain`: the handler gets the database (for work that must not hold a transaction open,
 *   e.g. sending a message); the runner keeps its lease alive and marks it done afterwards:
 *   at least once.
 */
export interface JobDefinition<P = any> {
  kind: string;
  mode?: 'transaction' | 'plain';
  /** Attempts after handler errors (default 3); a `JobFailure` fails the job at once. */
  maxAttempts?: number;
  /** Backoff before attempt n+1: base × 2^(n-1) (default 1 s). */
  backoffMs?: number;
  run(job: Job<P>, db: DbOrTx): Promise<unknown>;
  /** Called in the transaction that marks the job failed (to mark the module's own record). */
  onFailed?(job: Job<P>, db: Tx, error: { message: string; interrupted: boolean }): Promise<void>;
}

/** A failure that retrying cannot fix (bad data): the job fails at once. */
export class JobFailure extends Error {}

class LeaseLost extends Error {}

export interface RunnerOptions {
  /** This process is the only one using the database (PGlite): every job left running at start was interrupted. */
  exclusive?: boolean;
  pollMs?: number;
  leaseMs?: number;
  concurrency?: number;
}

/** A job left running by a dead worker is retried this many times in all before it fails. */
const MAX_INTERRUPTIONS = 3;

const rowsOf = (r: unknown) => (r as { rows: any[] }).rows;

/**
 * A small PostgreSQL job queue (same SQL on PGlite and node-postgres): jobs are rows, a worker
 * claims the oldest due one with FOR UPDATE SKIP LOCKED, a failing job is retried with
 * exponential backoff, and jobs left `running` by a crashed worker are resumed (or failed after
 * MAX_INTERRUPTIONS) at start and then periodically once their lease has passed.
 */
export class JobRunner {
  readonly workerId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private defs = new Map<string, JobDefinition>();
  private events = new EventEmitter();
  private timer: NodeJS.Timeout | undefined;
  private running = 0;
  private active = new Set<Promise<void>>();
  private started = false;
  private polling = false;
  private again = false;
  private lastRecovery = 0;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;

  constructor(
    private db: Db,
    private opts: RunnerOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? Number(process.env.JOB_LEASE_MS ?? 60_000);
    this.concurrency = opts.concurrency ?? 1;
    this.events.setMaxListeners(0);
  }

  register(def: JobDefinition) {
    if (this.defs.has(def.kind)) throw new Error(`job kind ${def.kind} registered twice`);
    this.defs.set(def.kind, def);
  }

  /**
   * Queue a job. Pass the transaction of the change that asks for it: the job becomes visible
   * (and runs) only after that transaction commits, and not at all if it rolls back.
   */
  async enqueue(db: DbOrTx, kind: string, payload: unknown, opts: { runAt?: Date; maxAttempts?: number } = {}): Promise<number> {
    const def = this.defs.get(kind);
    if (!def) throw new Error(`unknown job kind ${kind}`);
    const max = opts.maxAttempts ?? def.maxAttempts ?? 3;
    const [row] = rowsOf(
      await db.execute(sql`insert into jobs (kind, payload, max_attempts, run_at)
        values (${kind}, ${JSON.stringify(payload)}::jsonb, ${max}, ${(opts.runAt ?? new Date()).toISOString()}::timestamptz) returning id`),
    );
    return row.id as number;
  }

  /** Look for due jobs now (call after the enqueuing transaction commits). */
  kick() {
    if (this.started) setImmediate(() => void this.poll());
  }

  async start() {
    if (this.started) return;
    this.started = true;
    await this.recover(true);
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Stop claiming; wait for the jobs in hand to finish. */
  async stop() {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.active]);
  }

  /** Resolve when the job is done or failed (this process's events, else its row, polled). */
  async wait(id: number, timeoutMs = 10 * 60_000): Promise<{ status: 'done' | 'failed'; lastError: string | null; result: unknown }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [row] = rowsOf(await this.db.execute(sql`select status, last_error, result from jobs where id = ${id}`));
      if (!row) throw new Error(`job ${id} not found`);
      if (row.status === 'done' || row.status === 'failed') return { status: row.status, lastError: row.last_error, result: row.result };
      if (Date.now() > until) throw new Error(`job ${id} still ${row.status}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, 250);
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.events.once(`end:${id}`, done);
      });
    }
  }

  private async poll() {
    if (!this.started) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = true;
    try {
      if (Date.now() - this.lastRecovery > this.leaseMs / 2) await this.recover(false);
      while (this.started && this.running < this.concurrency) {
        const job = await this.claim();
        if (!job) break;
        this.running++;
        const p = this.execute(job).finally(() => {
          this.running--;
          this.active.delete(p);
          this.kick();
        });
        this.active.add(p);
      }
    } catch (e) {
      if (this.started) console.warn(`job runner: ${(e as Error).message}`);
    } finally {
      this.polling = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    }
  }

  private async claim(): Promise<Job | undefined> {
    const kinds = [...this.defs.keys()];
    if (!kinds.length) return undefined;
    const [row] = rowsOf(
      await this.db.execute(sql`update jobs set status = 'running', attempts = attempts + 1, locked_by = ${this.workerId},
          lease_until = now() + ${`${this.leaseMs} milliseconds`}::interval
        where id = (select id from jobs where status = 'queued' and run_at <= now() and kind = any(${`{${kinds.join(',')}}`}::text[])
          order by run_at, id limit 1 for update skip locked)
        returning id, kind, payload, attempts, max_attempts`),
    );
    return row ? { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts } : undefined;
  }

  private async execute(job: Job) {
    const def = this.defs.get(job.kind)!;
    let heartbeat: NodeJS.Timeout | undefined;
    try {
      if ((def.mode ?? 'transaction') === 'transaction') {
        await this.db.transaction(async (tx) => {
          // Hold the row: another worker's recovery skips a job whose transaction is alive.
          const mine = rowsOf(
            await tx.execute(
              sql`select id from jobs where id = ${job.id} and status = 'running' and locked_by = ${this.workerId} for update`,
            ),
          );
          if (!mine.length) throw new LeaseLost();
          const result = await def.run(job, tx);
          await tx.execute(
            sql`update jobs set status = 'done', result = ${JSON.stringify(result ?? null)}::jsonb, finished_at = now(), locked_by = null, lease_until = null where id = ${job.id}`,
          );
        });
      } else {
        heartbeat = setInterval(() => {
          void this.db
            .execute(
              sql`update jobs set lease_until = now() + ${`${this.leaseMs} milliseconds`}::interval where id = ${job.id} and locked_by = ${this.workerId}`,
            )
            .catch(() => undefined);
        }, this.leaseMs / 3);
        heartbeat.unref();
        const result = await def.run(job, this.db);
        const done = rowsOf(
          await this.db
            .execute(sql`update jobs set status = 'done', result = ${JSON.stringify(result ?? null)}::jsonb, finished_at = now(), locked_by = null, lease_until = null
            where id = ${job.id} and locked_by = ${this.workerId} returning id`),
        );
        if (!done.length) throw new LeaseLost();
      }
      this.events.emit(`end:${job.id}`);
    } catch (e) {
      if (e instanceof LeaseLost) return;
      const permanent = e instanceof JobFailure || job.attempts >= job.maxAttempts;
      const message = e instanceof JobFailure ? e.message : describe(e);
      await this.db.transaction(async (tx) => {
        const backoff = (def.backoffMs ?? 1000) * 2 ** (job.attempts - 1);
        const r = rowsOf(
          await tx.execute(sql`update jobs set status = ${permanent ? 'failed' : 'queued'}, last_error = ${message.slice(0, 2000)},
              run_at = now() + ${`${backoff} milliseconds`}::interval, finished_at = ${permanent ? sql`now()` : null}, locked_by = null, lease_until = null
            where id = ${job.id} and locked_by = ${this.workerId} returning id`),
        );
        if (r.length && permanent) await def.onFailed?.(job, tx, { message, interrupted: false });
      });
      if (permanent) this.events.emit(`end:${job.id}`);
    } finally {
      if (heartbeat) clearInterval(heartbeat);
    }
  }

  /**
   * Jobs left `running` by a dead worker: at start of an exclusive (PGlite) process all of them;
   * otherwise those whose lease has passed or whose transaction is gone (a transaction-mode job
   * that is really running holds its row lock, so SKIP LOCKED passes over it).
   */
  private async recover(atStart: boolean) {
    this.lastRecovery = Date.now();
    const txKinds = [...this.defs.values()].filter((d) => (d.mode ?? 'transaction') === 'transaction').map((d) => d.kind);
    const orphaned =
      atStart && this.opts.exclusive ? sql`true` : sql`(lease_until < now() or kind = any(${`{${txKinds.join(',')}}`}::text[]))`;
    await this.db.transaction(async (tx) => {
      const rows = rowsOf(
        await tx.execute(sql`select id, kind, payload, attempts, max_attempts from jobs where status = 'running' and ${orphaned}
          order by id for update skip locked`),
      );
      for (const row of rows) {
        const job: Job = { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts };
        const resume = job.attempts < Math.max(job.maxAttempts, MAX_INTERRUPTIONS);
        const message = '服务中断，任务未完成';
        await tx.execute(sql`update jobs set status = ${resume ? 'queued' : 'failed'}, last_error = ${message}, run_at = now(),
            finished_at = ${resume ? null : sql`now()`}, locked_by = null, lease_until = null where id = ${job.id}`);
        if (!resume) await this.defs.get(job.kind)?.onFailed?.(job, tx, { message, interrupted: true });
      }
    });
  }
}

/** An error's message without SQL text (drizzle wraps driver errors as "Failed query: …"). */
function describe(e: unknown): string {
  let err: any = e;
  while (err?.cause && /^Failed query/.test(String(err.message))) err = err.cause;
  const code = typeof err?.code === 'string' ? ` (${err.code})` : '';
  return `${String(err?.message ?? e).split('\n')[0]}${code}`;
}
