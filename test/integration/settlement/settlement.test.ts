import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { billedDemo, tablesHash } from './helpers';

/** Integer fen of an API amount ("416.00"), without a float. */
const fen = (text: string) => Number.parseInt(text.replace('.', ''), 10);
const ledgerSum = (sqlite: Database.Database, sql: string, ...params: unknown[]) => (sqlite.prepare(sql).pluck().get(...params) as number | null) ?? 0;

describe('month-end settlement through the API', () => {
  it('previews writing nothing, books once (the same key returns the first result), and repeating books nothing', async () => {
    const { sqlite, ok, call } = await billedDemo();
    const before = tablesHash(sqlite);
    const preview = await ok('settlement.preview', { month: '2026-10' });
    expect(preview.status).toBe('preview');
    expect(tablesHash(sqlite)).toEqual(before);

    const booked = await ok('settlement.book', { month: '2026-10', idempotencyKey: 'book-oct-0001' });
    expect(booked.status).toBe('booked');
    expect({ ...booked, status: 'preview', booking: null }).toEqual({ ...preview, status: 'preview', booking: null, ended: true });
    const afterFirst = tablesHash(sqlite);
    const retry = await ok('settlement.book', { month: '2026-10', idempotencyKey: 'book-oct-0001' });
    expect(retry).toEqual(booked);
    const again = await ok('settlement.book', { month: '2026-10', idempotencyKey: 'book-oct-0002' });
    expect(again.status).toBe('settled');
    expect(again.total).toBe(booked.total);
    expect(again.children).toEqual(booked.children);
    const { idempotency_keys: _k, ...rest } = tablesHash(sqlite);
    const { idempotency_keys: _k0, ...restBefore } = afterFirst;
    expect(rest).toEqual(restBefore);
    // Booked money: one negative refund entry per non-zero line, with the clause in its sentence.
    const entries = sqlite
      .prepare(`SELECT le.amount_fen AS amount, le.clause, le.description FROM ledger_entries le JOIN settlements s ON s.id = le.settlement_id WHERE s.month = '2026-10' AND s.kind = 'month'`)
      .all() as { amount: number; clause: string; description: string }[];
    const lines = booked.children.flatMap((c) => c.lines).filter((l) => l.refund !== '0.00');
    expect(entries).toHaveLength(lines.length);
    expect(-entries.reduce((s, e) => s + e.amount, 0)).toBe(fen(booked.total));
    for (const e of entries) {
      expect(e.amount).toBeLessThan(0);
      expect(e.description).toContain(`（${e.clause}）`);
    }
    // A month not ended cannot be booked.
    expect((await call('settlement.book', { month: '2026-12', idempotencyKey: 'book-dec-0001' })).error?.message).toContain('还没有结束');
  }, 120_000);

  it('roles: the front desk previews, only principal and finance book, a teacher sees no money', async () => {
    const { call, login } = await billedDemo();
    const desk = await login('qiantai');
    const teacher = await login('laoshi');
    expect((await call('settlement.preview', { month: '2026-10' }, desk)).ok).toBe(true);
    expect((await call('settlement.book', { month: '2026-10', idempotencyKey: 'desk-book-001' }, desk)).error?.code).toBe('forbidden');
    expect((await call('settlement.preview', { month: '2026-10' }, teacher)).error?.code).toBe('forbidden');
    expect((await call('settlement.withdraw', { childId: 1, leftOn: '2026-11-23', reason: '搬家', idempotencyKey: 'desk-withdraw' }, desk)).error?.code).toBe('forbidden');
  }, 60_000);
});

