import ExcelJS from 'exceljs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { passwordRule } from '../../../../contracts/auth.js';
import { createPersonInput } from '../../../../contracts/org.js';
import type { SheetRowError } from '../../../../contracts/sheets.js';
import { readSheet } from '../../../core/sheets/read.js';
import { DATA_SCOPE_LABELS, DATA_SCOPES, ROLE_LABELS, ROLES, type DataScope, type Role } from '../../../../contracts/permissions.js';
import type { DbOrTx } from '../../../../db/client.js';
import { jurisdictions, orgUnits, users } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError, invalid } from '../../../core/errors.js';
import { scopeWhere } from '../../../core/scope.js';
import { hashPassword } from '../../auth/public.js';
import { preparePerson, type PersonInput } from './create-person.js';

/** Columns of the people sheet, in order. Required ones first. */
export const IMPORT_COLUMNS = ['姓名', '用户名', '所属机构', '角色', '数据范围', '负责辖区', '职务', '手机', '邮箱', '初始密码'] as const;
const REQUIRED = new Set(['姓名', '用户名', '所属机构', '角色']);
const MAX_ROWS = 5000;

export type ImportRowError = SheetRowError;
export interface ImportResult {
  total: number;
  valid: number;
  errors: ImportRowError[];
  created: number;
  preview: { row: number; username: string; displayName: string; orgUnitName: string; role: Role }[];
}

/** Units the actor may manage, each with a label that is unique (name, or "辖区/name" when names repeat). */
async function unitChoices(ctx: Ctx, db: DbOrTx) {
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      jurisdictionName: jurisdictions.name,
      path: jurisdictions.path,
    })
    .from(orgUnits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, orgUnits.jurisdictionId))
    .where(
      and(
        scopeWhere({ ...ctx.actor, scope: ctx.actor.scope === 'all' ? 'all' : 'jurisdiction' }, { jurisdiction: orgUnits.jurisdictionId }),
        eq(orgUnits.active, true),
      ),
    )
    .orderBy(asc(jurisdictions.path), asc(orgUnits.sortOrder), asc(orgUnits.id));
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return rows.map((r) => ({ ...r, label: count.get(r.name)! > 1 ? `${r.jurisdictionName}/${r.name}` : r.name }));
}

/** The Excel template: the people sheet with drop-down lists for role, data scope and unit. */
export async function importTemplate(ctx: Ctx): Promise<Buffer> {
  const units = await unitChoices(ctx, ctx.db);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  const lists = wb.addWorksheet('选项', { state: 'veryHidden' });
  ws.columns = IMPORT_COLUMNS.map((h) => ({
    header: h,
    key: h,
    width: h === '所属机构' || h === '负责辖区' ? 28 : h === '邮箱' ? 24 : 14,
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => {
    if (REQUIRED.has(String(c.value))) c.note = '必填';
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const roleLabels = ROLES.filter((r) => r !== 'admin').map((r) => ROLE_LABELS[r]);
  const scopeLabels = DATA_SCOPES.map((s) => DATA_SCOPE_LABELS[s]);
  roleLabels.forEach((v, i) => (lists.getCell(i + 1, 1).value = v));
  scopeLabels.forEach((v, i) => (lists.getCell(i + 1, 2).value = v));
  units.forEach((u, i) => (lists.getCell(i + 1, 3).value = u.label));
  const list = (col: string, n: number) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`选项!$${col}$1:$${col}$${Math.max(n, 1)}`],
  });
  for (let r = 2; r <= 1000; r++) {
    ws.getCell(r, 3).dataValidation = { ...list('C', units.length), showErrorMessage: true, error: '请从列表中选择机构' };
    ws.getCell(r, 4).dataValidation = { ...list('A', roleLabels.length), showErrorMessage: true, error: '请从列表中选择角色' };
    ws.getCell(r, 5).dataValidation = list('B', scopeLabels.length);
    ws.getCell(r, 8).numFmt = '@';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface ParsedRow {
  row: number;
  cells: Record<string, string>;
}

/** Read the sheet with the shared kit (worker thread, streaming, row limit) and key cells by header. */
async function readPeopleSheet(ctx: Ctx, file: { buffer: Buffer; fileName: string }): Promise<ParsedRow[]> {
  const table = await readSheet(file.buffer, file.fileName, { maxRows: MAX_ROWS, userId: ctx.actor.id });
  const colOf = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const k = h.replace(/\s|\*/g, '');
    if (!colOf.has(k)) colOf.set(k, i);
  });
  const missing = [...REQUIRED].filter((h) => !colOf.has(h));
  if (missing.length) throw invalid(`表头缺少：${missing.join('、')}（请使用下载的模板）`);
  const out = table.rows.map(({ n, cells }) => {
    const byHeader: Record<string, string> = {};
    for (const h of IMPORT_COLUMNS) byHeader[h] = colOf.has(h) ? (cells[colOf.get(h)!] ?? '') : '';
    return { row: n, cells: byHeader };
  });
  if (!out.length) throw invalid('文件中没有人员数据');
  return out;
}

const ROLE_BY_TEXT = new Map<string, Role>(
  ROLES.flatMap(
    (r) =>
      [
        [r, r],
        [ROLE_LABELS[r], r],
      ] as [string, Role][],
  ),
);
const SCOPE_BY_TEXT = new Map<string, DataScope>(
  DATA_SCOPES.flatMap(
    (s) =>
      [
        [s, s],
        [DATA_SCOPE_LABELS[s], s],
      ] as [string, DataScope][],
  ),
);
const FIELD_COLUMN: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  phone: '手机',
  email: '邮箱',
  title: '职务',
  password: '初始密码',
  role: '角色',
  dataScope: '数据范围',
};

