// Parses one uploaded spreadsheet off the request thread (a worker thread): an .xlsx streaming
// through exceljs's WorkbookReader (loaded only for an .xlsx), a .csv (UTF-8, UTF-16 with BOM, else
// GBK/GB18030) decoded whole and split by csv-text.mjs. Stops as soon as the row limit is passed.
// Plain JavaScript so it runs the same under tsx, vitest and a built server. Protocol: workerData {buffer, fileName, maxRows,
// maxCell} → one message {ok: true, headers, rowsJson: JSON text of [{n, cells}]} | {ok: false, message}.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { CsvError, parseCsv } from './csv-text.mjs';

class Refused extends Error {}

const pad = (n) => String(n).padStart(2, '0');

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** Collects rows: the first non-empty row is the header; blank rows are skipped but counted. */
function collector(maxRows, maxCell) {
  let headers = null;
  const rows = [];
  return {
    add(n, raw) {
      const cells = raw.map((c) => {
        const s = c == null ? '' : (c.includes('\u00a0') ? c.replace(/\u00a0/g, ' ') : c).trim();
        if (s.length > maxCell) throw new Refused(`第${n}行有单元格超过 ${maxCell} 字，请检查文件（是否有未闭合的引号）`);
        return s;
      });
      if (!headers) {
        if (!cells.some((c) => c !== '')) return;
        headers = cells;
        while (headers.length && headers[headers.length - 1] === '') headers.pop();
        return;
      }
      const row = cells.slice(0, Math.max(headers.length, 1));
      if (row.every((c) => c === '')) return;
      if (rows.length >= maxRows) throw new Refused(`单次最多导入 ${maxRows} 行，请分批导入`);
      rows.push({ n, cells: row });
    },
    result() {
      if (!headers) throw new Refused('文件为空');
      return { headers, rows };
    },
  };
}

async function readXlsx(buf, out) {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let seen = false;
  try {
    for await (const sheet of reader) {
      let any = false;
      for await (const row of sheet) {
        any = true;
        const values = Array.isArray(row.values) ? row.values : [];
        const cells = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        out.add(row.number, cells);
      }
      if (any) {
        seen = true;
        break;
      }
    }
  } catch (e) {
    if (e instanceof Refused) throw e;
    throw new Refused('无法读取 Excel 文件，请确认是 .xlsx 格式');
  }
  if (!seen) throw new Refused('Excel 文件中没有数据');
}

function encodingOf(buf) {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return ['utf8', 3];
  if (buf[0] === 0xff && buf[1] === 0xfe) return ['utf16le', 2];
  if (buf[0] === 0xfe && buf[1] === 0xff) return ['utf16be', 2];
  return [isUtf8(buf) ? 'utf8' : 'gb18030', 0];
}

async function readCsv(buf, out, maxCell) {
  const [enc, skip] = encodingOf(buf);
  const head = iconv.decode(buf.subarray(skip, skip + 64 * 1024), enc);
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  const delimiter = [',', '\t', ';'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  const text = enc === 'utf8' ? buf.toString('utf8', skip) : iconv.decode(buf.subarray(skip), enc);
  try {
    parseCsv(text, delimiter, maxCell * 4, (n, record) => out.add(n, record));
  } catch (e) {
    if (e instanceof Refused) throw e;
    const n = e instanceof CsvError ? e.record : 0;
    if (e.code === 'CSV_MAX_RECORD_SIZE') throw new Refused(`第${n}行过长，请检查文件（是否有未闭合的引号）`);
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw new Refused(`第${n}行起的引号未闭合，请检查文件`);
    throw new Refused(`无法读取 CSV 文件（第${n}行附近格式错误）`);
  }
}

async function main() {
  const { buffer, fileName, maxRows, maxCell } = workerData;
  const buf = Buffer.from(buffer);
  const out = collector(maxRows, maxCell);
  const isZip = buf[0] === 0x50 && buf[1] === 0x4b;
  const isOle = buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
  if (isOle || (fileName.toLowerCase().endsWith('.xls') && !isZip))
    throw new Refused('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV');
  if (isZip) await readXlsx(buf, out);
  else await readCsv(buf, out, maxCell);
  return out.result();
}

main().then(
  // The rows as one JSON text: a string crosses to the request thread as one copy, where a
  // structured clone of 50,000 row objects cost about three times as long.
  (table) => parentPort.postMessage({ ok: true, headers: table.headers, rowsJson: JSON.stringify(table.rows) }),
  (e) =>
    parentPort.postMessage({
      ok: false,
      message: e instanceof Refused ? e.message : '无法读取文件',
      detail: e instanceof Refused ? undefined : String(e && e.stack),
    }),
);
