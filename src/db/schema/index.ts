// One line per feature; drizzle-kit reads this file to generate migrations.
export * from './org.js';
export * from './people.js';
export * from './audit.js';
export * from './entities.js';
