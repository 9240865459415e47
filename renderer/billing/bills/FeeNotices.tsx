import { Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { amountInWords } from '../../../core/print/amount-words';
import type { Api } from '../../../electron/api/index';
import { api, errorMessage } from '../../api/client';
import { FEE_ITEM_LABELS } from '../labels';
import { quantityText } from './BillLines';
import './fee-notices.css';

type Page = Api['bills.notices']['output'];
type Notice = Page['notices'][number];
const PAGE_SIZE = 100;

/** `fee-notices/<month>/all`, `…/class/<id>` or `…/child/<id>` as the API's filter. */
function scopeOf(args: string[]): { month: string; classId?: number; childId?: number } | null {
  const [month, scope, id] = args;
  if (!month || !/^\d{4}-\d{2}$/.test(month)) return null;
  if (scope === 'class' && Number(id) > 0) return { month, classId: Number(id) };
  if (scope === 'child' && Number(id) > 0) return { month, childId: Number(id) };
  return scope === 'all' ? { month } : null;
}

/**
 * 缴费通知单 (print route `fee-notices/<month>/<scope>`): every live notice of
 * the month for a child, a class or the whole kindergarten as one print job,
 * two to an A4 page. A big batch loads a page of notices at a time with a
 * progress bar; the pages appear only when all are in, so printing (which
 * waits for `.kd-page`) never catches half a batch. Always in Chinese: it is
 * a document for the parent.
 */
export function FeeNotices({ args }: { args: string[] }) {
  const scope = scopeOf(args);
  const [loaded, setLoaded] = useState<{ head: Omit<Page, 'notices'>; notices: Notice[] } | null>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [error, setError] = useState('');
  const key = JSON.stringify(scope);

  useEffect(() => {
    const filter = JSON.parse(key) as ReturnType<typeof scopeOf>;
    if (!filter) return;
    let cancelled = false;
    setLoaded(null);
    setError('');
    setProgress({ done: 0, total: 0 });
    (async () => {
      const notices: Notice[] = [];
      let head: Omit<Page, 'notices'> | null = null;
      do {
        const page = await api('bills.notices', { ...filter, offset: notices.length, limit: PAGE_SIZE });
        if (cancelled) return;
        head = { kindergartenName: page.kindergartenName, howToPay: page.howToPay, total: page.total };
        notices.push(...page.notices);
        setProgress({ done: notices.length, total: page.total });
        if (page.notices.length === 0) break;
      } while (notices.length < head.total);
      setLoaded({ head: head!, notices });
    })().catch((e) => setError(errorMessage(e, 'zh')));
    return () => {
      cancelled = true;
    };
  }, [key]);

  if (!scope) return <Text p="xl">打印参数有误，请从「收费 → 缴费通知单」重新打印。</Text>;
  if (error) return <Text p="xl" c="red">{error}</Text>;
  if (!loaded) {
    return (
      <Stack p="xl" maw={420} data-testid="notices-loading">
        {progress.total === 0 ? <Loader /> : <Progress value={(progress.done * 100) / progress.total} animated />}
        <Text size="sm">{progress.total === 0 ? '正在载入缴费通知单…' : `正在载入缴费通知单 ${progress.done} / ${progress.total}`}</Text>
      </Stack>
    );
  }
  if (loaded.notices.length === 0) return <Text p="xl">{scope.month} 没有可打印的缴费通知单。请先在「收费 → 缴费通知单」中开具本月通知单。</Text>;
  const pages: Notice[][] = [];
  for (let i = 0; i < loaded.notices.length; i += 2) pages.push(loaded.notices.slice(i, i + 2));
  return (
    <>
      {pages.map((pair) => (
        <section className="kd-page kd-notice-page" key={pair[0]!.id}>
          {pair.map((n) => (
            <FeeNotice key={n.id} notice={n} kindergartenName={loaded.head.kindergartenName} howToPay={loaded.head.howToPay} />
          ))}
        </section>
      ))}
    </>
  );
}

/** The 依据 / 说明 cell: a reduction's clause or reason; vacation care's days booked and its clause. */
function basis(l: Notice['lines'][number]): string {
  if (l.kind === 'reduction') return l.clause ? `依 ${l.clause} 减免` : `园内优惠：${l.note}`;
  if (l.item === 'vacation_care') return `${l.note}，按天收取${l.clause ? `（${l.clause}）` : ''}`;
  return '';
}

function FeeNotice({ notice, kindergartenName, howToPay }: { notice: Notice; kindergartenName: string; howToPay: string }) {
  const notes = notice.lines.filter((l) => l.kind === 'charge' && l.note && l.item !== 'agency' && l.item !== 'vacation_care').map((l) => l.note);
  const fees = notice.lines.filter((l) => !(l.kind === 'charge' && l.item === 'agency'));
  const agency = notice.lines.filter((l) => l.kind === 'charge' && l.item === 'agency');
  return (
    <article className="kd-notice" data-testid="fee-notice">
      <h3>{kindergartenName} 缴费通知单</h3>
      <div className="kd-notice-meta">
        <span>编号：{notice.number}{notice.revision > 1 && notice.replacesNumber ? `（替换 ${notice.replacesNumber}）` : ''}</span>
        <span>开具日期：{notice.issuedOn}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th style={{ width: '13%' }}>幼儿姓名</th>
            <td>{notice.childName}</td>
            <th style={{ width: '10%' }}>班级</th>
            <td>{notice.className}</td>
            <th style={{ width: '13%' }}>收费期间</th>
            <td>{notice.period}{notice.billing === 'semester' ? '（按学期）' : ''}</td>
          </tr>
        </tbody>
      </table>
      <table className="kd-notice-lines">
        <thead>
          <tr>
            <th>收费项目</th>
            <th>收费标准</th>
            <th>金额（元）</th>
            <th>依据 / 说明</th>
          </tr>
        </thead>
        <tbody>
          {fees.map((l) => (
            <tr key={`${l.kind}-${l.item}-${l.label}-${l.period}`}>
              <td>{l.label}</td>
              <td>{quantityText(l)}</td>
              <td className="num">{l.kind === 'reduction' ? `-${l.amount}` : l.amount}</td>
              <td>{basis(l)}</td>
            </tr>
          ))}
          {agency.length > 0 && (
            <>
              <tr className="kd-notice-subtotal">
                <td colSpan={2}>保教及服务收费小计</td>
                <td className="num">{notice.fees}</td>
                <td />
              </tr>
              <tr className="kd-notice-section" data-testid="notice-agency">
                <th colSpan={4}>代收费（家长自愿参加，据实收取，多退少补；不属于保教收费）</th>
              </tr>
              {agency.map((l) => (
                <tr key={`agency-${l.label}-${l.period}`}>
                  <td>{l.label}</td>
                  <td>{quantityText(l)}</td>
                  <td className="num">{l.amount}</td>
                  <td>代收费</td>
                </tr>
              ))}
              <tr className="kd-notice-subtotal">
                <td colSpan={2}>代收费小计</td>
                <td className="num">{notice.agency}</td>
                <td />
              </tr>
            </>
          )}
          {notice.credit !== '0.00' && (
            <tr>
              <td>账户结余抵扣</td>
              <td>上期退费及预缴结余</td>
              <td className="num">-{notice.credit}</td>
              <td />
            </tr>
          )}
          {notice.refunds.length > 0 && (
            <tr data-testid="notice-refunds">
              <td>上月退费</td>
              <td colSpan={3}>
                {notice.refunds.map((r) => `${r.childName ?? ''} ${r.month ?? ''} ${FEE_ITEM_LABELS[r.item ?? '']?.[0] ?? r.item ?? ''} ${r.amount} 元（${r.clause ?? '结算'}）`).join('；')}
                {notice.credit === '0.00' ? '，已计入家庭账户。' : '，已并入上行结余抵扣。'}
              </td>
            </tr>
          )}
          <tr className="kd-notice-total">
            <th>应缴合计</th>
            <td className="num" data-testid="notice-total">
              {notice.totalDue}
            </td>
            <td colSpan={2}>人民币（大写）：{amountInWords(notice.totalDue)}</td>
          </tr>
        </tbody>
      </table>
      <div className="kd-notice-foot">
        <div>
          <b>缴费截止日期：{notice.dueOn}</b>
        </div>
        <div className="kd-notice-howto" data-testid="notice-how-to-pay">
          缴费方式：{howToPay}
        </div>
        {notes.map((n) => (
          <div key={n}>说明：{n}</div>
        ))}
        <div>本通知单按本园公示的收费标准和收费文件开具；因病假、事假等未在园的天数，月底按收费文件的退费规定结算。</div>
      </div>
    </article>
  );
}
