import { getSettings, type HotpathSettings } from '../settings.js';
import type { FileContext, OriginHints, RuleContext } from './analysis-types.js';
import { hintsFromSettings } from './libraries.js';
import { getOptionalTypes } from './types.js';

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
