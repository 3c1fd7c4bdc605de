import { entityWorkbook, workbookBuffer } from '../entity-sheet.js';

/** The empty import template with drop-downs for the coded columns. */
export async function importTemplate() {
  return workbookBuffer(entityWorkbook());
}
