import ExcelJS from 'exceljs';

/** Every cell value of a downloaded workbook's first sheet, row by row (for tests of Excel exports). */
export async function sheetValues(payload: Buffer): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const values: unknown[] = [];
  wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => values.push(c.value)));
  return values;
}
