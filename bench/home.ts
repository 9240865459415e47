/**
 * The home screen's queries on the 2.5-million-row attendance database of
 * bench/attendance.ts, with ten years of money on top (a bill a month for
 * every child, its payment, month-end settlements), each printed beside its
 * floor: the bare SQL reading the same rows. Target: each under 50 ms.
 *
 *   npx tsx bench/home.ts
 */
import { monthsToSettle } from '../core/reports/home';
import { overdueLines } from '../db/billing/arrears';
import { billedPeriods, classDays, correctionsDue, hasLiveBill, payoutsDue, settledMonthSet } from '../db/reports/home';
import { hashPassword } from '../electron/auth/password';
import { createBackend } from '../electron/backend';
import { buildAttendanceDatabase, CHILDREN, LAST, timed } from './lib/attendance-db';

const TODAY = '2026-11-23';
const HOUSEHOLDS = 900;
const METHODS = ['cash', 'wechat', 'alipay', 'bank', 'pos'];

const built = buildAttendanceDatabase();
const { opened } = built;
const { sqlite, db } = opened;
console.log(`attendance: ${built.rows.toLocaleString()} rows for ${CHILDREN} children in ${built.loadSeconds.toFixed(1)} s`);

const t0 = performance.now();
let bills = 0;
sqlite.transaction(() => {
  const household = sqlite.prepare(`INSERT INTO households (id, address) VALUES (?, '')`);
  for (let h = 2; h <= HOUSEHOLDS; h++) household.run(h);
  sqlite.prepare(`UPDATE children SET household_id = ((id - 1) % ${HOUSEHOLDS}) + 1`).run();
  sqlite.prepare(`INSERT INTO kindergarten (id, name, type, funding_type, grade, policy_id) VALUES (1, '基准幼儿园', 'public', 'balance', 'municipal', 'nantong-2018')`).run();
  sqlite.prepare(`INSERT INTO staff (id, username, display_name, role, password_hash) VALUES (1, 'admin', '园长', 'principal', ?)`).run(hashPassword('bench-2026'));
  const bill = sqlite.prepare(
    `INSERT INTO bills (id, number, child_id, household_id, billing, period_first, period_last, due_on, charges_fen, reductions_fen, total_due_fen, issued_at)
     VALUES (?, ?, ?, ?, 'monthly', ?, ?, ?, 69000, 0, 69000, ?)`,
  );
  const line = sqlite.prepare(`INSERT INTO bill_lines (id, bill_id, kind, item, label, period_first, period_last, unit_price_fen, amount_fen) VALUES (?, ?, 'charge', ?, ?, ?, ?, ?, ?)`);
  const entry = sqlite.prepare(
    `INSERT INTO ledger_entries (household_id, child_id, kind, amount_fen, entry_date, item, period_month, bill_id, bill_line_id, payment_id, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  );
  const payment = sqlite.prepare(`INSERT INTO payments (id, receipt_no, household_id, direction, method, amount_fen, paid_on) VALUES (?, ?, ?, 'in', ?, 69000, ?)`);
  const allocation = sqlite.prepare(`INSERT INTO payment_allocations (payment_id, bill_id, amount_fen) VALUES (?, ?, 69000)`);
  let lineId = 1;
  let paymentId = 1;
  for (let y = 2017; y <= 2026; y++) {
    for (let m = 1; m <= 12; m++) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      if (month > TODAY.slice(0, 7)) break;
      for (let child = 1; child <= CHILDREN; child++) {
        const id = ++bills;
        const h = ((child - 1) % HOUSEHOLDS) + 1;
        bill.run(id, `JF${y}-${String(id).padStart(6, '0')}`, child, h, month, month, `${month}-10`, `${month}-01T00:30:00.000Z`);
        for (const [item, fen] of [['education', 42000], ['meal', 27000]] as const) {
          line.run(lineId, id, item, item, month, month, fen, fen);
          entry.run(h, child, 'charge', fen, `${month}-01`, item, month, id, lineId, null);
          lineId++;
        }
        // Nearly everyone pays by the 5th; a few of the last three months stay open (arrears in every band).
        const unpaid = month >= '2026-09' && child % 10 === 0;
        if (!unpaid) {
          const p = paymentId++;
          payment.run(p, `SK${y}-${String(p).padStart(6, '0')}`, h, METHODS[child % 5], `${month}-05`);
          allocation.run(p, id);
          entry.run(h, null, 'payment', -69000, `${month}-05`, null, null, null, null, p);
        }
      }
    }
  }
  // Every month settled up to September 2026; October waits.
  const settlement = sqlite.prepare(`INSERT INTO settlements (kind, month, policy_id, legal_working_days, total_fen, booked_at) VALUES ('month', ?, 'nantong-2018', 21, 0, ?)`);
  for (let y = 2017; y <= 2026; y++) for (let m = 1; m <= 12; m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month <= '2026-09') settlement.run(month, `${month}-28T08:00:00.000Z`);
  }
  // 50 families want refunds paid out and hold a refund credit; 200 corrections after settlement, 50 not yet handled.
  const pref = sqlite.prepare(`INSERT INTO refund_preferences (household_id, mode, set_at) VALUES (?, 'payout', '2026-09-01T00:00:00Z')`);
  for (let h = 1; h <= 50; h++) {
    pref.run(h * 7);
    entry.run(h * 7, null, 'refund', -5000, '2026-11-02', 'education', '2026-10', null, null, null);
  }
  const change = sqlite.prepare(`INSERT INTO attendance_changes (child_id, date, old_status, new_status, changed_at, after_settlement, handled_at) VALUES (?, ?, 'present', 'sick', ?, 1, ?)`);
  for (let i = 1; i <= 200; i++) change.run(i * 5, `2026-0${(i % 9) + 1}-15`, '2026-10-20T01:00:00Z', i <= 150 ? '2026-10-25T01:00:00Z' : null);
  const contact = sqlite.prepare(`INSERT INTO contact_log (household_id, date, channel, staff_id, topic, follow_up_on) VALUES (?, '2026-11-10', 'phone', 1, '回访', ?)`);
  for (let i = 1; i <= 300; i++) contact.run(i, i % 3 === 0 ? '2026-11-20' : '2026-12-10');
  const feedback = sqlite.prepare(`INSERT INTO feedback (household_id, received_on, channel, category, content, status) VALUES (?, '2026-11-01', 'wechat', 'meals', '意见', ?)`);
  for (let i = 1; i <= 200; i++) feedback.run(i, i % 4 === 0 ? 'open' : 'closed');
})();
sqlite.exec('ANALYZE');
const counts = sqlite
  .prepare(`SELECT (SELECT count(*) FROM bills) AS bills, (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM payments) AS payments`)
  .get() as { bills: number; entries: number; payments: number };
console.log(
  `money: ${counts.bills.toLocaleString()} bills, ${counts.entries.toLocaleString()} ledger entries, ${counts.payments.toLocaleString()} payments in ${((performance.now() - t0) / 1000).toFixed(1)} s; file ${built.fileMb().toFixed(0)} MB`,
);

const row = (name: string, query: () => unknown, floor: () => unknown, describe: (r: unknown) => string) => {
  const q = timed(query);
  const f = timed(floor);
  console.log(
    `${name.padEnd(24)} median ${q.median.toFixed(1).padStart(6)} ms (worst ${q.worst.toFixed(1)})  floor ${f.median.toFixed(1).padStart(6)} ms  ×${(q.median / Math.max(f.median, 0.001)).toFixed(1)}  ${describe(q.result)} — target < 50 ms`,
  );
};
const bare = (text: string, ...params: unknown[]) => () => sqlite.prepare(text).all(...params);

row('roll call per class', () => classDays(db, TODAY, null), bare('SELECT child_id, status FROM attendance WHERE date = ?', TODAY), (r) => `${(r as unknown[]).length} classes`);
row('arrears (overdue bills)', () => overdueLines(db, TODAY).lines, bare(`SELECT b.id, b.total_due_fen, pa.amount_fen FROM bills b LEFT JOIN payment_allocations pa ON pa.bill_id = b.id WHERE b.due_on < ?`, TODAY), (r) => `${(r as unknown[]).length} bills`);
row('refunds to pay out', () => payoutsDue(db), bare(`SELECT l.household_id, l.amount_fen FROM refund_preferences p JOIN ledger_entries l ON l.household_id = p.household_id`), (r) => `${(r as { households: number }).households} families`);
row('settlement corrections', () => correctionsDue(db), bare(`SELECT child_id, date FROM attendance_changes WHERE after_settlement = 1 AND handled_at IS NULL`), (r) => `${(r as { childMonths: number }).childMonths} child-months`);
row(
  'months not settled',
  () => monthsToSettle(billedPeriods(db), settledMonthSet(db), TODAY.slice(0, 7)).filter((m) => hasLiveBill(db, m)),
  bare('SELECT DISTINCT period_first, period_last FROM bills'),
  (r) => (r as string[]).join(', '),
);

// The whole call as the screen makes it (every part, follow-ups and complaints included).
opened.close();
const backend = createBackend({ dbPath: opened.path, log: () => {}, now: () => new Date(`${TODAY}T02:00:00Z`), automaticBackups: false });
const session = await backend.dispatcher.call({ name: 'auth.login', input: { username: 'admin', password: 'bench-2026' } });
const token = (session as { value: { session: string } }).value.session;
const times: number[] = [];
for (let i = 0; i < 21; i++) {
  const start = performance.now();
  const result = await backend.dispatcher.call({ name: 'home.today', input: {}, session: token });
  times.push(performance.now() - start);
  if (!result.ok) throw new Error(result.error.message);
}
times.sort((a, b) => a - b);
console.log(`home.today, the whole call      median ${times[10]!.toFixed(1)} ms (worst ${times[20]!.toFixed(1)}) — the sum of the parts above plus follow-ups, complaints and the calendar (data to ${LAST})`);
backend.close();
if (process.env.KD_BENCH_KEEP) {
  const { copyFileSync } = await import('node:fs');
  copyFileSync(opened.path, process.env.KD_BENCH_KEEP);
}
built.dispose();
