import { eq, sql } from 'drizzle-orm';
import { dateOf, isoDate, shanghaiToday } from '../../../contracts/calendar.js';
import { DOCUMENT_KINDS, documentNumberText, type DocumentKind } from '../../../contracts/documents.js';
import type { Tx } from '../../../db/client.js';
import { documentIssuers, documentNumbers } from '../../../db/schema/index.js';
import { AppError } from '../errors.js';

export interface AllocatedNumber {
  /** The serial within the unit, kind and year (1, 2, …). */
  number: number;
  year: number;
  /** The printed number, e.g. 兴市监责改〔2026〕12号. */
  text: string;
}

/**
 * The next document number of `orgUnitId` for `kind` in the Beijing calendar year of `date`
 * (an ISO date, or an instant; default today in Beijing). One `INSERT … ON CONFLICT DO UPDATE …
 * RETURNING` in the caller's transaction: concurrent callers queue on the counter row and each
 * gets its own number; a rolled-back document gives its number back (the row lock is held until
 * the caller commits, so keep the rest of that transaction short).
 */
export async function allocateNumber(
  tx: Tx,
  args: { orgUnitId: number; kind: DocumentKind; date?: string | Date },
): Promise<AllocatedNumber> {
  if (!(args.kind in DOCUMENT_KINDS)) throw new AppError('VALIDATION', '文书种类无效', 400);
  const day = args.date === undefined ? shanghaiToday() : args.date instanceof Date ? dateOf(args.date) : args.date;
  if (!isoDate.safeParse(day).success) throw new AppError('VALIDATION', '文书日期无效', 400);
  const year = Number(day.slice(0, 4));
  const [issuer] = await tx
    .select({ abbreviation: documentIssuers.abbreviation })
    .from(documentIssuers)
    .where(eq(documentIssuers.orgUnitId, args.orgUnitId));
  if (!issuer) throw new AppError('DOCUMENT_ISSUER_MISSING', '本单位尚未设置发文机关代字，无法给文书编号', 409);
  const [row] = await tx
    .insert(documentNumbers)
    .values({ orgUnitId: args.orgUnitId, kind: args.kind, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentNumbers.orgUnitId, documentNumbers.kind, documentNumbers.year],
      set: { lastNumber: sql`${documentNumbers.lastNumber} + 1` },
    })
    .returning({ lastNumber: documentNumbers.lastNumber });
  const n = row!.lastNumber;
  return { number: n, year, text: documentNumberText(issuer.abbreviation, args.kind, year, n) };
}
