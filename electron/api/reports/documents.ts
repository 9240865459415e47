// The printed documents of the fee area that are not bills: the public fee
// board (收费公示) and the fee agreement signed at enrolment (收费协议).
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { buildAgreement } from '../../../core/reports/agreement';
import { buildFeeBoard } from '../../../core/reports/fee-board';
import { allStandards } from '../../../db/reports/lookups';
import { children, classes, guardians, schoolYears, semesters } from '../../../db/schema';
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

  /** 收费协议 for one child, as signed at enrolment. */
  'reports.feeAgreement': handler({
    access: DESK,
    write: false,
    input: z.object({ childId: id }),
    run(ctx, { childId }) {
      const profile = reportProfile(ctx);
      const child = ctx.db
        .select({
          id: children.id,
          name: children.name,
          gender: children.gender,
          birthDate: children.birthDate,
          householdId: children.householdId,
          className: classes.name,
          level: classes.level,
          enrolledOn: children.enrolledOn,
          billingMode: children.billingMode,
          meals: children.meals,
          boarding: children.boarding,
          custodyAgreedOn: children.custodyAgreedOn,
          busAgreedOn: children.busAgreedOn,
          reductionCategory: children.reductionCategory,
        })
        .from(children)
        .innerJoin(classes, eq(classes.id, children.classId))
        .where(eq(children.id, childId))
        .get();
      if (!child) throw notFound('这名幼儿', 'child');
      const parents = ctx.db
        .select({ name: guardians.name, relationship: guardians.relationship })
        .from(guardians)
        .where(eq(guardians.householdId, child.householdId))
        .orderBy(asc(guardians.id))
        .all();
      const today = ctx.today();
      const from = (child.enrolledOn > today ? child.enrolledOn : today).slice(0, 7);
      const terms = ctx.db
        .select({ name: semesters.name, firstMonth: semesters.firstMonth, lastMonth: semesters.lastMonth, year: schoolYears.name })
        .from(semesters)
        .innerJoin(schoolYears, eq(schoolYears.id, semesters.schoolYearId))
        .orderBy(asc(semesters.firstMonth))
        .all();
      const term = terms.find((s) => s.firstMonth <= from && s.lastMonth >= from) ?? terms.find((s) => s.firstMonth > from) ?? null;
      const { householdId: _, ...facts } = child;
      return buildAgreement({
        kindergartenName: profile.name,
        kindergartenType: profile.type,
        policy: profile.policy,
        child: { ...facts, billingMode: child.billingMode === 'semester' ? 'semester' : 'monthly' },
        guardians: parents,
        standards: allStandards(ctx.db),
        semester: term,
        schoolYear: term?.year ?? null,
        today,
        complaintPhone: profile.complaintPhone,
      });
    },
  }),
};
