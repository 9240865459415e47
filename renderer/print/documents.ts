import type { ComponentType } from 'react';
import { AttendanceSheet } from '../attendance/AttendanceSheet';
import { ReminderSlips } from '../billing/arrears/ReminderSlips';
import { FeeNotices } from '../billing/bills/FeeNotices';
import { Statement } from '../billing/ledger/Statement';
import { Receipt } from '../billing/payments/Receipt';
import { RefundStatement } from '../billing/RefundStatement';
import { PayoutReceipt } from '../billing/settlement/PayoutReceipt';
import { WithdrawalStatement } from '../billing/settlement/WithdrawalStatement';
import { FeeAgreementPrint } from '../reports/print/FeeAgreementPrint';
import { FeeBoardPrint } from '../reports/print/FeeBoardPrint';
import { ReportPrint } from '../reports/print/ReportPrint';
import { PolicyDocument } from '../settings/PolicyDocument';
import { BlankQuestionnaire, SurveyReport } from '../surveys/print';

/**
 * Printable documents by name (`#/print/<name>/…`). Each area adds its own
 * templates here; a template renders A4 pages with `.kd-page` sections.
 */
export const PRINT_DOCUMENTS: Record<string, ComponentType<{ args: string[] }>> = {
  'attendance-sheet': AttendanceSheet,
  'fee-notices': FeeNotices,
  'refund-statement': RefundStatement,
  'withdrawal-statement': WithdrawalStatement,
  'payout-receipt': PayoutReceipt,
  receipt: Receipt,
  statement: Statement,
  'arrears-reminders': ReminderSlips,
  policy: PolicyDocument,
  'survey-blank': BlankQuestionnaire,
  'survey-report': SurveyReport,
  report: ReportPrint,
  'fee-board': FeeBoardPrint,
  'fee-agreement': FeeAgreementPrint,
};
