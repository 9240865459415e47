// 月结 and its relatives: month-end settlement, corrections after it, the
// final settlement of a child who leaves, how refunds go back to families.
// The services here are shared with the command line (cli/settle.ts).
import { monthHandlers } from './month-handlers';
import { withdrawalHandlers } from './withdrawal-handlers';

export const settlementHandlers = { ...monthHandlers, ...withdrawalHandlers };
