import type { ComponentType } from 'react';
import type { Role } from '../../electron/api/define';
import { ArrearsTab } from './arrears/ArrearsTab';
import { BillsTab } from './bills/BillsTab';
import { FeeStandardCheck } from './FeeStandardCheck';
import { LedgerTab } from './ledger/LedgerTab';
import { PaymentsTab } from './payments/PaymentsTab';
import { FeeBoardTab } from '../reports/FeeBoardTab';
import { RefundCalculator } from './RefundCalculator';
import { SettlementTab } from './settlement/SettlementTab';
import { StandardsTab } from './standards/StandardsTab';
import { VoluntaryTab } from './voluntary/VoluntaryTab';

/**
 * The fee area's tabs in order (`#/billing/<id>/…`); each part of the money
 * area (standards, bills, payments, ledger, arrears, settlement) adds its tab
 * here. A tab's component gets the rest of the path.
 */
export interface BillingTab {
  id: string;
  label: [zh: string, en: string];
  roles: readonly Role[];
  component: ComponentType<{ path: string[] }>;
}

const DESK: readonly Role[] = ['principal', 'finance', 'front_desk'];

export const BILLING_TABS: BillingTab[] = [
  { id: 'refund', label: ['退费试算', 'Refund calculator'], roles: DESK, component: RefundCalculator },
  { id: 'bills', label: ['缴费通知单', 'Bills'], roles: DESK, component: BillsTab },
  { id: 'payments', label: ['缴费登记', 'Payments'], roles: DESK, component: PaymentsTab },
  { id: 'ledger', label: ['家庭账户', 'Family accounts'], roles: DESK, component: LedgerTab },
  { id: 'arrears', label: ['欠费', 'Arrears'], roles: DESK, component: ArrearsTab },
  { id: 'settlement', label: ['月结与退费', 'Settlement'], roles: DESK, component: SettlementTab },
  { id: 'standards', label: ['收费标准', 'Fee standards'], roles: DESK, component: StandardsTab },
  { id: 'voluntary', label: ['自愿项目', 'Voluntary items'], roles: DESK, component: VoluntaryTab },
  { id: 'check', label: ['收费自查', 'Standards check'], roles: ['principal', 'finance'], component: FeeStandardCheck },
  { id: 'board', label: ['收费公示', 'Fee board'], roles: DESK, component: FeeBoardTab },
];
