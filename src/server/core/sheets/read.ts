import { Worker } from 'node:worker_threads';
import { AppError, invalid } from '../errors.js';

/** A table read from an upload: the header row and every data row with its row number in the file. */
export interface RawTable {
  headers: string[];
  rows: { n: number; cells: string[] }[];
}

export interface ReadOptions {
  /** Refuse the file as soon as it has more data rows than this (parsing stops there). */
  maxRows: number;
  /** Longest cell, in characters (an unclosed CSV quote swallows the rest of the file). */
  maxCell?: number;
  /** Who uploads: concurrent reads are capped per person and in total. */
  userId: number;
  /** Also return the rows as JSON text (`rowsJson`), as the worker sends them: for storing them as they are. */
  json?: boolean;
}

/** Concurrent spreadsheet reads: per person and for the whole server. */
export const SHEET_LIMITS = { perUser: 1, total: 3, timeoutMs: 120_000 };
const busy = new Map<number, number>();
let total = 0;

export const tooManyImports = () => new AppError('TOO_MANY_IMPORTS', '正在处理的导入文件过多，请等当前文件处理完后再试', 429);

const workerUrl = new URL('./parse-worker.mjs', import.meta.url);

/**
 * Read an uploaded .xlsx or .csv (UTF-8/UTF-16/GBK) into a table in a worker thread, streaming,
 * so the request thread stays free (health checks and other requests answer during any import)
 * and a huge file is refused at the row limit without being read whole. At most
 * SHEET_LIMITS.perUser reads per person and SHEET_LIMITS.total in all run at once; more → 429.
 */
export async function readSheet(buffer: Buffer, fileName: string, opts: ReadOptions): Promise<RawTable & { rowsJson?: string }> {
  const mine = busy.get(opts.userId) ?? 0;
  if (mine >= SHEET_LIMITS.perUser || total >= SHEET_LIMITS.total) throw tooManyImports();
  busy.set(opts.userId, mine + 1);
  total++;
  try {
    return await runWorker(buffer, fileName, opts);
  } finally {
    total--;
    const left = (busy.get(opts.userId) ?? 1) - 1;
    if (left) busy.set(opts.userId, left);
    else busy.delete(opts.userId);
  }
}

function runWorker(buffer: Buffer, fileName: string, opts: ReadOptions): Promise<RawTable & { rowsJson?: string }> {
  // A copy the worker owns (the upload may be a slice of a shared pool).
  const copy = new Uint8Array(buffer.length);
  copy.set(buffer);
  const worker = new Worker(workerUrl, {
    workerData: { buffer: copy.buffer, fileName, maxRows: opts.maxRows, maxCell: opts.maxCell ?? 10_000 },
    transferList: [copy.buffer],
    // Plain JS: no TypeScript loader needed; a memory cap so one file cannot take the server.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => finish(() => reject(invalid('文件处理超时，请拆分后再导入'))), SHEET_LIMITS.timeoutMs);
    function finish(fn: () => void) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    }
    worker.once('message', (m: { ok: true; headers: string[]; rowsJson: string } | { ok: false; message: string; detail?: string }) =>
      finish(() => {
        if (!m.ok) return reject(invalid(m.message));
        const table = { headers: m.headers, rows: JSON.parse(m.rowsJson) as RawTable['rows'] };
        resolve(opts.json ? { ...table, rowsJson: m.rowsJson } : table);
      }),
    );
    worker.once('error', (e) => finish(() => reject(e.message?.includes('memory') ? invalid('文件过大，无法处理，请拆分后再导入') : e)));
    worker.once('exit', (code) => finish(() => reject(new Error(`sheet worker exited (${code})`))));
  });
}
