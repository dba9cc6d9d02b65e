// Draws a line chart with plotly.js (loaded from npm as a global by App.razor), and saves it as a PNG.
import { backgroundOf, pngOnBackground } from './export.js';

export { downloadText } from './export.js';

// Charts drawn so far, recoloured when the theme changes (js/theme.js dispatches 'bufferlab:theme').
const drawn = new Set();
document.addEventListener('bufferlab:theme', () => {
  for (const element of drawn) {
    if (!element.isConnected) drawn.delete(element);
    else if (element.data) window.Plotly.relayout(element, colours(element));
  }
});

// frozenXMax: while the run is paused, the x axis stays [0, frozenXMax] whatever step is shown.
export function draw(element, series, yTitle, xTitle, frozenXMax) {
  const traces = series.map(s => ({ name: s.name, x: s.x, y: s.y, type: 'scatter', mode: 'lines', line: { width: 2, shape: 'hv' } }));
  const layout = {
    margin: { l: 48, r: 12, t: 30, b: 40 },
    height: 220,
    xaxis: frozenXMax == null
      ? { title: { text: xTitle || 'step' }, zeroline: false }
      : { title: { text: xTitle || 'step' }, zeroline: false, range: [0, Math.max(frozenXMax, 1e-9)], autorange: false },
    yaxis: { title: { text: yTitle }, rangemode: 'tozero', exponentformat: 'SI' },
    legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
  };
  for (const [path, value] of Object.entries(colours(element))) {
    const [head, tail] = path.split('.');
    if (tail) layout[head] = { ...layout[head], [tail]: value }; else layout[head] = value;
  }
  window.Plotly.react(element, traces, layout, { displayModeBar: false, responsive: true });
  drawn.add(element);
}

// The theme's chart colours (app.css's --chart-* variables), as plotly layout paths; the page's
// text colour and plotly's own where a variable is missing.
function colours(element) {
  const style = getComputedStyle(element);
  const value = name => style.getPropertyValue(name).trim();
  const background = value('--chart-bg') || 'rgba(0,0,0,0)';
  const result = {
    'font.color': value('--chart-fg') || style.color,
    paper_bgcolor: background,
    plot_bgcolor: background,
  };
  if (value('--chart-grid')) result['xaxis.gridcolor'] = result['yaxis.gridcolor'] = value('--chart-grid');
  if (value('--chart-zero')) result['yaxis.zerolinecolor'] = value('--chart-zero');
  const colourway = value('--chart-colors').split(',').map(c => c.trim()).filter(Boolean);
  if (colourway.length) result.colorway = colourway;
  return result;
}

// The chart was hidden (its table shown) and is visible again: fit it to its box, which may have changed meanwhile.
export function resize(element) {
  if (element.data) window.Plotly.Plots.resize(element);
}

// The chart as plotly draws it, with a title (the page's caption is not part of the plot), at
// twice the pixels, over the card's colour. Works while the table hides the chart: toImage draws
// from the figure's data and layout, not from the screen.
export async function png(element, title, fileName) {
  if (!element.data) throw new Error('the chart has not been drawn yet');
  const layout = element._fullLayout;
  const width = layout && layout.width > 100 ? layout.width : 700;
  const dataUrl = await window.Plotly.toImage(
    { data: element.data, layout: { ...element.layout, width, title: { text: title, x: 0.02, xanchor: 'left', font: { size: 13 } }, margin: { ...element.layout.margin, t: 60 }, height: 260 } },
    { format: 'png', width, height: 260, scale: 2 });
  await pngOnBackground(dataUrl, backgroundOf(element), fileName);
}
