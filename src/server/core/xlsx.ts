import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A streaming workbook (exceljs `stream.xlsx.WorkbookWriter`): rows are written out as they are
 * committed instead of being kept as a cell model, so a 50,000-row export costs one pass. `done()`
 * finishes the zip and returns the file's bytes.
 */
export function xlsxWriter() {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '药监通';
  return {
    wb,
    async done(): Promise<Buffer> {
      await wb.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
