import type { TSESLint } from '@typescript-eslint/utils';
import { getSettings, type HotpathSettings } from '../settings.js';
import { hintsFromSettings } from './libraries.js';
import type { OriginHints } from './origin.js';
import { getOptionalTypes, type TypeServices } from './types.js';

export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What every recognizer needs about the file being linted; rules build it once in `create`. */
export interface FileContext {
  context: RuleContext;
  settings: HotpathSettings;
  hints: OriginHints;
  /** Present only in typed linting. */
  types: TypeServices | undefined;
}

const hintsBySettings = new WeakMap<HotpathSettings, OriginHints>();

export function getFileContext(context: RuleContext): FileContext {
  const settings = getSettings(context);
  let hints = hintsBySettings.get(settings);
  if (!hints) {
    hints = hintsFromSettings(settings);
    hintsBySettings.set(settings, hints);
  }
  return { context, settings, hints, types: getOptionalTypes(context) };
}
