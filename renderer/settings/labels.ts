/** Chinese and English names of the kindergarten's categories (values as stored). */
export const TYPE_LABELS: Record<string, [string, string]> = {
  public: ['公办', 'Public'],
  inclusive_private: ['普惠性民办', 'Inclusive private'],
  nonprofit_private: ['非营利性民办', 'Non-profit private'],
  forprofit_private: ['营利性民办', 'For-profit private'],
};
export const FUNDING_LABELS: Record<string, [string, string]> = {
  full: ['全额拨款', 'Fully funded'],
  balance: ['差额拨款', 'Balance funded'],
  self: ['自收自支', 'Self-supporting'],
};
export const GRADE_LABELS: Record<string, [string, string]> = {
  provincial: ['省优质园', 'Provincial quality'],
  municipal: ['市优质园', 'Municipal quality'],
  qualified: ['合格园', 'Qualified'],
};
export const LEVEL_LABELS: Record<string, [string, string]> = {
  toddler: ['托班', 'Toddler'],
  small: ['小班', 'Small'],
  middle: ['中班', 'Middle'],
  large: ['大班', 'Large'],
};
/** A fee notice as a choice in a form: its name from the policy data, in the reader's language. */
export function policyOption(p: { id: string; name: string; nameEn?: string | null }, t: (zh: string, en: string) => string) {
  return { value: p.id, label: t(p.name, p.nameEn ?? p.name) };
}

export function options(labels: Record<string, [string, string]>, t: (zh: string, en: string) => string) {
  return Object.entries(labels).map(([value, pair]) => ({ value, label: t(...pair) }));
}
