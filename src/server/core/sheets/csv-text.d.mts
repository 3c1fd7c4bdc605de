/** Types of csv-text.mjs (plain JavaScript, run by the sheet worker). */
export declare class CsvError extends Error {
  code: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE';
  /** The record's number, from 1. */
  record: number;
}

export declare function parseCsv(text: string, delimiter: string, maxRecord: number, onRecord: (n: number, fields: string[]) => void): void;
