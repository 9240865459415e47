// 幼儿出勤月报 for the education bureau: per class, the child-days present,
// sick, on leave and not recorded, and the attendance rate, from the same
// monthly summaries the refund engine uses.
import type { ChildMonthSummary } from '../attendance/summary';
import { classRates } from '../attendance/summary';
import type { CheckDoc, ReportBody, Row } from './document';

export interface AttendanceInput {
  month: string;
  W: number;
  rows: readonly (ChildMonthSummary & { classId: number })[];
  classes: readonly { id: number; name: string; headTeacher: string }[];
}

const rateText = (rate: number | null) => (rate === null ? '—' : `${String(rate).includes('.') ? rate : `${rate}.0`}%`);

export function buildAttendance({ month, W, rows, classes }: AttendanceInput): ReportBody {
  if (rows.length === 0) {
    return {
      tables: [],
      checks: [],
      notes: [],
      empty: {
        title: ['本月没有在园幼儿', 'No children enrolled this month'],
        hint: [`${month} 没有在园幼儿。请先在 幼儿与家长 中登记幼儿，或选择其他月份。`, `No child was enrolled in ${month}. Enrol children under Children & families, or choose another month.`],
      },
    };
  }
  const rates = new Map(classRates(rows).map((r) => [r.classId, r]));
  type Sums = { children: number; expected: number; present: number; sick: number; personal: number; other: number; unrecorded: number; closures: number };
  const zero = (): Sums => ({ children: 0, expected: 0, present: 0, sick: 0, personal: 0, other: 0, unrecorded: 0, closures: 0 });
  const byClass = new Map<number, Sums>();
  const all = zero();
  for (const r of rows) {
    const s = byClass.get(r.classId) ?? zero();
    for (const target of [s, all]) {
      target.children++;
      target.expected += r.enrolledWorkingDays - r.closureDays - r.ownHolidayDays;
      target.present += r.present;
      target.sick += r.sick;
      target.personal += r.personal;
      target.other += r.other;
      target.unrecorded += r.unrecorded;
      target.closures += r.closureDays + r.ownHolidayDays;
    }
    byClass.set(r.classId, s);
  }
  const allRate = classRates(rows.map((r) => ({ ...r, classId: 0 })))[0]?.rate ?? null;
  const cells = (s: Sums, rate: number | null): Row => ({ ...s, rate: rateText(rate) });
  const failing: string[] = [];
  for (const [classId, s] of byClass) {
    if (s.present + s.sick + s.personal + s.other + s.unrecorded !== s.expected) failing.push(classes.find((c) => c.id === classId)?.name ?? `#${classId}`);
  }
  const holds = failing.length === 0 && all.present + all.sick + all.personal + all.other + all.unrecorded === all.expected;
  const check: CheckDoc = {
    label: ['人天核对', 'Child-days check'],
    zh: [
      `出勤 ${all.present} + 病假 ${all.sick} + 事假 ${all.personal} + 其他 ${all.other} + 未点名 ${all.unrecorded} = ${all.present + all.sick + all.personal + all.other + all.unrecorded} 人天；应出勤 ${all.expected} 人天（在园工作日 − 停课与园内假期）${holds ? '✓' : `✗ 不符：${failing.join('、')}`}`,
    ],
    en: [
      `present ${all.present} + sick ${all.sick} + personal ${all.personal} + other ${all.other} + not recorded ${all.unrecorded} = ${all.present + all.sick + all.personal + all.other + all.unrecorded} child-days; expected ${all.expected} (working days enrolled − closures) ${holds ? '✓' : `✗ differs: ${failing.join(', ')}`}`,
    ],
    holds,
  };
  const sorted = classes.filter((c) => byClass.has(c.id));
  return {
    tables: [
      {
        id: 'classes',
        title: [`${month} 各班出勤（法定工作日 ${W} 天）`, `${month} by class (${W} legal working days)`],
        columns: [
          { key: 'className', label: ['班级', 'Class'], kind: 'text' },
          { key: 'headTeacher', label: ['班主任', 'Teacher'], kind: 'text' },
          { key: 'children', label: ['幼儿数', 'Children'], kind: 'count' },
          { key: 'expected', label: ['应出勤人天', 'Expected'], kind: 'count' },
          { key: 'present', label: ['出勤', 'Present'], kind: 'count' },
          { key: 'sick', label: ['病假', 'Sick'], kind: 'count' },
          { key: 'personal', label: ['事假', 'Personal'], kind: 'count' },
          { key: 'other', label: ['其他', 'Other'], kind: 'count' },
          { key: 'unrecorded', label: ['未点名', 'Not recorded'], kind: 'count' },
          { key: 'closures', label: ['停课/园内假期', 'Closed'], kind: 'count' },
          { key: 'rate', label: ['出勤率', 'Rate'], kind: 'percent' },
        ],
        rows: sorted.map((c) => ({ className: c.name, headTeacher: c.headTeacher, ...cells(byClass.get(c.id)!, rates.get(c.id)?.rate ?? null) })),
        total: { className: ['全园', 'Kindergarten'], headTeacher: '', ...cells(all, allRate) },
      },
    ],
    checks: [check],
    notes: [
      [
        '出勤率 = 出勤人天 ÷ 已点名人天（出勤 + 病假 + 事假 + 其他），保留一位小数；停课与园内假期不计入应出勤。数字与“考勤 → 月度汇总”及退费所用天数一致。',
        'Rate = child-days present ÷ child-days recorded, one decimal; closures are not expected days. The figures are those of Attendance → Monthly summary and of refunds.',
      ],
    ],
    empty: null,
  };
}
