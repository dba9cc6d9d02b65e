// The history page's grid: MudDataGrid gives a row's <tr> only a class and a style, so the page
// names each row by a class (history-row history-run-<id>) and this copies it into the test id and
// run id the rows have always carried (data-testid="history-row" data-run-id="<id>"), now and
// whenever the grid redraws its rows (a search, a sort, an edit).
function tagRows(host) {
  for (const row of host.querySelectorAll('tr.history-row:not([data-testid])')) {
    const id = /(?:^|\s)history-run-(\d+)(?:\s|$)/.exec(row.className);
    row.dataset.testid = 'history-row';
    if (id) row.dataset.runId = id[1];
  }
}

// Returns a handle whose dispose() stops watching.
export function watch(host) {
  tagRows(host);
  const observer = new MutationObserver(() => tagRows(host));
  observer.observe(host, { childList: true, subtree: true });
  return { dispose: () => observer.disconnect() };
}
