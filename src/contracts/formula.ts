/**
 * Formulas and row checks of statistical tables (contracts/campaigns.ts `tableColumn.formula`,
 * `statTable.checks`): a small parser and evaluator shared by server and web, no `eval`.
 *
 * Grammar: expr := term (('+'|'-') term)* ; term := factor (('*'|'/') factor)* ;
 * factor := number | column key | row key '.' column key | '(' expr ')' | '-' factor. A check is
 * `expr op expr (op expr)*` with op one of <= >= < > = (a chain `a <= b <= c` holds when every
 * adjacent pair holds). A check naming `row.column` compares rows (跨行校验, e.g.
 * `retail.inspected <= all.inspected`) and is judged once per table, not per row; formulas are
 * within a row and never name another row.
 * Evaluation: a missing value (null) makes the result null; division by zero is null.
 */
export type Expr =
  | { t: 'num'; v: number }
  | { t: 'ref'; key: string }
  | { t: 'neg'; e: Expr }
  | { t: 'bin'; op: '+' | '-' | '*' | '/'; l: Expr; r: Expr };
export type Comparison = '<=' | '>=' | '<' | '>' | '=';
export interface Check {
  terms: Expr[];
  ops: Comparison[];
}

export class FormulaError extends Error {}

type Token = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    // Column keys in formulas are letters, digits and '_' ('-' is always subtraction); `row.column`
    // names a column of another row (checks only).
    const id = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(<=|>=|[-+*/()<>=])/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new FormulaError(`无法识别的字符“${c}”`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private toks: Token[]) {}
  private peek() {
    return this.toks[this.i];
  }
  private isOp(v: string) {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }
  end() {
    if (this.i < this.toks.length) throw new FormulaError(`多余的“${String(this.peek()!.v)}”`);
  }
  expr(): Expr {
    let l = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.toks[this.i++] as { v: '+' | '-' }).v;
      l = { t: 'bin', op, l, r: this.term() };
    }
    return l;
  }
  private term(): Expr {
    let l = this.factor();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.toks[this.i++] as { v: '*' | '/' }).v;
      l = { t: 'bin', op, l, r: this.factor() };
    }
    return l;
  }
  private factor(): Expr {
    const t = this.toks[this.i++];
    if (!t) throw new FormulaError('公式不完整');
    if (t.t === 'num') return { t: 'num', v: t.v };
    if (t.t === 'id') return { t: 'ref', key: t.v };
    if (t.v === '-') return { t: 'neg', e: this.factor() };
    if (t.v === '(') {
      const e = this.expr();
      if (!this.isOp(')')) throw new FormulaError('缺少右括号');
      this.i++;
      return e;
    }
    throw new FormulaError(`此处不应出现“${t.v}”`);
  }
  comparison(): Comparison | null {
    const t = this.peek();
    if (t?.t === 'op' && ['<=', '>=', '<', '>', '='].includes(t.v)) {
      this.i++;
      return t.v as Comparison;
    }
    return null;
  }
}

/** Parse an arithmetic formula; throws FormulaError with a Chinese message. */
export function parseFormula(src: string): Expr {
  const p = new Parser(tokenize(src));
  const e = p.expr();
  p.end();
  const across = refsOf(e).find((r) => r.includes('.'));
  if (across) throw new FormulaError(`公式只能引用本行的列，不能引用“${across}”`);
  return e;
}

/** Whether a check compares rows (names some `row.column`): judged once per table. */
export function isCrossRow(c: Check): boolean {
  return refsOf(c).some((r) => r.includes('.'));
}

/** Parse a row check (`violators <= inspected`, `rectified <= violators <= inspected`). */
export function parseCheck(src: string): Check {
  const p = new Parser(tokenize(src));
  const terms = [p.expr()];
  const ops: Comparison[] = [];
  for (let op = p.comparison(); op; op = p.comparison()) {
    ops.push(op);
    terms.push(p.expr());
  }
  p.end();
  if (!ops.length) throw new FormulaError('校验规则须含比较符（<= >= < > =）');
  return { terms, ops };
}

/** The column keys an expression or check refers to. */
export function refsOf(e: Expr | Check): string[] {
  const out = new Set<string>();
  const walk = (x: Expr): void => {
    if (x.t === 'ref') out.add(x.key);
    else if (x.t === 'neg') walk(x.e);
    else if (x.t === 'bin') {
      walk(x.l);
      walk(x.r);
    }
  };
  if ('terms' in e) e.terms.forEach(walk);
  else walk(e);
  return [...out];
}

export type Values = Record<string, number | null | undefined>;

