export * from './auth';
export * from './permissions';
export * from './types';
