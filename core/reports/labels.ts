// Words the reports print: fee items, payment methods, class levels.
import type { Bi } from './document';

export const FEE_ITEMS = ['education', 'accommodation', 'meal', 'custody', 'bus', 'nursery', 'vacation_care', 'agency'] as const;
export type FeeItemKey = (typeof FEE_ITEMS)[number];

export const ITEM_LABELS: Record<FeeItemKey, Bi> = {
  education: ['保教费', 'Education fee'],
  accommodation: ['住宿费', 'Accommodation'],
  meal: ['伙食费', 'Meals'],
  custody: ['托管费', 'Custody'],
  bus: ['校车费', 'School bus'],
  nursery: ['托育费', 'Nursery care'],
  vacation_care: ['寒暑假托管费', 'Vacation care'],
  agency: ['代收费', 'Collected on behalf'],
};

export const itemLabel = (item: string | null): Bi =>
  item && item in ITEM_LABELS ? ITEM_LABELS[item as FeeItemKey] : ['未分项', 'Not itemised'];

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'bank', 'pos'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const METHOD_LABELS: Record<PaymentMethod, Bi> = {
  cash: ['现金', 'Cash'],
  wechat: ['微信', 'WeChat'],
  alipay: ['支付宝', 'Alipay'],
  bank: ['银行转账', 'Bank transfer'],
  pos: ['POS 刷卡', 'POS'],
};

export const UNIT_LABELS: Record<string, Bi> = {
  month: ['元/生·月', 'yuan per child per month'],
  semester: ['元/生·学期', 'yuan per child per semester'],
  day: ['元/生·天', 'yuan per child per day'],
};

export const LEVEL_LABELS: Record<string, Bi> = {
  toddler: ['托班', 'Toddler'],
  small: ['小班', 'Small'],
  middle: ['中班', 'Middle'],
  large: ['大班', 'Large'],
};
