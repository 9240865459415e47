import { randomBytes } from 'node:crypto';
import type { Actor } from './define';

/**
 * A session that may call only some signed-in handlers until the person has
 * done something first (e.g. chosen their own password); other calls are
 * refused with this message.
 */
export interface SessionRestriction {
  allow: readonly string[];
  message: string;
  messageEn: string;
}

interface Session {
  actor: Actor;
  createdAt: number;
  lastSeen: number;
  restriction?: SessionRestriction;
}

/**
 * Sign-in sessions live in the main process only; the renderer holds an opaque
 * token. A session idle for longer than the idle limit is gone (the UI locks
 * sooner), and so is any session older than the absolute limit, however busy:
 * a token copied off a desk at 8 o'clock is worthless by the evening.
 */
export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(
    private readonly idleLimitMs = 8 * 60 * 60 * 1000,
    private readonly clock: () => number = Date.now,
    private readonly absoluteLimitMs = 12 * 60 * 60 * 1000,
  ) {}

  create(actor: Actor, restriction?: SessionRestriction): string {
    const token = randomBytes(24).toString('base64url');
    const at = this.clock();
    this.sessions.set(token, { actor, createdAt: at, lastSeen: at, restriction });
    return token;
  }

  /** The restriction that refuses handler `name` to this session, or null when the call may go ahead. */
  refusal(token: string | null | undefined, name: string): SessionRestriction | null {
    const restriction = token ? this.sessions.get(token)?.restriction : undefined;
    return restriction && !restriction.allow.includes(name) ? restriction : null;
  }

  lift(token: string): void {
    const session = this.sessions.get(token);
    if (session) session.restriction = undefined;
  }

  resolve(token: string | null | undefined): Actor | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.clock();
    if (now - session.lastSeen > this.idleLimitMs || now - session.createdAt > this.absoluteLimitMs) {
      this.sessions.delete(token);
      return null;
    }
    session.lastSeen = now;
    return session.actor;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** After an account is disabled or its role changes, its sessions end at once (all but `keep`, if given). */
  endAllFor(staffId: number, keep?: string | null): void {
    for (const [token, session] of this.sessions) {
      if (session.actor.staffId === staffId && token !== keep) this.sessions.delete(token);
    }
  }

  clear(): void {
    this.sessions.clear();
  }
}
