import { attendanceHandlers } from './attendance';
import { authHandlers } from './auth';
import { backupHandlers } from './backup';
import { billingHandlers } from './billing';
import type { ApiOf, HandlerMap } from './define';
import { feeStandardsHandlers } from './fee-standards';
import { combineHandlers } from './dispatch';
import { familiesHandlers } from './families';
import { homeHandlers } from './home';
import { kindergartenHandlers } from './kindergarten';
import { ledgerHandlers } from './ledger';
import { paymentsHandlers } from './payments';
import { policiesHandlers } from './policies';
import { refundHandlers } from './refund';
import { reportsHandlers } from './reports';
import { settlementHandlers } from './settlement';
import { setupHandlers } from './setup';
import { staffHandlers } from './staff';
import { surveysHandlers } from './surveys';

/**
 * Every API call the renderer can make, by area. Each area file defines its
 * handlers (access, input schema, run); this is the only place they meet.
 */
const AREAS = [
  setupHandlers,
  authHandlers,
  kindergartenHandlers,
  policiesHandlers,
  refundHandlers,
  feeStandardsHandlers,
  billingHandlers,
  staffHandlers,
  backupHandlers,
  familiesHandlers,
  attendanceHandlers,
  settlementHandlers,
  surveysHandlers,
  paymentsHandlers,
  ledgerHandlers,
  reportsHandlers,
  homeHandlers,
] as const;

/** A name defined in two areas throws here, at start-up. */
export const handlers: HandlerMap = combineHandlers(...AREAS);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The typed contract: `Api['families.search']['input' | 'output']`. */
export type Api = ApiOf<UnionToIntersection<(typeof AREAS)[number]>>;
export type ApiName = keyof Api;
