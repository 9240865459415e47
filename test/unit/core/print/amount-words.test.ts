import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../../../core/print/amount-words';

describe('金额大写 on receipts, reminders and statements', () => {
  // Each expected string is written out from the rule in core/print/amount-words.ts, not copied from the output.
  it.each([
    // Below one yuan there is no 元; ending in 分 takes no 整.
    ['0.05', '伍分'],
    // Ending in 角: 整 is allowed, and written.
    ['0.50', '伍角整'],
    // A leading ten is 壹拾, never a bare 拾; ending in 元: 整.
    ['10.00', '壹拾元整'],
    // The yuan figure ends in 0 and 角 is not 0: no 零 needed after 元.
    ['100.10', '壹佰元壹角整'],
    ['1000.50', '壹仟元伍角整'],
    // Zeros inside the figure: one 零; 角 is 0 and 分 is not: 零 after 元; a ten inside the figure is 壹拾.
    ['100010.01', '壹拾万零壹拾元零壹分'],
    ['20000000.00', '贰仟万元整'],
    ['1000000.00', '壹佰万元整'],
    ['10.05', '壹拾元零伍分'],
    ['1409.50', '壹仟肆佰零玖元伍角整'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['520.00', '伍佰贰拾元整'],
    ['260.00', '贰佰陆拾元整'],
    ['5250.00', '伍仟贰佰伍拾元整'],
    ['1234.50', '壹仟贰佰叁拾肆元伍角整'],
    ['10000.01', '壹万元零壹分'],
    ['666.67', '陆佰陆拾陆元陆角柒分'],
    ['100000001.00', '壹亿零壹元整'],
    ['0.00', '零元整'],
  ])('%s → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('follows the written rule for any amount (checked against an independent implementation of it)', () => {
    const amount = fc.bigInt({ min: 0n, max: 99_999_999_999_99n }).map((fen) => {
      const text = fen.toString().padStart(3, '0');
      return `${BigInt(text.slice(0, -2))}.${text.slice(-2)}`;
    });
    // Amounts full of zeros are where the 零 rules bite.
    const zeroy = fc
      .array(fc.constantFrom('0', '0', '0', '1', '5'), { minLength: 1, maxLength: 12 })
      .chain((digits) => fc.tuple(fc.constant(digits.join('')), fc.constantFrom('00', '05', '50', '55')))
      .map(([yuan, fen]) => `${BigInt(yuan)}.${fen}`);
    fc.assert(
      fc.property(fc.oneof(amount, zeroy), (a) => {
        expect(amountInWords(a)).toBe(byTheRule(a));
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });

  it('refuses anything that is not a plain two-decimal amount', () => {
    for (const bad of ['-5.00', '1e3', '1.005', '1,000.00', '007.00', '', ' 5.00', '1234567890123.00']) {
      expect(() => amountInWords(bad), bad).toThrow(RangeError);
    }
  });
});

const DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** The rule, written out plainly: groups of four digits (个/万/亿), one 零 for any run of zeros inside. */
function byTheRule(amount: string): string {
  const [yuanText, fenText = '00'] = amount.split('.') as [string, string?];
  const yuan = integerWords(yuanText);
  const jiao = Number(fenText[0]);
  const fen = Number(fenText.padEnd(2, '0')[1]);
  if (yuan === '' && jiao === 0 && fen === 0) return '零元整';
  let out = yuan === '' ? '' : `${yuan}元`;
  if (jiao === 0 && fen === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan !== '') out += '零';
  return fen > 0 ? `${out}${DIGITS[fen]}分` : `${out}整`;
}

function integerWords(text: string): string {
  const digits = text.replace(/^0+/, '');
  if (digits === '') return '';
  const padded = digits.padStart(Math.ceil(digits.length / 4) * 4, '0');
  const groups = padded.match(/\d{4}/g)!;
  const groupNames = ['', '万', '亿'];
  let out = '';
  let zeroPending = false;
  groups.forEach((group, i) => {
    const name = groupNames[groups.length - 1 - i]!;
    const words = groupWords(group);
    if (words === '') {
      if (out !== '') zeroPending = true;
      return;
    }
    if (out !== '' && (zeroPending || group[0] === '0')) out += '零';
    zeroPending = false;
    out += words + name;
  });
  return out;
}

function groupWords(group: string): string {
  const units = ['仟', '佰', '拾', ''];
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(group[i]);
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + units[i]!;
  }
  return out;
}
