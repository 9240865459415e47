// 收费标准: the history of standards, and saving a new one through the
// fee-standard checks of the kindergarten's policy.
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { BILLING_ITEMS, CLASS_LEVELS, type ClassLevel, ITEM_LABELS, ITEM_UNITS, LEVEL_LABELS, STANDARD_UNITS } from '../../../core/billing/items';
import { checkStandard, clausesToConfirm, type Finding, type StandardDraft } from '../../../core/billing/standard-checks';
import { type FeeStandard, standardHistory } from '../../../core/billing/standards';
import { loadSemesters, loadStandards } from '../../../db/billing/inputs';
import { feeStandards, staff } from '../../../db/schema';
import { handler, type HandlerContext } from '../define';
import { ApiError } from '../errors';
import { idempotencyKey, once } from '../idempotency';
import { isoDate, optionalText, text, whenFieldsValid } from '../schemas';
import { actorId, loadProfile, yuan } from './context';
import { moneyText, toFenText } from './inputs';
import { resolvePolicy } from '../policies';

const MANAGE = ['principal', 'finance'] as const;
const READ = ['principal', 'finance', 'front_desk'] as const;

const standardInput = z
  .object({
    item: z.enum(BILLING_ITEMS, '请选择收费项目'),
    label: text(40, { tooLong: '名称最多 40 个字' }).default(''),
    amount: moneyText,
    unit: z.enum(STANDARD_UNITS, '请选择计费单位'),
    appliesFrom: isoDate,
    level: z.enum(CLASS_LEVELS).nullable().default(null),
    enrolledFrom: isoDate.nullable().default(null),
    note: optionalText(200),
  })
  .superRefine((s, issue) => {
    if (!ITEM_UNITS[s.item].includes(s.unit)) {
      const allowed = ITEM_UNITS[s.item].map((u) => ({ month: '按月', semester: '按学期', day: '按天' })[u]).join('或');
      issue.addIssue({ code: 'custom', path: ['unit'], message: `${ITEM_LABELS[s.item][0]}只能${allowed}计费` });
    }
  }, whenFieldsValid);

type StandardInput = z.output<typeof standardInput>;

function draftOf(input: StandardInput): StandardDraft {
  return {
    item: input.item,
    label: input.label || ITEM_LABELS[input.item][0],
    amount: input.amount,
    unit: input.unit,
    appliesFrom: input.appliesFrom,
    level: input.level,
    enrolledFrom: input.enrolledFrom,
  };
}

function findingsFor(ctx: HandlerContext, input: StandardInput): Finding[] {
  const profile = loadProfile(ctx);
  const policy = resolvePolicy(ctx, profile.policyId);
  const semesters = loadSemesters(ctx.db);
  return checkStandard(policy, draftOf(input), {
    existing: loadStandards(ctx.db),
    kindergarten: { type: profile.type, grade: profile.grade, fundingType: profile.fundingType },
    semesters,
  });
}

function standardView(s: FeeStandard & { overrideClause?: string | null; overrideNote?: string; confirmedByName?: string | null; note?: string; createdAt?: string; createdByName?: string | null }) {
  return {
    id: s.id,
    item: s.item,
    label: s.label,
    amount: yuan(s.amountFen),
    unit: s.unit,
    appliesFrom: s.appliesFrom,
    level: s.level,
    enrolledFrom: s.enrolledFrom,
    overrideClause: s.overrideClause ?? null,
    overrideNote: s.overrideNote ?? '',
    confirmedByName: s.confirmedByName ?? null,
    note: s.note ?? '',
    createdAt: s.createdAt ?? '',
    createdByName: s.createdByName ?? null,
  };
}

