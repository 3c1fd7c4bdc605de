import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskFileStore, sha256Of, temporaryFileStore, type DiskStep } from './store.js';

/** Every regular file under a folder (temporary files included). */
async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.join(e.parentPath, e.name));
  return out;
}

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const d of disposers.splice(0)) await d();
});
async function store(trace?: (step: DiskStep, file: string) => void) {
  const tmp = await temporaryFileStore();
  disposers.push(tmp.dispose);
  return new DiskFileStore(tmp.root, trace);
}

describe('DiskFileStore', () => {
  it('stores content under <aa>/<bb>/<sha256> and the same content once', async () => {
    const steps: DiskStep[] = [];
    const s = await store((step) => steps.push(step));
    const data = Buffer.from('现场照片的字节');
    const sha = await s.put(data);
    expect(sha).toBe(sha256Of(data));
    expect(path.relative(s.root, s.pathOf(sha))).toBe(path.join(sha.slice(0, 2), sha.slice(2, 4), sha));
    steps.length = 0;
    expect(await s.put(Buffer.from(data))).toBe(sha);
    expect(steps).toEqual(['exists']);
    expect(await filesUnder(s.root)).toEqual([s.pathOf(sha)]);
    expect((await s.get(sha))!.equals(data)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of (await s.stream(sha))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('writes durably: temporary file in the final folder, fsync, rename, fsync of the folder', async () => {
    const trace: [DiskStep, string][] = [];
    const s = await store((step, file) => trace.push([step, file]));
    const sha = await s.put(Buffer.from('durable'));
    const final = s.pathOf(sha);
    const dir = path.dirname(final);
    // The two hash folders are created (each parent fsynced), then the write itself.
    expect(trace.map(([st]) => st)).toEqual(['mkdir', 'mkdir', 'write-temp', 'fsync-file', 'rename', 'fsync-dir']);
    const [, tmp] = trace.find(([st]) => st === 'write-temp')!;
    expect(path.dirname(tmp)).toBe(dir);
    expect(path.basename(tmp)).toMatch(new RegExp(`^\\.${sha}\\.[0-9a-f]+\\.tmp$`));
    expect(trace.find(([st]) => st === 'fsync-file')![1]).toBe(tmp);
    expect(trace.find(([st]) => st === 'rename')![1]).toBe(final);
    expect(trace.find(([st]) => st === 'fsync-dir')![1]).toBe(dir);
    // Nothing but the final file remains.
    expect(await filesUnder(s.root)).toEqual([final]);
  });

  it('does not take a temporary file left by a crash for content, and writes over it', async () => {
    const s = await store();
    const data = Buffer.from('interrupted');
    const sha = sha256Of(data);
    const final = s.pathOf(sha);
    await (await import('node:fs/promises')).mkdir(path.dirname(final), { recursive: true });
    await writeFile(path.join(path.dirname(final), `.${sha}.dead.tmp`), data.subarray(0, 4));
    expect(await s.has(sha)).toBe(false);
    expect(await s.get(sha)).toBeNull();
    await s.put(data);
    expect((await readFile(final)).equals(data)).toBe(true);
  });

  it('deletes, and refuses names that are not a sha256 (no path outside the store)', async () => {
    const s = await store();
    const sha = await s.put(Buffer.from('gone soon'));
    await s.delete(sha);
    expect(await s.has(sha)).toBe(false);
    await s.delete(sha); // absent: nothing to do
    expect(await filesUnder(s.root)).toEqual([]);
    for (const bad of ['../../etc/passwd', sha.toUpperCase(), sha.slice(1), `${sha}/..`]) {
      await expect(s.has(bad)).rejects.toThrow(/not a sha256/);
      await expect(s.get(bad)).rejects.toThrow(/not a sha256/);
    }
  });
});
