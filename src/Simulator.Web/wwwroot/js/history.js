// The history page's grid: MudDataGrid gives a row's <tr> only a class and a style, so the page
// names each row by a class (history-row history-run-<id>) and this copies it into the test id and
// run id that the rows have always carried (data-testid="history-row" data-run-id="<id>").
export function tagRows(host) {
  if (!host) return;
  for (const row of host.querySelectorAll('tr.history-row')) {
    const id = /(?:^|\s)history-run-(\d+)(?:\s|$)/.exec(row.className);
    row.dataset.testid = 'history-row';
    if (id) row.dataset.runId = id[1];
  }
}
