// 缴费方式 on every fee notice: the kindergarten's own text (cash, WeChat,
// Alipay, the bank account …) from its profile, or a default sentence.

/** What the notice says about paying when the profile gives nothing more specific. */
export const DEFAULT_HOW_TO_PAY =
  '请在缴费截止日前到园财务室缴费（现金、微信、支付宝、银行转账或刷卡均可），缴费后请索取收据并妥善保管。如对金额有疑问，请与财务室联系。';

/** The most lines the text may have: a notice is half an A4 page. */
export const HOW_TO_PAY_MAX_LINES = 4;
export const HOW_TO_PAY_MAX_CHARS = 240;

export function howToPayText(saved: string): string {
  return saved.trim() === '' ? DEFAULT_HOW_TO_PAY : saved.trim();
}

/** Null when the text fits on the notice, else why not (Chinese, English). */
export function howToPayProblem(text: string): readonly [string, string] | null {
  const lines = text.trim().split('\n');
  if (lines.length > HOW_TO_PAY_MAX_LINES) return [`缴费方式最多 ${HOW_TO_PAY_MAX_LINES} 行，才能印在半页的缴费通知单上`, `At most ${HOW_TO_PAY_MAX_LINES} lines`];
  return null;
}