async function findJurisdictionInUnit(db: DbOrTx, name: string, unitPath: string) {
  const inside = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.name, name), sql`${jurisdictions.path} like ${unitPath + '%'}`))
    .limit(2);
  if (inside.length === 1) return { id: inside[0].id };
  if (inside.length > 1) return { error: `负责辖区“${name}”在所属机构辖区内有重名，请联系管理员` };
  const [anywhere] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.name, name)).limit(1);
  return { error: anywhere ? `负责辖区“${name}”不在所属机构的辖区之内` : `负责辖区“${name}”不存在` };
}

/** Turn each row into a validated insert, or the reasons it cannot be imported. */
/** `hashes`: each row's 初始密码 hashed (by row number); none on a dry run. */
async function validateRows(ctx: Ctx, db: DbOrTx, rows: ParsedRow[], hashes?: Map<number, string>) {
  const units = await unitChoices(ctx, db);
  const unitByText = new Map<string, (typeof units)[number] | null>();
  const remember = (k: string | null, u: (typeof units)[number]) => {
    if (!k) return;
    unitByText.set(k, unitByText.has(k) && unitByText.get(k)?.id !== u.id ? null : u);
  };
  for (const u of units) {
    remember(u.label, u);
    remember(u.name, u);
    remember(u.shortName, u);
  }
  const seen = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const ok: { row: number; values: Awaited<ReturnType<typeof preparePerson>>; orgUnitName: string }[] = [];
  for (const { row, cells } of rows) {
    const rowErrors: ImportRowError[] = [];
    const fail = (column: string | undefined, message: string) => rowErrors.push({ row, column: column ?? null, message });
    for (const h of REQUIRED) if (!cells[h]) fail(h, `${h}不能为空`);
    const role = cells['角色'] ? ROLE_BY_TEXT.get(cells['角色']) : undefined;
    if (cells['角色'] && !role) fail('角色', `未知角色“${cells['角色']}”`);
    const dataScope = cells['数据范围'] ? SCOPE_BY_TEXT.get(cells['数据范围']) : undefined;
    if (cells['数据范围'] && !dataScope) fail('数据范围', `未知数据范围“${cells['数据范围']}”`);
    const unit = cells['所属机构'] ? unitByText.get(cells['所属机构']) : undefined;
    if (cells['所属机构'] && unit === undefined) fail('所属机构', `未知机构“${cells['所属机构']}”（或不在本人管理范围内）`);
    if (cells['所属机构'] && unit === null) fail('所属机构', `机构“${cells['所属机构']}”有重名，请写成“辖区/机构名”`);
    const key = cells['用户名'].toLowerCase();
    if (key && seen.has(key)) fail('用户名', `用户名“${cells['用户名']}”与第 ${seen.get(key)} 行重复`);
    else if (key) seen.set(key, row);
    const input = {
      username: cells['用户名'],
      displayName: cells['姓名'],
      role: role ?? 'inspector',
      dataScope,
      orgUnitId: unit?.id ?? 1,
      title: cells['职务'] || null,
      phone: cells['手机'] || null,
      email: cells['邮箱'] || null,
      password: cells['初始密码'] || undefined,
    };
    const parsed = createPersonInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col = FIELD_COLUMN[String(issue.path[0])];
        if (col && REQUIRED.has(col) && !cells[col]) continue; // already reported as missing
        fail(col, `${col ?? ''}${col ? '：' : ''}${issue.message}`);
      }
    }
    if (cells['手机'] && !/^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/.test(cells['手机'].replace(/\s/g, ''))) {
      if (!rowErrors.some((e) => e.column === '手机')) fail('手机', `手机号码“${cells['手机']}”格式错误`);
    }
    let jurisdictionId: number | undefined;
    if (unit && cells['负责辖区'] && cells['负责辖区'] !== unit.jurisdictionName) {
      const j = await findJurisdictionInUnit(db, cells['负责辖区'], unit.path);
      if ('error' in j) fail('负责辖区', j.error!);
      else jurisdictionId = j.id;
    }
    if (!rowErrors.length && parsed.success) {
      try {
        const values = await preparePerson(ctx, db, { ...(parsed.data as PersonInput), jurisdictionId }, hashes?.get(row) ?? null);
        ok.push({ row, values, orgUnitName: unit!.label });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const col =
          e.code === 'CONFLICT'
            ? '用户名'
            : e.message.includes('辖区')
              ? '负责辖区'
              : e.message.includes('角色') || e.message.includes('管理员')
                ? '角色'
                : e.message.includes('数据权限')
                  ? '数据范围'
                  : e.message.includes('密码')
                    ? '初始密码'
                    : undefined;
        fail(col, e.message);
      }
    }
    errors.push(...rowErrors);
  }
  return { ok, errors };
}

