export * from 'drizzle-orm';
export * from './clickhouse/client';
export * from './clickhouse/schema';
export { db } from './client';
export * from './drizzle/relations';
export * from './drizzle/schema';