export const standardsHandlers = {
  /** Every standard ever set, grouped by item, level and unit, newest first, with the one in force today. */
  'standards.list': handler({
    access: READ,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const names = new Map(ctx.db.select({ id: staff.id, name: staff.displayName }).from(staff).all().map((s) => [s.id, s.name]));
      const rows = ctx.db.select().from(feeStandards).orderBy(asc(feeStandards.id)).all();
      const byId = new Map(rows.map((r) => [r.id, r]));
      const groups = standardHistory(loadStandards(ctx.db), ctx.today());
      return {
        today: ctx.today(),
        groups: groups.map((g) => ({
          item: g.item,
          level: g.level,
          unit: g.unit,
          currentId: g.currentId,
          rows: g.rows.map((s) => {
            const row = byId.get(s.id)!;
            return standardView({
              ...s,
              overrideClause: row.overrideClause,
              overrideNote: row.overrideNote,
              confirmedByName: row.confirmedBy ? (names.get(row.confirmedBy) ?? null) : null,
              note: row.note,
              createdAt: row.createdAt,
              createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
            });
          }),
        })),
      };
    },
  }),

  /** The fee-standard checks a standard would meet, before saving (nothing is stored). */
  'standards.check': handler({
    access: MANAGE,
    write: false,
    input: standardInput,
    run(ctx, input) {
      const findings = findingsFor(ctx, input);
      return { findings, toConfirm: clausesToConfirm(findings), canConfirm: ctx.actor?.role === 'principal' };
    },
  }),

  /**
   * Saves a new standard (a new row: history is never overwritten). Refused
   * with its clause when a check forbids it; where the notice leaves room,
   * saved only with the principal's explicit confirmation, recorded on the row.
   */
  'standards.save': handler({
    access: MANAGE,
    write: true,
    input: standardInput.and(
      z.object({
        idempotencyKey,
        confirm: z.object({ clauses: z.array(z.string().min(1)).min(1), note: text(200, { min: 2, tooShort: '请写明确认的理由', multiline: true }) }).nullable().default(null),
      }),
    ),
    run(ctx, input) {
      return once(ctx, input.idempotencyKey, 'standards.save', () => {
        const findings = findingsFor(ctx, input);
        const refused = findings.filter((f) => f.severity === 'refuse');
        if (refused.length > 0) {
          const fields: Record<string, string> = {};
          for (const f of refused) fields[f.field] ??= `${f.clause ? `【${f.clause}】` : ''}${f.messageZh}`;
          const first = refused[0]!;
          throw new ApiError(
            'invalid_input',
            `不能保存：${first.clause ? `【${first.clause}】` : ''}${first.messageZh}`,
            `Refused by ${first.clause || 'a fee-standard check'}.`,
            fields,
          );
        }
        const toConfirm = clausesToConfirm(findings);
        if (toConfirm.length > 0) {
          const confirmed = input.confirm && toConfirm.every((c) => input.confirm!.clauses.includes(c));
          if (!confirmed || ctx.actor?.role !== 'principal') {
            throw new ApiError(
              'conflict',
              `此标准需园长确认后才能保存（${toConfirm.join('、')}）：${findings.find((f) => f.severity === 'confirm')!.messageZh}`,
              `The principal must confirm this standard (${toConfirm.join(', ')}).`,
              { amount: findings.find((f) => f.severity === 'confirm')!.messageZh },
            );
          }
        }
        const draft = draftOf(input);
        const row = ctx.db
          .insert(feeStandards)
          .values({
            item: draft.item,
            label: draft.label,
            amountFen: toFenText(draft.amount),
            unit: draft.unit,
            appliesFrom: draft.appliesFrom,
            level: draft.level,
            enrolledFrom: draft.enrolledFrom,
            overrideClause: toConfirm.length > 0 ? toConfirm.join(',') : null,
            overrideNote: toConfirm.length > 0 ? (input.confirm?.note ?? '') : '',
            confirmedBy: toConfirm.length > 0 ? actorId(ctx) : null,
            note: input.note,
            createdBy: actorId(ctx),
            createdAt: ctx.now().toISOString(),
          })
          .returning()
          .get();
        ctx.audit({
          action: 'standards.save',
          kind: 'money',
          entity: 'fee_standard',
          entityId: row.id,
          summary: `收费标准：${draft.label} ${draft.amount} 元（${draft.appliesFrom} 起${draft.level ? `，${LEVEL_LABELS[draft.level as ClassLevel][0]}` : ''}${draft.enrolledFrom ? `，${draft.enrolledFrom} 起入园幼儿` : ''}）${toConfirm.length > 0 ? `，园长确认 ${toConfirm.join('、')}` : ''}`,
          after: row,
        });
        return { id: row.id, overrideClause: row.overrideClause };
      });
    },
  }),
};
