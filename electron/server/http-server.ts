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
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  /** Open this in a browser: the token travels in the fragment. */
  url: string;
  close(): Promise<void>;
}


export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 421, 'text/plain; charset=utf-8', 'wrong host');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
      const given = Buffer.from(String(req.headers['x-kd-token'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return send(res, 401, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'unauthenticated', message: '访问令牌无效，请使用启动时显示的地址打开。' } }));
      }
      const body = await readBody(req);
      if (body === null) {
        return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: '提交的数据太大。' } });
      }
      let message: { name?: unknown; input?: unknown; session?: unknown };
      try {
        message = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: '请求格式不正确。' } });
      }
      const result = await options.dispatcher.call({
        name: String(message.name ?? ''),
        input: message.input,
        session: typeof message.session === 'string' ? message.session : null,
      });
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
    return serveStatic(options.staticDir, url.pathname, res);
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function serveStatic(root: string, pathname: string, res: ServerResponse) {
  const file = await readRendererFile(root, pathname);
  return send(res, file.status, file.type, file.body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
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
