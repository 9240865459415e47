export * from './answers';
export * from './import';
export * from './review';
export * from './stats';
export * from './template';
export * from './types';
