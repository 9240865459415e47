import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Decimal } from '../../core/money';
import {
  BUILTIN_POLICY_IDS,
  builtinPolicies,
  derivePolicy,
  getBuiltinPolicy,
  type Policy,
  type Tier,
  PolicyValidationError,
  policyDifferences,
} from '../../core/policies';
import { policyCopies } from '../../db/schema';
import { handler, type HandlerContext } from './define';
import { invalid, notFound } from './errors';
import { optionalText, shortText } from './schemas';

type CopyRow = typeof policyCopies.$inferSelect;

function copyPolicy(row: CopyRow): Policy {
  const base = getBuiltinPolicy(row.baseId);
  if (!base) throw notFound(`收费文件「${row.baseId}」`, 'fee policy');
  return derivePolicy(base, JSON.parse(row.changes), { id: row.id, name: row.name });
}

/** A built-in policy or one of the kindergarten's copies. */
export function resolvePolicy(ctx: Pick<HandlerContext, 'db'>, id: string): Policy {
  const builtin = getBuiltinPolicy(id);
  if (builtin) return builtin;
  const row = ctx.db.select().from(policyCopies).where(eq(policyCopies.id, id)).get();
  if (!row) throw notFound(`收费文件「${id}」`, 'fee policy');
  return copyPolicy(row);
}

/** For the refund engine: finds the kindergarten's copies by id. */
export function policyLookup(ctx: Pick<HandlerContext, 'db'>) {
  return (id: string): Policy | undefined => {
    const row = ctx.db.select().from(policyCopies).where(eq(policyCopies.id, id)).get();
    return row ? copyPolicy(row) : undefined;
  };
}

const rateText = z
  .string()
  .trim()
  .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, '比例应为 0～1 之间的小数，例如 0.4 表示 40%');

const tierChange = z.object({
  ruleId: z.string().min(1).max(60),
  tierIndex: z.number().int().min(0).max(20),
  rate: rateText,
});

/**
 * The notices set floors, not ceilings, for what parents get back — except a
 * negotiable clause (XA-K2), whose rate is a maximum the two sides agree under.
 * So a copy may raise a fixed rate, and may lower (never raise) a negotiable one.
 */
function applyTierChanges(base: Policy, changes: z.output<typeof tierChange>[]) {
  const rules: Record<string, { tiers: Tier[] }> = {};
  for (const change of changes) {
    const rule = base.rules[change.ruleId];
    if (!rule || rule.kind !== 'tiers') throw invalid(`收费文件中没有分档规则「${change.ruleId}」`);
    const tier = rule.tiers[change.tierIndex];
    if (!tier) throw invalid(`规则「${change.ruleId}」没有第 ${change.tierIndex + 1} 档`);
    const official = new Decimal(tier.rate);
    const wanted = new Decimal(change.rate);
    const label = `${rule.clause} 第 ${change.tierIndex + 1} 档`;
    const tiers = rules[change.ruleId]?.tiers ?? structuredClone(rule.tiers);
    if (tier.negotiable) {
      if (wanted.greaterThan(official)) throw invalid(`${label}是协商比例，最高 ${official.times(100).toString()}%，不能提高`);
      tiers[change.tierIndex] = { ...tiers[change.tierIndex]!, defaultRate: change.rate };
    } else {
      if (wanted.lessThan(official)) throw invalid(`${label}是收费文件规定的退还比例 ${official.times(100).toString()}%，只能提高，不能降低`);
      tiers[change.tierIndex] = { ...tiers[change.tierIndex]!, rate: change.rate };
    }
    rules[change.ruleId] = { tiers };
  }
  return { rules };
}

function summary(policy: Policy, builtin: boolean, row?: CopyRow) {
  return {
    id: policy.id,
    name: policy.name,
    nameEn: policy.nameEn ?? null,
    source: policy.source,
    builtin,
    derivedFrom: policy.derivedFrom ?? null,
    reason: row?.reason ?? '',
    createdAt: row?.createdAt ?? null,
  };
}

export const policiesHandlers = {
  'policies.list': handler({
    access: 'signed_in',
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const copies = ctx.db.select().from(policyCopies).orderBy(asc(policyCopies.createdAt)).all();
      return [...builtinPolicies().map((p) => summary(p, true)), ...copies.map((row) => summary(copyPolicy(row), false, row))];
    },
  }),

  /** A policy with its clauses, and for a copy, what differs from the official notice. */
  'policies.get': handler({
    access: 'signed_in',
    write: false,
    input: z.object({ id: z.string().min(1).max(80) }),
    run(ctx, { id }) {
      const policy = resolvePolicy(ctx, id);
      const official = policy.derivedFrom ? getBuiltinPolicy(policy.derivedFrom.id) : undefined;
      const row = official ? ctx.db.select().from(policyCopies).where(eq(policyCopies.id, id)).get() : undefined;
      return {
        ...summary(policy, !official, row),
        /** The printed copy's date: the backend's today. */
        today: ctx.today(),
        policy,
        differences: official ? policyDifferences(official, policy) : [],
      };
    },
  }),

  'policies.createCopy': handler({
    access: ['principal'],
    write: true,
    input: z.object({
      baseId: z.enum(BUILTIN_POLICY_IDS, '请选择要调整的收费文件'),
      name: shortText('名称', 60),
      reason: optionalText(500),
      tierChanges: z.array(tierChange).min(1, '请至少调整一处比例').max(40),
    }),
    run(ctx, input) {
      const base = getBuiltinPolicy(input.baseId)!;
      const changes = applyTierChanges(base, input.tierChanges);
      const count = ctx.db.select({ id: policyCopies.id }).from(policyCopies).all().length;
      const id = `${base.id}-copy-${count + 1}`;
      let policy: Policy;
      try {
        policy = derivePolicy(base, changes, { id, name: input.name });
      } catch (error) {
        if (error instanceof PolicyValidationError) throw invalid(`调整后的收费文件不成立：${error.messageZh}`, error.message);
        throw error;
      }
      const differences = policyDifferences(base, policy);
      ctx.db
        .insert(policyCopies)
        .values({ id, name: input.name, baseId: base.id, changes: JSON.stringify(changes), reason: input.reason, createdBy: ctx.actor?.staffId ?? null, createdAt: ctx.now().toISOString() })
        .run();
      ctx.audit({
        action: 'policy.copy',
        kind: 'money',
        entity: 'policy',
        entityId: id,
        summary: `${input.name}（依据 ${base.name}）：${differences.map((d) => d.descriptionZh).join('；')}`,
        after: { baseId: base.id, changes, reason: input.reason },
      });
      return { id, differences };
    },
  }),
};
