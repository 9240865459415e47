// 减免: the children with an NT-3.7 category (set on the child record) and the
// kindergarten's own discounts (set here by the principal, with a reason).
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { monthOf } from '../../../core/calendar/dates';
import { discountInForce } from '../../../core/billing/draft';
import { ITEM_LABELS, RUN_ITEMS } from '../../../core/billing/items';
import { reductionShare } from '../../../core/billing/reduction-share';
import { Decimal, formatPercent, parseRate } from '../../../core/money';
import { loadDiscounts } from '../../../db/billing/inputs';
import { childDiscounts, children, classes, staff } from '../../../db/schema';
import { handler } from '../define';
import { notFound } from '../errors';
import { id, month, optionalText, text, whenFieldsValid } from '../schemas';
import { actorId, loadProfile, yuan } from './context';
import { moneyText, toFenText } from './inputs';
import { resolvePolicy } from '../policies';

export const discountsHandlers = {
  /** Children with a reduction or an own discount this month, and the share against the notice's guide. */
  'discounts.list': handler({
    access: ['principal', 'finance'],
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const profile = loadProfile(ctx);
      const policy = resolvePolicy(ctx, profile.policyId);
      const thisMonth = monthOf(ctx.today());
      const enrolled = ctx.db
        .select({ id: children.id, name: children.name, className: classes.name, reductionCategory: children.reductionCategory, reductionNote: children.reductionNote })
        .from(children)
        .innerJoin(classes, eq(classes.id, children.classId))
        .where(eq(children.status, 'enrolled'))
        .orderBy(asc(classes.id), asc(children.namePinyin))
        .all();
      const discounts = loadDiscounts(ctx.db);
      const names = new Map(ctx.db.select({ id: staff.id, name: staff.displayName }).from(staff).all().map((s) => [s.id, s.name]));
      const setBy = new Map(ctx.db.select({ id: childDiscounts.id, setBy: childDiscounts.setBy, setAt: childDiscounts.setAt }).from(childDiscounts).all().map((r) => [r.id, r]));
      const rows = enrolled.map((c) => {
        const own = RUN_ITEMS.map((item) => discountInForce(discounts, c.id, item, thisMonth)).filter((d) => d !== null);
        return {
          childId: c.id,
          name: c.name,
          className: c.className,
          reductionCategory: c.reductionCategory,
          reductionLabel: c.reductionCategory ? (policy.reductions?.categories[c.reductionCategory]?.label ?? null) : null,
          reductionRate: c.reductionCategory ? (policy.reductions?.categories[c.reductionCategory]?.rate ?? null) : null,
          reductionNote: c.reductionNote,
          discounts: own.map((d) => ({
            id: d.id,
            item: d.item,
            what: d.rate !== null ? formatPercent(parseRate(d.rate)!) : `每月 ${yuan(d.amountFen ?? 0)} 元`,
            fromMonth: d.fromMonth,
            reason: d.reason,
            setBy: names.get(setBy.get(d.id)?.setBy ?? 0) ?? null,
          })),
        };
      });
      return {
        month: thisMonth,
        share: reductionShare(policy, profile.type, rows.map((r) => ({ reductionCategory: r.reductionCategory, ownDiscount: r.discounts.length > 0 }))),
        clause: policy.reductions?.clause ?? null,
        children: rows.filter((r) => r.reductionCategory || r.discounts.length > 0),
        all: rows.map((r) => ({ childId: r.childId, name: r.name, className: r.className })),
      };
    },
  }),

  /**
   * The principal sets (or ends, with `kind: none`) a child's own discount of
   * one item from a month on, with the reason. A new row each time: the
   * history stays.
   */
  'discounts.set': handler({
    access: ['principal'],
    write: true,
    input: z
      .object({
        childId: id,
        item: z.enum(['education', 'accommodation', 'meal', 'custody', 'bus'], '请选择收费项目'),
        kind: z.enum(['rate', 'amount', 'none']),
        rate: z.string().trim().default(''),
        amount: z.union([moneyText, z.literal('')]).default(''),
        fromMonth: month,
        reason: text(60, { min: 2, tooShort: '请写明优惠原因，例如“二孩优惠”', tooLong: '原因最多 60 个字' }),
        note: optionalText(200),
      })
      .superRefine((v, issue) => {
        if (v.kind === 'rate') {
          const rate = /^\d{1,3}(\.\d{1,2})?$/.test(v.rate) ? parseRate(new Decimal(v.rate).dividedBy(100).toString()) : null;
          if (!rate || rate.isZero()) issue.addIssue({ code: 'custom', path: ['rate'], message: '请填写 1～100 之间的百分比，例如 10 表示优惠 10%' });
        }
        if (v.kind === 'amount' && (v.amount === '' || toFenText(v.amount) <= 0)) issue.addIssue({ code: 'custom', path: ['amount'], message: '请填写每月优惠的金额' });
      }, whenFieldsValid),
    run(ctx, input) {
      const child = ctx.db.select({ id: children.id, name: children.name }).from(children).where(eq(children.id, input.childId)).get();
      if (!child) throw notFound('幼儿', 'child');
      const rate = input.kind === 'rate' ? parseRate(new Decimal(input.rate).dividedBy(100).toString())!.toString() : null;
      const row = ctx.db
        .insert(childDiscounts)
        .values({
          childId: child.id,
          item: input.item,
          rate,
          amountFen: input.kind === 'amount' ? toFenText(input.amount) : null,
          fromMonth: input.fromMonth,
          active: input.kind !== 'none',
          reason: input.reason,
          setBy: actorId(ctx)!,
          setAt: ctx.now().toISOString(),
        })
        .returning()
        .get();
      const itemLabel = ITEM_LABELS[input.item][0];
      ctx.audit({
        action: 'discounts.set',
        kind: 'money',
        entity: 'child_discount',
        entityId: row.id,
        summary:
          input.kind === 'none'
            ? `${child.name} ${itemLabel}园内优惠自 ${input.fromMonth} 起取消（${input.reason}）`
            : `${child.name} ${itemLabel}园内优惠 ${input.kind === 'rate' ? `${input.rate}%` : `每月 ${input.amount} 元`}，自 ${input.fromMonth} 起（${input.reason}）`,
        after: row,
      });
      return { id: row.id };
    },
  }),
};
