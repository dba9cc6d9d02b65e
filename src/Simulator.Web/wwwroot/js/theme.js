// Light, dark or the system's theme, remembered in localStorage. App.razor's inline script applies
// the stored choice before first paint; this module changes it and follows the system's scheme.
//
// What a theme sets: <html data-theme="light|dark"> (app.css's variables: page, slot and byte maps,
// timeline marks, chart colours), <html data-theme-choice="light|dark|system">, color-scheme (form
// controls, scroll bars), and Radzen's light or dark Material sheet. Charts and anything else
// drawn by script read app.css's variables (--chart-fg, --chart-grid, ...) and redraw on the
// 'bufferlab:theme' event, dispatched on document with detail { theme, choice }.
import { backgroundOf } from './export.js';

const key = 'bufferlab.theme';
const system = matchMedia('(prefers-color-scheme: dark)');

export function get() {
  const choice = document.documentElement.dataset.themeChoice;
  return choice === 'light' || choice === 'dark' ? choice : 'system';
}

export function set(choice) {
  if (choice !== 'light' && choice !== 'dark') choice = 'system';
  try {
    if (choice === 'system') localStorage.removeItem(key); else localStorage.setItem(key, choice);
  } catch { /* storage blocked: the choice lasts until the page closes */ }
  apply(choice);
  return choice;
}

function apply(choice) {
  const dark = choice === 'dark' || (choice === 'system' && system.matches);
  const theme = dark ? 'dark' : 'light';
  const root = document.documentElement;
  const sheet = document.getElementById('radzen-theme');
  const href = sheet && (dark ? sheet.dataset.dark : sheet.dataset.light);
  root.dataset.themeChoice = choice;
  root.style.colorScheme = theme;
  if (sheet && href && sheet.getAttribute('href') !== href) {
    // Swap the Radzen sheet without a flash of unstyled controls: switch data-theme when the new sheet has loaded.
    const next = sheet.cloneNode();
    next.href = href;
    next.removeAttribute('blocking');
    next.addEventListener('load', () => { sheet.remove(); finish(root, theme, choice); }, { once: true });
    next.addEventListener('error', () => { next.remove(); finish(root, theme, choice); }, { once: true });
    sheet.removeAttribute('id');
    sheet.after(next);
    return;
  }

  finish(root, theme, choice);
}

function finish(root, theme, choice) {
  root.dataset.theme = theme;
  document.dispatchEvent(new CustomEvent('bufferlab:theme', { detail: { theme, choice } }));
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