/** Value of an expression over a row's values; null when a value is missing or a division by zero. */
export function evaluate(e: Expr, values: Values): number | null {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'ref': {
      const v = values[e.key];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    case 'neg': {
      const v = evaluate(e.e, values);
      return v === null ? null : -v;
    }
    case 'bin': {
      const l = evaluate(e.l, values);
      const r = evaluate(e.r, values);
      if (l === null || r === null) return null;
      if (e.op === '+') return l + r;
      if (e.op === '-') return l - r;
      if (e.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}

const EPS = 1e-9;
const holds = (a: number, op: Comparison, b: number) =>
  op === '<=' ? a <= b + EPS : op === '>=' ? a + EPS >= b : op === '<' ? a < b - EPS : op === '>' ? a > b + EPS : Math.abs(a - b) <= EPS;

/** Whether a check holds for a row; null when a value it needs is missing (not judged). */
export function evaluateCheck(c: Check, values: Values): boolean | null {
  const vs = c.terms.map((t) => evaluate(t, values));
  if (vs.some((v) => v === null)) return null;
  return c.ops.every((op, i) => holds(vs[i]!, op, vs[i + 1]!));
}

/**
 * Problems of a table's formulas and checks, each with where and a Chinese message: syntax, unknown
 * column or row keys, a formula on a text or yes/no column, a formula referring to itself or in a
 * cycle or to another row, a cross-row check mixing in a bare column or on a table of free rows.
 * Used by the campaign definition's validation.
 */
export function formulaIssues(table: {
  measures: { key: string; type?: string; formula?: string }[];
  checks?: { rule: string }[];
  rows?: { key: string }[];
  rowMode?: string;
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const keys = new Map(table.measures.map((m) => [m.key, m]));
  const deps = new Map<string, string[]>();
  table.measures.forEach((m, i) => {
    if (!m.formula) return;
    const path = ['measures', i, 'formula'];
    if (m.type === 'text' || m.type === 'boolean') issues.push({ path, message: `“${m.key}”是文字或是/否列，不能用公式计算` });
    let e: Expr;
    try {
      e = parseFormula(m.formula);
    } catch (err) {
      issues.push({ path, message: `公式有误：${(err as Error).message}` });
      return;
    }
    const refs = refsOf(e);
    for (const r of refs) {
      if (r === m.key) issues.push({ path, message: `公式不能引用本列“${r}”` });
      else if (!keys.has(r)) issues.push({ path, message: `公式引用了不存在的列“${r}”` });
      else if (['text', 'boolean'].includes(keys.get(r)!.type ?? 'number')) issues.push({ path, message: `公式引用的列“${r}”不是数值列` });
    }
    deps.set(
      m.key,
      refs.filter((r) => r !== m.key && keys.has(r)),
    );
  });
  // Cycles among formula columns (a → b → a).
  const state = new Map<string, 1 | 2>();
  const inCycle = new Set<string>();
  const visit = (k: string, stack: string[]) => {
    if (state.get(k) === 2) return;
    if (state.get(k) === 1) {
      stack.slice(stack.indexOf(k)).forEach((x) => inCycle.add(x));
      return;
    }
    state.set(k, 1);
    for (const d of deps.get(k) ?? []) visit(d, [...stack, k]);
    state.set(k, 2);
  };
  for (const k of deps.keys()) visit(k, []);
  table.measures.forEach((m, i) => {
    if (inCycle.has(m.key)) issues.push({ path: ['measures', i, 'formula'], message: `公式循环引用（${[...inCycle].join('、')}）` });
  });
  const rowKeys = new Set((table.rows ?? []).map((r) => r.key));
  (table.checks ?? []).forEach((c, i) => {
    const path = ['checks', i, 'rule'];
    try {
      const parsed = parseCheck(c.rule);
      const refs = refsOf(parsed);
      const across = refs.some((r) => r.includes('.'));
      if (across && table.rowMode === 'free') issues.push({ path, message: '由填报单位逐行填写的表格不能跨行校验' });
      for (const r of refs) {
        if (across && !r.includes('.')) {
          issues.push({ path, message: `跨行校验的每一项须写成“行.列”，“${r}”未指明行` });
          continue;
        }
        const [row, col] = r.includes('.') ? r.split('.') : [null, r];
        if (row !== null && !rowKeys.has(row)) issues.push({ path, message: `校验规则引用了不存在的行“${row}”` });
        if (!keys.has(col!)) issues.push({ path, message: `校验规则引用了不存在的列“${col}”` });
      }
    } catch (err) {
      issues.push({ path, message: `校验规则有误：${(err as Error).message}` });
    }
  });
  return issues;
}

/** Formula columns in an order where each comes after the formula columns it uses (definitions are validated acyclic). */
export function formulaOrder<T extends { key: string; formula?: string }>(columns: T[]): { col: T; expr: Expr }[] {
  const parsed = columns.filter((c) => c.formula).map((c) => ({ col: c, expr: parseFormula(c.formula!) }));
  const done = new Set<string>();
  const out: { col: T; expr: Expr }[] = [];
  const formulaKeys = new Set(parsed.map((p) => p.col.key));
  while (out.length < parsed.length) {
    const before = out.length;
    for (const p of parsed)
      if (!done.has(p.col.key) && refsOf(p.expr).every((r) => !formulaKeys.has(r) || done.has(r))) {
        done.add(p.col.key);
        out.push(p);
      }
    if (out.length === before) throw new FormulaError('公式循环引用');
  }
  return out;
}
