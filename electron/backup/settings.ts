import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { appSettings, DEFAULT_IDLE_LOCK_MINUTES } from '../../db/schema';

export interface AppSettings {
  backupFolder: string | null;
  idleLockMinutes: number;
  complaintPhone: string;
  /** 缴费方式 printed on fee notices; empty = DEFAULT_HOW_TO_PAY (core/billing/how-to-pay.ts). */
  howToPay: string;
}

export function readSettings(db: Db): AppSettings {
  const row = db.select().from(appSettings).where(eq(appSettings.id, 1)).get();
  return {
    backupFolder: row?.backupFolder ?? null,
    idleLockMinutes: row?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
    complaintPhone: row?.complaintPhone ?? '',
    howToPay: row?.howToPay ?? '',
  };
}

export function writeSettings(db: Db, change: Partial<AppSettings>, at: string): AppSettings {
  const next = { ...readSettings(db), ...change };
  db.insert(appSettings)
    .values({ id: 1, ...next, updatedAt: at })
    .onConflictDoUpdate({ target: appSettings.id, set: { ...next, updatedAt: at } })
    .run();
  return next;
}

/**
 * The backup folder straight from SQL, for the copy taken before a migration:
 * an older database may not have the settings table yet.
 */
export function readBackupFolderRaw(sqlite: Database.Database): string | null {
  try {
    const row = sqlite.prepare('SELECT backup_folder AS folder FROM app_settings WHERE id = 1').get() as
      | { folder: string | null }
      | undefined;
    return row?.folder ?? null;
  } catch {
    return null;
  }
}
