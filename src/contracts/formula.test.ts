import { describe, expect, it } from 'vitest';
import { evaluate, evaluateCheck, formulaIssues, formulaOrder, isCrossRow, parseCheck, parseFormula, refsOf } from './formula.js';

describe('table formulas', () => {
  it('evaluates + - * / with precedence, parentheses, unary minus and numbers', () => {
    const v = { a: 6, b: 3, c: 2 };
    expect(evaluate(parseFormula('a + b * c'), v)).toBe(12);
    expect(evaluate(parseFormula('(a + b) * c'), v)).toBe(18);
    expect(evaluate(parseFormula('a - b - c'), v)).toBe(1);
    expect(evaluate(parseFormula('a / b / c'), v)).toBe(1);
    expect(evaluate(parseFormula('-a + 10'), v)).toBe(4);
    expect(evaluate(parseFormula('violators / inspected * 100'), { violators: 1, inspected: 4 })).toBe(25);
    expect(refsOf(parseFormula('x_1 + (y - 2.5) * x_1'))).toEqual(['x_1', 'y']);
  });

  it('propagates a missing value and gives null for a division by zero', () => {
    expect(evaluate(parseFormula('a + b'), { a: 1, b: null })).toBeNull();
    expect(evaluate(parseFormula('a + b'), { a: 1 })).toBeNull();
    expect(evaluate(parseFormula('a / b'), { a: 1, b: 0 })).toBeNull();
    expect(evaluate(parseFormula('a / (b - b)'), { a: 1, b: 5 })).toBeNull();
  });

  it('refuses bad syntax in Chinese, never evaluating code', () => {
    for (const bad of ['a +', '(a + b', 'a b', 'a ; b', 'process.exit()', 'a ** b', ''])
      expect(() => parseFormula(bad), bad).toThrow(/[\u4e00-\u9fa5]/);
  });

  it('judges row checks, chains included; null when a value is missing', () => {
    const c = parseCheck('rectified <= violators <= inspected');
    expect(evaluateCheck(c, { rectified: 1, violators: 2, inspected: 5 })).toBe(true);
    expect(evaluateCheck(c, { rectified: 3, violators: 2, inspected: 5 })).toBe(false);
    expect(evaluateCheck(c, { rectified: 1, violators: null, inspected: 5 })).toBeNull();
    expect(evaluateCheck(parseCheck('a = b * 2'), { a: 4, b: 2 })).toBe(true);
    expect(evaluateCheck(parseCheck('a > b'), { a: 2, b: 2 })).toBe(false);
    expect(evaluateCheck(parseCheck('a >= b'), { a: 2, b: 2 })).toBe(true);
    expect(evaluateCheck(parseCheck('a < b'), { a: 1, b: 2 })).toBe(true);
    expect(() => parseCheck('a + b')).toThrow('比较符');
  });

  it('lists unknown keys, self-reference, cycles, formulas on text columns and bad checks with where', () => {
    const issues = formulaIssues({
      measures: [
        { key: 'a', type: 'number' },
        { key: 'b', type: 'number', formula: 'a + nope' },
        { key: 'c', type: 'number', formula: 'c + 1' },
        { key: 'd', type: 'number', formula: 'e * 2' },
        { key: 'e', type: 'number', formula: 'd / 2' },
        { key: 't', type: 'text', formula: 'a' },
        { key: 'u', type: 'number', formula: 't + 1' },
      ],
      checks: [{ rule: 'a <= zz' }, { rule: 'a +' }],
    });
    const at = (i: number) => issues.filter((x) => x.path.join('.') === `measures.${i}.formula`).map((x) => x.message);
    expect(at(1)).toEqual(['公式引用了不存在的列“nope”']);
    expect(at(2)).toContain('公式不能引用本列“c”');
    expect(at(3).join()).toContain('循环引用');
    expect(at(4).join()).toContain('循环引用');
    expect(at(5).join()).toContain('不能用公式计算');
    expect(at(6).join()).toContain('不是数值列');
    expect(issues.find((x) => x.path.join('.') === 'checks.0.rule')!.message).toBe('校验规则引用了不存在的列“zz”');
    expect(issues.find((x) => x.path.join('.') === 'checks.1.rule')!.message).toContain('校验规则有误');
    expect(formulaIssues({ measures: [{ key: 'a' }, { key: 'r', formula: 'a / 2' }], checks: [{ rule: 'r <= a' }] })).toEqual([]);
  });

  it('orders formula columns after the formula columns they use', () => {
    const order = formulaOrder([{ key: 'x', formula: 'y + 1' }, { key: 'a' }, { key: 'y', formula: 'a * 2' }]).map((o) => o.col.key);
    expect(order).toEqual(['y', 'x']);
  });
});

describe('cross-row checks', () => {
  it('parse row.column, are told apart from row checks, and are judged over every row’s values', () => {
    const c = parseCheck('pharm.trained <= total.trained');
    expect(refsOf(c)).toEqual(['pharm.trained', 'total.trained']);
    expect(isCrossRow(c)).toBe(true);
    expect(isCrossRow(parseCheck('passed <= trained'))).toBe(false);
    expect(evaluateCheck(c, { 'pharm.trained': 3, 'total.trained': 5 })).toBe(true);
    expect(evaluateCheck(c, { 'pharm.trained': 6, 'total.trained': 5 })).toBe(false);
    expect(evaluateCheck(parseCheck('a.x <= b.x <= c.x'), { 'a.x': 1, 'b.x': 2, 'c.x': null })).toBeNull();
  });
  it('formulas stay within their row', () => {
    expect(() => parseFormula('total.trained * 2')).toThrow('只能引用本行');
  });
  it('validation names unknown rows and columns, bare columns in a cross-row check, and free-row tables', () => {
    const table = { measures: [{ key: 'x' }], rows: [{ key: 'a' }, { key: 'b' }] };
    expect(formulaIssues({ ...table, checks: [{ rule: 'a.x <= b.x' }] })).toEqual([]);
    expect(formulaIssues({ ...table, checks: [{ rule: 'a.x <= c.x' }] }).map((i) => i.message)).toEqual(['校验规则引用了不存在的行“c”']);
    expect(formulaIssues({ ...table, checks: [{ rule: 'a.y <= b.x' }] }).map((i) => i.message)).toEqual(['校验规则引用了不存在的列“y”']);
    expect(formulaIssues({ ...table, checks: [{ rule: 'a.x <= x' }] }).map((i) => i.message)).toEqual([
      '跨行校验的每一项须写成“行.列”，“x”未指明行',
    ]);
    expect(formulaIssues({ ...table, rowMode: 'free', checks: [{ rule: 'a.x <= b.x' }] }).map((i) => i.message)).toContain(
      '由填报单位逐行填写的表格不能跨行校验',
    );
  });
});
