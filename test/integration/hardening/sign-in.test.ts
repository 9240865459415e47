import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../electron/api/define';
import { SessionStore } from '../../../electron/api/sessions';
import { caller, demoBackend } from '../../backend';

// Counts key derivations: the time a sign-in takes is what they cost.
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof crypto>();
  return { ...real, scryptSync: vi.fn(real.scryptSync) };
});
const derivations = () => vi.mocked(crypto.scryptSync).mock.calls.length;

let env: Awaited<ReturnType<typeof demoBackend>>;
beforeAll(async () => {
  env = await demoBackend({ automaticBackups: false });
});
afterAll(() => env.backend.close());

const login = (username: string, password: string) => env.call('auth.login', { username, password }, null);

async function costOf(run: () => Promise<unknown>): Promise<number> {
  const before = derivations();
  await run();
  return derivations() - before;
}

describe('signing in', () => {
  it('costs one key derivation for an unknown user, as for a known one with a wrong password', async () => {
    expect(await costOf(() => login('nobody-here', 'whatever1'))).toBe(1);
    expect(await costOf(() => login('caiwu', 'wrong-password1'))).toBe(1);
    expect(await costOf(() => login('caiwu', 'demo1234'))).toBe(1);
    expect(await login('nobody-here', 'whatever1')).toMatchObject({ ok: false, error: { message: '登录名或密码不正确。' } });
  });

  it('says an account is disabled only to someone who gave its correct password', async () => {
    const id = env.backend.database().sqlite.prepare("SELECT id FROM staff WHERE username = 'qiantai'").pluck().get() as number;
    expect(await env.call('staff.disable', { id })).toMatchObject({ ok: true });
    expect(await login('qiantai', 'wrong-password1')).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '登录名或密码不正确。' } });
    expect(await login('qiantai', 'demo1234')).toMatchObject({ ok: false, error: { code: 'forbidden', message: '此账号已停用，请联系园长。' } });
    expect(await env.call('staff.enable', { id })).toMatchObject({ ok: true });
  });

  it('counts a wrong password inside the sign-in transaction, and the count survives the refusal', async () => {
    const attempts = () => env.backend.database().sqlite.prepare("SELECT failed_attempts FROM staff WHERE username = 'laoshi'").pluck().get();
    const before = attempts() as number;
    expect((await login('laoshi', 'wrong-password1')).ok).toBe(false);
    expect(attempts()).toBe(before + 1);
    expect((await login('laoshi', 'demo1234')).ok).toBe(true);
    expect(attempts()).toBe(0);
  });
});

describe('sessions', () => {
  it('changing one’s own password signs out one’s other sessions, and keeps this one', async () => {
    const here = (await login('caiwu', 'demo1234')) as { ok: true; value: { session: string } };
    const elsewhere = (await login('caiwu', 'demo1234')) as { ok: true; value: { session: string } };
    const changed = await caller(env.backend, here.value.session)('staff.changeOwnPassword', { current: 'demo1234', password: 'new-pass2026' });
    expect(changed).toMatchObject({ ok: true });
    expect(await caller(env.backend, elsewhere.value.session)('auth.me')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await caller(env.backend, here.value.session)('auth.me')).toMatchObject({ ok: true });
  });

  it('end after an absolute lifetime, however active', () => {
    let clock = 0;
    const hour = 60 * 60 * 1000;
    const store = new SessionStore(8 * hour, () => clock, 12 * hour);
    const token = store.create({ staffId: 1, username: 'a', displayName: 'A', role: 'principal', classId: null } satisfies Actor);
    for (clock = hour; clock <= 12 * hour; clock += hour) expect(store.resolve(token)).not.toBeNull();
    clock = 12 * hour + 1;
    expect(store.resolve(token)).toBeNull();
  });

  it('still end after the idle limit', () => {
    let clock = 0;
    const store = new SessionStore(1000, () => clock);
    const token = store.create({ staffId: 1, username: 'a', displayName: 'A', role: 'principal', classId: null });
    clock = 1001;
    expect(store.resolve(token)).toBeNull();
  });
});
