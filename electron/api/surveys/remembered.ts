import { eq } from 'drizzle-orm';
import type { ImportSettings } from '../../../core/surveys';

type Remembered = Pick<ImportSettings, 'mapping' | 'labels'>;
import { surveyImportMappings } from '../../../db/schema';
import type { HandlerContext } from '../define';

/**
 * The principal's mapping of an export, kept in the database per
 * questionnaire and header-row signature (not in the browser, so it survives
 * another computer, browser mode on a new port, and a restore).
 */
/**
 * The mappings kept for a questionnaire, as a lookup by signature: read
 * before the file is (an async handler reaches the database only before its
 * first await).
 */
export function rememberedMappings(ctx: HandlerContext, templateId: number): (signature: string, columns: number) => Remembered | null {
  const rows = ctx.db
    .select({ signature: surveyImportMappings.signature, settings: surveyImportMappings.settings })
    .from(surveyImportMappings)
    .where(eq(surveyImportMappings.templateId, templateId))
    .all();
  const bySignature = new Map(rows.map((r) => [r.signature, r.settings]));
  return (signature, columns) => {
    const text = bySignature.get(signature);
    if (!text) return null;
    try {
      const settings = JSON.parse(text) as Remembered;
      return Array.isArray(settings.mapping) && settings.mapping.length === columns ? { mapping: settings.mapping, labels: settings.labels ?? {} } : null;
    } catch {
      return null;
    }
  };
}

export function saveImportSettings(ctx: HandlerContext, templateId: number, signature: string, settings: Remembered): void {
  const value = { templateId, signature, settings: JSON.stringify(settings), updatedAt: ctx.now().toISOString() };
  ctx.db
    .insert(surveyImportMappings)
    .values(value)
    .onConflictDoUpdate({ target: [surveyImportMappings.templateId, surveyImportMappings.signature], set: { settings: value.settings, updatedAt: value.updatedAt } })
    .run();
}
