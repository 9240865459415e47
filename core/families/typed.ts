/**
 * Numbers as staff and parents type them: with a Chinese input method in
 * full-width (１３７…, Ｘ, ＋８６), grouped by spaces, dashes or dots, with
 * +86 / 0086 in front. One tidy-up for every place a phone or ID number
 * comes in (forms, roster import), so the same number is never accepted in
 * one and refused in the other.
 */

import { halfWidth } from '../text/width';

export { halfWidth };

/** What people put between groups of digits: spaces, hyphens and dashes of every width, dots, middle dots, brackets, slashes. */
const GROUPING = /[\s\u00a0\-\u2010-\u2015\u2212.\u00b7\u30fb()[\]/]/g;

/** Digits (and letters) only: halfWidth, then every grouping character removed. */
export function compactNumber(raw: string): string {
  return halfWidth(raw).replace(GROUPING, '');
}
