/**
 * The end-to-end tests on a busy machine: builds the UI once, then runs the
 * e2e project three times in a row while a child process burns one core, and
 * prints the pass/fail count of each run and a summary. A test that waits on
 * time passing instead of on what the user sees fails here first.
 *
 *   npm run test:stress                          # all e2e files
 *   npm run test:stress -- test/e2e/accounts.test.ts
 *
 * Exit code 0 only when all three runs are clean. Reports: artifacts/stress/run-N.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = 3;
const ROOT = join(import.meta.dirname, '..');
const REPORTS = join(ROOT, 'artifacts', 'stress');
const passThrough = process.argv.slice(2);

interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

const running = (child: ChildProcess | undefined): child is ChildProcess => !!child && child.exitCode === null && child.signalCode === null;

/** The build or test run under way, stopped with this script if it is interrupted. */
let current: ChildProcess | undefined;
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    current = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    current.on('error', () => resolve(1));
  });
}

let burner: ChildProcess | undefined;
const stopBurner = () => {
  if (running(burner)) burner.kill('SIGKILL');
};
// Killed however this script ends: normally, on a failure, or interrupted.
process.on('exit', stopBurner);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopBurner();
    if (running(current)) current.kill('SIGTERM');
    process.exit(130);
  });
}

console.log('== build the UI');
if ((await run('npx', ['vite', 'build', '--logLevel', 'warn'])) !== 0) {
  console.error('UI build failed: end-to-end tests cannot run');
  process.exit(1);
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
console.log(`== CPU burner started (pid ${burner.pid}): one core kept busy for the whole stress run`);

const lines: string[] = [];
let failedRuns = 0;
let passed = 0;
let failed = 0;
for (let i = 1; i <= RUNS; i++) {
  console.log(`\n== run ${i}/${RUNS}`);
  const output = join(REPORTS, `run-${i}.json`);
  const started = Date.now();
  const code = await run('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...passThrough]);
  const seconds = Math.round((Date.now() - started) / 1000);
  let line: string;
  try {
    const report = JSON.parse(readFileSync(output, 'utf8')) as VitestReport;
    const names = report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${f.name.replace(`${ROOT}/`, '')} > ${a.fullName}`));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    const clean = code === 0 && report.numFailedTests === 0;
    if (!clean) failedRuns++;
    line = `run ${i}/${RUNS}: ${report.numPassedTests} passed, ${report.numFailedTests} failed of ${report.numTotalTests} (${seconds} s)${clean ? '' : ' FAILED'}`;
    for (const name of names) line += `\n    failed: ${name}`;
  } catch {
    failedRuns++;
    line = `run ${i}/${RUNS}: no report (vitest exited with ${code}, ${seconds} s) FAILED`;
  }
  lines.push(line);
  console.log(`\n${line}`);
}
stopBurner();

console.log('\n== stress summary (one core kept busy)');
for (const line of lines) console.log(line);
console.log(
  failedRuns === 0
    ? `stress: ${RUNS} of ${RUNS} runs clean, ${passed} tests passed, 0 failed`
    : `stress: ${failedRuns} of ${RUNS} runs failed, ${passed} tests passed, ${failed} failed`,
);
process.exit(failedRuns === 0 ? 0 : 1);
