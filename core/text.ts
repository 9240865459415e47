/**
 * What text may hold when it is stored: a child's name, a note, a survey
 * comment. One rule for the API's input schemas and for rows imported from a
 * spreadsheet, so both refuse the same characters.
 */

// Control characters (NUL and the like; tab and line breaks only in multi-line text).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAKS = /[\t\n\r]/;
// Bidirectional overrides and isolates: "林小雨\u202e" displays as something it is not.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// Half of a character (a lone UTF-16 surrogate): it cannot be printed, sorted or exported.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Invisible characters pasted along from Word or a web page: dropped, not refused.
const INVISIBLE = /[\u200b\ufeff]/g;

/** Why `text` cannot be stored as typed, or null. */
export function textProblem(text: string, multiline = false): string | null {
  if (CONTROL.test(text) || (!multiline && LINE_BREAKS.test(text))) return '含有控制字符（如换行或不可见的符号），请删除后重新输入';
  if (BIDI.test(text)) return '含有改变文字方向的不可见符号，请删除后重新输入';
  if (LONE_SURROGATE.test(text)) return '含有无法显示的残缺字符，请删除后重新输入';
  return null;
}

/** Trimmed, without the invisible characters that copy and paste brings along. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').trim();
}
