/** What other modules and the demo data use of entities: bulk registry writes and the kind catalogue sync. */
export { writeRecords } from './bulk-write.js';
export type { ImportRecord } from './import-read.js';
export { syncEntityKinds } from './kinds.js';
export { setCreditGrades } from './credit-grades.js';
export { documentUnit, type DocumentUnit } from './document-unit.js';
