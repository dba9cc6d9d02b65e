// Page keyboard shortcuts and URL updates that do not make Blazor navigate.
//
// The keys come from the circuit's ShortcutRegistry (C#), which also answers them and lists them
// in the `?` help: register a shortcut there, not here. A key with a `focus` selector focuses that
// element here at once (what is typed next must land in it); the others go to the registry. Keys are ignored while typing in a field,
// inside an open dialog (MudDialog's, which marks itself aria-modal), and with Ctrl, Alt or Meta held; space and Enter on a focused button or
// link stay that control's own. Letters are matched in lower case.
const typing = 'input, textarea, select, [contenteditable], [role=listbox], [role=option], .mud-select';
const ownsActivation = 'button, a[href], [role=button], [role=option], [role=tab], [role=checkbox], [role=radio]';

export function bind(dotnet, keys) {
  let active = toMap(keys);
  const handler = e => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (moveAmongMarks(e)) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (!active.has(key)) return;
    const target = e.target instanceof Element ? e.target : document.body;
    if (target.closest(typing) || document.querySelector('[role=dialog][aria-modal=true]')) return;
    if ((key === ' ' || key === 'Enter') && target.closest(ownsActivation)) return;
    e.preventDefault();
    const focus = active.get(key);
    if (focus) focusSelector(focus);
    else dotnet.invokeMethodAsync('Invoke', key);
  };
  document.addEventListener('keydown', handler);
  document.documentElement.dataset.interactive = '1'; // the page answers controls now (tests wait for this)
  return {
    setKeys: next => { active = toMap(next); },
    dispose: () => document.removeEventListener('keydown', handler),
  };
}

const toMap = keys => new Map(keys.map(k => [k.key, k.focus]));

// The timeline's marks are one tab stop: the arrow keys, Home and End move among them.
function moveAmongMarks(e) {
  const mark = e.target instanceof Element ? e.target.closest('.timeline-marks .mark') : null;
  if (!mark || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return false;
  const marks = [...mark.parentElement.querySelectorAll('.mark')];
  const at = marks.indexOf(mark);
  const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: marks.length - 1 }[e.key];
  e.preventDefault();
  marks[Math.max(0, Math.min(marks.length - 1, next))].focus();
  return true;
}

export function replaceQuery(query) {
  const url = query ? `${location.pathname}?${query}` : location.pathname;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', url);
}

// Focuses an element by CSS selector (the "jump to step" box for its shortcut) and selects its text.
function focusSelector(selector) {
  const el = document.querySelector(selector);
  if (el) { el.focus(); if (el.select) el.select(); }
}
