import { eq } from 'drizzle-orm';
import type { Policy } from '../../../core/policies/schema';
import { kindergarten } from '../../../db/schema';
import { readSettings } from '../../backup/settings';
import type { HandlerContext } from '../define';
import { notFound } from '../errors';
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
  const row = ctx.db.select().from(kindergarten).where(eq(kindergarten.id, 1)).get();
  if (!row) throw notFound('幼儿园资料', 'kindergarten profile');
  return { name: row.name, type: row.type, policy: resolvePolicy(ctx, row.policyId), complaintPhone: readSettings(ctx.db).complaintPhone };
}
