// Money in core: decimal.js only. Amounts cross every boundary as strings with
// two decimals ("520.00") or as integer fen; a binary float never holds money.
import DecimalJs from 'decimal.js';

// A private clone so that nobody else's global Decimal configuration can change
// how refunds round. Precision 34 (decimal128) keeps semester shares such as 1000/3 exact
// enough that share x 3 rounds back to the amount paid. The exponent limits make
// toString() always write plain notation, so no toFixed is needed anywhere.
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

// Plain decimal notation only: no sign, no exponent, no spaces, at most two
// decimals (fen). "520", "520.5" and "520.00" are accepted.
const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
const RATE_PATTERN = /^\d(\.\d{1,6})?$/;

export type AmountProblem = 'negative' | 'not_a_number' | 'too_many_decimals';

/** Why `text` is not a valid non-negative amount of yuan, or null if it is. */
export function amountProblem(text: string): AmountProblem | null {
  if (AMOUNT_PATTERN.test(text)) return null;
  if (/^-\s*\d/.test(text.trim())) return 'negative';
  if (/^\d+\.\d{3,}$/.test(text)) return 'too_many_decimals';
  return 'not_a_number';
}

/** Parses a validated amount string ("520.00"); throws on anything else. */
export function parseAmount(text: string): Decimal {
  if (amountProblem(text) !== null) throw new RangeError(`not an amount: ${JSON.stringify(text)}`);
  return new Decimal(text);
}

/** A rate between 0 and 1 written as a decimal string ("0.5"), or null. */
export function parseRate(text: string): Decimal | null {
  if (!RATE_PATTERN.test(text)) return null;
  const rate = new Decimal(text);
  return rate.greaterThan(1) ? null : rate;
}

/** The single rounding of a refund line: half-up to the fen. */
export function roundToFen(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Rounds half-up to the fen and writes "1234.50" (never exponent notation). */
export function formatAmount(value: Decimal): string {
  const text = roundToFen(value).toString();
  const dot = text.indexOf('.');
  if (dot < 0) return `${text}.00`;
  return dot === text.length - 2 ? `${text}0` : text;
}

/** Integer fen of a two-decimal amount as the engine and the API write it ("416.00"), exactly and without a Decimal (see parseFen for typed input). */
export function fenOfAmount(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a two-decimal amount: ${JSON.stringify(text)}`);
  const fen = Number.parseInt(match[2]!, 10) * 100 + Number.parseInt(match[3]!, 10);
  return match[1] ? -fen : fen;
}

/** Integer fen of an amount, rounded half-up. */
export function toFen(value: Decimal): number {
  return roundToFen(value).times(HUNDRED).toNumber();
}

export function fromFen(fen: number): Decimal {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  return new Decimal(fen).dividedBy(HUNDRED);
}

/** A rate as a percentage for people: 0.5 -> "50%", 0.125 -> "12.5%". */
export function formatPercent(rate: Decimal): string {
  return `${rate.times(HUNDRED).toDecimalPlaces(4).toString()}%`;
}

export function clamp(value: Decimal, min: Decimal, max: Decimal): Decimal {
  return Decimal.min(Decimal.max(value, min), max);
}

/**
 * Integer fen from the database as the API writes money: 52000 -> "520.00",
 * -1500 -> "-15.00". Integer arithmetic (the same text as formatAmount(fromFen(fen))):
 * a month's settlement formats thousands of amounts.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A validated amount string ("520", "520.5", "520.00") as integer fen. */
export function parseFen(text: string): number {
  return toFen(parseAmount(text));
}
