// Booking a child-month again (a correction after attendance changed, a
// withdrawal re-settling a month already settled as leave) books only the
// difference from what was booked before, item by item, and says both figures.
import { formatFen } from '../money';
import type { FeeItem } from '../policies/schema';
import type { BookedLine, PlannedLine } from './types';

export interface DifferenceLine extends PlannedLine {
  /** What was booked before for this month and item; null when nothing was. */
  previousFen: number | null;
  /** refund - previous: what this booking adds (negative: taken back). */
  deltaFen: number;
}

export interface Previous {
  fen: number;
  clause: string;
  billId: number | null;
}

const yuan = (fen: number) => `${formatFen(fen)} 元`;

/** The refund booked so far per item for one child-month: the sum of each line's own effect. */
export function bookedByItem(month: string, booked: readonly BookedLine[]): Map<string, Previous> {
  const out = new Map<string, Previous>();
  for (const line of booked) {
    if (line.month !== month) continue;
    const prev = out.get(line.item);
    // The newest line's clause and bill describe the item now.
    out.set(line.item, { fen: (prev?.fen ?? 0) + line.deltaFen, clause: line.clause, billId: line.billId ?? prev?.billId ?? null });
  }
  return out;
}

function changeWords(previousFen: number, refundFen: number): string {
  const delta = refundFen - previousFen;
  const change = delta > 0 ? `本次补退 ${yuan(delta)}` : delta < 0 ? `本次扣回 ${yuan(-delta)}` : '无差额';
  return `原已退 ${yuan(previousFen)}，现应退 ${yuan(refundFen)}，${change}`;
}

/**
 * The lines of a re-settlement: every item computed now, with what was booked
 * before, and every item booked before that is no longer billed (refund 0, the
 * earlier refund taken back). `prefix` names why (「考勤更正后重新计算」).
 */
export function differenceLines(month: string, lines: readonly PlannedLine[], previous: ReadonlyMap<string, Previous>, prefix: string): DifferenceLine[] {
  const out: DifferenceLine[] = lines.map((line) => {
    const before = previous.get(line.item);
    // Object.assign rather than spreads (the same keys in the same order): a month books ~2,000 of these, and
    // spread copies of these lines cost V8 some 1 KB each.
    if (!before) return Object.assign({}, line, { previousFen: null, deltaFen: line.refundFen });
    const sentence = `${prefix}：${line.explanation.replace(/。$/, '')}。${changeWords(before.fen, line.refundFen)}。`;
    return Object.assign({}, line, { explanation: sentence, previousFen: before.fen, deltaFen: line.refundFen - before.fen });
  });
  for (const [item, before] of previous) {
    if (lines.some((l) => l.item === item) || before.fen === 0 || before.billId === null) continue;
    out.push({
      billId: before.billId,
      item: item as FeeItem,
      baseFen: 0,
      refundFen: 0,
      clause: before.clause,
      explanation: `${prefix}：该项目已不在本月有效的账单中（账单已作废或更正），此前的退费予以扣回。${changeWords(before.fen, 0)}。`,
      inputs: { month, coversThrough: month },
      previousFen: before.fen,
      deltaFen: -before.fen,
    });
  }
  return out;
}

/** A re-settlement changes money only when some line differs. */
export const hasDifference = (lines: readonly DifferenceLine[]) => lines.some((l) => l.deltaFen !== 0);
