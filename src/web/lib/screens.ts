import { useSyncExternalStore } from 'react';

/**
 * The screen widths the layout answers to, with Ant Design's breakpoints (its default theme tokens:
 * sm 576, md 768, lg 992, xl 1200, xxl 1600, xxxl 1920 px) — what antd's `Grid.useBreakpoint()` returns, read
 * from `matchMedia` when a component first renders. antd's hook starts every component with no
 * screens (a phone) and corrects itself after mounting: on a desk the whole app was built twice at
 * its first load, the first time as the phone layout (drawer menu, cards) and then thrown away.
 */
export type Screens = Partial<Record<'xs' | 'sm' | 'md' | 'lg' | 'xl' | 'xxl' | 'xxxl', boolean>>;

const QUERIES: [keyof Screens, string][] = [
  ['xs', '(max-width: 575px)'],
  ['sm', '(min-width: 576px)'],
  ['md', '(min-width: 768px)'],
  ['lg', '(min-width: 992px)'],
  ['xl', '(min-width: 1200px)'],
  ['xxl', '(min-width: 1600px)'],
  ['xxxl', '(min-width: 1920px)'],
];

let lists: [keyof Screens, MediaQueryList][] | null = null;
let current: Screens = {};

function read(): Screens {
  lists ??= QUERIES.map(([k, q]) => [k, window.matchMedia(q)]);
  const next = Object.fromEntries(lists.map(([k, l]) => [k, l.matches])) as Screens;
  // The same object while nothing changed, so React sees no change.
  return lists.every(([k]) => next[k] === current[k]) ? current : (current = next);
}

function subscribe(onChange: () => void) {
  read();
  for (const [, l] of lists!) l.addEventListener('change', onChange);
  return () => {
    for (const [, l] of lists!) l.removeEventListener('change', onChange);
  };
}

export function useScreens(): Screens {
  return useSyncExternalStore(subscribe, read);
}

/** True below the md breakpoint (phones). */
export function useMobile(): boolean {
  return !useScreens().md;
}
