import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { AuditAction, AuditKind } from '../../core/audit/actions';
import type { Db } from '../../db/open';

export const ROLES = ['principal', 'finance', 'front_desk', 'teacher'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  staffId: number;
  username: string;
  displayName: string;
  role: Role;
  classId: number | null;
}

export interface AuditEntry {
  /** One of core/audit/actions.ts, which holds its labels for the audit screen. */
  action: AuditAction;
  kind: AuditKind;
  entity: string;
  entityId?: string | number | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/** What every handler gets: the database, who is calling, the clock, and the audit writer. */
export interface HandlerContext {
  db: Db;
  sqlite: Database.Database;
  /** Null only for public handlers (setup, sign-in). */
  actor: Actor | null;
  session: string | null;
  now(): Date;
  /** Today in the kindergarten's local time, YYYY-MM-DD. */
  today(): string;
  /** Which classes the caller may see (a teacher: only her own). */
  classScope: import('./class-scope').ClassScope;
  audit(entry: AuditEntry): void;
  /**
   * Runs `step` once the call's transaction has committed (a backup must see
   * the new data). A failing step is logged; it does not undo the call.
   */
  afterCommit(step: () => void): void;
  app: AppServices;
}

/** Long-lived services shared by all calls (sessions, file locations). */
export interface AppServices {
  sessions: import('./sessions').SessionStore;
  dataDir: string;
  dbPath: string;
  now(): Date;
}

/**
 * Who may call: 'public' (no sign-in: setup, sign-in), 'signed_in' (any role),
 * or a list of roles. Enforced in the main process for every call.
 */
export type Access = 'public' | 'signed_in' | readonly Role[];

export interface HandlerDef<S extends z.ZodType, O> {
  access: Access;
  /**
   * true: runs inside one write transaction (taking the write lock at BEGIN),
   * so a multi-row change lands whole or not at all; it must be synchronous.
   * false: runs on a read-only connection (it cannot write); audit entries it
   * records are written once it has succeeded.
   * 'exclusive': runs alone, after the calls in flight, and manages its own
   * writes (a restore, which replaces the database).
   */
  write: boolean | 'exclusive';
  input: S;
  run(ctx: HandlerContext, input: z.output<S>): O | Promise<O>;
}

export function handler<S extends z.ZodType, O>(def: HandlerDef<S, O>): HandlerDef<S, O> {
  return def;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds handlers of every shape
export type AnyHandler = HandlerDef<any, any>;
export type HandlerMap = Record<string, AnyHandler>;

/** The typed contract the renderer sees: input as accepted, output as returned. */
export type ApiOf<M extends HandlerMap> = {
  [K in keyof M]: { input: z.input<M[K]['input']>; output: Awaited<ReturnType<M[K]['run']>> };
};
