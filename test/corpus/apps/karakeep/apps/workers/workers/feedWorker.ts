import { and, eq, inArray } from "drizzle-orm";
import { workerStatsCounter } from "metrics";
import { fetchWithProxy } from "network";
import cron from "node-cron";
import { buildImpersonatingTRPCClient } from "trpc";
import { TRPCError } from "@trpc/server";
import { withWorkerEventLog, withWorkerTracing } from "workerTracing";
import { ZodError } from "zod";

import type { ZFeedRequestSchema } from "@karakeep/shared-server";
import { db } from "@karakeep/db";
import { rssFeedImportsTable, rssFeedsTable } from "@karakeep/db/schema";
import { addLogFields, FeedQueue, QuotaService } from "@karakeep/shared-server";
import logger from "@karakeep/shared/logger";
import { DequeuedJob, getQueueClient } from "@karakeep/shared/queueing";
import { BookmarkTypes } from "@karakeep/shared/types/bookmarks";

import { parseFeedItems } from "./utils/feedParser";

type FeedRunResult = "success" | "failure";

/**
 * Deterministically maps a feed ID to a minute offset within the hour (0-59).
 * This ensures feeds are spread evenly across the hour based on their ID.
 */
function getFeedMinuteOffset(feedId: string): number {
  // Simple hash function: sum character codes
  let hash = 0;
  for (let i = 0; i < feedId.length; i++) {
    hash = (hash << 5) - hash + feedId.charCodeAt(i);
    hash = hash & hash; // Convert to 32-bit integer
  }
  // Return a minute offset between 0 and 59
  return Math.abs(hash) % 60;
}

function getErrorMessage(error: unknown): string {
  if (error instanceof TRPCError) {
    if (error.cause instanceof ZodError) {
      const validationMessage = error.cause.issues
        .map((issue) => {
          const path = issue.path.join(".");
          return path ? `${path}: ${issue.message}` : issue.message;
        })
        .join("; ");

      return `${error.code}: ${validationMessage}`;
    }

    return `${error.code}: ${error.message}`;
  }

  if (error instanceof Error) {
    return error.message;
  }

  return String(error);
}

export const FeedRefreshingWorker = cron.schedule(
  "0 * * * *",
  async () => {
    logger.info("[feed] Scheduling feed refreshing jobs ...");
    try {
      const feeds = await db.query.rssFeedsTable.findMany({
        columns: {
          id: true,
          userId: true,
        },
        where: eq(rssFeedsTable.enabled, true),
      });

      const currentHour = new Date();
      currentHour.setMinutes(0, 0, 0);
      const hourlyWindow = currentHour.toISOString();
      const now = new Date();
      const currentMinute = now.getMinutes();

      for (const feed of feeds) {
        const idempotencyKey = `${feed.id}-${hourlyWindow}`;
        const targetMinute = getFeedMinuteOffset(feed.id);

        // Calculate delay: if target minute has passed, schedule for next hour
        let delayMinutes = targetMinute - currentMinute;
        if (delayMinutes < 0) {
          delayMinutes += 60;
        }
        const delayMs = delayMinutes * 60 * 1000;

        logger.debug(
          `[feed] Scheduling feed ${feed.id} at minute ${targetMinute} (delay: ${delayMinutes} minutes)`,
        );

        await FeedQueue.enqueue(
          {
            feedId: feed.id,
          },
          {
            idempotencyKey,
            groupId: feed.userId,
            delayMs,
          },
        );
      }
    } catch (error) {
      logger.error(`[feed] Error scheduling feed refreshing jobs: ${error}`);
    }
  },
  {
    runOnInit: false,
    scheduled: false,
  },
);

