import { useScreens } from '../../lib/screens.js';

/** True below the md breakpoint (phones). */
export function useMobile(): boolean {
  return !useScreens().md;
}
