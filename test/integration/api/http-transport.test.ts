import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { type RunningServer, startHttpServer } from '../../../electron/server/http-server';
import { demoBackend } from '../../backend';

let backend: Backend;
let server: RunningServer;
let session: string;

beforeEach(async () => {
  ({ backend, session } = await demoBackend());
  server = await startHttpServer({ dispatcher: backend.dispatcher, staticDir: join(import.meta.dirname, 'no-ui-needed') });
});
afterEach(async () => {
  await server.close();
  backend.close();
});

function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: '/api/call', method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser mode over loopback HTTP', () => {
  it('listens on 127.0.0.1 only, on a port of its own choosing', () => {
    const address = server.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1' });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  it('serves the same handlers as the desktop app when the run token is given', async () => {
    const res = await post(JSON.stringify({ name: 'kindergarten.get', input: {}, session }), { 'x-kd-token': server.token });
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);
    expect(res.json.value.profile.name).toBe('阳光幼儿园（演示）');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await post(JSON.stringify({ name: 'setup.status', input: {} }))).status).toBe(401);
    const wrong = await post(JSON.stringify({ name: 'setup.status', input: {} }), { 'x-kd-token': `${server.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await post(JSON.stringify({ name: 'setup.status', input: {} }), { 'x-kd-token': server.token, host: `evil.example:${server.port}` });
    expect(res.status).toBe(421);
  });

  it('answers malformed and oversized bodies with an error, not a crash', async () => {
    const bad = await post('{not json', { 'x-kd-token': server.token });
    expect(bad).toMatchObject({ status: 400, json: { ok: false, error: { code: 'invalid_input' } } });
    const huge = await post(JSON.stringify({ name: 'setup.status', input: { pad: 'x'.repeat(33 * 1024 * 1024) } }), { 'x-kd-token': server.token }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
    const still = await post(JSON.stringify({ name: 'setup.status', input: {} }), { 'x-kd-token': server.token });
    expect(still.json.ok).toBe(true);
  });
});
