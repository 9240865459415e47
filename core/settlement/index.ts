// Month-end settlement (月结), corrections after it and the final settlement
// of a child who leaves (退园): which charges are settled, the refund engine's
// case built from them and the month's attendance, the difference a
// re-settlement books, and the payout deadline. Pure: the database side is in
// electron/api/settlement/.
export * from './attendance';
export * from './bills';
export * from './difference';
export * from './plan';
export * from './totals';
export * from './types';
export * from './withdrawal';
export * from './guardrails';
