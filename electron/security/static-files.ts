import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  status: 200 | 403 | 404;
  type: string;
  body: Uint8Array<ArrayBuffer> | string;
}

/**
 * A file of the built renderer for a URL path, confined to `root`; '/' is
 * index.html (routes live in the hash). Shared by the desktop app's protocol
 * and browser mode's HTTP server.
 */
export async function readRendererFile(root: string, pathname: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 403, type: 'text/plain; charset=utf-8', body: 'forbidden' };
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '') || 'index.html';
  const file = join(root, relative);
  if (!file.startsWith(root + sep)) return { status: 403, type: 'text/plain; charset=utf-8', body: 'forbidden' };
  try {
    return { status: 200, type: MIME[extname(file)] ?? 'application/octet-stream', body: new Uint8Array(await readFile(file)) };
  } catch {
    return { status: 404, type: 'text/plain; charset=utf-8', body: 'not found' };
  }
}
