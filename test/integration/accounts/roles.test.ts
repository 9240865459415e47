import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, ROLES, type Role } from '../../../electron/api/define';
import { handlers } from '../../../electron/api/index';
import type { Backend } from '../../../electron/backend';
import { demoBackend, type TestBackend } from '../../backend';

/**
 * Roles against the real API. The generic checks walk the real handler map,
 * so a handler added by any area is covered the day it lands; the table below
 * pins who may call the account, audit and backup handlers.
 */
const PINNED: Record<string, Access> = {
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.me': 'signed_in',
  'staff.list': ['principal'],
  'staff.create': ['principal'],
  'staff.update': ['principal'],
  'staff.resetPassword': ['principal'],
  'staff.disable': ['principal'],
  'staff.enable': ['principal'],
  'staff.changeOwnPassword': 'signed_in',
  'staff.idleLock': 'signed_in',
  'staff.setIdleLock': ['principal'],
  'audit.list': ['principal'],
  'audit.filters': ['principal'],
  'backup.status': ['principal'],
  'backup.setFolder': ['principal'],
  'backup.now': ['principal'],
  'backup.inspect': ['principal'],
  'backup.restore': ['principal'],
};

const USERS: Record<Role, string> = { principal: 'admin', finance: 'caiwu', front_desk: 'qiantai', teacher: 'laoshi' };

let env: TestBackend;
let backend: Backend;
const sessions = {} as Record<Role, string>;

async function signIn(role: Role): Promise<string> {
  sessions[role] = await env.signIn(USERS[role]);
  return sessions[role];
}

