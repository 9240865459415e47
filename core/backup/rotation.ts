import { kindergartenClock } from '../calendar/dates';

/**
 * Which backups to keep. Automatic backups (at start and daily) follow a
 * grandfather-father-son rotation: for each of the 7 most recent days that
 * have a backup the newest of that day is kept, likewise for the 4 most recent
 * weeks (Monday to Sunday) and the 12 most recent months. Periods are counted
 * among those that HAVE backups, so a long holiday with the app closed never
 * deletes the last good copies. Manual backups are never deleted
 * automatically; of the safety copies taken before a migration or a restore
 * the 10 newest of each kind are kept. Days, weeks and months are Beijing time.
 */
export const BACKUP_KINDS = ['auto', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Kept per safety kind (pre-migration, pre-restore). */
  safety: number;
}

export const RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, safety: 10 };

export interface Stamped {
  kind: BackupKind;
  /** ISO instant the backup was taken. */
  at: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const beijing = (at: string): Date => kindergartenClock(new Date(at));

export const dayKey = (at: string) => beijing(at).toISOString().slice(0, 10);
export const monthKey = (at: string) => beijing(at).toISOString().slice(0, 7);
/** The Monday that starts the (Beijing) week, as YYYY-MM-DD. */
export function weekKey(at: string): string {
  const d = beijing(at);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

const newestFirst = <T extends Stamped>(list: readonly T[]) =>
  [...list].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

/** The newest backup of each of the `count` most recent periods that have one. */
function newestPerPeriod<T extends Stamped>(sorted: readonly T[], key: (at: string) => string, count: number): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const backup of sorted) {
    const k = key(backup.at);
    if (seen.has(k)) continue;
    if (seen.size >= count) break;
    seen.add(k);
    kept.push(backup);
  }
  return kept;
}

export function selectRetained<T extends Stamped>(
  backups: readonly T[],
  policy: RetentionPolicy = RETENTION,
): { keep: T[]; remove: T[] } {
  const keep = new Set<T>();
  const auto = newestFirst(backups.filter((b) => b.kind === 'auto'));
  for (const b of newestPerPeriod(auto, dayKey, policy.daily)) keep.add(b);
  for (const b of newestPerPeriod(auto, weekKey, policy.weekly)) keep.add(b);
  for (const b of newestPerPeriod(auto, monthKey, policy.monthly)) keep.add(b);
  for (const b of backups) if (b.kind === 'manual') keep.add(b);
  for (const kind of ['pre-migration', 'pre-restore'] as const) {
    for (const b of newestFirst(backups.filter((x) => x.kind === kind)).slice(0, policy.safety)) keep.add(b);
  }
  return { keep: backups.filter((b) => keep.has(b)), remove: backups.filter((b) => !keep.has(b)) };
}
