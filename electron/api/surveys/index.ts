import { actionHandlers } from './actions';
import { importHandlers } from './import';
import { overviewHandlers } from './overview';
import { responseHandlers } from './responses';
import { reviewHandlers } from './review';
import { runHandlers } from './runs';
import { templateHandlers } from './templates';

/** Satisfaction surveys; who may do what is in ./access.ts. */
export const surveysHandlers = {
  ...overviewHandlers,
  ...templateHandlers,
  ...runHandlers,
  ...responseHandlers,
  ...importHandlers,
  ...reviewHandlers,
  ...actionHandlers,
};
