/**
 * Fields of an audit entry's before/after that hold an id, by the kind of
 * record they name. The backend looks the names up (audit.list's `names`)
 * and the audit screen shows them in place of the ids: one list, so a field
 * is never named on one side and left as "#12" on the other.
 */
export type AuditNameKind = 'children' | 'households' | 'guardians' | 'staff' | 'classes' | 'semesters';

export const AUDIT_ID_FIELDS: Readonly<Record<string, AuditNameKind>> = {
  childId: 'children',
  childIds: 'children',
  householdId: 'households',
  guardianId: 'guardians',
  staffId: 'staff',
  handlerId: 'staff',
  createdBy: 'staff',
  recordedBy: 'staff',
  receivedBy: 'staff',
  changedBy: 'staff',
  enteredBy: 'staff',
  followUpDoneBy: 'staff',
  voidedBy: 'staff',
  issuedBy: 'staff',
  classId: 'classes',
  classIds: 'classes',
  fileClass: 'classes',
  semesterId: 'semesters',
};