const totalChanges = () => (backend.database().sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Every row of every table, hashed: "nothing was written" means this did not change. */
function dataHash(): string {
  const sqlite = backend.database().sqlite;
  const h = createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    h.update(name);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

const allowedRoles = (access: Access): readonly Role[] => (access === 'public' || access === 'signed_in' ? ROLES : access);

beforeAll(async () => {
  env = await demoBackend();
  backend = env.backend;
  for (const role of ROLES) await signIn(role);
});
afterAll(() => env.close());

describe('roles against the real API', () => {
  it('pins who may call the account, audit and backup handlers', () => {
    for (const [name, access] of Object.entries(PINNED)) {
      expect(handlers[name], name).toBeDefined();
      expect(handlers[name]!.access, name).toEqual(access);
    }
  });

  it('every handler declares public, signed_in or a non-empty list of known roles', () => {
    for (const [name, def] of Object.entries(handlers)) {
      const ok =
        def.access === 'public' ||
        def.access === 'signed_in' ||
        (Array.isArray(def.access) && def.access.length > 0 && def.access.every((r) => (ROLES as readonly string[]).includes(r)));
      expect(ok, `${name}: ${JSON.stringify(def.access)}`).toBe(true);
    }
  });

  it('money stays away from teachers; finance never edits attendance or families; teachers write only attendance and the contact log', () => {
    const teacherWrites = new Set(['attendance.saveRollCall', 'attendance.recordLeave', 'attendance.cancelLeave', 'attendance.correct', 'families.addContact', 'families.completeFollowUp']);
    for (const [name, def] of Object.entries(handlers)) {
      const roles = allowedRoles(def.access);
      if (/^(refund|feeStandards|settlement|policies\.createCopy)/.test(name)) expect(roles, name).not.toContain('teacher');
      if (def.write && /^(attendance|families)\./.test(name)) {
        expect(roles, name).not.toContain('finance');
      }
      if (def.write && def.access !== 'public' && roles.includes('teacher') && name !== 'staff.changeOwnPassword') expect(teacherWrites, name).toContain(name);
    }
  });

  it('a teacher takes roll call for their own class only', async () => {
    const sqlite = backend.database().sqlite;
    const other = sqlite.prepare("SELECT c.id AS childId, c.class_id AS classId FROM children c JOIN classes k ON k.id = c.class_id WHERE k.name = '星星班' LIMIT 1").get() as { childId: number; classId: number };
    const before = dataHash();
    const result = await env.call('attendance.saveRollCall', { classId: other.classId, date: '2026-11-20', entries: [{ childId: other.childId, status: 'present' }] }, sessions.teacher);
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
    expect(dataHash()).toBe(before);
  });

  it('every forbidden call is refused as forbidden, in Chinese, and writes nothing', async () => {
    const before = dataHash();
    let refusals = 0;
    for (const [name, def] of Object.entries(handlers)) {
      if (def.access === 'public' || def.access === 'signed_in') continue;
      for (const role of ROLES.filter((r) => !def.access.includes(r))) {
        const changes = totalChanges();
        // A plausible input: validation happens after the role check, so the input must not matter.
        // Raw: the walk calls every handler by its name from the map, with one input for all.
        const result = await env.callRaw(name, { id: 1, path: backend.services.dbPath }, sessions[role]);
        expect(result.ok, `${role} → ${name}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${role} → ${name}`).toBe('forbidden');
          expect(result.error.message).toBe('您的账号没有权限进行此操作。');
        }
        expect(totalChanges(), `${role} → ${name} wrote`).toBe(changes);
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThanOrEqual(3 * 13); // at least the principal-only handlers of this area
    expect(dataHash()).toBe(before);
  });

  it('without a session every non-public call asks to sign in and writes nothing', async () => {
    const before = dataHash();
    for (const [name, def] of Object.entries(handlers)) {
      if (def.access === 'public') continue;
      // Raw: every handler by its name from the map, with one input for all.
      const result = await env.callRaw(name, {}, null);
      expect(result.ok ? 'ok' : result.error.code, name).toBe('unauthenticated');
      const stale = await env.callRaw(name, {}, 'not-a-real-session');
      expect(stale.ok ? 'ok' : stale.error.code, name).toBe('unauthenticated');
    }
    expect(dataHash()).toBe(before);
  });

  it('every allowed role gets past the role check of every handler', async () => {
    for (const [name, def] of Object.entries(handlers)) {
      if (def.access === 'public' || name === 'auth.logout') continue;
      for (const role of allowedRoles(def.access)) {
        // Raw: every handler by its name from the map, with defaults only.
        let result = await env.callRaw(name, {}, sessions[role]);
        // A handler called with defaults may end the caller's session (e.g. a password change): sign in again once.
        if (!result.ok && result.error.code === 'unauthenticated') {
          result = await env.callRaw(name, {}, await signIn(role));
        }
        const code = result.ok ? 'ok' : result.error.code;
        expect(['forbidden', 'unauthenticated'], `${role} → ${name}`).not.toContain(code);
      }
    }
  });

  it('allowed calls work for each allowed role, with real inputs', async () => {
    const calls: { name: string; input: (role: Role) => unknown; check?: (value: unknown) => void }[] = [
      { name: 'auth.me', input: () => ({}), check: (v) => expect(v).toHaveProperty('staffId') },
      { name: 'staff.idleLock', input: () => ({}), check: (v) => expect(v).toEqual({ minutes: expect.any(Number) }) },
      {
        name: 'staff.changeOwnPassword',
        input: () => ({ current: 'demo1234', password: 'demo1234x' }),
      },
      { name: 'staff.list', input: () => ({}), check: (v) => expect((v as unknown[]).length).toBeGreaterThanOrEqual(4) },
      { name: 'staff.create', input: (role) => ({ username: `new-${role}`, displayName: '新同事', role: 'front_desk', password: 'abcd1234' }) },
      { name: 'staff.setIdleLock', input: () => ({ minutes: 15 }) },
      { name: 'audit.list', input: () => ({ kind: 'account' }), check: (v) => expect((v as { total: number }).total).toBeGreaterThan(0) },
      { name: 'audit.filters', input: () => ({}) },
      { name: 'backup.status', input: () => ({}) },
      { name: 'backup.now', input: () => ({}), check: (v) => expect(v).toHaveProperty('kind', 'manual') },
    ];
    for (const call of calls) {
      const access = handlers[call.name]!.access;
      for (const role of ROLES) {
        const changes = totalChanges();
        // Raw: one table of calls of different handlers, their inputs built per role.
        const result = await env.callRaw(call.name, call.input(role), sessions[role]);
        if (allowedRoles(access).includes(role)) {
          expect(result.ok ? 'ok' : result.error.message, `${role} → ${call.name}`).toBe('ok');
          if (result.ok) call.check?.(result.value);
        } else {
          expect(result.ok ? 'ok' : result.error.code, `${role} → ${call.name}`).toBe('forbidden');
          expect(totalChanges()).toBe(changes);
        }
      }
    }
    // The changed passwords took effect.
    const r = await env.call('auth.login', { username: 'laoshi', password: 'demo1234x' }, null);
    expect(r.ok).toBe(true);
  });
});
