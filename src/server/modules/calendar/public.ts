// What other modules may use of the calendar module.
export { forgetCalendar, workCalendar } from './store.js';
export { seedCalendar } from './seed.js';
