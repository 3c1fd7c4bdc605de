import { z } from 'zod';

/**
 * One bad row of an uploaded spreadsheet, the same shape for every import (entities, people, and
 * later sampling, ADR, complaints): the row number in the file (0 = the file as a whole), the
 * column's header as the user wrote it (null when the problem is the row), and the reason.
 */
export const sheetRowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export type SheetRowError = z.infer<typeof sheetRowError>;
