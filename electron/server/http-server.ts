import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../api/dispatch';
import { MAX_REQUEST_BYTES } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { readRendererFile } from '../security/static-files';

/**
 * Browser mode: the same handler map as the desktop app, served on loopback
 * only. Every API request must carry the per-run token (handed to the page in
 * the URL fragment, which is never sent to a server or written to a log), and
 * the Host header must be ours, which stops DNS-rebinding pages.
 */
export interface HttpServerOptions {
  dispatcher: Dispatcher;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Defaults to BODY_TIMEOUT_MS. */
  bodyTimeoutMs?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  /** Open this in a browser: the token travels in the fragment. */
  url: string;
  close(): Promise<void>;
}


/**
 * A request body that stops arriving for this long (a client that sent less
 * than it announced) gets a 408, not a socket held for minutes; and no body
 * may take longer than BODY_TOTAL_MS however slowly it drips.
 */
export const BODY_TIMEOUT_MS = 10_000;
const BODY_TOTAL_MS = 60_000;

const API_ERRORS = {
  host: [421, 'invalid_input', '请求的地址不正确。'],
  method: [405, 'invalid_input', '只接受 POST 请求。'],
  token: [401, 'unauthenticated', '访问令牌无效，请使用启动时显示的地址打开。'],
  tooLarge: [413, 'invalid_input', '提交的数据太大（最多 32 MB）。'],
  timeout: [408, 'invalid_input', '请求没有在规定时间内传完，请重试。'],
  malformed: [400, 'invalid_input', '请求格式不正确。'],
  internal: [500, 'internal', '操作没有完成，数据未作更改。请重试。'],
} as const;

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 'internal');
    });
  });
  const bodyTimeout = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  // Headers must come quickly too (slow-loris); the body has its own deadline in readBody.
  server.headersTimeout = Math.max(bodyTimeout, 1000);
  server.requestTimeout = 0;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    const url = new URL(req.url ?? '/', 'http://kinderdesk.invalid');
    const api = url.pathname === '/api/call';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return api ? refuse(res, 'host') : send(res, 421, 'text/plain; charset=utf-8', 'wrong host');
    }
    if (!api) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
      return serveStatic(options.staticDir, url.pathname, res);
    }
    if (req.method !== 'POST') return refuse(res, 'method');
    const given = Buffer.from(String(req.headers['x-kd-token'] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(res, 'token');
    const body = await readBody(req, bodyTimeout);
    if (body === 'too_large' || body === 'timeout') return refuse(res, body === 'too_large' ? 'tooLarge' : 'timeout');
    if (nestedDeeperThan(body, MAX_JSON_DEPTH)) return refuse(res, 'malformed');
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      return refuse(res, 'malformed');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return refuse(res, 'malformed');
    const { name, input, session } = message as { name?: unknown; input?: unknown; session?: unknown };
    const result = await options.dispatcher.call({ name: String(name ?? ''), input, session: typeof session === 'string' ? session : null });
    return sendJson(res, 200, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** No form nests this deep (the dispatcher allows 32 levels of input inside the request). */
const MAX_JSON_DEPTH = 40;

/** Whether JSON text opens more than `limit` arrays/objects at once, counted without parsing it. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/** A refused API request: its status and the usual JSON error; the connection closes after it is sent. */
function refuse(res: ServerResponse, why: keyof typeof API_ERRORS) {
  const [status, code, message] = API_ERRORS[why];
  if (status >= 400 && why !== 'token' && why !== 'host') res.setHeader('connection', 'close');
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function serveStatic(root: string, pathname: string, res: ServerResponse) {
  const file = await readRendererFile(root, pathname);
  return send(res, file.status, file.type, file.body);
}

/**
 * The body as text, or why not: larger than the limit (announced or sent),
 * or stalled (see BODY_TIMEOUT_MS). Reading stops at once in both
 * cases; the socket stays open until the refusal has been sent.
 */
function readBody(req: IncomingMessage, timeoutMs: number): Promise<string | 'too_large' | 'timeout'> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return discardRest(req).then(() => 'too_large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let idle = setTimeout(() => stop('timeout'), timeoutMs);
    const total = setTimeout(() => stop('timeout'), BODY_TOTAL_MS);
    const clear = () => {
      clearTimeout(idle);
      clearTimeout(total);
    };
    function stop(why: 'too_large' | 'timeout') {
      clear();
      req.removeAllListeners('data');
      req.removeAllListeners('end');
      if (why === 'too_large') void discardRest(req).then(() => resolve(why));
      else resolve(why);
    }
    req.on('data', (chunk: Buffer) => {
      clearTimeout(idle);
      idle = setTimeout(() => stop('timeout'), timeoutMs);
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) stop('too_large');
      else chunks.push(chunk);
    });
    req.on('end', () => {
      clear();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      clear();
      reject(error);
    });
  });
}

/** How long a refused upload is read and dropped before the refusal is sent anyway. */
const DISCARD_MS = 15_000;

/**
 * Reads and drops what the client is still sending, and settles once it has
 * all arrived: a refusal sent while the client is still uploading makes Node
 * close the connection under it, and the client, busy writing, sees a reset
 * instead of the answer. A client that never stops is answered after DISCARD_MS.
 */
function discardRest(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(cap);
      resolve();
    };
    const cap = setTimeout(done, DISCARD_MS);
    req.on('data', () => {});
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}
