import { createHash } from 'node:crypto';

/**
 * The print button's only script, shared by the printable views (plan, 现场检查笔录). The app's
 * Content-Security-Policy allows no inline script, so a print route sends `PRINT_CSP`, which
 * allows exactly this script by its hash and nothing else (images only from the app or data URLs).
 */
export const PRINT_SCRIPT = "document.getElementById('print').addEventListener('click', () => window.print());";
export const PRINT_CSP = `default-src 'none'; script-src 'sha256-${createHash('sha256').update(PRINT_SCRIPT).digest('base64')}'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
