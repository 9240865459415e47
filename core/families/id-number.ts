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
  | { ok: false; message: string };

/** Upper-cases a trailing x and drops spaces, which is how numbers arrive from forms and spreadsheets. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function checkIdNumber(raw: string): IdNumberCheck {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: '身份证号应为 18 位（最后一位可以是 X）' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return { ok: false, message: '身份证号中的出生日期无效' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, message: '身份证号校验位不正确，请核对' };
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
