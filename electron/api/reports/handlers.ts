import { z } from 'zod';
import { REPORT_KINDS, REPORT_TITLES } from '../../../core/reports/document';
import { parsePeriodKey } from '../../../core/reports/period';
import { handler } from '../define';
import { invalid } from '../errors';
import { buildReport } from './build';
import { REPORT_READERS } from './profile';
import { reportWorkbook } from './xlsx';

const reportInput = z.object({
  kind: z.enum(REPORT_KINDS, '请选择报表'),
  /** YYYY-MM for a month, YYYY for a year. */
  period: z.string().trim().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间应为月份（如 2026-10）或年份（如 2026）'),
});

function period(key: string) {
  const p = parsePeriodKey(key);
  if (!p) throw invalid('期间应为月份（如 2026-10）或年份（如 2026）');
  return p;
}

export const reportHandlers = {
  /** One report for a month or a year, with its check lines. */
  'reports.get': handler({
    access: REPORT_READERS,
    write: false,
    input: reportInput,
    run: (ctx, input) => buildReport(ctx, input.kind, period(input.period)),
  }),

  /** The same report as an .xlsx workbook (base64). */
  'reports.export': handler({
    access: REPORT_READERS,
    write: false,
    input: reportInput,
    async run(ctx, input) {
      const doc = buildReport(ctx, input.kind, period(input.period));
      const base64 = await reportWorkbook(doc);
      ctx.audit({ action: 'reports.export', kind: 'system', entity: 'report', entityId: `${input.kind}:${input.period}`, summary: `导出${REPORT_TITLES[input.kind][0]}（${doc.periodLabel[0]}）` });
      return { fileName: `${REPORT_TITLES[input.kind][0]}-${doc.periodKey}.xlsx`, base64 };
    },
  }),
};
