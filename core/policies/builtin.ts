// The built-in policies, validated once when first asked for. A new city's
// notice is one more JSON file here plus its test vectors.
import generic from './data/generic-semester-days.json';
import nantong from './data/nantong-2018.json';
import xian from './data/xian-private.json';
import type { Policy } from './schema';
import { validatePolicy } from './validate';

const SOURCES: readonly unknown[] = [nantong, xian, generic];

let registry: ReadonlyMap<string, Policy> | undefined;

function builtins(): ReadonlyMap<string, Policy> {
  registry ??= new Map(SOURCES.map((raw) => {
    const policy = validatePolicy(raw);
    return [policy.id, Object.freeze(policy)] as const;
  }));
  return registry;
}

export const BUILTIN_POLICY_IDS = ['nantong-2018', 'xian-private', 'generic-semester-days'] as const;

/** A built-in policy by id, or undefined. */
export function getBuiltinPolicy(id: string): Policy | undefined {
  return builtins().get(id);
}

export function builtinPolicies(): Policy[] {
  return [...builtins().values()];
}
