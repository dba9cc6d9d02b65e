// Draws a line chart with plotly.js (loaded from npm as a global by App.razor).
export function draw(element, series, yTitle, xTitle) {
  const traces = series.map(s => ({ name: s.name, x: s.x, y: s.y, type: 'scatter', mode: 'lines', line: { width: 2, shape: 'hv' } }));
  const layout = {
    margin: { l: 48, r: 12, t: 30, b: 40 },
    height: 220,
    xaxis: { title: { text: xTitle || 'step' }, zeroline: false },
    yaxis: { title: { text: yTitle }, rangemode: 'tozero', exponentformat: 'SI' },
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
  };
  window.Plotly.react(element, traces, layout, { displayModeBar: false, responsive: true });
}
