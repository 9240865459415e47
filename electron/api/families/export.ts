import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { BILLING_MODE_LABELS, CHILD_STATUS_LABELS, type ChildStatus, GENDER_LABELS, REDUCTION_LABELS } from '../../../core/families/labels';
import { classNames, householdLabels } from '../../../db/queries/families';
import { children, guardians } from '../../../db/schema';
import { handler } from '../define';
import { READERS } from './access';
import { writeWorkbook } from './excel';

export const exportHandlers = {
  /** Children and guardians as an .xlsx workbook (base64), with full numbers: handle the file with care. */
  'families.export': handler({
    access: READERS,
    write: false,
    input: z.object({}).strict().default({}),
    async run(ctx) {
      const names = classNames(ctx.db);
      const kids = ctx.db.select().from(children).orderBy(asc(children.classId), asc(children.namePinyin)).all();
      const adults = ctx.db.select().from(guardians).orderBy(asc(guardians.householdId), asc(guardians.id)).all();
      const labels = householdLabels(ctx.db, adults.map((g) => g.householdId));
      const yes = (b: boolean) => (b ? '是' : '否');
      const base64 = await writeWorkbook([
        {
          name: '幼儿',
          columns: [
            { header: '家庭编号', width: 10 },
            { header: '幼儿姓名', width: 12 },
            { header: '性别', width: 6 },
            { header: '出生日期', width: 12 },
            { header: '身份证号', width: 22 },
            { header: '班级', width: 10 },
            { header: '入园日期', width: 12 },
            { header: '状态', width: 8 },
            { header: '状态日期', width: 12 },
            { header: '状态原因', width: 20 },
            { header: '缴费方式', width: 12 },
            { header: '伙食', width: 6 },
            { header: '住宿', width: 6 },
            { header: '托管协议签订日', width: 14 },
            { header: '校车协议签订日', width: 14 },
            { header: '减免类别', width: 16 },
            { header: '减免证明', width: 24 },
          ],
          rows: kids.map((c) => [
            c.householdId,
            c.name,
            GENDER_LABELS[c.gender as 'M' | 'F']?.[0] ?? c.gender,
            c.birthDate,
            c.idNumber ?? '',
            names.get(c.classId) ?? '',
            c.enrolledOn,
            CHILD_STATUS_LABELS[c.status as ChildStatus]?.[0] ?? c.status,
            c.statusSince ?? '',
            c.statusReason ?? '',
            BILLING_MODE_LABELS[c.billingMode as 'monthly' | 'semester']?.[0] ?? c.billingMode,
            yes(c.meals),
            yes(c.boarding),
            c.custodyAgreedOn ?? '',
            c.busAgreedOn ?? '',
            c.reductionCategory ? (REDUCTION_LABELS[c.reductionCategory as keyof typeof REDUCTION_LABELS]?.[0] ?? c.reductionCategory) : '',
            c.reductionNote ?? '',
          ]),
        },
        {
          name: '家长',
          columns: [
            { header: '家庭编号', width: 10 },
            { header: '幼儿', width: 16 },
            { header: '家长姓名', width: 12 },
            { header: '关系', width: 8 },
            { header: '手机号', width: 14 },
            { header: '微信号', width: 16 },
            { header: '住址', width: 30 },
            { header: '工作单位', width: 20 },
            { header: '紧急联系人', width: 10 },
            { header: '可接送', width: 8 },
          ],
          rows: adults.map((g) => [
            g.householdId,
            labels.get(g.householdId) ?? '',
            g.name,
            g.relationship,
            g.mobile,
            g.wechat,
            g.address,
            g.workplace,
            yes(g.isEmergencyContact),
            yes(g.canPickUp),
          ]),
        },
      ]);
      ctx.audit({ action: 'families.export', kind: 'system', entity: 'child', summary: `导出幼儿 ${kids.length} 名、家长 ${adults.length} 位` });
      return { fileName: `幼儿与家长-${ctx.today()}.xlsx`, base64, children: kids.length, guardians: adults.length };
    },
  }),
};
