// biome-ignore-all lint/suspicious/noExplicitAny: API values are read loosely here; the assertions pin their shape
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRecords } from '../../../renderer/settings/audit/diff';
import { describeEntry, entityText, fieldLabel, formatValue } from '../../../renderer/settings/audit/format';
import { HIDDEN_FIELDS } from '../../../renderer/settings/audit/labels';
import { type DemoBackend, demoBackend } from '../families/helpers';

/**
 * The trail as the principal reads it after a day at the desk: every line in
 * words and names, in the interface language — what the screen would render
 * for each entry, built from audit.list's rows and names.
 */
let kd: DemoBackend;
beforeAll(async () => {
  kd = await demoBackend();
});
afterAll(() => kd.close());

const zh = (a: string) => a;
const en = (_: string, b: string) => b;

async function lines(actions: string[], t: (zh: string, en: string) => string) {
  const page = await kd.ok('audit.list', { pageSize: 100 });
  return page.rows
    .filter((r: any) => actions.includes(r.action))
    .map((r: any) => {
      const changes = diffRecords(r.before, r.after)
        .filter((c) => !HIDDEN_FIELDS.has(c.field.split('.').at(-1) ?? c.field))
        .map((c) => `${fieldLabel(c.field, r.action, t, page.names)}: ${c.change === 'added' ? '' : `${formatValue(c.field, c.before, t, page.names, r.action)} → `}${formatValue(c.field, c.after, t, page.names, r.action)}`);
      return [`${describeEntry(r, t)} · ${entityText(r, t, page.names)}`, ...changes].join('\n');
    });
}

describe('the audit trail after a day at the desk', () => {
  let child: { id: number; name: string; householdId: number; classId: number };
  beforeAll(async () => {
    child = kd.sqlite.prepare("SELECT id, name, household_id AS householdId, class_id AS classId FROM children WHERE status = 'enrolled' ORDER BY id LIMIT 1").get() as typeof child;
    const guardian = kd.sqlite.prepare('SELECT id FROM guardians WHERE household_id = ? LIMIT 1').get(child.householdId) as { id: number };
    await kd.ok('attendance.recordLeave', { childId: child.id, firstDate: '2026-11-23', lastDate: '2026-11-24', status: 'personal', note: '' });
    await kd.ok('attendance.cancelLeave', { childId: child.id, firstDate: '2026-11-24', lastDate: '2026-11-24' });
    await kd.ok('families.addContact', { householdId: child.householdId, childId: child.id, guardianId: guardian.id, date: '2026-11-20', channel: 'phone', topic: '请假', summary: '' });
  });

  it('names people, children and families, and shows statuses in words, in Chinese', async () => {
    const text = (await lines(['attendance.leave', 'attendance.cancelLeave', 'contact.create'], zh)).join('\n\n');
    expect(text).toContain(`请假登记：${child.name} 2026-11-23～2026-11-24 事假 2 天 · 幼儿 ${child.name}`);
    expect(text).toContain('2026-11-23: 未记录 → 事假');
    expect(text).toContain(`取消 ${child.name} 2026-11-24～2026-11-24 的请假 1 天 · 幼儿 ${child.name}`);
    expect(text).toContain('2026-11-24: 事假 → 未记录');
    expect(text).toMatch(/经办人: 周园长/);
    expect(text).toContain(`幼儿: ${child.name}`);
    expect(text).toMatch(/沟通的家长: \p{Script=Han}+/u);
    expect(text).not.toMatch(/（空）|#\d|staffId|家庭 \d|幼儿 \d/);
    // No action named twice ("取消请假：取消 …").
    expect(text).not.toMatch(/取消请假：取消|请假登记：请假登记/);
  });

  it('is in English in the English interface, with the same names', async () => {
    const text = (await lines(['attendance.leave', 'attendance.cancelLeave', 'contact.create'], en)).join('\n\n');
    expect(text).toContain(`Leave recorded · Child ${child.name}`);
    expect(text).toContain('2026-11-23: not recorded → Personal');
    expect(text).toContain(`Leave cancelled · Child ${child.name}`);
    expect(text).toContain('Staff: 周园长');
    // Chinese appears only in names and what people typed (the topic 请假), never in the app's own words.
    expect(text).not.toMatch(/请假登记|取消请假|未记录|事假|经办人|家园沟通|：/);
  });

  it('names the household an entry is about', async () => {
    await kd.ok('families.updateHousehold', { id: child.householdId, value: { address: '崇川区新址 1 号', note: '' } });
    const page = await kd.ok('audit.list', { pageSize: 200 });
    const household = page.rows.find((r: any) => r.entity === 'household' && r.entityId === String(child.householdId));
    expect(entityText(household!, zh, page.names)).toMatch(new RegExp(`^家庭 .*${child.name}`));
    expect(entityText(household!, en, page.names)).toMatch(new RegExp(`^Household .*${child.name}`));
  });

  it('names who received a payment (an id inside the payment record), not "#id"', async () => {
    const household = kd.sqlite.prepare("SELECT household_id AS id FROM bills WHERE id = (SELECT min(id) FROM bills)").get() as { id: number };
    await kd.ok('payments.record', { idempotencyKey: `audit-${Date.now()}`, householdId: household.id, amount: '10.00', method: 'cash', paidOn: '2026-11-20' });
    const text = (await lines(['payment.record'], zh)).join('\n');
    expect(text).toContain('周园长');
    expect(text).not.toMatch(/#\d+/);
  });
});

