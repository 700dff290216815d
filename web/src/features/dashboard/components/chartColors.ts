/** SVG attributes cannot read CSS variables everywhere: the chart colours mirror tokens.css. */
export const CHART_COLORS = {
  primary: '#2456d6',
  primarySoft: '#8fa9ec',
  muted: '#c3ccd9',
  grid: '#dde3ec',
  hover: '#f1f4f9',
  text: '#5b6779',
  won: '#1f8a4c',
} as const;
