import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireInstanceLock } from '../db/instance-lock';
import { type OpenedDatabase, openDatabase, openReader } from '../db/open';
import type { AppServices } from './api/define';
import { type Connections, createDispatcher, type Dispatcher } from './api/dispatch';
import { handlers } from './api/index';
import { SessionStore } from './api/sessions';
import { BackupService } from './backup/service';

export interface BackendOptions {
  dbPath: string;
  /** Defaults to db/migrations in the source tree. The packaged app passes its resources folder. */
  migrationsFolder?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** Backup at start and daily (default on). Backups before migrations and restores happen regardless. */
  automaticBackups?: boolean;
  /**
   * Refuse to open a file another running app holds (default on). Off only for
   * the command-line tools, which work on the file while the app runs.
   */
  instanceLock?: boolean;
}

export interface Backend {
  dispatcher: Dispatcher;
  services: AppServices;
  /** The live database; a restore replaces it, so do not keep the result across calls. */
  database(): OpenedDatabase;
  close(): void;
}

export function defaultMigrationsFolder(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');
}

/** The one backend behind both transports (Electron IPC and loopback HTTP). */
export function createBackend(options: BackendOptions): Backend {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
  const dataDir = dirname(options.dbPath);
  const backups = new BackupService({ dbPath: options.dbPath, defaultFolder: join(dataDir, 'backups'), now, log });
  const open = () =>
    openDatabase(options.dbPath, { migrationsFolder, backupBeforeMigrate: (sqlite) => backups.beforeMigrate(sqlite) });

  // Before anything touches the file: a second app must not even migrate it.
  const lock = (options.instanceLock ?? true) ? acquireInstanceLock(options.dbPath, now) : null;
  const openBoth = (): Connections => {
    const writer = open();
    try {
      return { writer, reader: openReader(options.dbPath) };
    } catch (error) {
      writer.close();
      throw error;
    }
  };
  let live: Connections;
  try {
    live = openBoth();
  } catch (error) {
    lock?.release();
    throw error;
  }
  const closeBoth = () => {
    if (live.reader.sqlite.open) live.reader.close();
    if (live.writer.sqlite.open) live.writer.close();
  };
  backups.attach({
    current: () => live.writer,
    reopen(swap) {
      closeBoth();
      swap();
      live = openBoth();
    },
  });
  const services: AppServices = {
    sessions: new SessionStore(),
    dataDir,
    dbPath: options.dbPath,
    now,
    backups,
  };
  const dispatcher = createDispatcher(handlers, () => live, services, options.log);
  if (options.automaticBackups ?? true) backups.start();
  return {
    dispatcher,
    services,
    database: () => live.writer,
    close() {
      backups.stop();
      closeBoth();
      lock?.release();
      services.sessions.clear();
    },
  };
}
