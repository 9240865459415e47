/**
 * Bundles the main process and the preload for Electron. The preload runs
 * sandboxed, so it must be one file; better-sqlite3 stays external because it
 * is a native module (rebuilt for Electron at packaging time).
 */
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning' as const,
  external: ['electron', 'better-sqlite3'],
};

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist-electron/main.cjs',
  // import.meta.url has no meaning in a CommonJS bundle; give it this file's URL.
  define: { 'import.meta.url': '__kdFileUrl' },
  banner: { js: "const __kdFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
