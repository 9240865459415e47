/**
 * A message in both languages where it is written: `msg('请填写幼儿姓名',
 * 'Enter the child’s name')` in a zod schema or a handler's field errors.
 * The pair travels as one string (zod keeps one message per issue) and is
 * split by ApiError into `fields` (Chinese) and `fieldsEn` (English), so the
 * renderer shows the one for the interface language under the field.
 */
const SEPARATOR = '\u241F';

export const msg = (zh: string, en: string): string => `${zh}${SEPARATOR}${en}`;

/** The two halves of a msg(); a plain (Chinese-only) message has en null. */
export function splitMessage(text: string): { zh: string; en: string | null } {
  const at = text.indexOf(SEPARATOR);
  return at < 0 ? { zh: text, en: null } : { zh: text.slice(0, at), en: text.slice(at + SEPARATOR.length) };
}

export const hasEnglish = (text: string): boolean => text.includes(SEPARATOR);
