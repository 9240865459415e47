// How money is kept (../shared/docs/billing-model.md): fee standards say what
// is charged; bills are issued, never edited; every yuan that moves is a
// ledger entry on the household's account. Money is integer fen. Bills,
// payments, ledger entries and settlements are append-only: the triggers in
// the migration refuse UPDATE and DELETE on them, so a mistake is corrected by
// a new row that reverses it (with a reason and who did it).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { children, households } from './families';
import { semesters } from './kindergarten';
import { staff } from './staff';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/**
 * 收费标准: what this kindergarten charges for one item from a date on, for
 * whom. History is kept: a change is a new row with a later `applies_from`;
 * the newest row that fits a child wins (see core/billing). A raised standard
 * for new pupils only (NT-3.2) has `enrolled_from`; older pupils then keep the
 * previous row.
 */
export const feeStandards = sqliteTable(
  'fee_standards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** education | accommodation | meal | custody | bus | nursery | vacation_care | agency */
    item: text('item').notNull(),
    /** What the parent reads on the bill (保教费, 幼儿意外伤害保险, ...). */
    label: text('label').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** month | semester | day (meal by day = daily rate x legal working days) */
    unit: text('unit').notNull(),
    /** YYYY-MM-DD */
    appliesFrom: text('applies_from').notNull(),
    /** null = every class; else toddler | small | middle | large */
    level: text('level'),
    /** Only children enrolled on or after this date (NT-3.2 新生新办法). */
    enrolledFrom: text('enrolled_from'),
    /** The clause of a fee-standard check the principal confirmed an exception to, if any. */
    overrideClause: text('override_clause'),
    overrideNote: text('override_note').notNull().default(''),
    confirmedBy: integer('confirmed_by').references(() => staff.id),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('fee_standards_item').on(t.item, t.appliesFrom),
    check('fee_standards_amount', sql`${t.amountFen} >= 0`),
    check('fee_standards_unit', sql`${t.unit} IN ('month', 'semester', 'day')`),
    check(
      'fee_standards_item_kind',
      sql`${t.item} IN ('education', 'accommodation', 'meal', 'custody', 'bus', 'nursery', 'vacation_care', 'agency')`,
    ),
  ],
);

/** 缴费通知单: what one child's family is asked to pay for one period. Inserted when issued; never changed. */
export const bills = sqliteTable(
  'bills',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Gap-free per year, given inside the issuing transaction. */
    number: text('number').notNull().unique(),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    /** monthly | semester */
    billing: text('billing').notNull(),
    /** YYYY-MM, inclusive; equal for a monthly bill. Never months of two semesters (NT-3.1). */
    periodFirst: text('period_first').notNull(),
    periodLast: text('period_last').notNull(),
    semesterId: integer('semester_id').references(() => semesters.id),
    revision: integer('revision').notNull().default(1),
    /** A replacement names the bill it replaces; the old one is then "replaced". */
    replacesBillId: integer('replaces_bill_id'),
    /** attendance | reduction | standard | enrolment | other */
    replaceReason: text('replace_reason'),
    replaceNote: text('replace_note').notNull().default(''),
    dueOn: text('due_on').notNull(),
    /** Caches of the lines, for lists; a check recomputes them from bill_lines. */
    chargesFen: integer('charges_fen').notNull(),
    reductionsFen: integer('reductions_fen').notNull(),
    /** Credit on the household's account when issued, shown on the notice (上月退费 / 结余). Not a ledger entry. */
    creditAppliedFen: integer('credit_applied_fen').notNull().default(0),
    /** charges - reductions - credit applied, never below 0. */
    totalDueFen: integer('total_due_fen').notNull(),
    runId: text('run_id'),
    issuedBy: integer('issued_by').references(() => staff.id),
    issuedAt: text('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('bills_child_period_revision').on(t.childId, t.periodFirst, t.revision),
    uniqueIndex('bills_replaces').on(t.replacesBillId),
    index('bills_household').on(t.householdId),
    index('bills_period').on(t.periodFirst, t.periodLast),
    check('bills_billing', sql`${t.billing} IN ('monthly', 'semester')`),
    check('bills_period_order', sql`${t.periodFirst} <= ${t.periodLast}`),
    check('bills_amounts', sql`${t.chargesFen} >= 0 AND ${t.reductionsFen} >= 0 AND ${t.creditAppliedFen} >= 0 AND ${t.totalDueFen} >= 0`),
    check(
      'bills_replace_reason',
      sql`${t.replaceReason} IS NULL OR ${t.replaceReason} IN ('attendance', 'reduction', 'standard', 'enrolment', 'other')`,
    ),
  ],
);

