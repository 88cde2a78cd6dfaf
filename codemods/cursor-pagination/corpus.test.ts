import { describe, expect, it } from 'vitest';
import { runCorpus, type CorpusRun } from '../../bench/cursor-corpus.js';

/**
 * The codemod on the labelled real-app corpus, as a dry run: which reported offset sites it rewrites, and
 * that every other one gets a reason. The figures are those of docs/codemods/cursor-pagination.md.
 */
describe('cursor-pagination on the real-app corpus', () => {
  let run: CorpusRun;
  it('rewrites the sites it can prove, once, into code that parses, and gives every other site a reason', () => {
    run = runCorpus();
    expect(run.unparsable).toEqual([]);
    expect(run.unstable).toEqual([]);
    expect(run.sites).toHaveLength(38);
    expect(run.sites.filter((s) => s.outcome === 'rewritten').map((s) => s.site)).toEqual([
      'databuddy/packages/rpc/src/routers/assistant.ts:145',
      'midday/packages/db/src/queries/activities.ts:161',
      'midday/packages/db/src/queries/customers.ts:809',
      'midday/packages/db/src/queries/documents.ts:147',
      'midday/packages/db/src/queries/insights.ts:153',
      'midday/packages/db/src/queries/invoice-recurring.ts:416',
    ]);
    expect(run.sites.filter((s) => s.outcome === 'not reached by the codemod')).toEqual([]);
  }, 120_000);

  it('refuses the page-number APIs: a total next to the page is the first reason', () => {
    expect(run.reasons[0]).toEqual([
      'the result carries `…` next to the page: a client that shows page numbers or jumps to a page needs the offset; if none does, run with --keep-total',
      24,
    ]);
  });

  it('with --keep-total, also rewrites the page-number APIs whose total is a separate count: 15 of the 38', () => {
    const kept = runCorpus({ 'keep-total': 'true' });
    expect(kept.unparsable).toEqual([]);
    expect(kept.unstable).toEqual([]);
    const rewritten = kept.sites.filter((s) => s.outcome === 'rewritten').map((s) => s.site);
    expect(rewritten.filter((s) => !run.sites.some((r) => r.site === s && r.outcome === 'rewritten'))).toEqual(
      ['application.ts:1095', 'compose.ts:1193', 'environment.ts:398', 'mariadb.ts:586', 'mongo.ts:597', 'mysql.ts:600', 'postgres.ts:610', 'project.ts:711', 'redis.ts:583'].map(
        (f) => `dokploy/apps/dokploy/server/api/routers/${f}`,
      ),
    );
    expect(rewritten).toHaveLength(15);
    expect(kept.sites.find((s) => s.site === 'homarr/packages/api/src/router/app.ts:44')?.outcome).toBe(
      'the procedure is published as a REST endpoint (`meta.openapi`): callers outside the checkout send the offset, keep it or version the endpoint',
    );
  }, 120_000);
});
