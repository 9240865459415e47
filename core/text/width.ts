/**
 * Text as typed with a Chinese input method: full-width ASCII forms
 * (１３７, Ｘ, ＋, （）) and the ideographic space become their ASCII
 * counterparts, so "１３７" and "137" are the same number everywhere.
 */
export function halfWidth(raw: string): string {
  return raw.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
