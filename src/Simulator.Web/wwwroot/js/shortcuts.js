// Page keyboard shortcuts (space, arrows, Home, End), ignored while typing in a field, and
// URL updates that do not make Blazor navigate.
export function bind(dotnet) {
  const keys = new Set([' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End']);
  const handler = e => {
    if (!keys.has(e.key) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest('input, textarea, select, [contenteditable], .rz-dropdown, .rz-slider')) return;
    e.preventDefault();
    dotnet.invokeMethodAsync('OnShortcut', e.key);
  };
  document.addEventListener('keydown', handler);
  document.documentElement.dataset.interactive = '1'; // the page answers controls now (tests wait for this)
  return { dispose: () => document.removeEventListener('keydown', handler) };
}

export function replaceQuery(query) {
  const url = query ? `${location.pathname}?${query}` : location.pathname;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', url);
}
