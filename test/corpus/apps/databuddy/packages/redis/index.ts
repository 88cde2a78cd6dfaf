export * from './cacheable';
export * from './drizzle-cache';
export * from './redis';
export { redis as default } from './redis';
