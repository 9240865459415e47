import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');

/** Lints one temporary file placed in core/ and removes it again, whatever happens. */
function lintInCore(source: string): { status: number | null; output: string } {
  const file = join(ROOT, 'core', `zz-boundary-probe-${process.pid}.ts`);
  try {
    writeFileSync(file, source);
    const run = spawnSync(BIOME, ['lint', file], { cwd: ROOT, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('the linter keeps core/ pure', () => {
  it('fails on a core/ file that imports node:fs, electron, react, drizzle or better-sqlite3', () => {
    const forbidden = ['node:fs', 'electron', 'react', 'drizzle-orm', 'better-sqlite3'];
    const { status, output } = lintInCore(forbidden.map((m, i) => `import * as m${i} from '${m}';\nexport const x${i} = m${i};\n`).join(''));
    expect(status).not.toBe(0);
    for (const m of forbidden) expect(output).toContain(`'${m}'`);
    expect(output).toContain('core/ is the pure domain');
  });

  it('passes the same file importing only other core modules and plain libraries', () => {
    const { status, output } = lintInCore("import { Decimal } from 'decimal.js';\nimport { addDays } from './calendar/dates';\nexport const x = [Decimal, addDays];\n");
    expect(output).not.toContain('core/ is the pure domain');
    expect(status).toBe(0);
  });
});
