import { STATUS_LABELS } from '../../../core/attendance/status';
import { formatFen } from '../../../core/money';
import type { AuditNames as Names } from '../../../electron/api/audit-names';
import type { Role } from '../../../electron/api/define';
import { ROLE_LABELS } from '../../app/session';
import { AUDIT_ACTIONS, isAuditAction } from '../../../core/audit/actions';
import { AUDIT_ID_FIELDS } from '../../../core/audit/id-fields';
import { ENTITY_LABELS, FIELD_LABELS, VALUE_LABELS } from './labels';

type T = (zh: string, en: string) => string;

/** Names the audit screen shows in place of ids (audit.list sends them with each page). */
export type AuditNames = Names;

interface Entry {
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
}

/**
 * What happened, in the reader's language. In Chinese: the summary written
 * at the time (it names people and amounts), prefixed with the action only
 * when the summary does not already say it — never "导入花名册：导入花名册…"
 * or "录入答卷：录入调查…答卷". In English: the action's own label (the
 * stored summary is Chinese); the record's name and the changed fields follow.
 */
export function describeEntry(row: Entry, t: T): string {
  const action = isAuditAction(row.action) ? AUDIT_ACTIONS[row.action] : undefined;
  const label = action ? t(action[0], action[1]) : t('其他操作', 'Other change');
  const english = t('', 'en') === 'en';
  if (english || !row.summary) return label;
  const zh = action?.[0] ?? '';
  const saysIt = zh !== '' && (row.summary.startsWith(zh) || row.summary.includes(zh.slice(-2)));
  return saysIt ? row.summary : `${label}：${row.summary}`;
}

const named = (names: Names, kind: keyof Names, id: string) => names[kind][id];

/**
 * The record an entry is about: "幼儿 王小明", "家庭 张三、张小四", "班级 苗苗班".
 * Records without a name (a contact, a complaint) are told by the summary, so
 * only their kind is shown; "#id" appears only for a named record that is gone.
 */
export function entityText(row: Entry, t: T, names: Names): string {
  const kind = ENTITY_LABELS[row.entity];
  const label = kind ? t(...kind) : t('记录', 'Record');
  const nameKind = ({ child: 'children', household: 'households', guardian: 'guardians', staff: 'staff', class: 'classes' } as const)[row.entity as 'child'];
  if (!row.entityId || !nameKind) return label;
  const name = named(names, nameKind, row.entityId);
  return name ? `${label} ${name}` : `${label} #${row.entityId}`;
}

const isDate = (key: string) => /^\d{4}-\d{2}-\d{2}$/.test(key);

/** A changed field's label; a roll call's fields are children (by id), a leave's are days. */
export function fieldLabel(field: string, action: string, t: T, names: Names): string {
  if (!field) return t('值', 'Value');
  if (action === 'attendance.rollCall' && /^\d+$/.test(field)) return names.children[field] ?? t(`幼儿 #${field}`, `Child #${field}`);
  if (isDate(field)) return field;
  // A survey import's label choices: "答案写法「还行吧」".
  const wording = /^labels\.(?:rating|q\d+):(.+)$/.exec(field);
  if (wording) return t(`答案写法「${wording[1]}」`, `Wording “${wording[1]}”`);
  const last = field.split('.').at(-1) ?? field;
  const label = FIELD_LABELS[field] ?? FIELD_LABELS[last];
  return label ? t(...label) : field;
}

/** "sick" or "sick（发烧）" as a roll call or leave stores a day: 病假（发烧）. */
function dayText(value: unknown, t: T): string | null {
  if (value === null || value === undefined) return t('未记录', 'not recorded');
  if (typeof value !== 'string') return null;
  const m = /^(present|sick|personal|other)(（.*）)?$/.exec(value);
  if (!m) return null;
  const l = STATUS_LABELS[m[1] as keyof typeof STATUS_LABELS];
  return `${t(l.zh, l.en)}${m[2] ?? ''}`;
}

export function formatValue(field: string, value: unknown, t: T, names: Names, action = ''): string {
  const last = field.split('.').at(-1) ?? field;
  // An attendance entry's days (by date) and children (by id) hold statuses; nothing recorded is 未记录, not "(empty)".
  if (action.startsWith('attendance.') && (isDate(last) || /^\d+$/.test(last))) {
    const day = dayText(value, t);
    if (day) return day;
  }
  if (value === null || value === undefined || value === '') return t('（空）', '(empty)');
  if (typeof value === 'boolean') return value ? t('是', 'yes') : t('否', 'no');
  // Money is stored in fen: 294272 reads 2942.72 元.
  if (last.endsWith('Fen') && typeof value === 'number' && Number.isInteger(value)) return t(`${formatFen(value)} 元`, `¥${formatFen(value)}`);
  if (last === 'role' && typeof value === 'string' && value in ROLE_LABELS) return t(...ROLE_LABELS[value as Role]);
  const coded = typeof value === 'string' ? VALUE_LABELS[last]?.[value] : undefined;
  if (coded) return t(...coded);
  const idKind = AUDIT_ID_FIELDS[last];
  if (idKind && (typeof value === 'number' || typeof value === 'string' || Array.isArray(value))) {
    const ids = Array.isArray(value) ? value : [value];
    if (last === 'fileClass' && value === 'unknown') return t('班级未知', 'class not known');
    return ids.map((id) => named(names, idKind, String(id)) ?? `#${id}`).join('、');
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => formatValue(last, v, t, names, action)).join('、');
    return t(`${value.length} 项`, `${value.length} items`);
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k, '', t, names)}：${formatValue(k, v, t, names, action)}`)
      .join('，');
  }
  return String(value);
}
