import { FIRST_DATE, inDateWindow, LAST_DATE } from '../calendar/dates';
import { textProblem } from '../text';
import { childDateProblems } from './child-dates';
import { checkIdNumber, isRealDate } from './id-number';
import { isMobile, normalizeMobile } from './mobile';

/**
 * Importing an existing roster: find the header row under any title rows,
 * guess which column is which, tidy the cell formats spreadsheets produce,
 * and list every row's problems before anything is written.
 */
export const ROSTER_FIELDS = [
  { key: 'childName', label: '幼儿姓名', labelEn: 'Child name', aliases: ['幼儿姓名', '姓名', '孩子姓名', '学生姓名', '儿童姓名', '宝宝姓名', '幼儿', '学生', '名字'] },
  { key: 'gender', label: '性别', labelEn: 'Gender', aliases: ['性别'] },
  { key: 'birthDate', label: '出生日期', labelEn: 'Birth date', aliases: ['出生日期', '生日', '出生年月日', '出生年月', '出生时间', '出生'] },
  { key: 'idNumber', label: '身份证号', labelEn: 'ID number', aliases: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', '公民身份号码', '身份号码'] },
  { key: 'className', label: '班级', labelEn: 'Class', aliases: ['班级', '所在班级', '班别', '班级名称', '所在班'] },
  { key: 'enrolledOn', label: '入园日期', labelEn: 'Enrolled on', aliases: ['入园日期', '入园时间', '入学日期', '入园年月'] },
  { key: 'guardian1Name', label: '家长1姓名', labelEn: 'Guardian 1 name', aliases: ['家长1姓名', '家长姓名', '监护人姓名', '监护人1姓名', '监护人', '联系人姓名', '联系人', '父亲姓名', '爸爸姓名', '家长'] },
  { key: 'guardian1Relationship', label: '家长1关系', labelEn: 'Guardian 1 relationship', aliases: ['家长1关系', '关系', '与幼儿关系', '与孩子关系', '监护人关系', '监护人1关系'] },
  { key: 'guardian1Mobile', label: '家长1手机', labelEn: 'Guardian 1 mobile', aliases: ['家长1手机', '家长1电话', '手机号', '手机号码', '联系电话', '家长电话', '家长手机', '父亲电话', '父亲手机', '爸爸电话', '监护人电话', '监护人1电话', '联系方式', '手机', '电话'] },
  { key: 'guardian2Name', label: '家长2姓名', labelEn: 'Guardian 2 name', aliases: ['家长2姓名', '母亲姓名', '妈妈姓名', '监护人2姓名', '第二联系人'] },
  { key: 'guardian2Relationship', label: '家长2关系', labelEn: 'Guardian 2 relationship', aliases: ['家长2关系', '监护人2关系'] },
  { key: 'guardian2Mobile', label: '家长2手机', labelEn: 'Guardian 2 mobile', aliases: ['家长2手机', '家长2电话', '母亲电话', '母亲手机', '妈妈电话', '监护人2电话', '第二联系人电话', '备用电话'] },
  { key: 'address', label: '家庭住址', labelEn: 'Address', aliases: ['家庭住址', '住址', '地址', '家庭地址', '现住址', '居住地址'] },
  {
    key: 'healthNotes',
    label: '健康与安全提示',
    labelEn: 'Health & safety notes',
    // Several columns may go here (过敏, 用药, 接送说明 ...): each is kept with its heading.
    aliases: ['过敏史', '过敏情况', '过敏', '用药情况', '用药', '健康状况', '健康情况', '身体状况', '病史', '特殊体质', '饮食禁忌', '接送说明', '接送人', '接送', '特殊情况', '注意事项', '备注'],
  },
] as const;

export type RosterField = (typeof ROSTER_FIELDS)[number]['key'];
export type RosterRecord = Record<RosterField, string>;
/** The one field several columns may go to. */
export const MULTI_COLUMN_FIELD: RosterField = 'healthNotes';
/** Per column of the sheet, the field it goes to, or null when it is not kept. */
export type RosterMapping = (RosterField | null)[];

const compact = (s: string) => s.replace(/[\s:：*＊()（）[\]【】]/g, '');
const FIELD_OF_ALIAS = new Map<string, RosterField>(ROSTER_FIELDS.flatMap((f) => f.aliases.map((a) => [a, f.key] as const)));

/** The field a heading names and how sure that is: the exact alias (best), else the longest alias it contains. */
function headingMatch(heading: string): { field: RosterField; score: number } | null {
  const h = compact(heading);
  if (h === '') return null;
  const exact = FIELD_OF_ALIAS.get(h);
  if (exact) return { field: exact, score: 100 };
  let best: { field: RosterField; score: number } | null = null;
  for (const [alias, field] of FIELD_OF_ALIAS) {
    if (alias.length >= 2 && h.includes(alias) && h.length <= alias.length + 8 && (!best || alias.length > best.score)) best = { field, score: alias.length };
  }
  return best;
}

/** A cell that reads like one of the roster's column names (for finding the header row under titles). */
export const isRosterHeading = (cell: string) => headingMatch(cell) !== null;

export function guessMapping(headers: readonly string[]): RosterMapping {
  const mapping: RosterMapping = headers.map(() => null);
  // Surest matches first, so "家长2手机" is not taken by the looser "手机" and "家长姓名" not by "姓名".
  const candidates = headers
    .map((h, column) => ({ column, match: headingMatch(h) }))
    .filter((c): c is { column: number; match: { field: RosterField; score: number } } => c.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.column - b.column);
  const taken = new Set<RosterField>();
  for (const { column, match } of candidates) {
    if (match.field !== MULTI_COLUMN_FIELD && taken.has(match.field)) continue;
    mapping[column] = match.field;
    taken.add(match.field);
  }
  return mapping;
}

/** 父亲姓名 / 妈妈电话: the heading of a guardian's column says who it is when the sheet has no relationship column. */
function relationshipFromHeading(heading: string | undefined): string {
  if (!heading) return '';
  if (/父亲|爸爸/.test(heading)) return '父亲';
  if (/母亲|妈妈/.test(heading)) return '母亲';
  if (/爷爷|祖父/.test(heading)) return '祖父';
  if (/奶奶|祖母/.test(heading)) return '祖母';
  return '';
}

export function applyMapping(row: readonly string[], mapping: RosterMapping, headers: readonly string[] = []): RosterRecord {
  const record = {} as RosterRecord;
  const cell = (column: number) => (row[column] ?? '').trim();
  for (const field of ROSTER_FIELDS) {
    const columns = mapping.flatMap((target, column) => (target === field.key ? [column] : []));
    if (field.key === MULTI_COLUMN_FIELD) {
      // "过敏：花生；接送：只由奶奶接", a column headed 备注 without its heading.
      record[field.key] = columns
        .filter((c) => cell(c) !== '')
        .map((c) => (/^备注|^注意事项|^特殊情况/.test(compact(headers[c] ?? '')) || !headers[c] ? cell(c) : `${compact(headers[c]!)}：${cell(c)}`))
        .join('；');
    } else {
      record[field.key] = columns.length > 0 ? cell(columns[0]!) : '';
    }
  }
  for (const [name, rel] of [['guardian1Name', 'guardian1Relationship'], ['guardian2Name', 'guardian2Relationship']] as const) {
    if (record[rel] === '' && !mapping.includes(rel)) record[rel] = relationshipFromHeading(headers[mapping.indexOf(name)]);
  }
  return record;
}

/** A column of the sheet as the mapping step shows it: its real heading and the first value under it. */
export interface SheetColumn {
  heading: string;
  sample: string;
}

export function sheetColumns(headers: readonly string[], rows: readonly (readonly string[])[]): SheetColumn[] {
  return headers.map((heading, i) => ({ heading, sample: rows.find((r) => (r[i] ?? '').trim() !== '')?.[i]?.trim() ?? '' }));
}

/** Columns with something in them that the mapping leaves out: the importer names them before anything is written. */
export function unkeptColumns(columns: readonly SheetColumn[], mapping: RosterMapping): (SheetColumn & { column: number })[] {
  return columns.flatMap((c, column) => (mapping[column] == null && c.sample !== '' ? [{ ...c, column }] : []));
}

/**
 * 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日, 20210305 and Excel serial
 * day numbers (45123) all become 2021-03-05; anything else is null.
 */
export function parseDateCell(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isRealDate(iso) ? iso : null;
  }
  m = /^(\d{5})$/.exec(s);
  if (m) {
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
    const iso = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000).toISOString().slice(0, 10);
    return iso >= '1990-01-01' && iso <= '2100-12-31' ? iso : null;
  }
  return null;
}

