export * from './attendance';
export * from './billing';
export * from './families';
export * from './kindergarten';
export * from './policies';
export * from './settings';
export * from './staff';
export * from './surveys';
