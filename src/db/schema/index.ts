// One line per feature; drizzle-kit reads this file to generate migrations.
export * from './org.js';
export * from './people.js';
export * from './audit.js';
export * from './campaigns.js';
export * from './tips.js';
export * from './entities.js';
export * from './planning.js';
export * from './jobs.js';
export * from './inspections.js';
export * from './documents.js';
export * from './files.js';
export * from './calendar.js';
export * from './clues.js';
export * from './complaints.js';
export * from './risks.js';
