/** Calls that decide how often a callback or a loop body runs: per item, concurrently, later, or paced. */

/** Array methods whose callback runs once per element (as their first argument). */
export const ITERATION_METHODS: ReadonlySet<string> = new Set([
  'map',
  'forEach',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
]);

/** `Promise.all(…)` & co.: the promises they take run concurrently. */
export const PROMISE_COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);

/**
 * Callbacks that are stored to run later, not during the call that receives them: code inside them is not
 * evaluated per item of a loop around the registration.
 */
export const DEFERRED_CALLBACKS: ReadonlySet<string> = new Set([
  'on',
  'once',
  'addListener',
  'addEventListener',
  'subscribe',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'nextTick',
  // Schedulers and job queues (node-schedule, node-cron, cron, croner, agenda, bull/bullmq): the callback runs
  // at its time or per job, not per item of the loop that registers it.
  'scheduleJob',
  'schedule',
  'every',
  'process',
  'CronJob',
  'Cron',
  'Worker',
]);

/** What a polling loop awaits between passes. */
export const PACING_CALLS: ReadonlySet<string> = new Set(['sleep', 'delay', 'wait', 'setTimeout', 'pause', 'waitFor']);
