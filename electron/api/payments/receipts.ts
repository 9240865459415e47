import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { amountInWords } from '../../../core/print/amount-words';
import { householdPeople } from '../../../db/billing/households';
import { loadPayments } from '../../../db/billing/payments';
import { kindergarten, payments } from '../../../db/schema';
import { handler } from '../define';
import { notFound } from '../errors';
import { id } from '../schemas';
import { DESK } from './access';
import { paymentView } from './views';

/** What a printed receipt shows (one or a batch): the kindergarten, the children, what was paid for, 大写, 作废 if voided. */
export const receiptsToPrint = handler({
  access: DESK,
  write: false,
  input: z.object({ ids: z.array(id).min(1, '请选择收据').max(300, '一次最多打印 300 张收据') }),
  run(ctx, { ids }) {
    const rows = loadPayments(ctx.db, inArray(payments.id, ids), ids.length);
    if (rows.length !== new Set(ids).size) throw notFound('这张收据', 'receipt');
    const people = householdPeople(ctx.db, rows.map((p) => p.householdId));
    const order = new Map(ids.map((pid, i) => [pid, i]));
    return {
      kindergartenName: ctx.db.select({ name: kindergarten.name }).from(kindergarten).get()?.name ?? '',
      receipts: rows
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
        .map((p) => {
          const view = paymentView(p);
          const household = people.get(p.householdId);
          return {
            ...view,
            amountInWords: amountInWords(view.amount),
            householdLabel: household?.label ?? '',
            children: household?.children.map((c) => ({ name: c.name, className: c.className })) ?? [],
          };
        }),
    };
  },
});
