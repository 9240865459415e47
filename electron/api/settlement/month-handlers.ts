import { z } from 'zod';
import { handler } from '../define';
import { conflict } from '../errors';
import { idempotencyKey, once } from '../idempotency';
import { id, month } from '../schemas';
import { MONEY_READERS, SETTLERS } from './context';
import { attendanceFlags, bookCorrection, correctionsDue, markHandled } from './corrections';
import { bookMonth, previewMonth } from './month';
import { childWhatIf } from './what-if';

export const monthHandlers = {
  /** The month's settlement as it would be booked (or as it was, once settled). Writes nothing. */
  'settlement.preview': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({ month }),
    run: (ctx, input) => previewMonth(ctx, input.month),
  }),

  /** 月结: books every settleable child's refunds in one transaction; a settled month books nothing. */
  'settlement.book': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ month, idempotencyKey }),
    run: (ctx, input) => once(ctx, input.idempotencyKey, 'settlement.book', () => bookMonth(ctx, input.month, 'app')),
  }),

  /** Attendance changed after settlement, and the child-months owed a settlement correction. */
  'settlement.corrections': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({ includeHandled: z.boolean().default(false) }).default({ includeHandled: false }),
    run(ctx, { includeHandled }) {
      const settledMonths = ctx.sqlite.prepare('SELECT month, settled_at AS settledAt FROM settled_months ORDER BY month DESC').all() as {
        month: string;
        settledAt: string;
      }[];
      const hasKindergarten = ctx.sqlite.prepare('SELECT 1 FROM kindergarten WHERE id = 1').get() !== undefined;
      return { flags: attendanceFlags(ctx.sqlite, includeHandled), due: hasKindergarten ? correctionsDue(ctx) : [], settledMonths };
    },
  }),

  /** Settles one child-month again and books only the difference; marks its attendance changes handled. */
  'settlement.bookCorrection': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ childId: id, month, idempotencyKey }),
    run: (ctx, input) => once(ctx, input.idempotencyKey, 'settlement.bookCorrection', () => bookCorrection(ctx, input.childId, input.month, 'app')),
  }),

  /** Changes that need no correction (the desk checked): marked handled without booking. */
  'settlement.markCorrectionsHandled': handler({
    access: SETTLERS,
    write: true,
    input: z.object({ ids: z.array(id).min(1, '请选择要标记的更正').max(500) }),
    run(ctx, { ids }) {
      const handled = markHandled(ctx, ids);
      if (handled !== ids.length) throw conflict('部分更正已被处理或不存在，请刷新后重试。', 'Some corrections were already handled; reload and try again.');
      ctx.audit({ action: 'settlement.markCorrectionsHandled', kind: 'attendance', entity: 'attendance_change', summary: `已处理结算更正 ${handled} 条`, after: ids });
      return { handled };
    },
  }),

  /** What one day more or fewer present would change for a child-month. */
  'settlement.whatIf': handler({
    access: MONEY_READERS,
    write: false,
    input: z.object({ childId: id, month }),
    run: (ctx, input) => childWhatIf(ctx, input.childId, input.month),
  }),
};
