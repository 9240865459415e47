// Words the reports print. Fee items and class levels are the fee area's own
// (core/billing/items.ts); a price on the fee board reads per child and unit.
import { BILLING_ITEMS, ITEM_LABELS, LEVEL_LABELS } from '../billing/items';
import type { Bi } from './document';

export { ITEM_LABELS, LEVEL_LABELS };

/** Report order of fee items; anything else (a kind the schema allows but billing does not use) after them. */
export const FEE_ITEMS: readonly string[] = BILLING_ITEMS;

export const itemLabel = (item: string | null): Bi =>
  item && item in ITEM_LABELS ? ITEM_LABELS[item as keyof typeof ITEM_LABELS] : item ? [item, item] : ['未分项', 'Not itemised'];

export const levelLabel = (level: string): Bi => LEVEL_LABELS[level as keyof typeof LEVEL_LABELS] ?? [level, level];

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'bank', 'pos'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const METHOD_LABELS: Record<PaymentMethod, Bi> = {
  cash: ['现金', 'Cash'],
  wechat: ['微信', 'WeChat'],
  alipay: ['支付宝', 'Alipay'],
  bank: ['银行转账', 'Bank transfer'],
  pos: ['POS 刷卡', 'POS'],
};

/** A standard as the fee board prints it: 元/生·月. */
export const PRICE_UNIT_LABELS: Record<string, Bi> = {
  month: ['元/生·月', 'yuan per child per month'],
  semester: ['元/生·学期', 'yuan per child per semester'],
  day: ['元/生·天', 'yuan per child per day'],
};
