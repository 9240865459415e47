import { z } from 'zod';
import { AGING_BUCKETS, AGING_LABELS } from '../../../core/billing/aging';
import { periodLabel } from '../../../core/billing/payments';
import { formatFen } from '../../../core/money';
import { loadArrears } from '../../../db/billing/arrears';
import { kindergarten } from '../../../db/schema';
import { handler, type HandlerContext } from '../define';
import { writeWorkbook } from '../families/excel';
import { DESK } from '../payments/access';
import { id } from '../schemas';
import { MONEY_FORMAT, moneyCell } from './xlsx';

const arrearsInput = z.object({ classId: id.nullable().default(null) });

function arrearsList(ctx: HandlerContext, classId: number | null) {
  const today = ctx.today();
  const rows = loadArrears(ctx.db, today)
    .filter((r) => classId === null || r.bill.classId === classId)
    // Classes in the kindergarten's own order; the longest overdue first within a class.
    .sort((a, b) => a.bill.classId - b.bill.classId || b.daysOverdue - a.daysOverdue || a.bill.number.localeCompare(b.bill.number));
  const sum = (list: typeof rows) => formatFen(list.reduce((s, r) => s + r.outstandingFen, 0));
  const classes = [...new Map(rows.map((r) => [r.bill.classId, r.bill.className])).entries()].map(([cid, name]) => {
    const mine = rows.filter((r) => r.bill.classId === cid);
    return { classId: cid, className: name, count: mine.length, outstanding: sum(mine) };
  });
  return {
    today,
    kindergartenName: ctx.db.select({ name: kindergarten.name }).from(kindergarten).get()?.name ?? '',
    total: { count: rows.length, households: new Set(rows.map((r) => r.household.householdId)).size, outstanding: sum(rows) },
    buckets: AGING_BUCKETS.map((bucket) => {
      const mine = rows.filter((r) => r.bucket === bucket);
      return { bucket, count: mine.length, outstanding: sum(mine) };
    }),
    classes,
    rows: rows.map((r) => ({
      billId: r.bill.id,
      number: r.bill.number,
      householdId: r.household.householdId,
      householdLabel: r.household.label,
      childId: r.bill.childId,
      childName: r.bill.childName,
      classId: r.bill.classId,
      className: r.bill.className,
      period: periodLabel(r.bill.periodFirst, r.bill.periodLast),
      periodFirst: r.bill.periodFirst,
      periodLast: r.bill.periodLast,
      dueOn: r.bill.dueOn,
      totalDue: formatFen(r.bill.totalDueFen),
      paid: formatFen(r.bill.paidFen),
      outstanding: formatFen(r.outstandingFen),
      daysOverdue: r.daysOverdue,
      bucket: r.bucket,
      guardian: r.household.guardians[0] ?? null,
      lastContact: r.lastContact,
    })),
  };
}

/** 欠费: issued bills not fully paid after their due date, by class, aged 0-30 / 31-60 / over 60 days. */
export const arrears = handler({
  access: DESK,
  write: false,
  input: arrearsInput,
  run: (ctx, input) => arrearsList(ctx, input.classId),
});

export const exportArrears = handler({
  access: DESK,
  write: false,
  input: arrearsInput,
  async run(ctx, input) {
    const list = arrearsList(ctx, input.classId);
    const base64 = await writeWorkbook([
      {
        name: '欠费明细',
        columns: [
          { header: '班级', width: 10 },
          { header: '幼儿', width: 10 },
          { header: '缴费通知单', width: 16 },
          { header: '期间', width: 20 },
          { header: '缴费期限', width: 12 },
          { header: '逾期天数', width: 10 },
          { header: '账龄', width: 12 },
          { header: '应缴（元）', width: 12, numFmt: MONEY_FORMAT },
          { header: '已缴（元）', width: 12, numFmt: MONEY_FORMAT },
          { header: '欠费（元）', width: 12, numFmt: MONEY_FORMAT },
          { header: '联系家长', width: 10 },
          { header: '手机（隐去中间四位）', width: 16 },
          { header: '最近沟通', width: 24 },
        ],
        rows: list.rows.map((r) => [
          r.className,
          r.childName,
          r.number,
          r.period,
          r.dueOn,
          r.daysOverdue,
          AGING_LABELS[r.bucket][0],
          moneyCell(r.totalDue),
          moneyCell(r.paid),
          moneyCell(r.outstanding),
          r.guardian ? `${r.guardian.name}（${r.guardian.relationship}）` : '',
          r.guardian?.mobileMasked ?? '',
          r.lastContact ? `${r.lastContact.date} ${r.lastContact.topic}` : '',
        ]),
      },
      {
        name: '按账龄汇总',
        columns: [
          { header: '账龄', width: 14 },
          { header: '笔数', width: 8 },
          { header: '欠费（元）', width: 14, numFmt: MONEY_FORMAT },
        ],
        rows: [
          ...list.buckets.map((b) => [AGING_LABELS[b.bucket][0], b.count, moneyCell(b.outstanding)]),
          ['合计', list.total.count, moneyCell(list.total.outstanding)],
        ],
      },
    ]);
    ctx.audit({ action: 'arrears.export', kind: 'system', entity: 'bill', summary: `导出欠费明细：${list.total.count} 笔，${list.total.outstanding} 元` });
    return { fileName: `欠费明细-${list.today}.xlsx`, base64, rows: list.rows.length };
  },
});
