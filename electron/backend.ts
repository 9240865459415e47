import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenedDatabase, openDatabase } from '../db/open';
import type { AppServices } from './api/define';
import { createDispatcher, type Dispatcher } from './api/dispatch';
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

  let opened = open();
  backups.attach({
    current: () => opened,
    reopen(swap) {
      if (opened.sqlite.open) opened.close();
      swap();
      opened = open();
    },
  });
  const services: AppServices = {
    sessions: new SessionStore(),
    dataDir,
    dbPath: options.dbPath,
    now,
    backups,
  };
  const dispatcher = createDispatcher(handlers, () => opened, services, options.log);
  if (options.automaticBackups ?? true) backups.start();
  return {
    dispatcher,
    services,
    database: () => opened,
    close() {
      backups.stop();
      if (opened.sqlite.open) opened.close();
      services.sessions.clear();
    },
  };
}