/**
 * Import people from the template. A dry run reports every bad row; a real run imports all rows
 * or none, in one transaction with one audit row per person. New people have no password unless
 * the sheet gives 初始密码 (they must change it at first sign-in); an admin resets it to issue one.
 */
export async function importPeople(ctx: Ctx, file: { buffer: Buffer; fileName: string }, opts: { dryRun: boolean }): Promise<ImportResult> {
  const rows = await readPeopleSheet(ctx, file);
  const summary = (checked: Awaited<ReturnType<typeof validateRows>>, created: number): ImportResult => ({
    total: rows.length,
    valid: checked.ok.length,
    errors: checked.errors,
    created,
    preview: checked.ok.map(({ row, values, orgUnitName }) => ({
      row,
      username: values.username,
      displayName: values.displayName,
      orgUnitName,
      role: values.role as Role,
    })),
  });
  if (opts.dryRun) return summary(await validateRows(ctx, ctx.db, rows), 0);
  // Initial passwords are hashed before the transaction: ~0.3 s each, not spent holding it.
  const hashes = new Map<number, string>();
  // Only passwords the validation below can accept (the others are refused there).
  for (const { row, cells } of rows) {
    const password = cells['初始密码'];
    if (password && passwordRule.safeParse(password).success) hashes.set(row, await hashPassword(password));
  }
  // Validate inside the transaction that inserts, so nothing can slip in between check and insert.
  return ctx.db.transaction(async (tx) => {
    const checked = await validateRows(ctx, tx, rows, hashes);
    if (checked.errors.length) {
      throw invalid(`有 ${new Set(checked.errors.map((e) => e.row)).size} 行数据有误，未导入任何人员`, checked.errors);
    }
    for (let i = 0; i < checked.ok.length; i += 500) {
      const inserted = await tx
        .insert(users)
        .values(checked.ok.slice(i, i + 500).map((r) => r.values))
        .returning();
      for (const row of inserted) {
        await audit(tx, ctx, {
          action: 'user.import',
          entityType: 'user',
          entityId: row.id,
          jurisdictionId: row.jurisdictionId,
          summary: `导入人员 ${row.displayName}`,
          after: row,
        });
      }
    }
    return summary(checked, checked.ok.length);
  });
}
