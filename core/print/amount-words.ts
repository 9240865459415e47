import nzh from 'nzh/cn';

/**
 * 金额大写 for receipts, reminders and refund statements: 「伍佰贰拾元整」.
 * Takes the two-decimal string the engine produces (never a float).
 *
 * The written rule (中国人民银行《正确填写票据和结算凭证的基本规定》):
 * - a leading ten is written 壹拾 (¥10.00 壹拾元整), so nothing can be written in front of it;
 * - zeros inside the yuan figure are written as one 零 (¥100010 壹拾万零壹拾元);
 * - when the 角 digit is 0 and 分 is not, 元 is followed by 零 (¥10.05 壹拾元零伍分);
 *   when the yuan figure ends in 0 and 角 is not 0, no 零 is needed (¥100.10 壹佰元壹角);
 * - an amount ending in 元 ends with 整; ending in 角 整 is allowed and we write it
 *   (壹角整); an amount ending in 分 takes no 整;
 * - below one yuan there is no 元 (¥0.05 伍分).
 * nzh follows all of these (test/unit/core/print/amount-words.test.ts checks it against
 * an independent implementation of the rule); this adds the 整 after 元 and 角.
 */
export function amountInWords(amount: string): string {
  if (!/^(0|[1-9]\d{0,11})(\.\d{1,2})?$/.test(amount)) throw new RangeError(`not an amount: ${amount}`);
  const words = nzh.toMoney(amount, { outSymbol: false });
  return /[元角]$/.test(words) ? `${words}整` : words;
}
