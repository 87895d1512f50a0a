// Applies the theme setting to `<html data-theme>`. "system" follows the
// operating system's colour scheme, including when it changes while running.
import type { Theme } from '../backend';

export type ResolvedTheme = Exclude<Theme, 'system'>;

const DARK_QUERY = '(prefers-color-scheme: dark)';
let stopFollowing: (() => void) | null = null;

export function resolveTheme(theme: Theme, systemDark: boolean): ResolvedTheme {
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

export function applyTheme(theme: Theme, root?: HTMLElement): void {
  // Outside a browser (unit tests) there is no document to theme.
  if (typeof window === 'undefined') return;
  root ??= document.documentElement;
  stopFollowing?.();
  stopFollowing = null;
  const media = window.matchMedia(DARK_QUERY);
  root.dataset.theme = resolveTheme(theme, media.matches);
  if (theme === 'system') {
    const target = root;
    const follow = (event: MediaQueryListEvent) => {
      target.dataset.theme = event.matches ? 'dark' : 'light';
    };
    media.addEventListener('change', follow);
    stopFollowing = () => media.removeEventListener('change', follow);
  }
}