export class FeedWorker {
  static async build() {
    logger.info("Starting feed worker ...");
    const worker = (await getQueueClient())!.createRunner<
      ZFeedRequestSchema,
      FeedRunResult
    >(
      FeedQueue,
      {
        run: withWorkerTracing(
          "feedWorker.run",
          withWorkerEventLog("feedWorker.run", run),
        ),
        onComplete: async (job, result) => {
          workerStatsCounter.labels("feed", "completed").inc();
          const jobId = job.id;
          logger.info(
            `[feed][${jobId}] Completed with fetch status: ${result}`,
          );
          await db
            .update(rssFeedsTable)
            .set({ lastFetchedStatus: result, lastFetchedAt: new Date() })
            .where(eq(rssFeedsTable.id, job.data?.feedId));
        },
        onError: async (job) => {
          workerStatsCounter.labels("feed", "failed").inc();
          if (job.numRetriesLeft == 0) {
            workerStatsCounter.labels("feed", "failed_permanent").inc();
          }
          const jobId = job.id;
          logger.error(
            `[feed][${jobId}] Feed fetch job failed: ${job.error}\n${job.error.stack}`,
          );
          if (job.data) {
            await db
              .update(rssFeedsTable)
              .set({ lastFetchedStatus: "failure", lastFetchedAt: new Date() })
              .where(eq(rssFeedsTable.id, job.data?.feedId));
          }
        },
      },
      {
        concurrency: 1,
        pollIntervalMs: 1000,
        timeoutSecs: 30,
      },
    );

    return worker;
  }
}

