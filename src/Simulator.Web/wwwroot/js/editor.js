// The scenario editor: a plain textarea (so the browser's editing, undo and screen readers all
// work) with line numbers beside it, validation once typing pauses, and a way to put the cursor
// on a problem's line. The textarea's text lives here; the server reads it with text().
const pauseMs = 400;

export function bind(textarea, gutter, dotnet, text) {
  let timer = 0;
  let lines = 0;
  let marked = new Set();
  let taken = new Uint8Array(0);

  const lineHeight = () => parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  const countLines = () => {
    let n = 1;
    for (let i = textarea.value.indexOf('\n'); i >= 0; i = textarea.value.indexOf('\n', i + 1)) n++;
    return n;
  };
  // One row per line; rebuilt only when the count changes or the marks do.
  const renumber = force => {
    const n = countLines();
    if (n === lines && !force) return;
    lines = n;
    const rows = [];
    for (let i = 1; i <= n; i++) {
      const row = document.createElement('div');
      row.textContent = i;
      if (marked.has(i)) row.className = 'bad';
      rows.push(row);
    }
    gutter.replaceChildren(...rows);
    follow();
  };
  const follow = () => { gutter.scrollTop = textarea.scrollTop; };
  const validateNow = () => { clearTimeout(timer); dotnet.invokeMethodAsync('OnTextChanged'); };
  const onInput = () => { renumber(false); clearTimeout(timer); timer = setTimeout(validateNow, pauseMs); };
  const onKey = e => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); validateNow(); }
  };

  textarea.addEventListener('input', onInput);
  textarea.addEventListener('scroll', follow);
  textarea.addEventListener('keydown', onKey);
  textarea.value = text ?? '';
  renumber(true);
  document.documentElement.dataset.interactive = '1'; // the page answers controls now (tests wait for this)

  return {
    // The text as UTF-8, in two calls: take() fixes it and says how long it is; bytes() hands it
    // over as a stream, which the circuit's 32 KiB message limit does not bound. (A stream cannot
    // be empty, hence the length first.)
    take: () => { taken = new TextEncoder().encode(textarea.value); return taken.length; },
    bytes: () => taken,
    setText: (value, focus) => {
      clearTimeout(timer);
      textarea.value = value;
      textarea.scrollTop = 0;
      textarea.setSelectionRange(0, 0);
      renumber(true);
      if (focus) textarea.focus();
    },
    mark: problemLines => { marked = new Set(problemLines); renumber(true); },
    goTo: (line, column) => {
      const all = textarea.value.split('\n');
      const row = Math.min(Math.max(line, 1), all.length) - 1;
      let at = 0;
      for (let i = 0; i < row; i++) at += all[i].length + 1;
      at += Math.min(Math.max(column - 1, 0), all[row].length);
      textarea.focus({ preventScroll: true });
      textarea.setSelectionRange(at, at);
      textarea.scrollTop = Math.max(0, row * lineHeight() - textarea.clientHeight / 3);
      textarea.scrollIntoView({ block: 'nearest' });
      follow();
    },
    dispose: () => {
      clearTimeout(timer);
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('scroll', follow);
      textarea.removeEventListener('keydown', onKey);
    },
  };
}
