export * from './csv';
export * from './errors';
export * from './grid';
export * from './text';
export * from './zip';
export * from './ooxml';
export * from './header';
