import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, isAuditAction } from '../../../../core/audit/actions';

describe('audit actions', () => {
  // The handlers can only write actions of this union (AuditEntry.action), so labelling the union labels them all.
  it('labels every audit action in Chinese and English', () => {
    expect(AUDIT_ACTION_NAMES.length).toBeGreaterThan(40);
    for (const action of AUDIT_ACTION_NAMES) {
      const [zh, en] = AUDIT_ACTIONS[action];
      expect(zh, action).toMatch(/\p{Script=Han}/u);
      expect(en, action).toMatch(/^[A-Z][A-Za-z -]+$/);
    }
  });

  it('tells an action of the list from a code written by something else', () => {
    expect(isAuditAction('attendance.rollCall')).toBe(true);
    expect(isAuditAction('toString')).toBe(false);
    expect(isAuditAction('something.new')).toBe(false);
  });
});
