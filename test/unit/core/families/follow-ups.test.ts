import { describe, expect, it } from 'vitest';
import { daysOverdue, followUpDue, followUpHorizon, groupFollowUps } from '../../../../core/families/follow-ups';

describe('follow-ups', () => {
  it('are overdue from the day after their date, due on it, upcoming before', () => {
    expect(['2026-11-22', '2026-11-23', '2026-11-24'].map((d) => followUpDue(d, '2026-11-23'))).toEqual(['overdue', 'today', 'upcoming']);
    expect(daysOverdue('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysOverdue('2026-11-25', '2026-11-23')).toBe(0);
  });

  it("split the desk's list in order, up to a week ahead", () => {
    const items = [{ followUpOn: '2026-11-20' }, { followUpOn: '2026-11-23' }, { followUpOn: '2026-11-21' }, { followUpOn: '2026-11-30' }];
    expect(groupFollowUps(items, '2026-11-23')).toEqual({
      overdue: [items[0], items[2]],
      dueToday: [items[1]],
      upcoming: [items[3]],
    });
    expect(followUpHorizon('2026-11-27')).toBe('2026-12-04');
  });
});
