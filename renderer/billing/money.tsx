import { Badge, Text, type TextProps } from '@mantine/core';
import { localDateTime } from '../../core/calendar/dates';
import { BILL_STATUS_COLORS, BILL_STATUS_LABELS, type BillStatus } from '../../core/billing/bill-status';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../core/billing/payments';
import { useLang } from '../i18n';

/** A bill's derived status as every fee list shows it. */
export function BillStatusBadge({ status }: { status: string }) {
  const { lang } = useLang();
  const s = status as BillStatus;
  return (
    <Badge variant="light" color={BILL_STATUS_COLORS[s] ?? 'gray'}>
      {BILL_STATUS_LABELS[s]?.[lang === 'en' ? 1 : 0] ?? status}
    </Badge>
  );
}

/** An amount as the API sends it ("520.00"), right-aligned in tabular digits; teal when negative (credit) if `signed`. */
export function Amount({ value, signed, ...props }: { value: string; signed?: boolean } & TextProps) {
  return (
    <Text span ff="monospace" ta="right" c={signed && value.startsWith('-') ? 'teal.8' : undefined} {...props}>
      {value}
    </Text>
  );
}

export function useMethodLabel() {
  const { lang } = useLang();
  return (method: string) => PAYMENT_METHOD_LABELS[method as PaymentMethod]?.[lang === 'en' ? 1 : 0] ?? method;
}

/** A stored instant as the kindergarten's local time: 2026-12-01 10:05. */
export const localTime = (iso: string) => localDateTime(iso).slice(0, 16);

/** What a balance means to the desk: 应缴 (owes) or 预收结余 (credit). */
export function balanceWords(balance: string, t: (zh: string, en: string) => string): string {
  if (balance.startsWith('-')) return t(`预收结余 ${balance.slice(1)} 元`, `Credit ${balance.slice(1)}`);
  if (balance === '0.00') return t('已结清', 'Settled');
  return t(`应缴 ${balance} 元`, `Owes ${balance}`);
}
