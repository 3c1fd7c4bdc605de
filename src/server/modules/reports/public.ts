/** What other modules may use of reports. */
export { computeTable } from './use-cases/compute-table.js';
export { submissionStats } from './submissions/stats.js';
