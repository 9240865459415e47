import { compactNumber } from './typed';

/**
 * Mainland mobile numbers: 11 digits starting 13–19. Forms and spreadsheets
 * bring them in full-width digits, grouped by spaces, dashes or dots, or with
 * +86 / 0086 in front; those are tidied (core/families/typed.ts), anything
 * else is rejected rather than guessed.
 */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const MOBILE_MESSAGE = '手机号应为 11 位数字，以 13–19 开头';
export const MOBILE_MESSAGE_EN = 'A mobile number has 11 digits and starts with 13–19';

export function normalizeMobile(raw: string): string {
  return compactNumber(raw).replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
}

export function isMobile(value: string): boolean {
  return MOBILE_PATTERN.test(value);
}

/** 138****5678, as lists show it until the record is opened. */
export function maskMobile(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length !== 11) return value.length > 4 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : value;
  return `${value.slice(0, 3)}****${value.slice(7)}`;
}
