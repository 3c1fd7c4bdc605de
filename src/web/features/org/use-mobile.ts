import { Grid } from 'antd';

/**
 * True below the md breakpoint. Grid.useBreakpoint() is empty on the first render, which would
 * mount the phone layout first and then the desktop one (remounting the lazy tree); read the media
 * query directly until antd knows.
 */
export function useMobile(): boolean {
  const screens = Grid.useBreakpoint();
  if (screens.md === undefined) return typeof window !== 'undefined' && window.matchMedia('(max-width: 767.98px)').matches;
  return !screens.md;
}
