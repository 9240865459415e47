import { z } from 'zod';
import { checkIdNumber, normalizeIdNumber } from '../../../core/families/id-number';
import {
  BILLING_MODES,
  CHILD_STATUSES,
  CONTACT_CHANNELS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_CHANNELS,
  FEEDBACK_STATUSES,
  GENDERS,
  REDUCTION_CATEGORIES,
} from '../../../core/families/labels';
import { MOBILE_MESSAGE, MOBILE_MESSAGE_EN, MOBILE_PATTERN, normalizeMobile } from '../../../core/families/mobile';
import { ROSTER_FIELDS, type RosterField } from '../../../core/families/roster';
import { msg } from '../messages';
import { id, isoDate, optionalText, shortText, whenFieldsValid } from '../schemas';

/** Field rules for the families area; date rules that depend on "today" are checked in the handlers. */
export const mobileInput = z
  .string(msg('请填写手机号', 'Enter a mobile number'))
  .transform(normalizeMobile)
  .pipe(z.string().min(1, msg('请填写手机号', 'Enter a mobile number')).regex(MOBILE_PATTERN, msg(MOBILE_MESSAGE, MOBILE_MESSAGE_EN)));

const idNumberInput = z
  .string()
  .nullable()
  .default(null)
  .transform((v) => (v == null || v.trim() === '' ? null : normalizeIdNumber(v)))
  .superRefine((v, ctx) => {
    if (v === null) return;
    const check = checkIdNumber(v);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: msg(check.message, check.messageEn) });
  });

const optionalDate = isoDate.nullable().default(null);

export const childInput = z
  .object({
    name: shortText('幼儿姓名', 20),
    gender: z.enum(GENDERS, msg('请选择性别', 'Choose boy or girl')),
    birthDate: isoDate,
    idNumber: idNumberInput,
    classId: id,
    enrolledOn: isoDate,
    billingMode: z.enum(BILLING_MODES, msg('请选择缴费方式（按月或按学期）', 'Choose monthly or per semester')).default('monthly'),
    meals: z.boolean().default(true),
    boarding: z.boolean().default(false),
    custodyAgreedOn: optionalDate,
    busAgreedOn: optionalDate,
    reductionCategory: z.enum(REDUCTION_CATEGORIES, msg('请选择减免类别', 'Choose a reduction category')).nullable().default(null),
    reductionNote: optionalText(200),
    /** Allergies, conditions, medication, pick-up arrangements: what a teacher must know. */
    healthNotes: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.idNumber) {
      const check = checkIdNumber(v.idNumber);
      if (check.ok && check.birthDate !== v.birthDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['birthDate'],
          message: msg(`出生日期与身份证号不一致（身份证为 ${check.birthDate}）`, `The birth date differs from the ID number (${check.birthDate})`),
        });
      }
    }
    // Birth and enrolment dates against today and each other: assertChildDates in the handlers, each at its field.
    // NT-3.7: a reduction is granted on evidence; record what was seen.
    if (v.reductionCategory && v.reductionNote === '') {
      ctx.addIssue({ code: 'custom', path: ['reductionNote'], message: msg('请注明已查验的证明材料（如低保证编号）', 'Note the evidence seen (e.g. the certificate number)') });
    }
  }, whenFieldsValid);
export type ChildInput = z.output<typeof childInput>;

export const guardianInput = z.object({
  name: shortText('家长姓名', 20),
  relationship: shortText('与幼儿关系', 10),
  mobile: mobileInput,
  wechat: optionalText(50),
  address: optionalText(200),
  workplace: optionalText(100),
  isEmergencyContact: z.boolean().default(false),
  canPickUp: z.boolean().default(true),
});
export type GuardianInput = z.output<typeof guardianInput>;

export const householdInput = z.object({ address: optionalText(200), note: optionalText(500) });

export const newFamilyInput = householdInput
  .extend({
    children: z.array(childInput).min(1, '至少登记一名幼儿').max(8, '一个家庭最多 8 名幼儿'),
    guardians: z.array(guardianInput).min(1, '至少登记一位家长').max(8, '一个家庭最多 8 位家长'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.guardians.forEach((g, i) => {
      if (seen.has(g.mobile)) ctx.addIssue({ code: 'custom', path: ['guardians', i, 'mobile'], message: msg('两位家长的手机号相同', 'Two guardians have the same mobile number') });
      seen.add(g.mobile);
    });
  }, whenFieldsValid);

export const statusChangeInput = z.object({
  childId: id,
  status: z.enum(CHILD_STATUSES, msg('请选择新的状态', 'Choose the new status')),
  effectiveOn: isoDate,
  reason: optionalText(200),
});

export const contactInput = z
  .object({
    householdId: id,
    childId: id.nullable().default(null),
    /** The guardian spoken to, when known. */
    guardianId: id.nullable().default(null),
    date: isoDate,
    channel: z.enum(CONTACT_CHANNELS, msg('请选择沟通方式', 'Choose how you spoke')),
    topic: shortText('沟通主题', 50),
    summary: optionalText(1000),
    followUpOn: optionalDate,
  })
  .refine((v) => v.followUpOn === null || v.followUpOn >= v.date, {
    path: ['followUpOn'],
    message: msg('跟进日期不能早于沟通日期', 'The follow-up date is before the conversation'),
    ...whenFieldsValid,
  });

export const feedbackInput = z
  .object({
    householdId: id.nullable().default(null),
    anonymous: z.boolean().default(false),
    /** The child and class the complaint is about, if any (a class alone for "小二班的午餐"). */
    childId: id.nullable().default(null),
    classId: id.nullable().default(null),
    receivedOn: isoDate,
    channel: z.enum(FEEDBACK_CHANNELS, msg('请选择收到的渠道', 'Choose how it was received')),
    category: z.enum(FEEDBACK_CATEGORIES, msg('请选择类别', 'Choose a category')),
    content: shortText('意见内容', 2000, { multiline: true }),
    /** Who is to handle it and by when. */
    handlerId: id.nullable().default(null),
    dueOn: isoDate.nullable().default(null),
  })
  .refine((v) => v.anonymous || v.householdId !== null, {
    path: ['householdId'],
    message: msg('请选择反映意见的家庭，或勾选“匿名”', 'Choose the family, or tick “anonymous”'),
    ...whenFieldsValid,
  })
  .refine((v) => v.dueOn === null || v.dueOn >= v.receivedOn, {
    path: ['dueOn'],
    message: msg('处理期限不能早于收到日期', 'The deadline is before the day it was received'),
    ...whenFieldsValid,
  })
  // An anonymous complaint names no family and so no child either (the class may stay).
  .transform((v) => (v.anonymous ? { ...v, householdId: null, childId: null } : v));

export const feedbackUpdateInput = z.object({
  id,
  status: z.enum(FEEDBACK_STATUSES, msg('请选择处理状态', 'Choose a status')),
  reply: optionalText(2000),
  /** Reassigning the complaint or moving its deadline; omitted = unchanged. */
  handlerId: id.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});

/** Import records cross the API as the sheet's text after column mapping; the server validates them again. */
const rosterRecordInput = z.object(
  Object.fromEntries(ROSTER_FIELDS.map((f) => [f.key, z.string().max(f.key === 'healthNotes' ? 2000 : 200, `${f.label}太长`).default('')])) as Record<
    RosterField,
    z.ZodDefault<z.ZodString>
  >,
);
export const rosterRowsInput = z
  .array(z.object({ sheetRow: z.number().int().positive(), record: rosterRecordInput }))
  .max(3000, '一次最多导入 3000 行，请分批导入');
