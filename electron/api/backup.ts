import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditAction, AuditKind } from '../../core/audit/actions';
import { auditLog, staff } from '../../db/schema';
import { readSettings, writeSettings } from '../backup/settings';
import { BackupRefused } from '../backup/snapshot';
import { handler, type HandlerContext } from './define';
import { ApiError, invalid } from './errors';

const PRINCIPAL = ['principal'] as const;

/** Backup problems reach the screen as a readable refusal; nothing was changed. */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof BackupRefused) throw new ApiError('conflict', error.message, 'The backup could not be used or written.');
    throw error;
  }
}

/** Only files the backup screen lists can be restored: no arbitrary paths from the renderer. */
function listedBackup(ctx: HandlerContext, path: string) {
  const entry = ctx.app.backups.list(ctx.sqlite).find((b) => b.path === path);
  if (!entry) throw invalid('备份列表中没有这个文件，请刷新后重新选择。', 'That file is not in the backup list.');
  return entry;
}

function assertWritableFolder(folder: string): void {
  if (!isAbsolute(folder)) throw invalid('请填写完整的文件夹路径，例如 E:\\园务通备份 或 /media/U盘/园务通备份', 'Give a full folder path.', { folder: '须为完整路径' });
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw invalid('找不到这个文件夹。若是 U 盘，请先插入并确认盘符。', 'The folder does not exist.', { folder: '文件夹不存在' });
  }
  if (!isDir) throw invalid('这是一个文件，不是文件夹。', 'That is a file, not a folder.', { folder: '不是文件夹' });
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw invalid('没有权限写入这个文件夹，请换一个。', 'That folder is not writable.', { folder: '没有写入权限' });
  }
}

export const backupHandlers = {
  'backup.status': handler({
    access: PRINCIPAL,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const { folder, chosen } = ctx.app.backups.folderFor(ctx.sqlite);
      return {
        folder,
        chosen,
        defaultFolder: ctx.app.backups.defaultFolder,
        backups: ctx.app.backups.list(ctx.sqlite),
        lastFailure: ctx.app.backups.lastFailure,
      };
    },
  }),

  /** A USB drive or a synced folder; null goes back to the default folder beside the data. */
  'backup.setFolder': handler({
    access: PRINCIPAL,
    write: true,
    input: z.object({ folder: z.string().trim().min(1, '请填写文件夹路径').max(500, '路径太长').nullable() }),
    run(ctx, input) {
      if (input.folder) assertWritableFolder(input.folder);
      const before = readSettings(ctx.db).backupFolder;
      writeSettings(ctx.db, { backupFolder: input.folder }, ctx.now().toISOString());
      ctx.audit({
        action: 'backup.setFolder',
        kind: 'system',
        entity: 'settings',
        summary: `备份文件夹：${input.folder ?? '默认（本机数据文件夹）'}`,
        before: { backupFolder: before },
        after: { backupFolder: input.folder },
      });
      return { folder: input.folder ?? ctx.app.backups.defaultFolder, chosen: input.folder != null };
    },
  }),

  /** Not a write transaction: VACUUM INTO reads its own snapshot (on the read-only connection) and cannot run inside one. */
  'backup.now': handler({
    access: PRINCIPAL,
    write: false,
    input: z.object({}).strict().default({}),
    run(ctx) {
      const taken = guarded(() => ctx.app.backups.take('manual', ctx.sqlite));
      ctx.audit({ action: 'backup.create', kind: 'system', entity: 'backup', entityId: taken.file, summary: `手动备份：${taken.path}` });
      return taken;
    },
  }),

  /** What a backup holds, for the confirmation before restoring it; also its integrity check. */
  'backup.inspect': handler({
    access: PRINCIPAL,
    write: false,
    input: z.object({ path: z.string().min(1).max(1000) }),
    run(ctx, input) {
      const entry = listedBackup(ctx, input.path);
      return { ...entry, ...guarded(() => ctx.app.backups.inspect(entry.path)) };
    },
  }),

  /**
   * Replaces the live data with a backup (after checking it and backing up the
   * current data). Everyone is signed out: accounts may differ in the backup.
   */
  'backup.restore': handler({
    access: PRINCIPAL,
    // Alone: calls in flight finish on the old data first, and new ones wait for the new.
    write: 'exclusive',
    input: z.object({ path: z.string().min(1).max(1000) }),
    run(ctx, input) {
      const entry = listedBackup(ctx, input.path);
      const actor = ctx.actor!;
      const keepFolder = readSettings(ctx.db).backupFolder;
      const { info, safety } = guarded(() =>
        ctx.app.backups.restore(entry.path, (restored, safety) => {
          const db = restored.db;
          db.transaction((tx) => {
            // Backups keep going to the folder in use now, not the one the old data had.
            writeSettings(tx, { backupFolder: keepFolder }, ctx.now().toISOString());
            const same = tx
              .select({ id: staff.id })
              .from(staff)
              .where(and(eq(staff.id, actor.staffId), eq(staff.username, actor.username)))
              .get();
            tx.insert(auditLog)
              .values({
                at: ctx.now().toISOString(),
                staffId: same?.id ?? null,
                action: 'backup.restore' satisfies AuditAction,
                kind: 'system' satisfies AuditKind,
                entity: 'backup',
                entityId: entry.file,
                summary: `${actor.displayName}（${actor.username}）从备份恢复：${entry.file}；恢复前的数据已备份为 ${safety.file}`,
              })
              .run();
          });
        }),
      );
      ctx.app.sessions.clear();
      return { restored: entry.file, safety: safety.file, safetyPath: safety.path, info };
    },
  }),
};
