export * from './date-utils';
export * from './discord-webhook';
export * from './ids';
