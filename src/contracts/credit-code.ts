/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I O Z S V).
 *   1     登记管理部门代码 (1-9, A-G, N, Y)
 *   2     机构类别代码
 *   3-8   登记管理机关行政区划码 (digits)
 *   9-17  主体标识码 = 组织机构代码 (GB 11714-1997), whose 9th character is its own check character
 *   18    check character over positions 1-17 (weights 3^(i-1) mod 31)
 * Both check characters are verified.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS_32100 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const WEIGHTS_11714 = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character (position 18) for the first 17 characters; undefined when a character is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * WEIGHTS_32100[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Check character (9th) of a GB 11714 organisation code from its first 8 characters. */
export function orgCodeCheckChar(first8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (v < 0) return undefined;
    sum += v * WEIGHTS_11714[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export type CreditCodeProblem = 'length' | 'charset' | 'region' | 'org_check' | 'check';
export const CREDIT_CODE_PROBLEMS: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含非法字符（不得含 I、O、Z、S、V 及小写以外的符号）',
  region: '统一社会信用代码第3-8位应为行政区划代码（数字）',
  org_check: '统一社会信用代码第9-17位（组织机构代码）校验位错误',
  check: '统一社会信用代码第18位校验码错误',
};

/** Normalise (trim, upper-case, drop inner spaces) and report the first problem, if any. */
export function checkCreditCode(raw: string): { code: string; problem?: CreditCodeProblem } {
  const code = raw.replace(/\s+/g, '').toUpperCase();
  if (code.length !== 18) return { code, problem: 'length' };
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return { code, problem: 'charset' };
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return { code, problem: 'region' };
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return { code, problem: 'org_check' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { code, problem: 'check' };
  return { code };
}

export function isValidCreditCode(raw: string): boolean {
  return !checkCreditCode(raw).problem;
}

/**
 * Build a valid code from a registration prefix (2 chars), a region (6 digits) and an 8-character
 * organisation body (digits or letters of the alphabet). For demo data and tests only.
 */
export function makeCreditCode(prefix: string, region: string, body8: string): string {
  const org = body8 + orgCodeCheckChar(body8)!;
  const first17 = prefix + region + org;
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`cannot build a credit code from ${first17}`);
  return first17 + check;
}
