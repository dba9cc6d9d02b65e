// Light, dark or the system's theme, remembered in a cookie (the server reads it to render the
// right MudBlazor palette before any script runs). App.razor's inline script applies the choice
// before first paint; this module changes it and follows the system's scheme.
//
// What a theme sets here: <html data-theme="light|dark"> (app.css's variables: page, slot and byte
// maps, timeline marks, chart colours), <html data-theme-choice="light|dark|system"> and
// color-scheme (form controls, scroll bars). Charts and anything else drawn by script read app.css's
// variables (--chart-fg, --chart-grid, ...) and redraw on the 'bufferlab:theme' event, dispatched
// on document with detail { theme, choice }.
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
