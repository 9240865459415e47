import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { type RunningServer, startHttpServer } from '../../../electron/server/http-server';
import { demoBackend } from '../../backend';

/**
 * Malformed requests to browser mode's loopback API: each gets a 4xx and the
 * usual JSON error, which the client can read (no reset), and soon.
 */
let backend: Backend;
let server: RunningServer;

beforeAll(async () => {
  ({ backend } = await demoBackend());
  server = await startHttpServer({ dispatcher: backend.dispatcher, staticDir: join(import.meta.dirname, 'no-ui'), bodyTimeoutMs: 500 });
});
afterAll(async () => {
  await server.close();
  backend.close();
});

type Reply = { status: number; json: { ok: boolean; error?: { code: string; message: string } } | null; error?: string };

/** Sends `body` (or its first part only, when `stopAfter` is set), announcing `length` if given. */
function post(body: string | Buffer, options: { length?: number; chunked?: boolean; stopAfter?: number } = {}): Promise<Reply> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'x-kd-token': server.token };
    if (options.length !== undefined) headers['content-length'] = options.length;
    const req = request({ host: '127.0.0.1', port: server.port, path: '/api/call', method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let json: Reply['json'] = null;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {}
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', (e) => resolve({ status: 0, json: null, error: e.message }));
    if (options.chunked) {
      // Streamed without a length, in pieces, as a misbehaving client might.
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < (body as Buffer).length) {
          sent += piece.length;
          if (!req.write(piece)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    } else if (options.stopAfter !== undefined) req.write(body.slice(0, options.stopAfter));
    else req.end(body);
  });
}

const jsonError = { json: { ok: false, error: { code: 'invalid_input' } } };

describe('malformed requests get a 4xx and a JSON error', () => {
  it.each([['null'], ['[]'], ['"x"'], ['42'], ['{'], ['']])('a body of %s', async (body) => {
    expect(await post(body)).toMatchObject({ status: 400, ...jsonError });
  });

  it('nesting far deeper than any form', async () => {
    const deep = `{"name":"setup.status","input":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(await post(deep)).toMatchObject({ status: 400, ...jsonError });
    expect(await post(`{"name":"setup.status","input":${'{"a":'.repeat(500)}1${'}'.repeat(500)}}`)).toMatchObject({ status: 400, ...jsonError });
    // Within what the HTTP layer lets through, the dispatcher still refuses input nested deeper than a form's.
    const moderate = `{"name":"setup.status","input":${'{"a":'.repeat(36)}1${'}'.repeat(36)}}`;
    const reply = await post(moderate);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '提交的数据格式不正确（嵌套层数过多）。' } });
  });

  it('a body over the limit, announced: the 413 arrives, the connection is not reset', async () => {
    const reply = await post(Buffer.alloc(33 * 1024 * 1024, 0x20), { length: 33 * 1024 * 1024 });
    expect(reply).toMatchObject({ status: 413, ...jsonError });
    expect(reply.error).toBeUndefined();
  });

  it('a body over the limit, streamed without a length: the 413 arrives too', async () => {
    const reply = await post(Buffer.alloc(40 * 1024 * 1024), { chunked: true });
    expect(reply).toMatchObject({ status: 413, ...jsonError });
    expect(reply.error).toBeUndefined();
  });

  it('a body shorter than its Content-Length: a 408 once it stalls, not minutes later', async () => {
    const reply = await post('{"name":"setup.status","input":{}}', { length: 1000, stopAfter: 20 });
    expect(reply).toMatchObject({ status: 408, ...jsonError });
  });

  it('and a well-formed call still works', async () => {
    expect(await post('{"name":"setup.status","input":{}}')).toMatchObject({ status: 200, json: { ok: true } });
  });
});
