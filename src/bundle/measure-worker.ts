// Cold measurements, in a process of their own so that the linting process can stop waiting (its time box)
// while this one finishes and leaves the results in the cache for the next run.
// The jobs, a JSON array of { entries, resolveDir, peers, file, key }, come as the one argument or on stdin.
// They are bundled at once: esbuild's service builds them in parallel.
import { readFileSync } from 'node:fs';
import { measureAsync, type ImportEntry } from './measure.js';
import { writeCache } from './size-cache.js';

interface Job {
  entries: ImportEntry[];
  resolveDir: string;
  peers: string[];
  file: string;
  key: string;
}

const jobs = JSON.parse(process.argv[2] ?? readFileSync(0, 'utf8')) as Job[];
await Promise.all(jobs.map(async (job) => writeCache(job.file, job.key, await measureAsync(job.entries, job.resolveDir, job.peers))));
