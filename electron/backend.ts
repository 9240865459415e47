import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenedDatabase, openDatabase } from '../db/open';
import type { AppServices } from './api/define';
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { handlers } from './api/index';
import { SessionStore } from './api/sessions';

export interface BackendOptions {
  dbPath: string;
  /** Defaults to db/migrations in the source tree. The packaged app passes its resources folder. */
  migrationsFolder?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
}

export interface Backend {
  dispatcher: Dispatcher;
  services: AppServices;
  database(): OpenedDatabase;
  close(): void;
}

export function defaultMigrationsFolder(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');
}

/** The one backend behind both transports (Electron IPC and loopback HTTP). */
export function createBackend(options: BackendOptions): Backend {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  let opened = openDatabase(options.dbPath, { migrationsFolder });
  const now = options.now ?? (() => new Date());
  const services: AppServices = {
    sessions: new SessionStore(),
    dataDir: dirname(options.dbPath),
    dbPath: options.dbPath,
    now,
  };
  const dispatcher = createDispatcher(handlers, () => opened, services, options.log);
  return {
    dispatcher,
    services,
    database: () => opened,
    close() {
      opened.close();
      services.sessions.clear();
    },
  };
}
