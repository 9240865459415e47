/**
 * Runs every benchmark in bench/ one after another (attendance, backup,
 * refund, search, settlement, sheets: each file here is picked up); each
 * prints its own figures. Benchmarks are measurements, not pass/fail tests.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run-all.ts').sort()) {
  if (only.length > 0 && !only.some((name) => file.startsWith(name))) continue;
  console.log(`\n== ${file}`);
  execFileSync(process.execPath, ['--import', 'tsx', join(dir, file)], { stdio: 'inherit' });
}
