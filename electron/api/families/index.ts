import { childrenHandlers } from './children';
import { contactHandlers } from './contacts';
import { exportHandlers } from './export';
import { feedbackHandlers } from './feedback';
import { guardianHandlers } from './guardians';
import { householdHandlers } from './household';
import { importHandlers } from './import';
import { searchHandlers } from './search';

/**
 * Children, guardians and households; the contact log and follow-ups;
 * feedback and complaints; search; roster import and export.
 * Who may do what is in ./access.ts.
 */
export const familiesHandlers = {
  ...searchHandlers,
  ...childrenHandlers,
  ...householdHandlers,
  ...guardianHandlers,
  ...contactHandlers,
  ...feedbackHandlers,
  ...importHandlers,
  ...exportHandlers,
};
