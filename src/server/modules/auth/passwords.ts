import argon2 from 'argon2';

export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });

/** A hash no password matches, checked for unknown accounts so that they cost the same time. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, plain: string) {
  try {
    if (!hash) {
      dummyHash ??= hashPassword(`no-account-${Math.random()}`);
      await argon2.verify(await dummyHash, plain);
      return false;
    }
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}
