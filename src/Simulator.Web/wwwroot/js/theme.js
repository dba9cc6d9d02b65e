// Light, dark or the system's theme, remembered in a cookie (the server reads it to render the
// right MudBlazor palette before any script runs). App.razor's inline script applies the choice
// before first paint; this module changes it and follows the system's scheme.
//
// What a theme sets here: <html data-theme="light|dark"> (app.css's variables: page, slot and byte
// maps, timeline marks, chart colours), <html data-theme-choice="light|dark|system"> and
// color-scheme (form controls, scroll bars). Charts and anything else drawn by script read app.css's
// variables (--chart-fg, --chart-grid, ...) and redraw on the 'bufferlab:theme' event, dispatched
// on document with detail { theme, choice }.
import { backgroundOf } from './export.js';

const cookie = 'bufferlab.theme';
const system = matchMedia('(prefers-color-scheme: dark)');

export function get() {
  const choice = document.documentElement.dataset.themeChoice;
  return choice === 'light' || choice === 'dark' ? choice : 'system';
}

// Returns whether the page is dark now.
export function set(choice) {
  if (choice !== 'light' && choice !== 'dark') choice = 'system';
  document.cookie = choice === 'system'
    ? `${cookie}=; path=/; max-age=0; samesite=lax`
    : `${cookie}=${choice}; path=/; max-age=31536000; samesite=lax`;
  return apply(choice);
}

function apply(choice) {
  const dark = choice === 'dark' || (choice === 'system' && system.matches);
  const theme = dark ? 'dark' : 'light';
  const root = document.documentElement;
  root.dataset.themeChoice = choice;
  root.style.colorScheme = theme;
  root.dataset.theme = theme;
  document.dispatchEvent(new CustomEvent('bufferlab:theme', { detail: { theme, choice } }));
  return dark;
}

system.addEventListener('change', () => { if (get() === 'system') apply('system'); });

// For charts declared in C# (Components/Controls/ChartTheme.cs): the theme's chart colours, read
// at `element` (app.css's --chart-* variables; the page's text colour where one is missing), and
// the colour behind it, which exported images get.
export function chartColours(element) {
  const style = getComputedStyle(element);
  const value = name => style.getPropertyValue(name).trim();
  return {
    foreground: value('--chart-fg') || style.color,
    grid: value('--chart-grid') || 'rgba(128,128,128,0.2)',
    zero: value('--chart-zero') || 'rgba(128,128,128,0.4)',
    background: value('--chart-bg') || 'rgba(0,0,0,0)',
    card: backgroundOf(element),
    lines: value('--chart-colors').split(',').map(c => c.trim()).filter(Boolean),
  };
}

// Calls listener.invokeMethodAsync('ThemeChanged', colours) on every theme change, until dispose().
export function watchChartColours(element, listener) {
  const changed = () => { if (element.isConnected) listener.invokeMethodAsync('ThemeChanged', chartColours(element)); };
  document.addEventListener('bufferlab:theme', changed);
  return { dispose: () => document.removeEventListener('bufferlab:theme', changed) };
}
