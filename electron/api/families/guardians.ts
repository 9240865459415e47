import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { guardians } from '../../../db/schema';
import { handler } from '../define';
import { invalid, notFound } from '../errors';
import { id, shortText } from '../schemas';
import { EDITORS, householdVisible } from './access';
import { guardianInput } from './inputs';
import { assertMobileFree, insertGuardian, withNameKeys } from './records';

export const guardianHandlers = {
  'families.addGuardian': handler({
    access: EDITORS,
    write: true,
    input: z.object({ householdId: id, guardian: guardianInput }),
    run(ctx, { householdId, guardian }) {
      householdVisible(ctx, householdId);
      assertMobileFree(ctx, guardian.mobile, householdId, null, 'guardian.mobile');
      return insertGuardian(ctx, householdId, guardian);
    },
  }),

  'families.updateGuardian': handler({
    access: EDITORS,
    write: true,
    input: z.object({ id, value: guardianInput }),
    run(ctx, { id: guardianId, value }) {
      const before = ctx.db.select().from(guardians).where(eq(guardians.id, guardianId)).get();
      if (!before) throw notFound('该家长', 'guardian');
      assertMobileFree(ctx, value.mobile, before.householdId, guardianId, 'value.mobile');
      const after = ctx.db.update(guardians).set(withNameKeys(value)).where(eq(guardians.id, guardianId)).returning().get();
      ctx.audit({ action: 'guardian.update', kind: 'record', entity: 'guardian', entityId: guardianId, summary: `修改家长资料 ${after.name}`, before, after });
      return after;
    },
  }),

  /**
   * Takes someone off a family's guardians: a nanny who no longer works for
   * the family, a person entered by mistake. A guardian who may no longer
   * collect the child stays on file with "可接送" unticked (an edit) — the
   * desk must still see who that is. The removed row is kept in the audit log.
   */
  'families.removeGuardian': handler({
    access: EDITORS,
    write: true,
    input: z.object({ id, reason: shortText('移除原因', 200) }),
    run(ctx, { id: guardianId, reason }) {
      const before = ctx.db.select().from(guardians).where(eq(guardians.id, guardianId)).get();
      if (!before) throw notFound('该家长', 'guardian');
      const others = ctx.db
        .select({ id: guardians.id })
        .from(guardians)
        .where(and(eq(guardians.householdId, before.householdId), ne(guardians.id, guardianId)))
        .all();
      if (others.length === 0) {
        throw invalid('每个家庭至少要保留一位家长，请先添加新的家长再移除', 'A family must keep at least one guardian.', { reason: '不能移除唯一的家长' });
      }
      ctx.db.delete(guardians).where(eq(guardians.id, guardianId)).run();
      ctx.audit({
        action: 'guardian.remove',
        kind: 'record',
        entity: 'guardian',
        entityId: guardianId,
        summary: `移除家长 ${before.name}（${before.relationship}）：${reason}`,
        before,
      });
      return { removed: guardianId };
    },
  }),

};
