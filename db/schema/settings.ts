import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * App-wide settings that belong to the kindergarten's data (one row, id 1).
 * A missing row means the defaults below.
 */
export const appSettings = sqliteTable('app_settings', {
  id: integer('id').primaryKey(),
  /** Where backups go (a USB drive or a synced folder); null = the data folder's "backups". */
  backupFolder: text('backup_folder'),
  /** The screen locks after this many idle minutes. */
  idleLockMinutes: integer('idle_lock_minutes').notNull().default(10),
  /** 收费监督（投诉）电话 printed on the public fee board and the fee agreement (seeds 002, 004). */
  complaintPhone: text('complaint_phone').notNull().default(''),
  /** 缴费方式 printed on every fee notice (cash, WeChat, Alipay, the bank account); empty = the default sentence. */
  howToPay: text('how_to_pay').notNull().default(''),
  updatedAt: text('updated_at'),
});

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
