// Chart colours come from CSS variables, so light and dark mode (packages/ui styles.css, plus the
// series palette the trends stylesheet defines) need no second palette in script.

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  missing: string;
  series: string[];
}

const SERIES_VARS = ['--trend-1', '--trend-2', '--trend-3', '--trend-4', '--trend-5', '--trend-6'];
const FALLBACK_SERIES = ['#1f6feb', '#cf222e', '#1a7f37', '#9a6700', '#8250df', '#bf3989'];

/** The colours in force for `element` (it inherits the page's theme variables). */
export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--fleet-text', '#1b2330'),
    muted: read('--fleet-muted', '#5d6878'),
    grid: read('--fleet-border', '#e2e6ec'),
    surface: read('--fleet-surface', '#ffffff'),
    missing: read('--trend-missing', 'rgba(154, 103, 0, 0.16)'),
    series: SERIES_VARS.map((name, i) => read(name, FALLBACK_SERIES[i] as string)),
  };
}

/** The colour of series `index`, cycling through the palette. */
export function seriesColour(theme: ChartTheme, index: number): string {
  return theme.series[index % theme.series.length] as string;
}
