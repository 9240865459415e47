import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AUDIT_KINDS } from '../../core/audit/actions';
import { oneOf } from './checks';
import { classes } from './kindergarten';

/** Staff accounts are disabled, never deleted: the audit trail keeps their names. */
export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** principal | finance | front_desk | teacher */
  role: text('role').notNull(),
  /** Teachers see and take attendance for their own class only. */
  classId: integer('class_id').references(() => classes.id),
  /** scrypt$N$r$p$salt$hash */
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  /**
   * Set when the principal chose the password (new account, reset): the person
   * must pick their own before doing anything else, so the principal never
   * knows a password in use.
   */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Every change to money, attendance or a record: who, when, what it was, what it became. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    staffId: integer('staff_id').references(() => staff.id),
    /** e.g. kindergarten.update, child.create, attendance.correct */
    action: text('action').notNull(),
    /** money | attendance | record | account | system */
    kind: text('kind').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull().default(''),
    before: text('before_json'),
    after: text('after_json'),
  },
  (t) => [
    index('audit_at').on(t.at),
    index('audit_staff').on(t.staffId),
    index('audit_entity').on(t.entity, t.entityId),
    check('audit_log_kind', oneOf(t.kind, AUDIT_KINDS)),
  ],
);
