import { homeHandlers } from './today';

/** The home screen (首页): today at a glance, for every role. */
export { homeHandlers };
