import { describe, expect, it } from 'vitest';
import {
  builtinPolicies,
  derivePolicy,
  getBuiltinPolicy,
  type Policy,
  PolicyValidationError,
  policyDifferences,
  schoolWithdrawalRefund,
  termMonthsElapsed,
  validatePolicy,
} from '../../../../core/policies';
import { bundledLegalCalendar } from '../../../../core/calendar';
import { computeRefund } from '../../../../core/refund';

const nantong = getBuiltinPolicy('nantong-2018') as Policy;
const xian = getBuiltinPolicy('xian-private') as Policy;

/** A deep copy of the Nantong policy with its NT-3.3 tiers replaced. */
function withTiers(tiers: unknown[]): unknown {
  const copy = structuredClone(nantong) as unknown as { rules: Record<string, { tiers?: unknown[] }> };
  (copy.rules.attendanceTiers as { tiers: unknown[] }).tiers = tiers;
  return copy;
}

const T = (from: unknown, to: unknown, rate: string) => ({ from, to, rate });
const c = (count: number, inclusive: boolean) => ({ count, inclusive });
const w = (fractionOfW: string, inclusive: boolean) => ({ fractionOfW, inclusive });

function problemsOf(raw: unknown): string {
  try {
    validatePolicy(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyValidationError);
    return (error as PolicyValidationError).message;
  }
  throw new Error('the policy was accepted');
}

