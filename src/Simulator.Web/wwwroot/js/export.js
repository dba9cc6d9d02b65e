// Downloads made in the browser: text the server built (a chart's CSV), and PNG images of charts
// (plotly's toImage) and of any element (html-to-image from npm, loaded on first use only, so pages
// that never export do not pay for it).
const htmlToImageUrl = 'lib/html-to-image/html-to-image.js';
let htmlToImageLoading = null;

export function downloadText(fileName, text, type) {
  save(URL.createObjectURL(new Blob([text], { type })), fileName, true);
}

// The colour behind an element: exported images get it instead of a transparent background, so
// they read the same in a viewer as on the page, in a light or a dark theme.
export function backgroundOf(element) {
  for (let e = element; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

// An element as a PNG file, drawn by html-to-image from its DOM and computed styles.
export async function elementPng(element, fileName) {
  const lib = await htmlToImage();
  const background = backgroundOf(element);
  const dataUrl = await lib.toPng(element, { backgroundColor: background, pixelRatio: 2, skipFonts: true });
  await pngOnBackground(dataUrl, background, fileName, 32); // a margin, so borders do not touch the image's edge
}

// A data URL of a PNG (transparent, or not), drawn over a background colour with a margin of
// `margin` image pixels all round, as a file.
export async function pngOnBackground(dataUrl, background, fileName, margin = 0) {
  const image = new Image();
  image.src = dataUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth + 2 * margin;
  canvas.height = image.naturalHeight + 2 * margin;
  const context = canvas.getContext('2d');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, margin, margin);
  const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
  save(URL.createObjectURL(blob), fileName, true);
}

function save(url, fileName, revoke) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(url), 60_000); // the download has started by then
}

function htmlToImage() {
  if (window.htmlToImage) return Promise.resolve(window.htmlToImage);
  htmlToImageLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = htmlToImageUrl;
    script.onload = () => resolve(window.htmlToImage);
    script.onerror = () => { htmlToImageLoading = null; reject(new Error(`could not load ${htmlToImageUrl}`)); };
    document.head.appendChild(script);
  });
  return htmlToImageLoading;
}
