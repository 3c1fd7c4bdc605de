import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where file bytes live, addressed by the sha256 of their content. The disk store below is the
 * default; an object store can implement the same five methods later.
 */
export interface FileStore {
  /** Store the bytes (once per content) and return their sha256; durable when the promise resolves. */
  put(data: Buffer): Promise<string>;
  /** The bytes, or null when the store has none under that sha256. */
  get(sha256: string): Promise<Buffer | null>;
  /** The bytes as a stream, or null. */
  stream(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
  /** Remove the bytes (nothing happens when absent); durable when the promise resolves. */
  delete(sha256: string): Promise<void>;
}

export const SHA256 = /^[0-9a-f]{64}$/;
export const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function assertSha(sha256: string) {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${JSON.stringify(sha256).slice(0, 80)}`);
}

/** One step of a durable disk write, reported to `trace` (to check the order of steps in tests and in a debugger). */
export type DiskStep = 'mkdir' | 'write-temp' | 'fsync-file' | 'rename' | 'fsync-dir' | 'exists' | 'unlink';

/**
 * Files under `root/<aa>/<bb>/<sha256>`. A write goes to a temporary file in the same folder, is
 * fsynced, renamed over the final name (atomic on POSIX), and the folder is fsynced so the rename
 * itself survives a power cut; a reader therefore sees either no file or the whole file. Content
 * already present is not written again. Temporary files (`.<sha>.<random>.tmp`) left by a crash
 * are never taken for content.
 */
export class DiskFileStore implements FileStore {
  constructor(
    readonly root: string,
    private readonly trace?: (step: DiskStep, file: string) => void,
  ) {}

  pathOf(sha256: string) {
    assertSha(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(data: Buffer): Promise<string> {
    const sha = sha256Of(data);
    const file = this.pathOf(sha);
    if (await this.has(sha)) {
      this.trace?.('exists', file);
      return sha;
    }
    const dir = path.dirname(file);
    await this.mkdirDurable(dir);
    const tmp = path.join(dir, `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
    const fh = await open(tmp, 'wx', 0o640);
    try {
      this.trace?.('write-temp', tmp);
      await fh.writeFile(data);
      this.trace?.('fsync-file', tmp);
      await fh.sync();
    } catch (e) {
      await fh.close();
      await rm(tmp, { force: true });
      throw e;
    }
    await fh.close();
    try {
      this.trace?.('rename', file);
      await rename(tmp, file);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    this.trace?.('fsync-dir', dir);
    await fsyncDir(dir);
    return sha;
  }

  async get(sha256: string) {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (e: any) {
      if (e?.code === 'ENOENT') return null;
      throw e;
    }
  }

  async stream(sha256: string) {
    if (!(await this.has(sha256))) return null;
    return createReadStream(this.pathOf(sha256));
  }

  async has(sha256: string) {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (e: any) {
      if (e?.code === 'ENOENT') return false;
      throw e;
    }
  }

  async delete(sha256: string) {
    const file = this.pathOf(sha256);
    try {
      this.trace?.('unlink', file);
      await unlink(file);
    } catch (e: any) {
      if (e?.code === 'ENOENT') return;
      throw e;
    }
    this.trace?.('fsync-dir', path.dirname(file));
    await fsyncDir(path.dirname(file));
  }

  /** Create the folder and each new parent, fsyncing the parent of every folder created. */
  private async mkdirDurable(dir: string) {
    const missing: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      try {
        await stat(d);
        break;
      } catch (e: any) {
        if (e?.code !== 'ENOENT' || path.dirname(d) === d) throw e;
        missing.unshift(d);
      }
    }
    for (const d of missing) {
      this.trace?.('mkdir', d);
      await mkdir(d).catch((e) => {
        if (e?.code !== 'EEXIST') throw e;
      });
      await fsyncDir(path.dirname(d));
    }
  }
}

async function fsyncDir(dir: string) {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A disk store in a new temporary folder, removed by `dispose` (tests and tools that keep no files). */
export async function temporaryFileStore(): Promise<DiskFileStore & { dispose(): Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'yaojian-files-'));
  const store = new DiskFileStore(root) as DiskFileStore & { dispose(): Promise<void> };
  store.dispose = () => rm(root, { recursive: true, force: true });
  return store;
}
