// KinderDesk on the command line, for auditors, scripts and tests:
//
//   npm run --silent kd -- refund CASE.json
//   npm run --silent kd -- settle --db PATH --month YYYY-MM [--confirm --as USERNAME]
//
// Contracts (../shared/contracts/refund-cli.md, settle-cli.md): one JSON object on stdout and
// exit 0; bad input prints one `error:` line on stderr, nothing on stdout, and
// exits 2. The refund is computed by the same core engine the app uses.
import { readFileSync } from 'node:fs';
import { bundledLegalCalendar, CalendarDataError, CalendarMissingError } from '../core/calendar';
import { PolicyValidationError } from '../core/policies';
import { parseRefundCase, RefundInputError, type RefundResult, computeRefund } from '../core/refund';
import { CliError } from './errors';

const USAGE = 'usage: kd refund CASE.json | kd settle --db PATH --month YYYY-MM [--confirm --as USERNAME]';

class UsageError extends Error {}

function readCase(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot read ${path}: no such file` : `cannot read ${path}: ${code ?? String(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Only the documented fields: the engine's audit inputs stay out of the contract output. */
function contractShape(result: RefundResult) {
  return {
    policy: result.policy,
    month: result.month,
    legalWorkingDays: result.legalWorkingDays,
    lines: result.lines.map(({ item, refund, clause, explanation }) => ({ item, refund, clause, explanation })),
    total: result.total,
  };
}

function refund(args: string[]): string {
  if (args.length !== 1 || args[0] === undefined) throw new UsageError(`refund takes one case file (${USAGE})`);
  const input = parseRefundCase(readCase(args[0]));
  return JSON.stringify(contractShape(computeRefund(input, bundledLegalCalendar())), null, 2);
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command !== 'refund' && command !== 'settle') {
      throw new UsageError(command === undefined ? USAGE : `unknown command "${command}" (${USAGE})`);
    }
    // The settlement loads the database layer; the refund engine alone starts faster without it.
    const output = command === 'refund' ? refund(args) : (await import('./settle')).settle(args);
    process.stdout.write(`${output}\n`);
    return 0;
  } catch (error) {
    const isInputError =
      error instanceof UsageError ||
      error instanceof CliError ||
      error instanceof RefundInputError ||
      error instanceof CalendarMissingError ||
      error instanceof CalendarDataError ||
      error instanceof PolicyValidationError;
    // English for scripts and auditors, then the clerk's Chinese where the engine has it.
    const zh = (error as { messageZh?: unknown }).messageZh;
    const message = `${error instanceof Error ? error.message : String(error)}${typeof zh === 'string' && zh ? ` (${zh})` : ''}`;
    process.stderr.write(`error: ${isInputError ? '' : 'internal error: '}${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return isInputError ? 2 : 1;
  }
}

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
