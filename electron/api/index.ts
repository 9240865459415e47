import { attendanceHandlers } from './attendance';
import { authHandlers } from './auth';
import { type ApiOf, type HandlerMap } from './define';
import { combineHandlers } from './dispatch';
import { familiesHandlers } from './families';
import { kindergartenHandlers } from './kindergarten';
import { setupHandlers } from './setup';
import { staffHandlers } from './staff';
import { surveysHandlers } from './surveys';

/**
 * Every API call the renderer can make, by area. Each area file defines its
 * handlers (access, input schema, run); this is the only place they meet.
 */
const areas = {
  ...setupHandlers,
  ...authHandlers,
  ...kindergartenHandlers,
  ...staffHandlers,
  ...familiesHandlers,
  ...attendanceHandlers,
  ...surveysHandlers,
};

export const handlers: HandlerMap = combineHandlers(
  setupHandlers,
  authHandlers,
  kindergartenHandlers,
  staffHandlers,
  familiesHandlers,
  attendanceHandlers,
  surveysHandlers,
);

/** The typed contract: `Api['families.search']['input' | 'output']`. */
export type Api = ApiOf<typeof areas>;
export type ApiName = keyof Api;
