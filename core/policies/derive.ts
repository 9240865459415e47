// A kindergarten's copy of a built-in policy (e.g. a lower negotiated rate
// under XA-K2). The copy is a full, validated policy that records what it was
// derived from; policyDifferences lists, per clause and in Chinese, what the
// copy changes, for the principal to see and print.
import { Decimal, formatPercent } from '../money';
import type { Policy } from './schema';
import { validatePolicy } from './validate';

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Changes to apply to the base policy: objects merge, arrays and values replace. */
export type PolicyChanges = DeepPartial<Omit<Policy, 'id' | 'name' | 'nameEn' | 'derivedFrom'>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, changes: unknown): unknown {
  if (!isRecord(base) || !isRecord(changes)) return changes === undefined ? base : changes;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) out[key] = merge(base[key], value);
  return out;
}

/** A validated copy of `base` with `changes`; throws PolicyValidationError if the result is malformed. */
export function derivePolicy(base: Policy, changes: PolicyChanges, meta: { id: string; name: string }): Policy {
  if (meta.id === base.id) throw new RangeError(`a copy needs its own id, not "${base.id}"`);
  const merged = merge(structuredClone(base), changes) as Record<string, unknown>;
  const { nameEn: _official, ...rest } = merged;
  return validatePolicy({ ...rest, id: meta.id, name: meta.name, derivedFrom: { id: base.id, name: base.name } });
}

export interface PolicyDifference {
  /** The clause the difference belongs to, or null for general fields. */
  clause: string | null;
  /** Where in the policy: rules.leaveTiers.tiers[0].rate */
  path: string;
  official: unknown;
  copy: unknown;
  /** 「XA-K2（西安市…）：第 1 档退还比例由 50% 改为 40%」 */
  descriptionZh: string;
}

const RATE_KEYS = new Set(['rate', 'defaultRate', 'maxFloat', 'maxIncrease']);
const FIELD_WORDS: Record<string, string> = {
  rate: '退还比例',
  defaultRate: '未约定时的退还比例',
  negotiable: '是否可协商',
  count: '天数界限',
  fractionOfW: '法定工作日比例界限',
  inclusive: '是否包含界限本身',
  text: '条款文字',
  cite: '引用名称',
  kind: '计算方式',
  clause: '适用条款',
  monthlyFee: '基准收费（元/月）',
  maxFloat: '上浮上限',
  maxMonthlySurcharge: '每月加收上限（元）',
  max: '上限（元）',
  maxIncrease: '上浮/调价上限',
  lockYears: '调价间隔（年）',
  agreementRequired: '须签协议',
  leave: '请假适用规则',
  withdrawal: '退园适用规则',
  false_advertising: '虚假宣传适用规则',
  closure: '停课适用规则',
  laterMonthsInFullOn: '剩余月份全额退还的情形',
  label: '名称',
  keywords: '关键词',
};

function show(key: string, value: unknown): string {
  if (value === undefined) return '（无）';
  if (RATE_KEYS.has(key) && typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return formatPercent(new Decimal(value));
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value.length > 40 ? `“${value.slice(0, 40)}…”` : `“${value}”`;
  return JSON.stringify(value);
}

function clauseOf(copy: Policy, official: Policy, path: string[]): string | null {
  const [head, key] = path;
  const lookup = (policy: Policy): string | null => {
    if (head === 'clauses' && key) return key;
    if (head === 'rules' && key) return policy.rules[key]?.clause ?? null;
    if (head === 'semester') return policy.semester.clause;
    if (head === 'reductions') return policy.reductions?.clause ?? null;
    if (head === 'feeStandards' && key) return (policy.feeStandards as Record<string, { clause: string } | undefined> | undefined)?.[key]?.clause ?? null;
    if (head === 'monthly' && path[2] && path[3]) {
      const item = policy.monthly.items[path[2] as keyof typeof policy.monthly.items];
      const ref = item?.[path[3] as 'leave'];
      return ref ? (policy.rules[ref]?.clause ?? null) : null;
    }
    return null;
  };
  return lookup(copy) ?? lookup(official);
}

function describe(path: string[]): string {
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i] as string;
    if (part === 'tiers' && path[i + 1] !== undefined) {
      words.push(`第 ${Number(path[i + 1]) + 1} 档`);
      i++;
    } else if (part === 'from') words.push('下限');
    else if (part === 'to') words.push('上限');
  }
  const last = path[path.length - 1] ?? '';
  return `${words.join('')}${FIELD_WORDS[last] ?? last}`;
}

function walk(official: unknown, copy: unknown, path: string[], out: Array<{ path: string[]; official: unknown; copy: unknown }>): void {
  if (isRecord(official) && isRecord(copy)) {
    for (const key of new Set([...Object.keys(official), ...Object.keys(copy)])) walk(official[key], copy[key], [...path, key], out);
    return;
  }
  if (Array.isArray(official) && Array.isArray(copy) && official.length === copy.length) {
    official.forEach((value, i) => {
      walk(value, copy[i], [...path, String(i)], out);
    });
    return;
  }
  if (JSON.stringify(official) !== JSON.stringify(copy)) out.push({ path, official, copy });
}

const IGNORED = new Set(['id', 'name', 'nameEn', 'derivedFrom']);

/** What a kindergarten's copy changes relative to the official policy, clause by clause. */
export function policyDifferences(official: Policy, copy: Policy): PolicyDifference[] {
  const raw: Array<{ path: string[]; official: unknown; copy: unknown }> = [];
  walk(official, copy, [], raw);
  return raw
    .filter((d) => !IGNORED.has(d.path[0] ?? ''))
    .map((d) => {
      const clause = clauseOf(copy, official, d.path);
      const key = d.path[d.path.length - 1] ?? '';
      const cite = clause ? (copy.clauses[clause]?.cite ?? official.clauses[clause]?.cite) : undefined;
      const heading = clause ? `${clause}${cite ? `（${cite}）` : ''}：` : '';
      return {
        clause,
        path: d.path.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), ''),
        official: d.official,
        copy: d.copy,
        descriptionZh: `${heading}${describe(d.path)}由 ${show(key, d.official)} 改为 ${show(key, d.copy)}`,
      };
    });
}
