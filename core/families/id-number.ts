import { compactNumber, halfWidth } from './typed';

/**
 * Resident identity numbers (GB 11643-1999): 6-digit area code, 8-digit birth
 * date, 3-digit sequence (odd = male), and a mod 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberCheck =
  | { ok: true; value: string; birthDate: string; gender: 'M' | 'F' }
  | { ok: false; message: string; messageEn: string };

/** Full-width digits, a lower-case x and grouping spaces, dashes or dots tidied (core/families/typed.ts). */
export function normalizeIdNumber(raw: string): string {
  return compactNumber(raw).toUpperCase();
}

/** Excel shows an 18-digit number typed into a General cell as 3.20602E+17: the digits are lost. */
const EXCEL_NUMBER = /^\d(?:\.\d+)?E\+\d+$/i;

export function checkIdNumber(raw: string): IdNumberCheck {
  const value = normalizeIdNumber(raw);
  if (EXCEL_NUMBER.test(halfWidth(raw).trim())) {
    return { ok: false, message: '身份证号被 Excel 存成了数字，后几位已丢失：请把这一列设为“文本”后重新输入', messageEn: 'Excel stored the ID number as a number and lost its last digits: format the column as text and type it again' };
  }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: '身份证号应为 18 位（最后一位可以是 X）', messageEn: 'An ID number has 18 characters (the last may be X)' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, message: '身份证号中的出生日期无效', messageEn: 'The birth date inside the ID number is not a real date' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, message: '身份证号校验位不正确，请核对', messageEn: 'The ID number’s check digit is wrong; please check it' };
  return { ok: true, value, birthDate, gender: Number(value[16]) % 2 === 1 ? 'M' : 'F' };
}

/** 320602********123X: enough to tell two records apart, not enough to misuse. */
export function maskIdNumber(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length < 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
