// A cold measurement, in a process of its own so that the linting process can stop waiting (its time box)
// while this one finishes and leaves the result in the cache for the next run.
// argv: one JSON argument { entries, resolveDir, peers, file, key }.
import { measure, type ImportEntry } from './measure.js';
import { writeCache } from './size-cache.js';

const job = JSON.parse(process.argv[2]!) as {
  entries: ImportEntry[];
  resolveDir: string;
  peers: string[];
  file: string;
  key: string;
};
writeCache(job.file, job.key, measure(job.entries, job.resolveDir, job.peers));