export function parseGenderCell(raw: string): 'M' | 'F' | null {
  const s = raw.trim().toLowerCase();
  if (['男', '男孩', 'm', 'male', 'boy'].includes(s)) return 'M';
  if (['女', '女孩', 'f', 'female', 'girl'].includes(s)) return 'F';
  return null;
}

export interface RosterProblem {
  field: RosterField;
  message: string;
  /** For the English UI. */
  messageEn: string;
}

export interface CleanGuardian {
  name: string;
  relationship: string;
  mobile: string;
}

export interface CleanRosterRow {
  childName: string;
  gender: 'M' | 'F';
  birthDate: string;
  idNumber: string | null;
  classId: number;
  enrolledOn: string;
  guardians: CleanGuardian[];
  address: string;
  healthNotes: string;
}

export interface RosterContext {
  /** Class name → id (active classes only). */
  classes: ReadonlyMap<string, number>;
  /** `${name}|${birthDate}` of children already on file. */
  existingChildren: ReadonlySet<string>;
  existingIdNumbers: ReadonlySet<string>;
  today: string;
}

export interface RosterRowResult {
  problems: RosterProblem[];
  clean: CleanRosterRow | null;
}

export const childKey = (name: string, birthDate: string) => `${name}|${birthDate}`;

/** `rowNumbers` are the sheet's own row numbers, so a duplicate names the row staff can see in Excel. */
export function validateRoster(records: readonly RosterRecord[], ctx: RosterContext, rowNumbers?: readonly number[]): RosterRowResult[] {
  const rowOf = (index: number) => rowNumbers?.[index] ?? index + 1;
  const seenChildren = new Map<string, number>();
  const seenIds = new Map<string, number>();
  return records.map((record, index) => {
    const result = validateRow(record, ctx);
    const clean = result.clean;
    const name = record.childName.trim();
    const birth = parseDateCell(record.birthDate);
    if (name && birth) {
      const key = childKey(name, birth);
      const earlier = seenChildren.get(key);
      if (ctx.existingChildren.has(key)) result.problems.push({ field: 'childName', message: '园内已有同名同生日的幼儿，可能重复', messageEn: 'A child with this name and birth date is already on file' });
      else if (earlier !== undefined) result.problems.push({ field: 'childName', message: `与第 ${rowOf(earlier)} 行重复`, messageEn: `Same child as row ${rowOf(earlier)}` });
      else seenChildren.set(key, index);
    }
    if (clean?.idNumber) {
      const earlier = seenIds.get(clean.idNumber);
      if (ctx.existingIdNumbers.has(clean.idNumber)) result.problems.push({ field: 'idNumber', message: '该身份证号已登记在园', messageEn: 'This ID number is already on file' });
      else if (earlier !== undefined) result.problems.push({ field: 'idNumber', message: `身份证号与第 ${rowOf(earlier)} 行相同`, messageEn: `Same ID number as row ${rowOf(earlier)}` });
      else seenIds.set(clean.idNumber, index);
    }
    return result.problems.length > 0 ? { problems: result.problems, clean: null } : result;
  });
}

