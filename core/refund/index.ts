// The refund engine. Typical use at a boundary (IPC handler, command line):
//
//   const result = computeRefund(parseRefundCase(untrustedJson), calendar);
//
// Errors: RefundInputError (bad case; .message English, .messageZh Chinese),
// CalendarMissingError (no legal calendar for the year and no W given).
export { computeRefund, type RefundOptions } from './compute';
export { parseRefundCase, refundCaseSchema, type RefundCaseInput } from './schema';
export { RefundInputError } from './errors';
export { whatIfDays, type WhatIfResult, type WhatIfScenario } from './what-if';
export type { PolicyLookup } from './context';
export type { Billing, FeeInput, LineInputs, RefundCase, RefundLine, RefundResult } from './types';
