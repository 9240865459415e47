import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const EXAMPLES = resolve(ROOT, '../shared/contracts/refund-examples');
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

export interface VectorFile {
  policy: string;
  vectors: Array<{
    name: string;
    case: Record<string, unknown>;
    expected?: { legalWorkingDays: number; lines: Array<{ item: string; refund: string; clause: string }>; total: string };
    error?: string[];
  }>;
}

export function loadVectorFiles(): VectorFile[] {
  const dir = join(import.meta.dirname, 'vectors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as VectorFile);
}
