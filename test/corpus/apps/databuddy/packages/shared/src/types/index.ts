// Export all shared types

export * from './analytics';
export * from './api';
export * from './assistant';
export * from './errors';
export * from './journey';
export * from './metrics';
export * from './pages';
export * from './parameters';
export * from './performance';
export * from './query';
export * from './realtime';
export * from './revenue';
export * from './sessions';
export * from './website';
