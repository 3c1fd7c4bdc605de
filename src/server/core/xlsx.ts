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
  memoiseStyles(wb);
  return {
    wb,
    async done(): Promise<Buffer> {
      await wb.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

/**
 * A workbook of one plain table (bold header row, fixed column widths): the lists' Excel exports.
 * Rows are committed as they are added, so memory stays flat however long the list.
 */
export async function tableWorkbook(
  sheet: string,
  columns: { header: string; width: number }[],
  rows: Iterable<unknown[]>,
): Promise<Buffer> {
  const w = xlsxWriter();
  const ws = w.wb.addWorksheet(sheet);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  return w.done();
}

/**
 * exceljs looks a cell's style up by rendering it to XML, for every cell (each cell carries its own
 * copy of the row's and column's style, so its identity cache never hits): most of an export's time.
 * The lookup only depends on the style's content and the cell's type, so it is remembered by those.
 */
function memoiseStyles(wb: ExcelJS.stream.xlsx.WorkbookWriter) {
  const styles = (wb as unknown as { styles: { addStyleModel(model: object | undefined, cellType?: number): number } }).styles;
  const add = styles.addStyleModel.bind(styles);
  const seen = new Map<string, number>();
  styles.addStyleModel = (model, cellType) => {
    if (!model) return 0;
    // Most cells carry only their column's number format: a key without serialising the model.
    const keys = Object.keys(model);
    const only = keys.length === 1 && keys[0] === 'numFmt' ? (model as { numFmt: unknown }).numFmt : undefined;
    const key = typeof only === 'string' ? `${cellType ?? ''}|numFmt|${only}` : `${cellType ?? ''}|${JSON.stringify(model)}`;
    let id = seen.get(key);
    if (id === undefined) seen.set(key, (id = add(model, cellType)));
    return id;
  };
}
