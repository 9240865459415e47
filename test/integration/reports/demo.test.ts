import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS, REPORT_PERIODS, type ReportDoc } from '../../../core/reports/document';
import { demoBackend } from '../attendance/helpers';

let app: Awaited<ReturnType<typeof demoBackend>>;
beforeAll(async () => {
  app = await demoBackend();
});
afterAll(() => app?.backend.close());

describe('reports on the demo kindergarten', () => {
  it('every report of every month and of the year reconciles', async () => {
    for (const kind of REPORT_KINDS) {
      for (const period of ['2026-09', '2026-10', '2026-11', '2026']) {
        if (!REPORT_PERIODS[kind].includes(period.length === 4 ? 'year' : 'month')) continue;
        const doc: ReportDoc = await app.ok('reports.get', { kind, period });
        expect(doc.empty, `${kind} ${period}`).toBeNull();
        expect(doc.checks.length, `${kind} ${period}`).toBeGreaterThan(0);
        for (const check of doc.checks) expect(check.holds, `${kind} ${period}: ${check.zh.join(' / ')}`).toBe(true);
      }
    }
  });

  it('charges of a month equal the issued bills’ charge lines (a different path from the ledger)', async () => {
    const doc = await app.ok('reports.get', { kind: 'income', period: '2026-10' });
    const lines = app.sqlite
      .prepare(
        `SELECT coalesce(sum(CASE l.kind WHEN 'charge' THEN l.amount_fen END), 0) AS charges, coalesce(sum(CASE l.kind WHEN 'reduction' THEN l.amount_fen END), 0) AS reductions
         FROM bill_lines l JOIN bills b ON b.id = l.bill_id
         WHERE substr(b.issued_at, 1, 7) = '2026-10' AND NOT EXISTS (SELECT 1 FROM bill_voids v WHERE v.bill_id = b.id) AND b.replaces_bill_id IS NULL`,
      )
      .get() as { charges: number; reductions: number };
    const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    expect(doc.tables[0]!.total).toMatchObject({ charges: yuan(lines.charges), reductions: yuan(lines.reductions) });
    expect(lines.charges).toBeGreaterThan(0);
  });
});
