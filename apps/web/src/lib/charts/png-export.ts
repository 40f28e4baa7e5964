import type { ChartTheme } from './theme';

export interface PngLegendItem {
  label: string;
  colour: string;
}

const PAD = 12;
const TITLE_PX = 16;
const LEGEND_PX = 13;

/**
 * The chart's canvas as a PNG with the title and the legend drawn above it (the on-screen legend
 * is HTML and would not be in the picture), on the theme's surface colour.
 */
export function chartPng(
  plot: HTMLCanvasElement,
  title: string,
  legend: readonly PngLegendItem[],
  theme: ChartTheme,
): Promise<Blob> {
  const scale = plot.width / Math.max(1, plot.clientWidth || plot.width);
  const header = Math.round((PAD * 3 + TITLE_PX + LEGEND_PX) * scale);
  const canvas = document.createElement('canvas');
  canvas.width = plot.width;
  canvas.height = plot.height + header;
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    return Promise.reject(new Error('no 2d canvas'));
  }
  ctx.fillStyle = theme.surface;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.fillStyle = theme.text;
  ctx.textBaseline = 'top';
  ctx.font = `600 ${TITLE_PX}px system-ui, sans-serif`;
  ctx.fillText(title, PAD, PAD);
  ctx.font = `${LEGEND_PX}px system-ui, sans-serif`;
  let x = PAD;
  const y = PAD * 2 + TITLE_PX;
  for (const item of legend) {
    ctx.fillStyle = item.colour;
    ctx.fillRect(x, y + 2, 10, 10);
    ctx.fillStyle = theme.text;
    ctx.fillText(item.label, x + 14, y);
    x += 14 + ctx.measureText(item.label).width + PAD * 2;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(plot, 0, header);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Saves a blob under `filename` through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
