import { arrears, exportArrears } from './arrears';
import { checkAccounts } from './check';
import { accountStatement, exportAccount } from './entries';

/** 家庭账户 and 欠费: the household's account and statement, arrears, exports, the integrity check. */
export const ledgerHandlers = {
  'ledger.account': accountStatement,
  'ledger.exportAccount': exportAccount,
  'ledger.arrears': arrears,
  'ledger.exportArrears': exportArrears,
  'ledger.check': checkAccounts,
};