/** 账单行: one item of a bill. A reduction is its own line (kind = reduction), with its clause. */
export const billLines = sqliteTable(
  'bill_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    billId: integer('bill_id')
      .notNull()
      .references(() => bills.id),
    /** charge | reduction */
    kind: text('kind').notNull(),
    /** education | accommodation | meal | custody | bus | nursery | vacation_care | agency */
    item: text('item').notNull(),
    label: text('label').notNull(),
    /** YYYY-MM of the first and last month the line covers. */
    periodFirst: text('period_first').notNull(),
    periodLast: text('period_last').notNull(),
    /** e.g. 21 days x 15.00 for meals; 1 x 520.00 for a month; 5 x 520.00 for a semester. */
    quantity: integer('quantity').notNull().default(1),
    unitPriceFen: integer('unit_price_fen').notNull(),
    /** Always >= 0; `kind` gives the sign on the ledger. */
    amountFen: integer('amount_fen').notNull(),
    standardId: integer('standard_id').references(() => feeStandards.id),
    /** Reduction lines: NT-3.7 and the category; own discounts: null clause and a reason in `note`. */
    clause: text('clause'),
    reductionCategory: text('reduction_category'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('bill_lines_bill').on(t.billId),
    check('bill_lines_kind', sql`${t.kind} IN ('charge', 'reduction')`),
    check('bill_lines_amount', sql`${t.amountFen} >= 0 AND ${t.unitPriceFen} >= 0 AND ${t.quantity} >= 0`),
  ],
);

/** A voided bill (issued in error): its lines are reversed on the ledger, the bill keeps its number. */
export const billVoids = sqliteTable('bill_voids', {
  billId: integer('bill_id')
    .primaryKey()
    .references(() => bills.id),
  reason: text('reason').notNull(),
  voidedBy: integer('voided_by').references(() => staff.id),
  voidedAt: text('voided_at').notNull(),
});

/**
 * 收据: money received from a family (direction in) or paid out to it (out:
 * a refund paid in cash or by transfer). Every payment has one receipt number
 * from a gap-free sequence per year and direction.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptNo: text('receipt_no').notNull().unique(),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    /** in | out */
    direction: text('direction').notNull(),
    /** cash | wechat | alipay | bank | pos */
    method: text('method').notNull(),
    /** Transaction number of the WeChat/Alipay/bank/POS slip. */
    reference: text('reference').notNull().default(''),
    amountFen: integer('amount_fen').notNull(),
    /** YYYY-MM-DD, the day the money changed hands. */
    paidOn: text('paid_on').notNull(),
    payerName: text('payer_name').notNull().default(''),
    note: text('note').notNull().default(''),
    receivedBy: integer('received_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_household').on(t.householdId),
    index('payments_paid_on').on(t.paidOn),
    check('payments_direction', sql`${t.direction} IN ('in', 'out')`),
    check('payments_method', sql`${t.method} IN ('cash', 'wechat', 'alipay', 'bank', 'pos')`),
    check('payments_amount', sql`${t.amountFen} > 0`),
  ],
);

/** Which bills a payment paid (what is left over stays as credit on the household's account). */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id),
    billId: integer('bill_id')
      .notNull()
      .references(() => bills.id),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paymentId, t.billId] }), index('payment_allocations_bill').on(t.billId), check('payment_allocations_amount', sql`${t.amountFen} > 0`)],
);

/** A payment recorded in error: reversed on the ledger; the receipt keeps its number and prints 作废. */
export const paymentVoids = sqliteTable('payment_voids', {
  paymentId: integer('payment_id')
    .primaryKey()
    .references(() => payments.id),
  reason: text('reason').notNull(),
  voidedBy: integer('voided_by').references(() => staff.id),
  voidedAt: text('voided_at').notNull(),
});

/** The official invoice / 财政票据 number issued outside the app, entered later; the newest row counts. */
export const paymentInvoiceNumbers = sqliteTable('payment_invoice_numbers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  paymentId: integer('payment_id')
    .notNull()
    .references(() => payments.id),
  invoiceNo: text('invoice_no').notNull(),
  enteredBy: integer('entered_by').references(() => staff.id),
  enteredAt: text('entered_at').notNull(),
});

/**
 * 月结 and its relatives. kind = month: the month-end settlement (one per
 * month); withdrawal: the final settlement of one child who left (退园);
 * correction: the difference booked after attendance of a settled month was
 * corrected (or a child left unsettled then is settled later).
 */
export const settlements = sqliteTable(
  'settlements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** month | withdrawal | correction */
    kind: text('kind').notNull(),
    /** YYYY-MM settled (for a withdrawal: the month the child left). */
    month: text('month').notNull(),
    /** The child of a withdrawal or correction; null for a month. */
    childId: integer('child_id').references(() => children.id),
    policyId: text('policy_id').notNull(),
    legalWorkingDays: integer('legal_working_days').notNull(),
    totalFen: integer('total_fen').notNull(),
    /** app | cli */
    source: text('source').notNull().default('app'),
    note: text('note').notNull().default(''),
    bookedBy: integer('booked_by').references(() => staff.id),
    bookedAt: text('booked_at').notNull(),
  },
  (t) => [
    uniqueIndex('settlements_one_per_month').on(t.month).where(sql`kind = 'month'`),
    index('settlements_child').on(t.childId),
    check('settlements_kind', sql`${t.kind} IN ('month', 'withdrawal', 'correction')`),
    check('settlements_source', sql`${t.source} IN ('app', 'cli')`),
  ],
);

