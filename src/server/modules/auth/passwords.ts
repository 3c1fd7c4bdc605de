import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';
import { invalid } from '../../core/errors.js';

/** Cost settings of argon2id; unset: the library's defaults (64 MiB, 3 passes, 4 lanes: ~0.3 s a hash). */
export type HashCost = Pick<argon2.Options, 'memoryCost' | 'timeCost' | 'parallelism'>;

export const hashPassword = (plain: string, cost?: HashCost) => argon2.hash(plain, { type: argon2.argon2id, ...cost });

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

/** The ~49,000 most common passwords (zxcvbn-ts common list), loaded on first use. */
let common: Set<string> | undefined;

/** True when the password (case-insensitive) is on the common-password list. */
export function isCommonPassword(plain: string) {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(plain.toLowerCase());
}

/** Refuse a password on the common list (the shape rule is checked at the edge by `passwordRule`). */
export function assertPasswordNotCommon(plain: string, path = 'newPassword') {
  if (isCommonPassword(plain)) throw invalid('密码过于常见，容易被猜中，请换一个', [{ path, message: '密码过于常见' }]);
}
