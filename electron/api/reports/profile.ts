import type { Policy } from '../../../core/policies/schema';
import { readSettings } from '../../backup/settings';
import { loadProfile } from '../billing/context';
import type { HandlerContext } from '../define';
import { resolvePolicy } from '../policies';

export const REPORT_READERS = ['principal', 'finance'] as const;

export interface ReportProfile {
  name: string;
  type: string;
  policy: Policy;
  complaintPhone: string;
}

/** The kindergarten as the reports print it: name, kind, the notice in force and the complaint telephone. */
export function reportProfile(ctx: HandlerContext): ReportProfile {
  const row = loadProfile(ctx);
  return { name: row.name, type: row.type, policy: resolvePolicy(ctx, row.policyId), complaintPhone: readSettings(ctx.db).complaintPhone };
}
