import { z } from 'zod';

/**
 * Bounded field schemas shared by every contract. Ids are PostgreSQL `integer`s: a larger number
 * is refused at the edge (400) instead of reaching the database (22003 → was a 500). Every number
 * a request carries has a maximum; every string has a length limit in its own contract.
 */
export const MAX_ID = 2_147_483_647;
/** The largest count, quota or amount a form may carry (a PostgreSQL integer). */
export const MAX_INT = 2_147_483_647;

const ID_MESSAGE = '编号须为有效的正整数';
/** A row id in a JSON body. */
export const id = z.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** A row id in a path or query string ("42"). */
export const idParam = z.coerce.number({ error: ID_MESSAGE }).int(ID_MESSAGE).positive(ID_MESSAGE).max(MAX_ID, ID_MESSAGE);
/** A list of ids (e.g. inspectors), at most `max`. */
export const idList = (max: number) => z.array(id).max(max, `最多${max}项`);

/** A whole number in [min, max]. */
export const int = (min: number, max: number) => z.number().int('须为整数').min(min, `不能小于${min}`).max(max, `不能大于${max}`);
/** A whole number in [min, max] from a query string. */
export const intParam = (min: number, max: number) =>
  z.coerce.number().int('须为整数').min(min, `不能小于${min}`).max(max, `不能大于${max}`);

/**
 * C0 control characters other than tab, line feed and carriage return. PostgreSQL refuses NUL in
 * text and JSON (22021/22P05) and the others are never typed by a person; the request guard
 * (`server/core/input-guard.ts`) refuses them in every body, query string, path and upload name.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** A required text field of at most `max` characters (trimmed; Chinese messages). */
export const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过${max}字`);
/** An optional text field of at most `max` characters (trimmed). */
export const optText = (max: number) => z.string().trim().max(max, `不能超过${max}字`).optional();