/** One child in a settlement, with the figures the refund engine used. */
export const settlementChildren = sqliteTable(
  'settlement_children',
  {
    settlementId: integer('settlement_id')
      .notNull()
      .references(() => settlements.id),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    /** As shown when booked (a later rename does not change the record). */
    name: text('name').notNull(),
    className: text('class_name').notNull(),
    /** monthly | semester */
    billing: text('billing').notNull(),
    /** leave | withdrawal | false_advertising */
    reason: text('reason').notNull(),
    presentDays: integer('present_days').notNull(),
    closureDays: integer('closure_days').notNull(),
    totalFen: integer('total_fen').notNull(),
    /** Corrections: what had been booked before for this child-month. */
    previousTotalFen: integer('previous_total_fen'),
  },
  (t) => [primaryKey({ columns: [t.settlementId, t.childId] }), index('settlement_children_child').on(t.childId)],
);

/** One refund line as the engine returned it: clause, inputs and the sentence for the parent. */
export const settlementLines = sqliteTable(
  'settlement_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    settlementId: integer('settlement_id')
      .notNull()
      .references(() => settlements.id),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    /** The bill whose charge is refunded. */
    billId: integer('bill_id').references(() => bills.id),
    item: text('item').notNull(),
    baseFen: integer('base_fen').notNull(),
    refundFen: integer('refund_fen').notNull(),
    /** Corrections: the refund booked before for this child, month and item. */
    previousRefundFen: integer('previous_refund_fen'),
    clause: text('clause').notNull(),
    explanation: text('explanation').notNull(),
    /** JSON LineInputs (d, W, closure days, rate, base, ...). */
    inputs: text('inputs_json').notNull(),
  },
  (t) => [index('settlement_lines_settlement').on(t.settlementId), index('settlement_lines_child').on(t.childId)],
);

/**
 * 家庭账户: every charge, reduction, refund, payment and correction of a
 * household, in order. amount_fen > 0 means the family owes more, < 0 less
 * (a payment, a refund). The balance is the sum; nothing else is the truth.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    childId: integer('child_id').references(() => children.id),
    /** charge | reduction | refund | payment | payout | reversal | correction */
    kind: text('kind').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** The business day (YYYY-MM-DD): issue date, payment date, settlement date. */
    entryDate: text('entry_date').notNull(),
    /** The fee item and month the entry is about, where it is about one. */
    item: text('item'),
    periodMonth: text('period_month'),
    billId: integer('bill_id').references(() => bills.id),
    billLineId: integer('bill_line_id').references(() => billLines.id),
    paymentId: integer('payment_id').references(() => payments.id),
    settlementId: integer('settlement_id').references(() => settlements.id),
    settlementLineId: integer('settlement_line_id').references(() => settlementLines.id),
    /** A reversal names the entry it cancels. */
    reversesEntryId: integer('reverses_entry_id'),
    clause: text('clause'),
    /** One sentence a parent can read. */
    description: text('description').notNull(),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_household').on(t.householdId, t.id),
    index('ledger_child').on(t.childId),
    index('ledger_bill').on(t.billId),
    index('ledger_payment').on(t.paymentId),
    index('ledger_period').on(t.periodMonth),
    check('ledger_kind', sql`${t.kind} IN ('charge', 'reduction', 'refund', 'payment', 'payout', 'reversal', 'correction')`),
  ],
);

/** How a household wants refunds returned; the newest row counts (default: credit to the next bill). */
export const refundPreferences = sqliteTable(
  'refund_preferences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id),
    /** credit | payout */
    mode: text('mode').notNull(),
    setBy: integer('set_by').references(() => staff.id),
    setAt: text('set_at').notNull(),
  },
  (t) => [index('refund_preferences_household').on(t.householdId), check('refund_preferences_mode', sql`${t.mode} IN ('credit', 'payout')`)],
);

/** Gap-free document numbers: one row per sequence (e.g. bill:2026, receipt:2026, payout:2026). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

/**
 * Every money-writing call carries a key the screen made when its dialog
 * opened; the first result is kept, so a retry or a double click books nothing twice.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  /** The API call it was used for; the same key for another call is refused. */
  operation: text('operation').notNull(),
  staffId: integer('staff_id').references(() => staff.id),
  resultJson: text('result_json').notNull(),
  createdAt: createdAt(),
});
