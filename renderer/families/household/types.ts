import type { Api } from '../../../electron/api/index';

export type Household = Api['families.household']['output'];

export type Child = Household['children'][number];

export type Guardian = Household['guardians'][number];
