import { z } from 'zod';

/**
 * Optimistic concurrency for every editable record. A record carries `version` (1 when created,
 * +1 on every change); an update sends the version it was loaded at in its body. When someone
 * else changed the record in between, the server answers 409 `STALE_VERSION` with the record as
 * it is now in `details.current`, so the client can show both edits and let the user merge.
 * For records a unit fills in once and then maintains (liaisons, task progress), version 0 means
 * "there was no row when I loaded the form".
 */
export const STALE_VERSION = 'STALE_VERSION';
export const STALE_VERSION_MESSAGE = '已被他人修改：请查看对方的修改，合并后再保存';

export const recordVersion = z
  .number({ error: (i) => (i.input === undefined ? '缺少版本号（version）：请先读取记录，再带上读取时的版本号保存' : '版本号须为整数') })
  .int('版本号须为整数')
  .min(0, '版本号不能为负数')
  .max(2147483647, '版本号过大')
  .describe('The version of the record as it was read (from GET/list); a stale one gets 409 STALE_VERSION with the current record.');

/** Adds the required `version` field to an update body. */
export const versioned = { version: recordVersion };

export interface StaleVersionDetails<T = unknown> {
  current: T;
}
