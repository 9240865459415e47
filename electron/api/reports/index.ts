import { documentHandlers } from './documents';
import { reportHandlers } from './handlers';

/** 报表 (with their check lines and .xlsx export), the public fee board and the fee agreement. */
export const reportsHandlers = { ...reportHandlers, ...documentHandlers };
