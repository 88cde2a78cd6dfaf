export * from './bots';
export * from './filters';
export * from './referrers';
export * from './timezones';
