import { billFixHandlers } from './bill-fix';
import { billListHandlers } from './bill-list';
import { billRunHandlers } from './bill-run';
import { discountsHandlers } from './discounts';
import { standardsHandlers } from './standards';
import { voluntaryHandlers } from './voluntary';

/** The billing part of the fee area: standards, reductions, bill runs, replacement and void, notices. */
export const billingHandlers = {
  ...standardsHandlers,
  ...discountsHandlers,
  ...billRunHandlers,
  ...billFixHandlers,
  ...billListHandlers,
  ...voluntaryHandlers,
};