async function run(
  req: DequeuedJob<ZFeedRequestSchema>,
): Promise<FeedRunResult> {
  const jobId = req.id;
  addLogFields<"feedWorker.run">({ "feed.id": req.data.feedId });
  const feed = await db.query.rssFeedsTable.findFirst({
    where: eq(rssFeedsTable.id, req.data.feedId),
  });
  if (!feed) {
    throw new Error(
      `[feed][${jobId}] Feed with id ${req.data.feedId} not found`,
    );
  }
  addLogFields<"feedWorker.run">({
    "feed.url": feed.url,
    "user.id": feed.userId,
  });

  // If the user doesn't have bookmark quota, don't bother with fetching the feed
  {
    const quotaResult = await QuotaService.canCreateBookmark(db, feed.userId);
    if (!quotaResult.result) {
      logger.debug(
        `[feed][${jobId}] User ${feed.userId} doesn't have enough quota to create bookmarks. Skipping feed fetching.`,
      );
      addLogFields<"feedWorker.run">({ "feed.skipped_quota": true });
      return "success";
    }
  }

  logger.info(
    `[feed][${jobId}] Starting fetching feed "${feed.name}" (${feed.id}) ...`,
  );

  let response;
  try {
    response = await fetchWithProxy(feed.url, {
      signal: AbortSignal.timeout(5000),
      headers: {
        "User-Agent": "Karakeep-RSS/1.0 (+https://karakeep.app)",
        Accept: "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8",
      },
    });
  } catch (error) {
    logger.warn(
      `[feed][${jobId}] Failed to fetch feed "${feed.name}" (${feed.id}): ${getErrorMessage(error)}. Skipping until the next scheduled fetch.`,
    );
    return "failure";
  }

  addLogFields<"feedWorker.run">({ "feed.status_code": response.status });
  if (response.status !== 200) {
    logger.warn(
      `[feed][${jobId}] Feed "${feed.name}" (${feed.id}) returned a non-success status: ${response.status}. Skipping until the next scheduled fetch.`,
    );
    return "failure";
  }
  const contentType = response.headers.get("content-type");
  if (!contentType || !contentType.includes("xml")) {
    logger.warn(
      `[feed][${jobId}] Feed "${feed.name}" (${feed.id}) is not a valid RSS feed. Skipping until the next scheduled fetch.`,
    );
    return "failure";
  }

  let xmlData;
  try {
    xmlData = await response.text();
  } catch (error) {
    logger.warn(
      `[feed][${jobId}] Failed to read feed "${feed.name}" (${feed.id}): ${getErrorMessage(error)}. Skipping until the next scheduled fetch.`,
    );
    return "failure";
  }

  logger.info(
    `[feed][${jobId}] Successfully fetched feed "${feed.name}" (${feed.id}) ...`,
  );

  let feedItems;
  try {
    feedItems = await parseFeedItems(xmlData);
  } catch (error) {
    logger.warn(
      `[feed][${jobId}] Failed to parse feed "${feed.name}" (${feed.id}): ${getErrorMessage(error)}. Skipping until the next scheduled fetch.`,
    );
    return "failure";
  }

  addLogFields<"feedWorker.run">({ "feed.items_found": feedItems.length });
  await db
    .update(rssFeedsTable)
    .set({ lastSuccessfulFetchAt: new Date() })
    .where(eq(rssFeedsTable.id, feed.id));

  logger.info(
    `[feed][${jobId}] Found ${feedItems.length} entries in feed "${feed.name}" (${feed.id}) ...`,
  );

  if (feedItems.length === 0) {
    logger.info(`[feed][${jobId}] No entries found.`);
    return "success";
  }

  const exitingEntries = await db.query.rssFeedImportsTable.findMany({
    where: and(
      eq(rssFeedImportsTable.rssFeedId, feed.id),
      inArray(
        rssFeedImportsTable.entryId,
        feedItems.map((item) => item.guid).filter((id): id is string => !!id),
      ),
    ),
  });

  const newEntries = feedItems.filter(
    (item) =>
      !exitingEntries.some((entry) => entry.entryId === item.guid) &&
      item.link &&
      item.guid,
  );
  addLogFields<"feedWorker.run">({ "feed.items_new": newEntries.length });

  if (newEntries.length === 0) {
    logger.info(
      `[feed][${jobId}] No new entries found in feed "${feed.name}" (${feed.id}).`,
    );
    return "success";
  }

  logger.info(
    `[feed][${jobId}] Found ${newEntries.length} new entries in feed "${feed.name}" (${feed.id}) ...`,
  );

  const trpcClient = await buildImpersonatingTRPCClient(feed.userId);

  const createdBookmarks = await Promise.allSettled(
    newEntries.map((item) =>
      trpcClient.bookmarks.createBookmark({
        type: BookmarkTypes.LINK,
        url: item.link!,
        title: item.title,
        source: "rss",
      }),
    ),
  );
  const bookmarkCreationFailures = createdBookmarks.flatMap((bookmark, idx) =>
    bookmark.status === "rejected"
      ? [{ item: newEntries[idx], reason: bookmark.reason }]
      : [],
  );
  const createdBookmarkCount =
    createdBookmarks.length - bookmarkCreationFailures.length;
  addLogFields<"feedWorker.run">({
    "feed.bookmarks_created": createdBookmarkCount,
    "feed.bookmarks_failed": bookmarkCreationFailures.length,
  });

  if (bookmarkCreationFailures.length > 0) {
    logger.warn(
      `[feed][${jobId}] Failed to create ${bookmarkCreationFailures.length}/${newEntries.length} bookmarks from feed "${feed.name}" (${feed.id}).`,
    );
    for (const failure of bookmarkCreationFailures.slice(0, 3)) {
      logger.debug(
        `[feed][${jobId}] Bookmark creation failed for feed item "${failure.item.title ?? failure.item.guid}" (${failure.item.link}): ${getErrorMessage(failure.reason)}`,
      );
    }
  }

  // If importTags is enabled, attach categories as tags to the created bookmarks
  if (feed.importTags) {
    await Promise.allSettled(
      newEntries.map(async (item, idx) => {
        const bookmark = createdBookmarks[idx];
        if (
          bookmark.status === "fulfilled" &&
          item.categories &&
          item.categories.length > 0
        ) {
          try {
            await trpcClient.bookmarks.updateTags({ // hotpath-ok: no-n-plus-one an HTTP call to the API, not a query in this process
              bookmarkId: bookmark.value.id,
              attach: item.categories.map((tagName) => ({ tagName })),
              detach: [],
            });
          } catch (error) {
            logger.warn(
              `[feed][${jobId}] Failed to attach tags to bookmark ${bookmark.value.id}: ${error}`,
            );
          }
        }
      }),
    );
  }

  // It's ok if this is not transactional as the bookmarks will get linked in the next iteration.
  await db
    .insert(rssFeedImportsTable)
    .values(
      newEntries.map((item, idx) => {
        const b = createdBookmarks[idx];
        return {
          entryId: item.guid!,
          bookmarkId: b.status === "fulfilled" ? b.value.id : null,
          rssFeedId: feed.id,
        };
      }),
    )
    .onConflictDoNothing();

  logger.info(
    `[feed][${jobId}] Imported ${newEntries.length} feed entries from feed "${feed.name}" (${feed.id}); created ${createdBookmarkCount} bookmarks${bookmarkCreationFailures.length > 0 ? `, failed to create ${bookmarkCreationFailures.length}` : ""}.`,
  );

  return "success";
}
