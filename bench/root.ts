import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder, from this file as source (bench/) or as built (dist/bench/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', fileURLToPath(import.meta.url).endsWith('.ts') ? '' : '..');
