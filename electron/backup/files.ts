import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_KINDS, type BackupKind } from '../../core/backup/rotation';
import { kindergartenClock } from '../../core/calendar/dates';

/** A backup file in a folder. Its name carries when (Beijing time) and why it was taken. */
export interface BackupEntry {
  file: string;
  path: string;
  kind: BackupKind;
  /** ISO instant. */
  at: string;
  size: number;
}

const NAME = new RegExp(`^kinderdesk-(\\d{8})-(\\d{6})-(\\d{3})-(${BACKUP_KINDS.join('|')})(?:-\\d+)?\\.sqlite$`);

/** kinderdesk-20261122-083000-123-auto.sqlite — sorts by time, readable on a USB drive. */
export function backupFileName(kind: BackupKind, at: Date, suffix = 0): string {
  const s = kindergartenClock(at).toISOString();
  const stamp = `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}-${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}-${s.slice(20, 23)}`;
  return `kinderdesk-${stamp}-${kind}${suffix ? `-${suffix}` : ''}.sqlite`;
}

export function parseBackupFileName(file: string): { kind: BackupKind; at: string } | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [, d, t, ms, kind] = m as unknown as [string, string, string, string, BackupKind];
  const local = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}+08:00`;
  const instant = Date.parse(local);
  if (Number.isNaN(instant)) return null;
  return { kind, at: new Date(instant).toISOString() };
}

/** Backups in a folder, newest first. Other files are ignored (and never deleted). */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const file of names) {
    const parsed = parseBackupFileName(file);
    if (!parsed) continue;
    const path = join(folder, file);
    try {
      entries.push({ file, path, ...parsed, size: statSync(path).size });
    } catch {
      // Removed while we listed: not a backup any more.
    }
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at) || b.file.localeCompare(a.file));
}
