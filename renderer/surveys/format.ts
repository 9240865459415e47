/**
 * Survey figures as every screen and the printed report show them: a mean on
 * the 1–5 scale with two decimals (4.30, never 4.3 beside 4.27), a
 * recommendation score with one, changes with their sign.
 */
export type FigureKind = 'rating' | 'nps';

export function formatFigure(value: number | null | undefined, kind: FigureKind = 'rating'): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(kind === 'nps' ? 1 : 2);
}

export function formatChange(delta: number, kind: FigureKind = 'rating'): string {
  const text = Math.abs(delta).toFixed(kind === 'nps' ? 1 : 2);
  return delta > 0 ? `+${text}` : delta < 0 ? `-${text}` : text;
}
