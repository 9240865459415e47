import { ENTRY_KIND_LABELS, type EntryKind } from '../../../core/billing/statement';
import { handler } from '../define';
import { writeWorkbook } from '../families/excel';
import { DESK } from '../payments/access';
import { accountInput } from './inputs';
import { householdStatement } from './statement';
import { MONEY_FORMAT, moneyCell } from './xlsx';

/** 家庭账户: every charge, reduction, payment, refund and correction, in order, with the running balance. */
export const accountStatement = handler({
  access: DESK,
  write: false,
  input: accountInput,
  run: (ctx, input) => householdStatement(ctx, input),
});

/** The same statement as an .xlsx workbook (base64): opening balance, entries, closing balance. */
export const exportAccount = handler({
  access: DESK,
  write: false,
  input: accountInput,
  async run(ctx, input) {
    const s = householdStatement(ctx, input);
    const child = s.children.find((c) => c.id === s.childId);
    const period = `${s.from ?? '开始'} 至 ${s.to ?? s.today}`;
    const base64 = await writeWorkbook([
      {
        name: '家庭账户',
        columns: [
          { header: '日期', width: 12 },
          { header: '类别', width: 10 },
          { header: '幼儿', width: 10 },
          { header: '摘要', width: 56 },
          { header: '金额（元）', width: 14, numFmt: MONEY_FORMAT },
          { header: '余额（元）', width: 14, numFmt: MONEY_FORMAT },
          { header: '单据号', width: 16 },
          { header: '经办人', width: 12 },
          { header: '录入时间', width: 22 },
        ],
        rows: [
          [s.from ?? '', '期初余额', child?.name ?? '', `${s.household.label} ${period}`, null, moneyCell(s.opening), '', '', ''],
          ...s.entries.map((e) => [
            e.entryDate,
            ENTRY_KIND_LABELS[e.kind as EntryKind]?.[0] ?? e.kind,
            e.childName ?? '',
            e.description,
            moneyCell(e.amount),
            moneyCell(e.balance),
            e.receiptNo ?? e.billNumber ?? '',
            e.createdByName,
            e.createdAt,
          ]),
          [s.to ?? s.today, '期末余额', '', '余额为正数表示家庭应缴，负数表示预收结余', null, moneyCell(s.closing), '', '', ''],
        ],
      },
    ]);
    ctx.audit({ action: 'ledger.export', kind: 'system', entity: 'household', entityId: s.household.id, summary: `导出家庭账户：${s.household.label}（${period}）` });
    return { fileName: `家庭账户-${s.household.label}-${ctx.today()}.xlsx`, base64, entries: s.entries.length };
  },
});

