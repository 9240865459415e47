import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Inputs for any handler, made from its zod schema: values of the right
 * shape (so calls get past the first check and into the handler) mixed with
 * the boundary and hostile values that broke it before — non-dates, years
 * past 9999, NUL and direction overrides, lone surrogates, huge and negative
 * numbers, NaN — and, now and then, a wrong type where a field should be.
 */
const DATES = ['2026-11-24', '2026-11-20', '2026-09-01', '2026-12-31', '2000-01-01', '2100-12-31', '1999-12-31', '2101-01-01', '9999-12-31', '0000-00-00', '2026-02-30', '+010000-01-01', '2026-11-24T00:00:00Z', 'NaN', '0', ''];
const MONTHS = ['2026-11', '2026-09', '2026-12', '2027-01', '2000-01', '2100-12', '9999-12', '2026-13', '2026-00', '0000-00', 'x'];
const STRINGS = [
  '',
  ' ',
  'x',
  '苗苗班',
  '林小雨',
  '13800138000',
  '520.00',
  '0.01',
  '-0.01',
  '99999999999.99',
  '1e309',
  '１２３',
  'NaN',
  'null',
  '__proto__',
  'constructor',
  '林\u0000小雨',
  '林小雨\u202egnp',
  '\ud800',
  '第一行\n第二行',
  '🎉',
  "'; DROP TABLE staff; --",
  '../../etc/passwd',
  'x'.repeat(5000),
  ...DATES,
  ...MONTHS,
];
const NUMBERS = [0, 1, 2, 3, 5, 7, -1, 0.5, -0, 2 ** 31, 2 ** 53, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const WRONG_TYPES = [null, undefined, true, 0, '', 'x', [], {}, [null], { a: { b: { c: [] } } }];

const wrongType = fc.constantFrom(...WRONG_TYPES);
const stringFor = (key: string) =>
  /date|On$|^(from|to|at|due|day)$/i.test(key)
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: fc.constantFrom(...STRINGS) })
    : /month/i.test(key)
      ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...MONTHS) }, { weight: 1, arbitrary: fc.constantFrom(...STRINGS) })
      : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...STRINGS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) });

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

export function arbitraryFor(schema: z.ZodType, key = '', depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedFor(schema, key, depth);
  // Mostly the right shape; sometimes the wrong type altogether.
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: wrongType });
}

function shapedFor(schema: z.ZodType, key: string, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => arbitraryFor(s as z.ZodType, k, depth + 1);
  if (depth > 6) return wrongType;
  switch (def.type) {
    case 'string':
      return stringFor(key);
    case 'number':
      return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) });
    case 'bigint':
      return fc.bigInt({ min: -10n, max: 10n });
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, unknown>)) }, { weight: 1, arbitrary: fc.constantFrom(...STRINGS) });
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(undefined) });
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(null) });
    case 'nonoptional':
    case 'readonly':
    case 'catch':
    case 'success':
      return inner(def.innerType);
    case 'pipe':
      // A transform's input is anything; the schema before it says what is expected.
      return defOf(def.in).type === 'transform' ? inner(def.out) : inner(def.in);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => inner(o)));
    case 'intersection':
      return inner(def.left);
    case 'array':
      return fc.array(inner(def.element), { maxLength: 3 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((i) => inner(i)));
    case 'record':
      return fc.dictionary(fc.constantFrom('a', 'b', '1', '__proto__'), inner(def.valueType), { maxKeys: 2 });
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, arbitraryFor(s as z.ZodType, k, depth + 1)])));
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Whole inputs that are wrong before any field is looked at. */
export const hostileInputs: unknown[] = [
  undefined,
  null,
  [],
  'x',
  42,
  Number.NaN,
  true,
  { __proto__: { principal: true } },
  JSON.parse('{"__proto__": {"role": "principal"}, "constructor": {"prototype": {}}}'),
  nested(400),
  Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])),
];

function nested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value, list: [1, 2] };
  return value;
}
