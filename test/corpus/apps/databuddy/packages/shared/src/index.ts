export * from './country-codes';
export * from './lists';
export * from './types';
export * from './utils';
