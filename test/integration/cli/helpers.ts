import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** The shared contracts sit beside the checkout (../shared); from a git worktree, beside the main checkout. */
function sharedDir(): string {
  const beside = resolve(ROOT, '../shared');
  if (existsSync(beside)) return beside;
  const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: ROOT, encoding: 'utf8' }).trim();
  return resolve(dirname(common), '../shared');
}

export const EXAMPLES = join(sharedDir(), 'contracts/refund-examples');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real command line: tsx cli/kd.ts, which is what `npm run kd` runs;
 * viaNpm goes through npm itself, exactly as the contract documents.
 */
export function runKd(args: string[], viaNpm = false): Promise<CliRun> {
  return new Promise((done, fail) => {
    const [command, prefix] = viaNpm ? ['npm', ['run', '--silent', 'kd', '--']] : [TSX, ['cli/kd.ts']];
    const child = spawn(command, [...prefix, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

let scratch: string | undefined;

/** Writes a case file (text as is, or JSON) to a temp dir and returns its path. */
export function caseFile(name: string, content: unknown): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'kd-cli-'));
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