describe('corrections after settlement', () => {
  it('books exactly the difference, names the old and new figures, never changes what was booked, and marks the changes handled', async () => {
    const { sqlite, ok } = await billedDemo();
    await ok('settlement.book', { month: '2026-10', idempotencyKey: 'book-oct-corr' });
    // The demo child with a long October illness: three days she was in after all.
    const child = sqlite.prepare(`SELECT child_id FROM attendance WHERE date LIKE '2026-10-%' AND note = '住院治疗' GROUP BY child_id`).pluck().get() as number;
    const booked = sqlite.prepare(`SELECT sl.* FROM settlement_lines sl JOIN settlements s ON s.id = sl.settlement_id WHERE s.kind = 'month' AND s.month = '2026-10'`).all();
    const balance = () => ledgerSum(sqlite, `SELECT sum(amount_fen) FROM ledger_entries WHERE child_id = ? AND period_month = '2026-10' AND kind IN ('refund', 'correction')`, child);
    const refundedBefore = -balance();
    for (const date of ['2026-10-12', '2026-10-13', '2026-10-14']) await ok('attendance.correct', { childId: child, date, status: 'present', note: '', reason: '核对签到表' });

    const { due, flags } = await ok('settlement.corrections', {});
    expect(flags).toHaveLength(3);
    const entry = due.find((d) => d.childId === child && d.month === '2026-10')!;
    expect(entry).toMatchObject({ why: 'attendance', state: 'ready', previous: `${Math.floor(refundedBefore / 100)}.${String(refundedBefore % 100).padStart(2, '0')}` });
    const result = await ok('settlement.bookCorrection', { childId: child, month: '2026-10', idempotencyKey: 'corr-oct-0001' });
    expect(result).toMatchObject({ booked: true, previous: entry.previous, now: entry.now, difference: entry.difference, handled: 3 });
    expect(-balance()).toBe(fen(entry.now!));
    expect(-balance() - refundedBefore).toBe(fen(entry.difference!));
    const correction = sqlite.prepare(`SELECT * FROM settlement_lines WHERE settlement_id = ?`).all(result.settlementId) as { previous_refund_fen: number; refund_fen: number; explanation: string }[];
    expect(correction.every((l) => l.previous_refund_fen !== null)).toBe(true);
    const changed = correction.find((l) => l.refund_fen !== l.previous_refund_fen)!;
    expect(changed.explanation).toMatch(/^考勤更正后重新计算：.*原已退 \d+\.\d{2} 元，现应退 \d+\.\d{2} 元，本次扣回 \d+\.\d{2} 元。$/);
    expect(sqlite.prepare(`SELECT kind FROM settlements WHERE id = ?`).pluck().get(result.settlementId)).toBe('correction');
    expect(sqlite.prepare(`SELECT sl.* FROM settlement_lines sl JOIN settlements s ON s.id = sl.settlement_id WHERE s.kind = 'month' AND s.month = '2026-10'`).all()).toEqual(booked);
    expect((await ok('settlement.corrections', {})).due.filter((d) => d.childId === child)).toEqual([]);
    expect(sqlite.prepare(`SELECT count(*) FROM attendance_changes WHERE handled_at IS NULL AND after_settlement = 1`).pluck().get()).toBe(0);
    expect((await ok('ledger.check', {})).problems).toEqual([]);
    // The booked rows cannot be changed at all.
    expect(() => sqlite.prepare(`UPDATE settlement_lines SET refund_fen = 0 WHERE settlement_id = ?`).run(result.settlementId)).toThrow(/append-only/);
  }, 120_000);

  it('a child left unsettled for missing roll calls is offered, and settled, once the days are recorded', async () => {
    const { sqlite, ok } = await billedDemo();
    const nov = await ok('settlement.book', { month: '2026-11', idempotencyKey: 'book-nov-0001' });
    const waiting = nov.unsettled.find((u) => u.code === 'missing_attendance')!;
    expect(waiting.reason).toContain('2026-11-23 等 6 个工作日没有考勤记录');
    const classId = sqlite.prepare('SELECT class_id FROM children WHERE id = ?').pluck().get(waiting.childId) as number;
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30']) {
      await ok('attendance.saveRollCall', { classId, date, entries: [{ childId: waiting.childId, status: 'sick', note: '' }], reason: '补录' });
    }
    const entry = (await ok('settlement.corrections', {})).due.find((d) => d.childId === waiting.childId)!;
    expect(entry).toMatchObject({ month: '2026-11', state: 'ready', previous: '0.00' });
    const result = await ok('settlement.bookCorrection', { childId: waiting.childId, month: '2026-11', idempotencyKey: 'complete-nov-1' });
    expect(result.booked).toBe(true);
    expect(sqlite.prepare(`SELECT count(*) FROM ledger_entries WHERE settlement_id = ? AND kind = 'refund'`).pluck().get(result.settlementId)).toBeGreaterThan(0);
    expect((await ok('settlement.preview', { month: '2026-11' })).unsettled.some((u) => u.childId === waiting.childId)).toBe(false);
  }, 120_000);
});

