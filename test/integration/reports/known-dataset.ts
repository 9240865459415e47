// A small set of books with answers worked out by hand (in the comments),
// on three demo families: A pays monthly, B a semester with a 低保 reduction,
// C falls behind. Today is Monday 2026-11-23.
import type { Books } from './fixtures';

export function knownDataset(b: Books) {
  const pick = (className: string, notIn: number[]) =>
    b.sqlite
      .prepare(
        `SELECT c.id, c.household_id AS householdId, c.class_id AS classId FROM children c JOIN classes k ON k.id = c.class_id
         WHERE k.name = ? AND c.status = 'enrolled' AND c.household_id NOT IN (SELECT value FROM json_each(?))
           AND (SELECT count(*) FROM children s WHERE s.household_id = c.household_id) = 1
         ORDER BY c.id LIMIT 1`,
      )
      .get(className, JSON.stringify(notIn)) as { id: number; householdId: number; classId: number };
  const A = pick('星星班', []);
  const B = pick('苗苗班', [A.householdId]);
  const C = pick('向日葵班', [A.householdId, B.householdId]);

  // A, monthly: October (420.00 + 270.00) issued 09-25, paid by WeChat 09-28.
  const aOct = b.issueBill({ childId: A.id, periodFirst: '2026-10', issuedOn: '2026-09-25', dueOn: '2026-10-10', lines: [
    { kind: 'charge', item: 'education', amountFen: 42000 },
    { kind: 'charge', item: 'meal', amountFen: 27000 },
  ] });
  b.pay({ householdId: A.householdId, amountFen: 69000, method: 'wechat', paidOn: '2026-09-28', allocations: [{ billId: aOct.billId, amountFen: 69000 }] });
  // B, a semester (2026-09..2027-01) of 5 x 420.00 with 低保 half off, paid by bank 09-03.
  const bSem = b.issueBill({ childId: B.id, periodFirst: '2026-09', periodLast: '2027-01', issuedOn: '2026-08-28', dueOn: '2026-09-10', lines: [
    { kind: 'charge', item: 'education', amountFen: 210000 },
    { kind: 'reduction', item: 'education', amountFen: 105000, category: 'dibao' },
  ] });
  b.pay({ householdId: B.householdId, amountFen: 105000, method: 'bank', paidOn: '2026-09-03', allocations: [{ billId: bSem.billId, amountFen: 105000 }] });
  // C, monthly: October 420.00 issued 09-25, 100.00 paid by Alipay 10-15 (voided 11-03).
  const cOct = b.issueBill({ childId: C.id, periodFirst: '2026-10', issuedOn: '2026-09-25', dueOn: '2026-10-10', lines: [{ kind: 'charge', item: 'education', amountFen: 42000 }] });
  const cPay = b.pay({ householdId: C.householdId, amountFen: 10000, method: 'alipay', paidOn: '2026-10-15', allocations: [{ billId: cOct.billId, amountFen: 10000 }] });
  // November bills issued 10-25; C's is voided 10-27.
  const aNov = b.issueBill({ childId: A.id, periodFirst: '2026-11', issuedOn: '2026-10-25', dueOn: '2026-11-10', lines: [
    { kind: 'charge', item: 'education', amountFen: 42000 },
    { kind: 'charge', item: 'meal', amountFen: 31500 },
  ] });
  const cNov = b.issueBill({ childId: C.id, periodFirst: '2026-11', issuedOn: '2026-10-25', dueOn: '2026-11-10', lines: [{ kind: 'charge', item: 'education', amountFen: 42000 }] });
  b.voidBill(cNov.billId, '2026-10-27');
  // October settled 11-02: A refunded 210.00 education and 120.00 meals; A wants refunds paid out.
  b.settle({ month: '2026-10', bookedOn: '2026-11-02', refunds: [
    { childId: A.id, billId: aOct.billId, item: 'education', baseFen: 42000, refundFen: 21000 },
    { childId: A.id, billId: aOct.billId, item: 'meal', baseFen: 27000, refundFen: 12000 },
  ] });
  b.voidPayment(cPay, '2026-11-03');
  b.pay({ householdId: A.householdId, amountFen: 73500, method: 'cash', paidOn: '2026-11-05', allocations: [{ billId: aNov.billId, amountFen: 73500 }] });
  b.preferPayout(A.householdId, '2026-11-06');
  b.payout({ householdId: A.householdId, amountFen: 20000, method: 'cash', paidOn: '2026-11-20' });
  return { A, B, C, bills: { aOct, bSem, cOct, aNov, cNov } };
}
