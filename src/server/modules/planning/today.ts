/**
 * Today's date in Asia/Shanghai (YYYY-MM-DD), where the bureaus work. Local helper until the shared
 * calendar (`contracts/calendar.ts`) lands; then this file should defer to it.
 */
const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const shanghaiToday = (now = new Date()) => fmt.format(now);