function validateRow(r: RosterRecord, ctx: RosterContext): RosterRowResult {
  const problems: RosterProblem[] = [];
  const add = (field: RosterField, message: string, messageEn: string) => problems.push({ field, message, messageEn });

  const childName = r.childName.trim();
  if (childName === '') add('childName', '缺少幼儿姓名', 'Child name missing');
  else if (childName.length > 20) add('childName', '幼儿姓名最多 20 个字', 'Child name is longer than 20 characters');
  for (const field of ['childName', 'guardian1Name', 'guardian1Relationship', 'guardian2Name', 'guardian2Relationship', 'address', 'healthNotes'] as const) {
    const problem = textProblem(r[field]);
    if (problem) add(field, `${ROSTER_FIELDS.find((f) => f.key === field)?.label ?? ''}${problem}`, 'Contains control or direction characters');
  }

  let idNumber: string | null = null;
  let idBirth: string | null = null;
  let idGender: 'M' | 'F' | null = null;
  if (r.idNumber.trim() !== '') {
    const check = checkIdNumber(r.idNumber);
    if (check.ok) {
      idNumber = check.value;
      idBirth = check.birthDate;
      idGender = check.gender;
    } else add('idNumber', `${check.message}：${r.idNumber.trim()}`, `${check.messageEn}: ${r.idNumber.trim()}`);
  }

  const birthDate = r.birthDate.trim() === '' ? idBirth : parseDateCell(r.birthDate);
  if (!birthDate) {
    if (r.birthDate.trim() === '') add('birthDate', '缺少出生日期', 'Birth date missing');
    else add('birthDate', `出生日期无法识别：${r.birthDate}`, `Birth date not understood: ${r.birthDate}`);
  }
  else if (!inDateWindow(birthDate)) add('birthDate', `出生日期应在 ${FIRST_DATE.slice(0, 4)} 年以后：${r.birthDate}`, `Birth date out of range: ${r.birthDate}`);
  else if (idBirth && idBirth !== birthDate) add('birthDate', `出生日期与身份证号不一致（身份证为 ${idBirth}）`, `Birth date differs from the ID number (${idBirth})`);

  const gender = r.gender.trim() === '' ? idGender : parseGenderCell(r.gender);
  if (!gender) {
    if (r.gender.trim() === '') add('gender', '缺少性别', 'Gender missing');
    else add('gender', `性别应为“男”或“女”：${r.gender}`, `Gender should be 男 or 女: ${r.gender}`);
  }

  const className = r.className.replace(/\s+/g, '');
  const classId = ctx.classes.get(className) ?? null;
  if (className === '') add('className', '缺少班级', 'Class missing');
  else if (classId === null) add('className', `没有名为“${className}”的班级`, `There is no class called “${className}”`);

  const enrolledOn = r.enrolledOn.trim() === '' ? ctx.today : parseDateCell(r.enrolledOn);
  if (!enrolledOn) add('enrolledOn', `入园日期无法识别：${r.enrolledOn}`, `Enrolment date not understood: ${r.enrolledOn}`);
  else if (!inDateWindow(enrolledOn)) add('enrolledOn', `入园日期应在 ${FIRST_DATE.slice(0, 4)}～${LAST_DATE.slice(0, 4)} 年之间：${r.enrolledOn}`, `Enrolment date out of range: ${r.enrolledOn}`);
  for (const p of childDateProblems({ birthDate, enrolledOn }, ctx.today)) add(p.field as 'birthDate' | 'enrolledOn', p.message, p.messageEn);

  const healthNotes = r.healthNotes.trim();
  if (healthNotes.length > 500) add('healthNotes', '健康与安全提示最多 500 个字', 'Health notes are longer than 500 characters');

  const guardians: CleanGuardian[] = [];
  const slots = [
    ['guardian1Name', 'guardian1Relationship', 'guardian1Mobile'],
    ['guardian2Name', 'guardian2Relationship', 'guardian2Mobile'],
  ] as const;
  slots.forEach(([nameField, relField, mobileField], i) => {
    const name = r[nameField].trim();
    const rawMobile = r[mobileField].trim();
    if (i > 0 && name === '' && rawMobile === '') return;
    const mobile = normalizeMobile(rawMobile);
    if (name === '') add(nameField, `缺少家长${i + 1}姓名`, `Guardian ${i + 1} name missing`);
    if (rawMobile === '') add(mobileField, `缺少家长${i + 1}手机号`, `Guardian ${i + 1} mobile missing`);
    else if (!isMobile(mobile)) add(mobileField, `家长${i + 1}手机号不正确：${rawMobile}`, `Guardian ${i + 1} mobile is not an 11-digit mainland number: ${rawMobile}`);
    guardians.push({ name, relationship: r[relField].trim() || '监护人', mobile });
  });
  const [g1, g2] = guardians;
  if (g1 && g2 && g1.mobile !== '' && g1.mobile === g2.mobile) add('guardian2Mobile', '两位家长的手机号相同', 'Both guardians have the same mobile');

  if (problems.length > 0 || !gender || !birthDate || !enrolledOn || classId === null) return { problems, clean: null };
  return {
    problems,
    clean: { childName, gender, birthDate, idNumber, classId, enrolledOn, guardians, address: r.address.trim(), healthNotes },
  };
}

/**
 * Siblings share a household: rows whose guardians share a mobile number go
 * into one household, joining an existing household when the number is
 * already on file. Returns, per row, an existing household id or a group key.
 */
export function groupHouseholds(
  rows: readonly CleanRosterRow[],
  householdByMobile: ReadonlyMap<string, number>,
): ({ existing: number } | { group: number })[] {
  const groupOfMobile = new Map<string, number>();
  return rows.map((row, index) => {
    for (const g of row.guardians) {
      const existing = householdByMobile.get(g.mobile);
      if (existing !== undefined) return { existing };
    }
    const group = row.guardians.map((g) => groupOfMobile.get(g.mobile)).find((v) => v !== undefined) ?? index;
    for (const g of row.guardians) groupOfMobile.set(g.mobile, group);
    return { group };
  });
}
