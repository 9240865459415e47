import { type ChildProcess, spawn } from 'node:child_process';

/** A backend-child.ts process: calls with a deadline, table hashes, and what it logged. */
export interface BackendChild {
  call(name: string, input: unknown, session?: string | null, deadlineMs?: number): Promise<TimedResult>;
  /** A call as the first account with this role (a session the child keeps alive). */
  callAs(role: string, name: string, input: unknown, deadlineMs?: number): Promise<TimedResult>;
  hash(): Promise<string>;
  /** SQLite's data_version seen from a connection of the child's own: unchanged means nothing was committed. */
  version(): Promise<number>;
  /** Rows of a SELECT on the backend's own connection (test set-up only). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Unexpected errors the backend logged (each one is also an "internal" answer). */
  logs: string[];
  close(): Promise<void>;
  child: ChildProcess;
}

export type CallResult = { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> }; value?: unknown };
/** A call's result and the CPU time the child spent on it. */
export type TimedResult = CallResult & { cpuMs: number };

export class DeadlineExceeded extends Error {}

/**
 * How long a call may take on the wall before it counts as hung and the child
 * is killed: far beyond any handler's work, so a busy machine never trips it
 * (how much work a call costs is its cpuMs).
 */
export const HANG_MS = 30_000;

const answer = (reply: Record<string, unknown>): TimedResult => ({ ...(reply.result as CallResult), cpuMs: reply.cpuMs as number });

export function startBackendChild(dbPath: string, now: string, lock: 'lock' | 'nolock' = 'lock'): Promise<BackendChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${import.meta.dirname}/backend-child.ts`, dbPath, now, lock], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const pending = new Map<number, (reply: Record<string, unknown>) => void>();
  const logs: string[] = [];
  let nextId = 1;
  let exited: number | string | null | undefined;
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      exited = signal ?? code;
      for (const waiter of pending.values()) waiter({ exited: exited });
      reject(new Error(`backend child exited (${code}) before it was ready`));
    });
    child.on('message', (message: Record<string, unknown>) => {
      if (message.type === 'log') logs.push(`${message.message}: ${message.error}`);
      else if (message.type === 'refused') reject(new Error(String(message.message)));
      else if (message.type === 'ready') resolve(api);
      else pending.get(message.id as number)?.(message);
    });
    const request = (message: Record<string, unknown>, deadlineMs: number) =>
      new Promise<Record<string, unknown>>((done, fail) => {
        if (exited !== undefined) return fail(new Error(`backend child has exited (${exited}) after an earlier call`));
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          child.kill('SIGKILL');
          fail(new DeadlineExceeded(`no answer within ${deadlineMs} ms`));
        }, deadlineMs);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          pending.delete(id);
          if ('exited' in reply) fail(new Error(`backend child exited (${reply.exited})`));
          else done(reply);
        });
        child.send({ ...message, id });
      });
    const api: BackendChild = {
      child,
      logs,
      call: async (name, input, session = null, deadlineMs = HANG_MS) => answer(await request({ type: 'call', name, input, session }, deadlineMs)),
      callAs: async (role, name, input, deadlineMs = HANG_MS) => answer(await request({ type: 'call', name, input, session: null, as: role }, deadlineMs)),
      hash: async () => (await request({ type: 'hash' }, 30_000)).hash as string,
      version: async () => (await request({ type: 'version' }, 30_000)).version as number,
      query: async <T>(sql: string) => (await request({ type: 'query', sql }, 30_000)).rows as T[],
      close: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        await request({ type: 'close' }, 10_000).catch(() => child.kill('SIGKILL'));
      },
    };
  });
}
