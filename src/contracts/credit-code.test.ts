import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, CREDIT_CODE_ALPHABET, isValidCreditCode, makeCreditCode } from './credit-code.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published valid codes', () => {
    for (const c of ['91350100M000100Y43', '914403001922038216']) expect(checkCreditCode(c)).toEqual({ code: c });
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  it('names the problem of a corrupted code', () => {
    expect(checkCreditCode('91350100M000100Y4').problem).toBe('length');
    expect(checkCreditCode('91350100M000100Y44').problem).toBe('check');
    expect(checkCreditCode('91350100M000200Y43').problem).toBe('org_check');
    expect(checkCreditCode('91350100M0001O0Y43').problem).toBe('charset');
    expect(checkCreditCode('9135A100M000100Y43').problem).toBe('region');
  });

  const body = fc.string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET.split('')), minLength: 8, maxLength: 8 });
  const region = fc.integer({ min: 110000, max: 659999 }).map(String);

  it('every generated code is valid', () => {
    fc.assert(fc.property(fc.constantFrom('91', '92', '12', '51'), region, body, (p, r, b) => isValidCreditCode(makeCreditCode(p, r, b))));
  });

  it('any single changed character is detected', () => {
    fc.assert(
      fc.property(region, body, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (r, b, pos, shift) => {
        const code = makeCreditCode('91', r, b);
        const ch = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(code[pos]) + shift) % 31];
        const bad = code.slice(0, pos) + ch + code.slice(pos + 1);
        return !isValidCreditCode(bad);
      }),
    );
  });
});
