import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, type DemoBackend, demoBackend, guardian } from './helpers';

/**
 * What a form shows under each field comes from the backend: one message per
 * wrong field, at that field, in both languages (the renderer picks one).
 */
let kd: DemoBackend;
beforeAll(async () => {
  kd = await demoBackend();
});
afterAll(() => kd.close());

type Failure = { ok: false; error: { message: string; messageEn?: string; fields?: Record<string, string>; fieldsEn?: Record<string, string> } };
async function refused(name: string, input: unknown): Promise<Failure['error']> {
  // Inputs the API types would refuse at compile time are the point here: sent as they come.
  const r = await kd.callRaw(name, input, kd.session);
  expect(r.ok).toBe(false);
  return (r as Failure).error;
}

describe('form errors name the wrong field, in both languages', () => {
  it('a birth date in the future is reported at the birth date, not as an enrolment before birth', async () => {
    const error = await refused('families.create', {
      children: [child(kd.classId('星星班'), { name: '未来', birthDate: '2027-03-01', enrolledOn: '2026-11-01' })],
      guardians: [guardian({ mobile: '13611110001' })],
    });
    expect(error.fields).toEqual({ 'children.0.birthDate': '出生日期 2027-03-01 晚于今天（2026-11-20），请核对' });
    expect(error.fieldsEn).toEqual({ 'children.0.birthDate': 'The birth date 2027-03-01 is after today (2026-11-20)' });
    expect(error.message).not.toContain('入园日期');
  });

  it('every missing required field gets its own Chinese message, and English beside it — never "Invalid input at <path>"', async () => {
    const error = await refused('families.create', {
      children: [child(kd.classId('星星班'), { name: '   ' })],
      guardians: [guardian({ name: '', relationship: '', mobile: '' })],
    });
    expect(error.fields).toMatchObject({
      'children.0.name': '请填写幼儿姓名',
      'guardians.0.name': '请填写家长姓名',
      'guardians.0.relationship': '请填写与幼儿关系',
      'guardians.0.mobile': '请填写手机号',
    });
    expect(error.fieldsEn).toMatchObject({ 'children.0.name': 'Required', 'guardians.0.mobile': 'Enter a mobile number' });
    expect(error.messageEn).not.toMatch(/Invalid input at|[\u4e00-\u9fff]/);
    expect(error.message).toMatch(/^输入有误：请填写/);
  });

  it('a rule written only in Chinese still gets English wording for the English form', async () => {
    const error = await refused('families.create', { children: 'x', guardians: [] });
    expect(Object.values(error.fieldsEn ?? {}).every((m) => !/[\u4e00-\u9fff]/.test(m))).toBe(true);
  });

  it('a negative amount is called a negative amount, at its field', async () => {
    const error = await refused('feeStandards.check', { educationFee: '-420', custodyFee: '12.345' });
    expect(error.fields).toEqual({ educationFee: '金额不能为负数', custodyFee: '金额最多两位小数（到分）' });
    expect(error.fieldsEn).toEqual({ educationFee: 'The amount cannot be negative', custodyFee: 'At most two decimals (fen)' });
    const refund = await refused('refund.preview', { month: '2026-10', billing: 'monthly', fees: [{ item: 'education', paid: '420.00' }, { item: 'meal', paid: '-300' }], presentDays: 5, closureDays: 0, reason: 'leave' });
    expect(refund.fields).toEqual({ 'fees.1.paid': '金额不能为负数（-300）。' });
    expect(refund.fieldsEn).toEqual({ 'fees.1.paid': 'negative amount "-300"' });
  });
});