describe('built-in policies', () => {
  it('all three load and validate, each clause with Chinese text', () => {
    expect(builtinPolicies().map((p) => p.id)).toEqual(['nantong-2018', 'xian-private', 'generic-semester-days']);
    for (const policy of builtinPolicies()) {
      for (const clause of Object.values(policy.clauses)) expect(clause.text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('titles every clause distinctly, also clauses that share one paragraph of the notice', () => {
    for (const policy of builtinPolicies()) {
      const titles = Object.values(policy.clauses).map((c) => c.title);
      for (const title of titles) expect(title).toMatch(/[\u4e00-\u9fff]/);
      expect(new Set(titles).size, policy.id).toBe(titles.length);
    }
    // NT-3.3, 3.3b and 3.3c all cite 第三条第3款: their titles say which case each covers.
    const shared = ['NT-3.3', 'NT-3.3b', 'NT-3.3c'].map((id) => nantong.clauses[id]!);
    expect(new Set(shared.map((c) => c.cite)).size).toBe(1);
    expect(shared.map((c) => c.title)).toEqual(['保教费退费：请假、转园、退园', '保教费退费：幼儿园原因停课', '保教费退费：虚假招生等违规行为']);
  });
});

describe('the validator rejects malformed policies, naming the problem', () => {
  it.each([
    ['overlapping tiers', withTiers([T(c(0, true), c(5, true), '0.8'), T(c(4, false), null, '0')]), 'tiers overlap'],
    ['overlap at a shared bound', withTiers([T(c(0, true), c(4, true), '0.8'), T(c(4, true), null, '0')]), 'overlap at 4 (both inclusive)'],
    ['gapped tiers', withTiers([T(c(0, true), c(4, true), '0.8'), T(c(6, false), null, '0')]), 'gap between 4 and 6'],
    ['gap at a shared bound', withTiers([T(c(0, true), w('1/2', false), '0.5'), T(w('1/2', false), null, '0')]), 'gap at 1/2 of W'],
    ['a gap below the first tier', withTiers([T(c(1, true), null, '0.5')]), 'gap below'],
    ['a gap above the last tier', withTiers([T(c(0, true), c(4, true), '0.8')]), 'gap above'],
    ['a rate above 1', withTiers([T(c(0, true), c(4, true), '1.2'), T(c(4, false), null, '0')]), 'rate 1.2 is above 1'],
    ['a rate below 0', withTiers([T(c(0, true), c(4, true), '-0.1'), T(c(4, false), null, '0')]), 'rate -0.1 is below 0'],
    ['a rate that is not a number', withTiers([T(c(0, true), c(4, true), 'most'), T(c(4, false), null, '0')]), '"most" is not a decimal'],
    ['refunds growing with days present', withTiers([T(c(0, true), c(4, true), '0.5'), T(c(4, false), null, '0.8')]), 'refunds must not grow'],
    ['a bad fraction of W', withTiers([T(c(0, true), w('half', true), '0.5'), T(w('half', false), null, '0')]), 'fraction "half"'],
  ])('%s', (_name, raw, message) => {
    expect(problemsOf(raw)).toContain(message);
  });

  it('an unknown clause reference', () => {
    const raw = structuredClone(nantong) as unknown as { rules: Record<string, { clause: string }> };
    (raw.rules.serviceByDay as { clause: string }).clause = 'NT-9.9';
    expect(problemsOf(raw)).toContain('rule serviceByDay refers to unknown clause NT-9.9');
  });

  it('a clause without text', () => {
    const raw = structuredClone(nantong) as unknown as { clauses: Record<string, { text: string }> };
    (raw.clauses['NT-3.4'] as { text: string }).text = '  ';
    expect(problemsOf(raw)).toContain('clause NT-3.4 has no text');
  });

  it('two clauses with one title, or a clause without one', () => {
    const raw = structuredClone(nantong) as unknown as { clauses: Record<string, { title: string }> };
    raw.clauses['NT-3.3c']!.title = raw.clauses['NT-3.3b']!.title;
    raw.clauses['NT-3.5']!.title = ' ';
    const problems = problemsOf(raw);
    expect(problems).toContain('clauses NT-3.3b and NT-3.3c have the same title');
    expect(problems).toContain('clause NT-3.5 has no title');
  });

  it('a missing clause text field', () => {
    const raw = structuredClone(nantong) as unknown as { clauses: Record<string, unknown> };
    raw.clauses['NT-3.4'] = { title: '服务性收费', cite: '南通市收费文件第三条第4款' };
    expect(problemsOf(raw)).toContain('clauses.NT-3.4.text');
  });

  it('an unknown rule reference from a fee item', () => {
    const raw = structuredClone(nantong) as unknown as { monthly: { items: { meal: { leave: string } } } };
    raw.monthly.items.meal.leave = 'mealRule';
    expect(problemsOf(raw)).toContain('monthly.items.meal.leave: unknown rule "mealRule"');
  });

  it('a default rate above the negotiable maximum', () => {
    const raw = structuredClone(xian) as unknown as { rules: { leaveTiers: { tiers: Array<{ defaultRate?: string }> } } };
    (raw.rules.leaveTiers.tiers[0] as { defaultRate?: string }).defaultRate = '0.6';
    expect(problemsOf(raw)).toContain('defaultRate 0.6 is above the maximum rate 0.5');
  });

  it('an unknown rule kind', () => {
    const raw = structuredClone(nantong) as unknown as { rules: Record<string, unknown> };
    raw.rules.serviceByDay = { kind: 'lottery', clause: 'NT-3.4' };
    expect(problemsOf(raw)).toContain('rules.serviceByDay');
  });

  it('lists every problem, with a Chinese message too', () => {
    const raw = withTiers([T(c(0, true), c(4, true), '1.5'), T(c(6, false), null, '0')]);
    try {
      validatePolicy(raw);
    } catch (error) {
      const invalid = error as PolicyValidationError;
      expect(invalid.problems.length).toBeGreaterThanOrEqual(2);
      expect(invalid.messageZh).toContain('nantong-2018');
    }
  });
});

describe('kindergarten copies', () => {
  const lowered = derivePolicy(
    xian,
    {
      rules: {
        leaveTiers: {
          kind: 'tiers',
          clause: 'XA-K2',
          measure: 'daysPresent',
          tiers: [
            { from: c(0, true), to: w('1/2', true), rate: '0.5', negotiable: true, defaultRate: '0.4' },
            { from: w('1/2', false), to: null, rate: '0' },
          ],
        },
      },
    },
    { id: 'xian-private-sunshine', name: '阳光幼儿园（西安民办）' },
  );

  it('records where it came from', () => {
    expect(lowered.derivedFrom).toEqual({ id: 'xian-private', name: xian.name });
  });

  it('lists the differences per clause in Chinese', () => {
    const differences = policyDifferences(xian, lowered);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ clause: 'XA-K2', path: 'rules.leaveTiers.tiers[0].defaultRate', official: '0.5', copy: '0.4' });
    expect(differences[0]?.descriptionZh).toContain('由 50% 改为 40%');
  });

  it('is used by the engine when passed as the policy', () => {
    const result = computeRefund(
      {
        policy: lowered,
        month: '2026-11',
        billing: 'monthly',
        fees: [{ item: 'education', paid: '1500.00' }],
        presentDays: 5,
        reason: 'leave',
      },
      bundledLegalCalendar(),
    );
    expect(result.lines[0]?.refund).toBe('600.00');
    expect(result.policy).toBe('xian-private-sunshine');
  });

  it('a changed clause text shows up too', () => {
    const edited = derivePolicy(nantong, { clauses: { 'NT-3.4': { cite: '南通市收费文件第三条第4款', text: '伙食费按天结算。' } } }, { id: 'nt-copy', name: '副本' });
    expect(policyDifferences(nantong, edited).map((d) => d.clause)).toEqual(['NT-3.4']);
  });

  it('a malformed copy is rejected', () => {
    expect(() =>
      derivePolicy(nantong, { rules: { serviceByDay: { kind: 'perDay', clause: 'NT-0' } } }, { id: 'bad-copy', name: '错误副本' }),
    ).toThrow(PolicyValidationError);
  });

  it('a copy needs its own id', () => {
    expect(() => derivePolicy(nantong, {}, { id: 'nantong-2018', name: 'x' })).toThrow('own id');
  });
});

describe('time-based tiers (XA-S1)', () => {
  it.each([
    ['2026-08-31', 0, '8000.00'],
    ['2026-09-01', 1, '5600.00'],
    ['2026-10-01', 1, '5600.00'],
    ['2026-10-02', 2, '4000.00'],
    ['2026-11-01', 2, '4000.00'],
    ['2026-11-02', 3, '3200.00'],
    ['2026-12-01', 3, '3200.00'],
    ['2026-12-02', 4, '0.00'],
  ])('leaving on %s: month %i of term, refund %s', (leaveDate, months, refund) => {
    expect(termMonthsElapsed('2026-09-01', leaveDate)).toBe(months);
    const result = schoolWithdrawalRefund(xian, { paid: '8000.00', termStart: '2026-09-01', leaveDate });
    expect(result.refund).toBe(refund);
    expect(result.clause).toBe('XA-S1');
    expect(result.explanation).toContain(`${refund} 元`);
  });

  it('month ends are clamped (term from 01-31: one month is 02-28)', () => {
    expect(termMonthsElapsed('2026-01-31', '2026-02-28')).toBe(1);
    expect(termMonthsElapsed('2026-01-31', '2026-03-01')).toBe(2);
  });

  it('a policy without the rule says so', () => {
    expect(() => schoolWithdrawalRefund(nantong, { paid: '1.00', termStart: '2026-09-01', leaveDate: '2026-09-02' })).toThrow('no time-based');
  });
});
