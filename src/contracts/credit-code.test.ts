import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, CREDIT_CODE_ALPHABET, CREDIT_CODE_PROBLEMS, isValidCreditCode, makeCreditCode } from './credit-code.js';

/**
 * A second, independent reading of the two standards, written from their text rather than from
 * `credit-code.ts`: GB 32100-2015 §5 (check character C18 = 31 − (Σ Ci·Wi mod 31), Wi = 3^(i−1)
 * mod 31, value 31 written as 0; code characters 0–9 then A–Y without I O S V Z have values 0–30)
 * and GB 11714-1997 (C9 = 11 − (Σ Ci·Wi mod 11), W = 3 7 9 10 5 8 4 2, letters A–Z are 10–35,
 * 10 written X, 11 written 0). The properties compare the module with this oracle.
 */
const VALUE_32100 = new Map<string, number>();
'0123456789'.split('').forEach((d, i) => VALUE_32100.set(d, i));
'ABCDEFGHJKLMNPQRTUWXY'.split('').forEach((l, i) => VALUE_32100.set(l, 10 + i));
const CHAR_32100 = new Map([...VALUE_32100].map(([c, v]) => [v, c]));

function oracleC18(first17: string): string | null {
  let weight = 1;
  let sum = 0;
  for (const ch of first17) {
    const v = VALUE_32100.get(ch);
    if (v === undefined) return null;
    sum += v * weight;
    weight = (weight * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return CHAR_32100.get(c === 31 ? 0 : c)!;
}

function oracleC9(first8: string): string | null {
  const W = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i];
    const v = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 'A'.charCodeAt(0) + 10 : null;
    if (v === null) return null;
    sum += v * W[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Valid by the oracle: 18 characters of the code set, digits at 3–8, both check characters right. */
function oracleValid(code: string): boolean {
  if (code.length !== 18 || ![...code].every((c) => VALUE_32100.has(c)) || !/^\d{6}$/.test(code.slice(2, 8))) return false;
  return oracleC9(code.slice(8, 16)) === code[16] && oracleC18(code.slice(0, 17)) === code[17];
}

/**
 * Codes of well-known enterprises as printed on their licences and annual reports (public record):
 * 华为技术有限公司, 阿里巴巴（中国）有限公司, 深圳市腾讯计算机系统有限公司, 小米科技有限责任公司,
 * 百度在线网络技术（北京）有限公司, 中国石油天然气集团有限公司, 贵州茅台酒股份有限公司,
 * 比亚迪股份有限公司, 中国工商银行股份有限公司; and the module's own fixture 91350100M000100Y43.
 */
const PUBLISHED = [
  '914403001922038216',
  '91330100799655058B',
  '91440300708461136T',
  '91110108551385082Q',
  '91110000802100433B',
  '91110000100010433L',
  '91520000214434146R',
  '91440300192317458F',
  '91100000100003962T',
  '91350100M000100Y43',
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published valid codes (and so does the independent oracle)', () => {
    for (const c of PUBLISHED) {
      expect(oracleValid(c), c).toBe(true);
      expect(checkCreditCode(c)).toEqual({ code: c });
    }
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  it('explains every problem in Chinese, naming the code and the position', () => {
    expect(Object.keys(CREDIT_CODE_PROBLEMS).sort()).toEqual(['charset', 'check', 'length', 'org_check', 'region']);
    for (const m of Object.values(CREDIT_CODE_PROBLEMS)) expect(m).toMatch(/^统一社会信用代码.+/);
    expect(CREDIT_CODE_PROBLEMS.check).toContain('第18位');
    expect(CREDIT_CODE_PROBLEMS.org_check).toContain('第9-17位');
  });

  it('refuses to build a code from characters outside the code set', () => {
    expect(() => makeCreditCode('9I', '211103', '70000001')).toThrow();
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

  const codeChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'.split(''));
  /** A valid code built by the oracle alone (not by makeCreditCode). */
  const oracleCode = fc.tuple(fc.constantFrom('91', '92', '12', '51', 'Y1', 'N2'), region, body).map(([p, r, b]) => {
    const first17 = p + r + b + oracleC9(b)!;
    return first17 + oracleC18(first17)!;
  });

  it('accepts exactly what the independent oracle accepts: valid codes, and near misses of them', () => {
    fc.assert(
      fc.property(oracleCode, fc.integer({ min: 0, max: 17 }), codeChar, fc.boolean(), (code, pos, ch, mutate) => {
        const c = mutate ? code.slice(0, pos) + ch + code.slice(pos + 1) : code;
        expect(isValidCreditCode(c), c).toBe(oracleValid(c));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the oracle on arbitrary 18-character strings of the code set', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeChar, minLength: 18, maxLength: 18 }), (c) => {
        expect(isValidCreditCode(c), c).toBe(oracleValid(c));
      }),
      { numRuns: 2000 },
    );
  });

  it('makeCreditCode builds the code the oracle builds', () => {
    fc.assert(
      fc.property(region, body, (r, b) => {
        const first17 = `91${r}${b}${oracleC9(b)}`;
        expect(makeCreditCode('91', r, b)).toBe(first17 + oracleC18(first17));
      }),
    );
  });

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
