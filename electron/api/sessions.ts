import { randomBytes } from 'node:crypto';
import type { Actor } from './define';

interface Session {
  actor: Actor;
  lastSeen: number;
}

/**
 * Sign-in sessions live in the main process only; the renderer holds an opaque
 * token. A session idle for longer than the limit is gone (the UI locks sooner).
 */
export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(
    private readonly idleLimitMs = 8 * 60 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  create(actor: Actor): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { actor, lastSeen: this.clock() });
    return token;
  }

  resolve(token: string | null | undefined): Actor | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    if (this.clock() - session.lastSeen > this.idleLimitMs) {
      this.sessions.delete(token);
      return null;
    }
    session.lastSeen = this.clock();
    return session.actor;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** After an account is disabled or its role changes, its sessions end at once. */
  endAllFor(staffId: number): void {
    for (const [token, session] of this.sessions) {
      if (session.actor.staffId === staffId) this.sessions.delete(token);
    }
  }

  clear(): void {
    this.sessions.clear();
  }
}
