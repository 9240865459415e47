/**
 * Money in a spreadsheet cell. Excel keeps numbers as binary floats, so a
 * float is unavoidable at this one edge. We make it from the API's exact
 * decimal string ("520.37" -> 520.37, the nearest double, which Excel shows
 * exactly with the column's 0.00 format) and never compute with it; every
 * sum is done in integer fen before.
 */
export function moneyCell(amount: string): number {
  if (!/^-?\d+\.\d{2}$/.test(amount)) throw new RangeError(`not an amount: ${amount}`);
  return Number(amount);
}

export const MONEY_FORMAT = '0.00';
