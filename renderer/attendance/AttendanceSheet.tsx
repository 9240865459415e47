import { useEffect } from 'react';
import { STATUS_LABELS } from '../../core/attendance';
import { useApiQuery } from '../api/hooks';
import { useLang, useT } from '../i18n';
import { weekdayName } from './shared';
import './sheet.css';

/**
 * 考勤表: one class, one month, children × days with the month's totals
 * (the figures the refund engine uses), A4 landscape. `#/print/attendance-sheet/<classId>/<YYYY-MM>`.
 */
export function AttendanceSheet({ args }: { args: string[] }) {
  const t = useT();
  const { lang } = useLang();
  const [classArg, month = ''] = args;
  const { data, error } = useApiQuery('attendance.sheet', { classId: Number(classArg), month });
  useEffect(() => {
    if (data) document.title = t(`${data.className} ${month} 考勤表`, `${data.className} ${month} attendance`);
  }, [data, month, t]);
  if (error) return <p className="kd-sheet-error">{error.message}</p>;
  if (!data) return null;
  const totals = data.rows.reduce(
    (sum, r) => ({ present: sum.present + r.present, sick: sum.sick + r.sick, personal: sum.personal + r.personal, other: sum.other + r.other, closed: sum.closed + r.closureDays }),
    { present: 0, sick: 0, personal: 0, other: 0, closed: 0 },
  );
  return (
    <section className="kd-page kd-landscape kd-sheet" data-testid="attendance-sheet">
      <h1>{t(`${data.kindergartenName} ${data.className} ${month.replace('-', ' 年 ')} 月考勤表`, `${data.kindergartenName} ${data.className} attendance, ${month}`)}</h1>
      <p className="kd-sheet-meta">
        {t(
          `班主任：${data.headTeacher || '　　　'}　　法定工作日 W：${data.W} 天　　符号：√ 出勤　病 病假　事 事假　他 其他　停 停课　假 园内假期　空白 未记录；灰色为周末或法定节假日，蓝框为调休上班日。`,
          `Head teacher: ${data.headTeacher || '   '}    Legal working days W: ${data.W}    Marks: √ present, 病 sick, 事 personal, 他 other, 停 suspension, 假 own holiday, blank not recorded; grey = weekend or public holiday, blue frame = make-up working day.`,
        )}
      </p>
      <table>
        <thead>
          <tr>
            <th rowSpan={2} className="kd-sheet-no">{t('序', '#')}</th>
            <th rowSpan={2} className="kd-sheet-name">{t('姓名', 'Name')}</th>
            {data.days.map((d) => (
              <th key={d.date} className={`${d.working ? '' : 'kd-off'} ${d.kind === 'makeup_workday' ? 'kd-makeup' : ''}`}>
                {Number(d.date.slice(8))}
              </th>
            ))}
            <th rowSpan={2}>{t('出勤', 'Present')}</th>
            <th rowSpan={2}>{t('病假', 'Sick')}</th>
            <th rowSpan={2}>{t('事假', 'Personal')}</th>
            <th rowSpan={2}>{t('其他', 'Other')}</th>
            <th rowSpan={2}>{t('停课', 'Closed')}</th>
          </tr>
          <tr>
            {data.days.map((d) => (
              <th key={d.date} className={`kd-sheet-wd ${d.working ? '' : 'kd-off'}`}>
                {lang === 'en' ? weekdayName(d.date, 'en').slice(0, 2) : weekdayName(d.date, 'zh').slice(2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={r.childId}>
              <td className="kd-sheet-no">{i + 1}</td>
              <td className="kd-sheet-name">{r.name}</td>
              {data.days.map((d) => {
                const mark = r.marks[d.date];
                const text = !d.working ? '' : d.closure ? (d.closure === 'suspension' ? '停' : '假') : mark ? STATUS_LABELS[mark].short : '';
                return (
                  <td key={d.date} className={d.working ? '' : 'kd-off'}>
                    {text}
                  </td>
                );
              })}
              <td className="kd-sheet-total">{r.present}</td>
              <td className="kd-sheet-total">{r.sick}</td>
              <td className="kd-sheet-total">{r.personal}</td>
              <td className="kd-sheet-total">{r.other}</td>
              <td className="kd-sheet-total">{r.closureDays}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>{t('每日出勤人数', 'Present per day')}</td>
            {data.days.map((d) => (
              <td key={d.date} className={d.working ? '' : 'kd-off'}>
                {d.working && !d.closure ? data.rows.filter((r) => r.marks[d.date] === 'present').length || '' : ''}
              </td>
            ))}
            <td className="kd-sheet-total">{totals.present}</td>
            <td className="kd-sheet-total">{totals.sick}</td>
            <td className="kd-sheet-total">{totals.personal}</td>
            <td className="kd-sheet-total">{totals.other}</td>
            <td className="kd-sheet-total">{totals.closed}</td>
          </tr>
        </tfoot>
      </table>
      <p className="kd-sheet-sign">
        {t(
          `合计：出勤 ${totals.present} 人次，病假 ${totals.sick}，事假 ${totals.personal}，其他 ${totals.other}。　　班主任签字：__________　　园长签字：__________`,
          `Total: ${totals.present} child-days present, sick ${totals.sick}, personal ${totals.personal}, other ${totals.other}.    Head teacher: __________    Principal: __________`,
        )}
      </p>
    </section>
  );
}
