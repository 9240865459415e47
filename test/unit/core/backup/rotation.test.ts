import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackupKind, dayKey, RETENTION, type Stamped, selectRetained } from '../../../../core/backup/rotation';

interface B extends Stamped {
  name: string;
}

/** Beijing wall-clock time → a backup stamp, as the app names its files. */
const at = (local: string, kind: BackupKind = 'auto'): B => ({
  kind,
  at: new Date(`${local}+08:00`).toISOString(),
  name: `${kind}@${local}`,
});

/** Runs the app's behaviour: after each new backup the folder is rotated. */
function simulate(timeline: B[]): B[] {
  let folder: B[] = [];
  for (const b of timeline) folder = selectRetained([...folder, b]).keep;
  return folder;
}

function weekdays(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

describe('backup rotation', () => {
  it('over 400 days keeps exactly 7 daily, 4 weekly, 12 monthly, every manual one and the 10 newest safety copies', () => {
    // The kindergarten opens Monday to Friday: a backup at 08:00 each open day, a second one
    // on Mondays at 14:00; a manual one every 30 days; 15 restores and 3 upgrades.
    const timeline: B[] = [];
    const days = weekdays('2025-10-17', '2026-11-20');
    days.forEach((day, i) => {
      timeline.push(at(`${day}T08:00:00`));
      if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) timeline.push(at(`${day}T14:00:00`));
      if (i % 30 === 0) timeline.push(at(`${day}T17:00:00`, 'manual'));
      if (i % 19 === 5) timeline.push(at(`${day}T09:00:00`, 'pre-restore'));
      if (i % 100 === 7) timeline.push(at(`${day}T07:59:00`, 'pre-migration'));
    });
    expect(new Set(timeline.map((b) => dayKey(b.at))).size).toBeGreaterThan(280);

    const kept = simulate(timeline);
    const names = (kind: BackupKind) => kept.filter((b) => b.kind === kind).map((b) => b.name).sort();

    const daily = ['11-12', '11-13', '11-16', '11-17', '11-18', '11-19', '11-20'];
    const weekly = ['10-30', '11-06', '11-13', '11-20'];
    const monthly = ['2025-12-31', '2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-30', '2026-11-20'];
    const expectedAuto = new Set([...daily, ...weekly].map((d) => `2026-${d}`).concat(monthly));
    // On Mondays (2026-11-16, 2026-08-31) the newest of the day, 14:00, is the one kept.
    const monday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1;
    const autoName = (d: string) => `auto@${d}T${monday(d) ? '14' : '08'}:00:00`;
    expect(names('auto')).toEqual([...expectedAuto].map(autoName).sort());
    expect(names('auto')).toHaveLength(7 + 4 + 12 - 4 /* 11-13 daily+weekly, 11-20 all three, 10-30 weekly+monthly */);

    expect(names('manual')).toEqual(timeline.filter((b) => b.kind === 'manual').map((b) => b.name).sort());
    const restores = timeline.filter((b) => b.kind === 'pre-restore');
    expect(restores.length).toBe(15);
    expect(names('pre-restore')).toEqual(restores.slice(-RETENTION.safety).map((b) => b.name).sort());
    expect(names('pre-migration')).toEqual(timeline.filter((b) => b.kind === 'pre-migration').map((b) => b.name).sort());
  });

  it('counts only periods that have backups, so a long closure never deletes the last good copies', () => {
    const before = weekdays('2026-06-01', '2026-06-30').map((d) => at(`${d}T08:00:00`));
    const kept = simulate([...before, at('2028-09-01T08:00:00')]);
    const auto = kept.map((b) => dayKey(b.at)).sort();
    // The new one, plus June's last six days (daily), its weeks and the month itself.
    expect(auto).toContain('2028-09-01');
    expect(auto).toContain('2026-06-30');
    expect(auto.filter((d) => d.startsWith('2026-06')).length).toBeGreaterThanOrEqual(6);
  });

  it('uses Beijing days: 23:30 and 00:30 local are different days even though both are the same UTC day', () => {
    const late = at('2026-11-19T23:30:00');
    const early = at('2026-11-20T00:30:00');
    expect(dayKey(late.at)).toBe('2026-11-19');
    expect(dayKey(early.at)).toBe('2026-11-20');
    expect(selectRetained([late, early]).keep).toHaveLength(2);
  });

  it('rotating after every backup keeps the same set as rotating once at the end, and never loses the newest', () => {
    const stamp = fc
      .record({ minutes: fc.integer({ min: 0, max: 600 * 24 * 60 }), kind: fc.constantFrom<BackupKind>('auto', 'auto', 'auto', 'manual', 'pre-restore') })
      .map(({ minutes, kind }) => ({ kind, at: new Date(Date.UTC(2025, 0, 1) + minutes * 60000).toISOString(), name: `${kind}-${minutes}` }));
    fc.assert(
      fc.property(fc.uniqueArray(stamp, { selector: (b) => b.name, maxLength: 300 }), (list) => {
        const timeline = [...list].sort((a, b) => a.at.localeCompare(b.at));
        const incremental = simulate(timeline).map((b) => b.name).sort();
        const once = selectRetained(timeline).keep.map((b) => b.name).sort();
        expect(incremental).toEqual(once);
        const autos = timeline.filter((b) => b.kind === 'auto');
        expect(autos.filter((b) => incremental.includes(b.name)).length).toBeLessThanOrEqual(7 + 4 + 12);
        const newest = autos.at(-1);
        if (newest) expect(incremental).toContain(newest.name);
      }),
      { numRuns: 200 },
    );
  });
});
