// The built-in policies, validated once when first asked for. Their ids and
// names come from the data: a new city's notice is its JSON file here, one
// line in SOURCES, and its test vectors (README: "Adding a city's notice").
import generic from './data/generic-semester-days.json';
import nantong from './data/nantong-2018.json';
import xian from './data/xian-private.json';
import type { Policy } from './schema';
import { validatePolicy } from './validate';

const SOURCES: readonly { id: string }[] = [nantong, xian, generic];

let registry: ReadonlyMap<string, Policy> | undefined;

function builtins(): ReadonlyMap<string, Policy> {
  registry ??= new Map(
    SOURCES.map((raw) => {
      const policy = validatePolicy(raw);
      return [policy.id, Object.freeze(policy)] as const;
    }),
  );
  return registry;
}

/** The built-in policies' ids, in the order above (the first is the default a new kindergarten is offered). */
export const BUILTIN_POLICY_IDS = SOURCES.map((raw) => raw.id) as unknown as readonly [string, ...string[]];

/** A built-in policy by id, or undefined. */
export function getBuiltinPolicy(id: string): Policy | undefined {
  return builtins().get(id);
}

export function builtinPolicies(): Policy[] {
  return [...builtins().values()];
}
