import { Text } from '@mantine/core';

/**
 * Where a bill's payment status (paid / partly paid / overdue) goes in the
 * bill list. The payments part of the fee area derives it from allocations,
 * credit applied and the due date (core/billing/bill-status.ts) and replaces
 * this placeholder; until then the list shows a dash.
 */
export function PaymentStatusCell(_: { billId: number; totalDue: string; dueOn: string; lifecycle: string }) {
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}