describe('withdrawal (退园)', () => {
  it('changes the status, refunds a bill issued ahead in full, and books its final settlement once', async () => {
    const { sqlite, ok, call } = await billedDemo();
    await ok('bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: 'issue-dec-0001' });
    const child = sqlite.prepare(`SELECT c.id FROM children c JOIN bills b ON b.child_id = c.id WHERE c.billing_mode = 'monthly' AND c.status = 'enrolled' AND b.period_first = '2026-12' ORDER BY c.id LIMIT 1`).pluck().get() as number;
    const input = { childId: child, leftOn: '2026-11-23', reason: '随父母迁居苏州' };
    const before = tablesHash(sqlite);
    const preview = await ok('settlement.withdrawPreview', input);
    expect(tablesHash(sqlite)).toEqual(before);
    expect(preview.lines.map((l) => [l.month, l.item])).toEqual(expect.arrayContaining([['2026-11', 'education'], ['2026-12', 'education']]));
    const december = preview.lines.find((l) => l.month === '2026-12' && l.item === 'education')!;
    expect(december).toMatchObject({ refund: december.base, clause: 'NT-3.1' });
    expect(preview.payBy).toBe('2026-12-07');

    const done = await ok('settlement.withdraw', { ...input, idempotencyKey: 'withdraw-0001' });
    expect(await ok('settlement.withdraw', { ...input, idempotencyKey: 'withdraw-0001' })).toEqual(done);
    expect((await call('settlement.withdraw', { ...input, idempotencyKey: 'withdraw-0002' })).ok).toBe(false);
    expect(sqlite.prepare(`SELECT count(*) FROM settlements WHERE kind = 'withdrawal' AND child_id = ?`).pluck().get(child)).toBe(1);
    expect(sqlite.prepare('SELECT status, status_since FROM children WHERE id = ?').get(child)).toEqual({ status: 'withdrawn', status_since: '2026-11-23' });
    expect(sqlite.prepare(`SELECT to_status, effective_on FROM child_status_changes WHERE child_id = ? ORDER BY id DESC LIMIT 1`).get(child)).toEqual({ to_status: 'withdrawn', effective_on: '2026-11-23' });
    const statement = await ok('settlement.statement', { settlementId: done.settlementId });
    expect(statement.lines.map((l) => [l.month, l.item, l.refund])).toEqual(preview.lines.map((l) => [l.month, l.item, l.refund]));
    expect(statement.totalWords).toMatch(/元/);
    // What the final settlement booked is not booked again by the month-end settlements.
    const novPlan = await ok('settlement.preview', { month: '2026-11' });
    expect(novPlan.children.some((c) => c.childId === child) || novPlan.unsettled.some((u) => u.childId === child)).toBe(false);
    expect(novPlan.alreadySettled.some((c) => c.childId === child)).toBe(true);
    expect((await ok('settlement.preview', { month: '2026-12' })).alreadySettled.some((c) => c.childId === child)).toBe(true);
    // Billing stops: the January run does not bill the child.
    expect(sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'settlement.withdraw'`).pluck().get()).toBe(1);
  }, 120_000);

  it('refunds a semester payer’s later months whole through the engine, and its refund goes back as a payout with a TK receipt', async () => {
    const { sqlite, ok, call } = await billedDemo();
    const child = sqlite
      .prepare(`SELECT c.id FROM children c JOIN bills b ON b.child_id = c.id WHERE c.billing_mode = 'semester' AND c.status = 'enrolled' AND b.billing = 'semester' AND NOT EXISTS (SELECT 1 FROM children s WHERE s.household_id = c.household_id AND s.id <> c.id) ORDER BY c.id LIMIT 1`)
      .pluck()
      .get() as number;
    const household = sqlite.prepare('SELECT household_id FROM children WHERE id = ?').pluck().get(child) as number;
    // The family has paid everything it was billed (what the demo's payments left, paid at the desk now).
    const owed = ledgerSum(sqlite, 'SELECT sum(amount_fen) FROM ledger_entries WHERE household_id = ?', household);
    if (owed > 0) {
      await ok('payments.record', { householdId: household, amount: `${Math.floor(owed / 100)}.${String(owed % 100).padStart(2, '0')}`, method: 'cash', paidOn: '2026-11-20', idempotencyKey: 'pay-all-owed-1' });
    }
    const creditBefore = -ledgerSum(sqlite, 'SELECT sum(amount_fen) FROM ledger_entries WHERE household_id = ?', household);

    const done = await ok('settlement.withdraw', { childId: child, leftOn: '2026-11-23', reason: '转园', idempotencyKey: 'withdraw-sem-1' });
    const statement = await ok('settlement.statement', { settlementId: done.settlementId });
    const education = statement.lines.find((l) => l.item === 'education')!;
    expect(education.explanation).toContain('退园后本学期剩余 1 个月（2026-12）');
    expect(fen(statement.toReturn)).toBe(fen(statement.total) + creditBefore);
    const due = (await ok('settlement.payoutsDue', {})).find((d) => d.householdId === household)!;
    expect(due).toMatchObject({ credit: statement.toReturn, left: true, withdrawalId: done.settlementId });

    const tooMuch = await call('settlement.recordPayout', { householdId: household, amount: '99999.00', method: 'cash', paidOn: '2026-12-01', idempotencyKey: 'payout-too-much' });
    expect(tooMuch.error?.message).toContain('超过了家庭账户的结余');
    const paid = await ok('settlement.recordPayout', { householdId: household, amount: statement.toReturn, method: 'bank', reference: 'ZH20261201001', paidOn: '2026-12-01', payee: '家长', idempotencyKey: 'payout-0000001' });
    expect(paid).toMatchObject({ receiptNo: 'TK2026-00001', balance: '0.00' });
    expect(sqlite.prepare(`SELECT direction, amount_fen FROM payments WHERE id = ?`).get(paid.paymentId)).toEqual({ direction: 'out', amount_fen: fen(statement.toReturn) });
    expect(sqlite.prepare(`SELECT kind, amount_fen FROM ledger_entries WHERE payment_id = ?`).get(paid.paymentId)).toEqual({ kind: 'payout', amount_fen: fen(statement.toReturn) });
    expect((await ok('settlement.payoutsDue', {})).some((d) => d.householdId === household)).toBe(false);
    expect((await ok('settlement.statement', { settlementId: done.settlementId })).payouts).toEqual([{ receiptNo: 'TK2026-00001', amount: statement.toReturn, paidOn: '2026-12-01', method: 'bank', voided: false }]);
    // The payments area's integrity check agrees with everything booked here.
    expect((await ok('ledger.check', {})).problems).toEqual([]);
  }, 120_000);
});

describe('how refunds go back, and the desk’s what-if', () => {
  it('a household can ask for refunds to be paid out; the next bill shows last month’s refund with its clause; the what-if is one day either way', async () => {
    const { sqlite, ok } = await billedDemo();
    const oct = await ok('settlement.book', { month: '2026-10', idempotencyKey: 'book-oct-next' });
    const refunded = oct.children.find((c) => c.lines.some((l) => l.item === 'education' && l.refund !== '0.00') && c.reason === 'leave' && c.billing === 'monthly')!;
    const household = sqlite.prepare('SELECT household_id FROM children WHERE id = ?').pluck().get(refunded.childId) as number;
    expect((await ok('settlement.refundDestination', { householdId: household })).mode).toBe('credit');
    await ok('settlement.setRefundDestination', { householdId: household, mode: 'payout', idempotencyKey: 'mode-0000001' });
    expect((await ok('settlement.refundDestination', { householdId: household })).mode).toBe('payout');

    await ok('bills.issue', { month: '2026-12', dueOn: '2026-12-10', idempotencyKey: 'issue-dec-next' });
    const notices = await ok('bills.notices', { month: '2026-12', childId: refunded.childId });
    const refunds = notices.notices[0]!.refunds;
    const education = refunded.lines.find((l) => l.item === 'education')!;
    expect(refunds).toContainEqual({ month: '2026-10', item: 'education', childName: refunded.name, clause: education.clause, amount: education.refund });

    const whatIf = await ok('settlement.whatIf', { childId: refunded.childId, month: '2026-10' });
    expect(whatIf.whatIf?.current.total).toBe(refunded.total);
    expect(whatIf.whatIf?.oneMore?.presentDays).toBe(refunded.presentDays + 1);
  }, 120_000);

  it('the refund calculator marks a month not over or with missing roll calls as provisional, and questions an amount above the standard', async () => {
    const { sqlite, ok } = await billedDemo();
    const child = sqlite.prepare(`SELECT c.id FROM children c JOIN classes k ON k.id = c.class_id WHERE k.level = 'middle' AND c.status = 'enrolled' ORDER BY c.id LIMIT 1`).pluck().get() as number;
    const base = { billing: 'monthly' as const, fees: [{ item: 'education' as const, paid: '420.00' }], presentDays: 5, reason: 'leave' as const };
    const october = await ok('refund.preview', { ...base, month: '2026-10', childId: child });
    expect(october.provisional).toEqual([]);
    expect(october.questions).toEqual([]);
    const november = await ok('refund.preview', { ...base, month: '2026-11', childId: child });
    expect(november.provisional).toEqual([expect.stringContaining('6 个工作日没有考勤记录（2026-11-23 起）')]);
    const december = await ok('refund.preview', { ...base, month: '2026-12', presentDays: 0 });
    expect(december.provisional).toEqual([expect.stringContaining('2026-12 还没有结束')]);
    const tooMuch = await ok('refund.preview', { ...base, month: '2026-10', childId: child, fees: [{ item: 'education', paid: '620.00' }] });
    expect(tooMuch.questions).toEqual([expect.stringContaining('保教费实缴 620.00 元，高于本园的收费标准')]);
  }, 60_000);
});
