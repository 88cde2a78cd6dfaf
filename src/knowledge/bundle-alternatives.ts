/**
 * Lighter ways to get what a heavy package gives, for the messages of `client-bundle-budget`. Kept small and
 * documented in docs/rules/client-bundle-budget.md; each entry is a well-known, maintained replacement.
 */
export const LIGHTER_ALTERNATIVES: Record<string, string> = {
  moment: '`date-fns` (import only the functions you use) or `dayjs`',
  'moment-timezone': '`date-fns-tz` or the built-in `Intl.DateTimeFormat` with `timeZone`',
  lodash: '`lodash-es`, per-function imports (`lodash/debounce`) or built-ins',
  underscore: 'the built-in `Array`/`Object` methods',
  axios: 'the built-in `fetch`',
  'crypto-js': 'the built-in Web Crypto API (`crypto.subtle`)',
  uuid: 'the built-in `crypto.randomUUID()`',
  numeral: 'the built-in `Intl.NumberFormat`',
  jquery: 'the DOM API',
};

/**
 * Packages with one module per function, so that `import { debounce } from "lodash"` can become
 * `import debounce from "lodash/debounce"`: only that function and what it uses is bundled.
 */
export const PER_FUNCTION_SUBPATHS = new Set(['lodash']);
