import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-text.mjs';

/** Our parser's records, or its error as csv-parse would name it (`records`: whole records before). */
function ours(text: string, maxRecord = 1000) {
  const out: string[][] = [];
  try {
    parseCsv(text, ',', maxRecord, (_n: number, f: string[]) => out.push(f));
    return out;
  } catch (e) {
    const err = e as { code: string; record: number };
    return { code: err.code, records: err.record - 1 };
  }
}

/** csv-parse with the options the sheet worker used before (the oracle). */
function theirs(text: string, maxRecord = 1000) {
  try {
    return parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: maxRecord }) as string[][];
  } catch (e) {
    const err = e as { code: string; records: number };
    return { code: err.code, records: err.records };
  }
}

describe('CSV text to records (the sheet worker parser), against csv-parse', () => {
  it('reads quoting, escaped quotes, line breaks in fields, blank lines and each line ending as csv-parse does', () => {
    for (const text of [
      'a,b\r\n"x, y","say ""hi""\nthere"\r\n',
      '"ab"c,d\n',
      'a"b,c\n',
      'a,b\rc,d\r',
      'a,b\r\nc,d',
      'x\n\n\ny\n',
      'a,b,\n',
      ' "a",b\n',
      '"a"  ,b\n',
      '"a""b",""\n',
      'a,b\n"c\r\nd",e\r\n',
      'a,\n,b',
      '',
      '康宁药店,"兴隆台区, 1号"\n',
    ])
      expect(ours(text), JSON.stringify(text)).toEqual(theirs(text));
  });

  it('names the record of an unclosed quote and of an over-long record', () => {
    expect(ours('a,b\n1,2\n3,"4\nx,y\n')).toEqual({ code: 'CSV_QUOTE_NOT_CLOSED', records: 2 });
    expect(theirs('a,b\n1,2\n3,"4\nx,y\n')).toMatchObject({ code: 'CSV_QUOTE_NOT_CLOSED', records: 2 });
    expect(ours('a\nbbbbbbbbbbbb\n', 10)).toEqual({ code: 'CSV_MAX_RECORD_SIZE', records: 1 });
    expect(theirs('a\nbbbbbbbbbbbb\n', 10)).toMatchObject({ code: 'CSV_MAX_RECORD_SIZE', records: 1 });
  });

  it('agrees with csv-parse on 5,000 random texts of commas, quotes, mixed line endings and letters', () => {
    let seed = 20261203;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'b', '中', ',', ',', '"', '"', '\n', '\r\n', '\r', ' '];
    for (let k = 0; k < 5000; k++) {
      let text = '';
      const len = Math.floor(rand() * 40);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const want = theirs(text);
      const got = ours(text);
      expect(got, JSON.stringify(text)).toEqual(Array.isArray(want) ? want : { code: want.code, records: want.records });
    }
  });
});
