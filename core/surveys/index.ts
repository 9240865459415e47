export * from './answers';
export * from './columns';
export * from './labels';
export * from './import';
export * from './review';
export * from './stats';
export * from './template';
export * from './types';
