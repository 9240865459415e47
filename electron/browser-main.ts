/**
 * Browser mode: `npm run browser -- [--db PATH] [--port N] [--demo]`.
 * The real backend on a real SQLite file, the built UI served on 127.0.0.1.
 * This is how KinderDesk runs where the Electron binary is not available.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from './backend';
import { defaultDataDir } from './paths';
import { startHttpServer } from './server/http-server';

function parseArgs(argv: string[]) {
  const args = { db: '', port: 0, demo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') args.db = argv[++i] ?? '';
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--demo') args.demo = true;
    else throw new Error(`unknown option ${a}; usage: npm run browser -- [--db PATH] [--port N] [--demo]`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port takes a number from 0 to 65535');
  return args;
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const args = parseArgs(process.argv.slice(2));
  const dbPath = resolve(args.db || (args.demo ? join(root, '.kd-data', 'demo.sqlite') : join(defaultDataDir(), 'kinderdesk.sqlite')));
  mkdirSync(dirname(dbPath), { recursive: true });

  const backend = createBackend({ dbPath });
  if (args.demo) {
    const status = await backend.dispatcher.call({ name: 'setup.status', input: {} });
    if (status.ok && !(status.value as { configured: boolean }).configured) {
      const loaded = await backend.dispatcher.call({ name: 'setup.loadDemo', input: {} });
      if (!loaded.ok) throw new Error(loaded.error.message);
    }
  }
  const server = await startHttpServer({
    dispatcher: backend.dispatcher,
    staticDir: join(root, 'dist', 'renderer'),
    port: args.port,
  });
  console.log(`KinderDesk 园务通 (browser mode)\n  database: ${dbPath}\n  open:     ${server.url}`);
  if (args.demo) console.log('  demo sign-in: admin / demo1234 (园长)');
  const stop = async () => {
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`KinderDesk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
