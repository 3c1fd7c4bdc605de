import { CALENDAR_YEAR_MISSING, CalendarYearMissing } from '../../contracts/calendar.js';

/** Typed application errors: a stable code for programs and a Chinese message for people. */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权访问`, 404);
export const forbidden = (message = '没有执行该操作的权限') => new AppError('FORBIDDEN', message, 403);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录', 401);
export const conflict = (message: string) => new AppError('CONFLICT', message, 409);
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION', message, 400, details);

/**
 * PostgreSQL errors a request can cause, as `AppError`s with a Chinese message that names no SQL,
 * table or constraint. Class 22 (data exception) is bad input → 400; class 23 (integrity) is a
 * duplicate or a reference → 409, or a missing/invalid value → 400; a serialisation failure or
 * deadlock (40001/40P01) is a concurrent change → 409; 54000 (a value too large to index) → 400.
 * Anything else stays unmapped (a 500, logged).
 */
const PG_ERRORS: Record<string, [number, string, string]> = {
  '22001': [400, 'VALIDATION', '字段内容过长'],
  '22003': [400, 'VALIDATION', '数值超出允许范围'],
  '22007': [400, 'VALIDATION', '日期或时间格式错误'],
  '22008': [400, 'VALIDATION', '日期或时间超出允许范围'],
  '22021': [400, 'VALIDATION', '内容含有无效字符'],
  '22P05': [400, 'VALIDATION', '内容含有无效字符'],
  '22P02': [400, 'VALIDATION', '字段格式错误'],
  '22023': [400, 'VALIDATION', '参数取值无效'],
  '22025': [400, 'VALIDATION', '搜索条件中的转义字符有误'],
  '2201B': [400, 'VALIDATION', '搜索条件格式错误'],
  '23505': [409, 'CONFLICT', '数据重复：已存在相同记录'],
  '23503': [409, 'REFERENCE', '关联数据不存在或仍被引用'],
  '23001': [409, 'REFERENCE', '数据仍被引用，不能删除'],
  '23P01': [409, 'CONFLICT', '与已有记录冲突'],
  '23502': [400, 'VALIDATION', '缺少必填数据'],
  '23514': [400, 'VALIDATION', '数据不符合约束条件'],
  '40001': [409, 'CONCURRENT_CHANGE', '数据正被他人同时修改，请刷新后重试'],
  '40P01': [409, 'CONCURRENT_CHANGE', '数据正被他人同时修改，请刷新后重试'],
  '54000': [400, 'VALIDATION', '内容过大，超出数据库允许的长度'],
};

/** The PostgreSQL error (code 5 characters) in an error or its causes (drizzle wraps it). */
export function pgErrorOf(err: unknown): { code: string } | undefined {
  let e: any = err;
  for (let i = 0; e && i < 5; i++, e = e.cause) if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  return undefined;
}

export function fromDatabaseError(err: unknown): AppError | undefined {
  const code = pgErrorOf(err)?.code;
  if (!code) return undefined;
  const known = PG_ERRORS[code];
  if (known) return new AppError(known[1], known[2], known[0]);
  if (code.startsWith('22')) return new AppError('VALIDATION', '数据格式错误或超出允许范围', 400);
  if (code.startsWith('23')) return new AppError('CONFLICT', '数据与已有记录冲突', 409);
  return undefined;
}

/**
 * A working-day question about a year whose holidays are not entered (contracts/calendar.ts): 409
 * CALENDAR_YEAR_MISSING with the year, so a person learns what to ask the administrator for.
 */
export function fromCalendarError(err: unknown): AppError | undefined {
  if (!(err instanceof CalendarYearMissing)) return undefined;
  return new AppError(CALENDAR_YEAR_MISSING, err.message, 409, { year: err.year });
}

/** A message fit for a person (a job's message, a log shown in the UI): never SQL or internals. */
export function publicMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof CalendarYearMissing) return err.message;
  return fromDatabaseError(err)?.message ?? '服务器内部错误';
}
