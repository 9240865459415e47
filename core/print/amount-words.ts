import nzh from 'nzh/cn';

/**
 * 金额大写 for receipts and refund statements: 「贰佰陆拾元整」.
 * Takes the two-decimal string the engine produces (never a float); by the
 * payment-settlement convention an amount ending in 元 or 角 ends with 整.
 */
export function amountInWords(amount: string): string {
  if (!/^\d+(\.\d{1,2})?$/.test(amount)) throw new RangeError(`not an amount: ${amount}`);
  const words = nzh.toMoney(amount, { outSymbol: false });
  return /[元角]$/.test(words) ? `${words}整` : words;
}
