import type { Role } from '../../../electron/api/define';
import { ROLE_LABELS } from '../../app/session';
import { AUDIT_ACTIONS, isAuditAction } from '../../../core/audit/actions';
import { ENTITY_LABELS, FIELD_LABELS, VALUE_LABELS } from './labels';

type T = (zh: string, en: string) => string;

/** Names the audit screen shows in place of ids. */
export interface AuditNames {
  classes: Map<number, string>;
  /** Child id (as text) → name, from audit.list. */
  children: Record<string, string>;
}

interface Entry {
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
}

/**
 * The action in the reader's language, then the stored summary (written in
 * Chinese at the time, with names and amounts), so no raw code like
 * "attendance.rollCall" reaches the screen.
 */
export function describeEntry(row: Entry, t: T): string {
  const words: readonly [string, string] = isAuditAction(row.action) ? AUDIT_ACTIONS[row.action] : ['其他操作', 'Other change'];
  const label = t(words[0], words[1]);
  if (!row.summary) return label;
  return row.summary.startsWith(label) ? row.summary : `${label}：${row.summary}`;
}

/** The record an entry is about: "幼儿 王小明", "班级 #3". */
export function entityText(row: Entry, t: T, names: AuditNames): string {
  const kind = ENTITY_LABELS[row.entity];
  const label = kind ? t(...kind) : t('记录', 'Record');
  if (!row.entityId) return label;
  const name = row.entity === 'child' ? names.children[row.entityId] : row.entity === 'class' ? names.classes.get(Number(row.entityId)) : undefined;
  return name ? `${label} ${name}` : `${label} #${row.entityId}`;
}

/** A changed field's label; a roll call's fields are children, keyed by id. */
export function fieldLabel(field: string, action: string, t: T, names: AuditNames): string {
  if (!field) return t('值', 'Value');
  if (action === 'attendance.rollCall' && /^\d+$/.test(field)) return names.children[field] ?? t(`幼儿 #${field}`, `Child #${field}`);
  const last = field.split('.').at(-1) ?? field;
  const label = FIELD_LABELS[field] ?? FIELD_LABELS[last];
  return label ? t(...label) : field;
}

export function formatValue(field: string, value: unknown, t: T, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return t('（空）', '(empty)');
  if (typeof value === 'boolean') return value ? t('是', 'yes') : t('否', 'no');
  const last = field.split('.').at(-1) ?? field;
  if (last === 'role' && typeof value === 'string' && value in ROLE_LABELS) return t(...ROLE_LABELS[value as Role]);
  const coded = typeof value === 'string' ? VALUE_LABELS[last]?.[value] : undefined;
  if (coded) return t(...coded);
  if (last.endsWith('classId') && typeof value === 'number') return names.classes.get(value) ?? `#${value}`;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => formatValue(last, v, t, names)).join('、');
    return t(`${value.length} 项`, `${value.length} items`);
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k, '', t, names)}：${formatValue(k, v, t, names)}`)
      .join('，');
  }
  return String(value);
}
