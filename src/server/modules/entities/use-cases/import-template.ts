import { entityWorkbook } from '../entity-sheet.js';

/** The empty import template with drop-downs for the coded columns. */
export async function importTemplate() {
  return entityWorkbook();
}
