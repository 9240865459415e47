import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, caseFile, EXAMPLES, runKd } from './helpers';

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.expected.json'));

function expectOneErrorLine(run: CliRun, ...mentions: string[]): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  for (const m of mentions) expect(lines[0]).toContain(m);
}

describe.concurrent('kd refund: shared contract examples', () => {
  it.each(examples)('%s', async (expectedName) => {
    const input = join(EXAMPLES, expectedName.replace('.expected.json', '.json'));
    const expected = JSON.parse(readFileSync(join(EXAMPLES, expectedName), 'utf8'));
    const run = await runKd(['refund', input]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['policy', 'month', 'legalWorkingDays', 'lines', 'total']);
    expect(out.policy).toBe(expected.policy);
    expect(out.month).toBe(expected.month);
    expect(out.legalWorkingDays).toBe(expected.legalWorkingDays);
    expect(out.total).toBe(expected.total);
    expect(out.lines.map((l: { item: string; refund: string }) => [l.item, l.refund])).toEqual(
      expected.lines.map((l: { item: string; refund: string }) => [l.item, l.refund]),
    );
    for (const line of out.lines) {
      expect(Object.keys(line)).toEqual(['item', 'refund', 'clause', 'explanation']);
      expect(line.clause).not.toBe('');
      expect(line.explanation).toMatch(/[\u4e00-\u9fff]/);
      expect(line.explanation).toContain(`${line.refund} 元`);
    }
  });

  it('runs through npm run --silent kd exactly as documented', async () => {
    const run = await runKd(['refund', join(EXAMPLES, '01-nantong-monthly-leave.json')], true);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).total).toBe('500.00');
    const failed = await runKd(['refund', join(EXAMPLES, '04-invalid-present-days.json')], true);
    expect(failed.status).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/^error: .*25.*21/m);
  });

  it('04: 25 days present in 2026-11 is refused with exit 2', async () => {
    expectOneErrorLine(await runKd(['refund', join(EXAMPLES, '04-invalid-present-days.json')]), '25', '21', '2026-11');
  });
});

describe.concurrent('kd: bad input exits 2 with one error line', () => {
  const good = {
    policy: 'nantong-2018',
    month: '2026-11',
    billing: 'monthly',
    fees: [{ item: 'education', paid: '520.00' }],
    presentDays: 6,
    reason: 'leave',
  };
  const cases: Array<[string, unknown, string[]]> = [
    ['malformed JSON', '{"policy": ', ['not valid JSON']],
    ['not an object', '[1, 2]', ['JSON object']],
    ['unknown policy', { ...good, policy: 'beijing-2030' }, ['unknown policy', 'beijing-2030']],
    ['unknown fee item', { ...good, fees: [{ item: 'books', paid: '10.00' }] }, ['unknown fee item', 'books']],
    ['bad month', { ...good, month: '2026-1' }, ['2026-1', 'YYYY-MM']],
    ['negative amount', { ...good, fees: [{ item: 'education', paid: '-520.00' }] }, ['negative']],
    ['non-numeric amount', { ...good, fees: [{ item: 'education', paid: 'five hundred' }] }, ['not an amount']],
    ['amount as a JSON number', { ...good, fees: [{ item: 'education', paid: 520 }] }, ['fees[0].paid', 'decimal string']],
    ['presentDays above W', { ...good, presentDays: 22 }, ['22 days present exceeds the 21 legal working days of 2026-11']],
    ['presentDays not a whole number', { ...good, presentDays: 6.5 }, ['presentDays']],
    ['no calendar and no W', { ...good, month: '2027-03' }, ['no legal calendar for 2027', 'legalWorkingDays']],
    ['semester missing', { ...good, billing: 'semester' }, ['semester']],
    ['agreedRate above max', { ...good, policy: 'xian-private', agreedRate: '0.8' }, ['exceeds', 'XA-K2']],
    ['agreedRate not allowed', { ...good, agreedRate: '0.5' }, ['not allowed']],
    ['missing reason', { ...good, reason: undefined }, ['reason']],
    ['unknown reason', { ...good, reason: 'holiday' }, ['reason']],
  ];
  it.each(cases)('%s', async (name, content, mentions) => {
    const path = caseFile(`${name.replace(/\W+/g, '-')}.json`, content);
    expectOneErrorLine(await runKd(['refund', path]), ...mentions);
  });

  it('missing file', async () => expectOneErrorLine(await runKd(['refund', '/nonexistent/case.json']), 'no such file'));
  it('unknown subcommand', async () => expectOneErrorLine(await runKd(['bill', 'x.json']), 'unknown command'));
  it('no arguments', async () => expectOneErrorLine(await runKd([]), 'usage'));
  it('refund without a file', async () => expectOneErrorLine(await runKd(['refund']), 'usage'));
});
