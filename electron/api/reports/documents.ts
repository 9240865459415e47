// The printed documents of the fee area that are not bills: the public fee
// board (收费公示) and the fee agreement signed at enrolment (收费协议).
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { periodFor, draftBill } from '../../../core/billing/draft';
import { RUN_ITEMS } from '../../../core/billing/items';
import type { DraftResult } from '../../../core/billing/types';
import { buildAgreement } from '../../../core/reports/agreement';
import { standardsForChild } from '../../../core/reports/standards';
import { loadChild, loadDiscounts } from '../../../db/billing/inputs';
import { buildFeeBoard } from '../../../core/reports/fee-board';
import { allStandards } from '../../../db/reports/lookups';
import { children, guardians, schoolYears, semesters } from '../../../db/schema';
import { billingContext } from '../billing/context';
import { handler } from '../define';
import { notFound } from '../errors';
import { id } from '../schemas';
import { reportProfile } from './profile';

const DESK = ['principal', 'finance', 'front_desk'] as const;

export const documentHandlers = {
  /** 收费公示: every standard in force today and those announced, with basis, reductions, refunds and the complaint telephone. */
  'reports.feeBoard': handler({
    access: DESK,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const profile = reportProfile(ctx);
      return buildFeeBoard({
        kindergartenName: profile.name,
        kindergartenType: profile.type,
        policy: profile.policy,
        standards: allStandards(ctx.db),
        complaintPhone: profile.complaintPhone,
        today: ctx.today(),
      });
    },
  }),

  /** 收费协议 for one child, as signed at enrolment: the items and standards of the child's next bill. */
  'reports.feeAgreement': handler({
    access: DESK,
    write: false,
    input: z.object({ childId: id }),
    run(ctx, { childId }) {
      const profile = reportProfile(ctx);
      const child = loadChild(ctx.db, childId);
      if (!child) throw notFound('这名幼儿', 'child');
      const facts = ctx.db.select({ gender: children.gender, birthDate: children.birthDate }).from(children).where(eq(children.id, childId)).get()!;
      const parents = ctx.db
        .select({ name: guardians.name, relationship: guardians.relationship })
        .from(guardians)
        .where(eq(guardians.householdId, child.householdId))
        .orderBy(asc(guardians.id))
        .all();
      const today = ctx.today();
      const date = child.enrolledOn > today ? child.enrolledOn : today;
      const { billing } = billingContext(ctx);
      const period = periodFor(child, date.slice(0, 7), billing.semesters);
      const draft: DraftResult = 'code' in period ? { ok: false, problems: [period] } : draftBill(child, period, billing, loadDiscounts(ctx.db, childId));
      const term = billing.semesters.find((s) => s.first <= date.slice(0, 7) && s.last >= date.slice(0, 7)) ?? billing.semesters.find((s) => s.first > date.slice(0, 7));
      const year = term ? ctx.db.select({ name: schoolYears.name }).from(semesters).innerJoin(schoolYears, eq(schoolYears.id, semesters.schoolYearId)).where(eq(semesters.id, term.id)).get() : undefined;
      const voluntary = standardsForChild(allStandards(ctx.db), { level: child.classLevel, enrolledOn: child.enrolledOn }, date).filter(
        (s) => !(RUN_ITEMS as readonly string[]).includes(s.item),
      );
      return buildAgreement({
        kindergartenName: profile.name,
        kindergartenType: profile.type,
        policy: profile.policy,
        child: {
          id: child.id,
          name: child.name,
          gender: facts.gender,
          birthDate: facts.birthDate,
          className: child.className,
          level: child.classLevel,
          enrolledOn: child.enrolledOn,
          billingMode: child.billingMode,
          reductionCategory: child.reductionCategory,
        },
        guardians: parents,
        draft,
        voluntary,
        semester: term ? { name: term.name, firstMonth: term.first, lastMonth: term.last } : null,
        schoolYear: year?.name ?? null,
        date,
        complaintPhone: profile.complaintPhone,
      });
    },
  }),
};
