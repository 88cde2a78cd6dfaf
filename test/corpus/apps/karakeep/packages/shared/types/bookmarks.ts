import { z } from "zod";

import { isAllowedBookmarkUrl } from "../utils/url";
import { zCursorV2 } from "./pagination";
import { zAttachedByEnumSchema, zBookmarkTagSchema } from "./tags";

export const MAX_BOOKMARK_TITLE_LENGTH = 1000;
export const DEFAULT_READABLE_CONTENT_MAX_CHARS = 12_000;
export const MAX_READABLE_CONTENT_MAX_CHARS = 50_000;

// Zod's url() accepts any scheme (javascript:, data:, ...), so restrict
// bookmark links to schemes that are safe to reflect in exports and feeds.
export const zBookmarkUrlSchema = z
  .string()
  .url()
  .refine(isAllowedBookmarkUrl, {
    message: "Only http and https URLs are allowed",
  });

export const enum BookmarkTypes {
  LINK = "link",
  TEXT = "text",
  ASSET = "asset",
  UNKNOWN = "unknown",
}

export const zBookmarkReadableContentFormatSchema = z.enum([
  "markdown",
  "text",
]);
export type ZBookmarkReadableContentFormat = z.infer<
  typeof zBookmarkReadableContentFormatSchema
>;

export const zBookmarkReadableContentSchema = z.object({
  bookmarkId: z.string(),
  bookmarkType: z.enum([
    BookmarkTypes.LINK,
    BookmarkTypes.TEXT,
    BookmarkTypes.ASSET,
  ]),
  format: zBookmarkReadableContentFormatSchema,
  content: z.string(),
  contentVersion: z.string(),
});
export type ZBookmarkReadableContent = z.infer<
  typeof zBookmarkReadableContentSchema
>;

export const zReaderViewStatusSchema = z.enum([
  "readable",
  "not_readable",
  "uncertain",
  "unavailable",
]);
export type ZReaderViewStatus = z.infer<typeof zReaderViewStatusSchema>;

export const zReaderViewReasonSchema = z.enum([
  "article_metadata",
  "non_article_metadata",
  "article_element",
  "very_short_content",
  "short_content",
  "substantial_content_length",
  "useful_content_length",
  "no_substantive_blocks",
  "single_substantive_block",
  "multiple_substantive_blocks",
  "some_substantive_blocks",
  "long_preformatted_content",
  "very_high_link_density",
  "high_link_density",
  "elevated_link_density",
  "low_link_density",
  "control_heavy_page",
  "link_collection",
  "search_url",
  "root_page",
  "challenge_page",
  "sentence_like_text",
  "low_sentence_density",
  "probably_readerable",
  "probably_not_readerable",
  "no_extracted_content",
]);
export type ZReaderViewReason = z.infer<typeof zReaderViewReasonSchema>;

export const zPreferredLinkPreviewSchema = z.enum([
  "reader_view",
  "screenshot",
  "overview",
]);
export type ZPreferredLinkPreview = z.infer<typeof zPreferredLinkPreviewSchema>;

export const zSortOrder = z.enum(["asc", "desc", "relevance"]);
export type ZSortOrder = z.infer<typeof zSortOrder>;

export const zAssetTypesSchema = z.enum([
  "linkHtmlContent",
  "screenshot",
  "pdf",
  "assetScreenshot",
  "bannerImage",
  "fullPageArchive",
  "video",
  "bookmarkAsset",
  "precrawledArchive",
  "userUploaded",
  "avatar",
  "unknown",
]);
export type ZAssetType = z.infer<typeof zAssetTypesSchema>;

export const zAssetSchema = z.object({
  id: z.string(),
  assetType: zAssetTypesSchema,
  fileName: z.string().nullish(),
});

export const zBookmarkedLinkSchema = z.object({
  type: z.literal(BookmarkTypes.LINK),
  url: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  imageUrl: z.string().nullish(),
  imageAssetId: z.string().nullish(),
  screenshotAssetId: z.string().nullish(),
  pdfAssetId: z.string().nullish(),
  fullPageArchiveAssetId: z.string().nullish(),
  precrawledArchiveAssetId: z.string().nullish(),
  videoAssetId: z.string().nullish(),
  favicon: z.string().nullish(),
  htmlContent: z.string().nullish(),
  contentAssetId: z.string().nullish(),
  readerViewStatus: zReaderViewStatusSchema.nullish(),
  readerViewScore: z.number().int().min(0).max(100).nullish(),
  preferredPreview: zPreferredLinkPreviewSchema.nullish(),
  crawledAt: z.date().nullish(),
  crawlStatus: z.enum(["success", "failure", "pending"]).nullish(),
  author: z.string().nullish(),
  publisher: z.string().nullish(),
  datePublished: z.date().nullish(),
  dateModified: z.date().nullish(),
});
export type ZBookmarkedLink = z.infer<typeof zBookmarkedLinkSchema>;

export const zBookmarkedTextSchema = z.object({
  type: z.literal(BookmarkTypes.TEXT),
  text: z.string(),
  sourceUrl: z.string().nullish(),
});
export type ZBookmarkedText = z.infer<typeof zBookmarkedTextSchema>;

export const zBookmarkedAssetSchema = z.object({
  type: z.literal(BookmarkTypes.ASSET),
  assetType: z.enum(["image", "pdf"]),
  assetId: z.string(),
  fileName: z.string().nullish(),
  sourceUrl: z.string().nullish(),
  size: z.number().nullish(),
  content: z.string().nullish(),
});
export type ZBookmarkedAsset = z.infer<typeof zBookmarkedAssetSchema>;

export const zBookmarkContentSchema = z.discriminatedUnion("type", [
  zBookmarkedLinkSchema,
  zBookmarkedTextSchema,
  zBookmarkedAssetSchema,
  z.object({ type: z.literal(BookmarkTypes.UNKNOWN) }),
]);
export type ZBookmarkContent = z.infer<typeof zBookmarkContentSchema>;

export const zBookmarkSourceSchema = z.enum([
  "api",
  "web",
  "cli",
  "mobile",
  "extension",
  "singlefile",
  "rss",
  "import",
]);
export type ZBookmarkSource = z.infer<typeof zBookmarkSourceSchema>;

export const zBareBookmarkSchema = z.object({
  id: z.string(),
  // This is optional for backwards compatibility
  firstCreatedAt: z.date().optional(),
  createdAt: z.date(),
  modifiedAt: z.date().nullable(),
  title: z.string().nullish(),
  archived: z.boolean(),
  favourited: z.boolean(),
  taggingStatus: z.enum(["success", "failure", "pending"]).nullable(),
  summarizationStatus: z.enum(["success", "failure", "pending"]).nullable(),
  embeddingStatus: z.enum(["success", "failure", "pending"]).nullable(),
  note: z.string().nullish(),
  summary: z.string().nullish(),
  source: zBookmarkSourceSchema.nullish(),
  userId: z.string(),
});

export type ZBareBookmark = z.infer<typeof zBareBookmarkSchema>;

export const zBookmarkSchema = zBareBookmarkSchema.extend(
  z.object({
    tags: z.array(zBookmarkTagSchema),
    content: zBookmarkContentSchema,
    assets: z.array(zAssetSchema),
  }).shape,
);
export type ZBookmark = z.infer<typeof zBookmarkSchema>;

const zBookmarkTypeLinkSchema = zBareBookmarkSchema.extend(
  z.object({
    tags: z.array(zBookmarkTagSchema),
    content: zBookmarkedLinkSchema,
    assets: z.array(zAssetSchema),
  }).shape,
);
export type ZBookmarkTypeLink = z.infer<typeof zBookmarkTypeLinkSchema>;

const zBookmarkTypeTextSchema = zBareBookmarkSchema.extend(
  z.object({
    tags: z.array(zBookmarkTagSchema),
    content: zBookmarkedTextSchema,
    assets: z.array(zAssetSchema),
  }).shape,
);
export type ZBookmarkTypeText = z.infer<typeof zBookmarkTypeTextSchema>;

const zBookmarkTypeAssetSchema = zBareBookmarkSchema.extend(
  z.object({
    tags: z.array(zBookmarkTagSchema),
    content: zBookmarkedAssetSchema,
    assets: z.array(zAssetSchema),
  }).shape,
);
export type ZBookmarkTypeAsset = z.infer<typeof zBookmarkTypeAssetSchema>;

// POST /v1/bookmarks
export const zNewBookmarkRequestSchema = z.intersection(
  z.object({
    title: z.string().max(MAX_BOOKMARK_TITLE_LENGTH).nullish(),
    archived: z.boolean().optional(),
    favourited: z.boolean().optional(),
    note: z.string().optional(),
    summary: z.string().optional(),
    createdAt: z.coerce
      .date()
      .optional()
      .meta({ type: "string", format: "date-time" }),
    // A mechanism to prioritize crawling of bookmarks depending on whether
    // they were created by a user interaction or by a bulk import.
    crawlPriority: z.enum(["low", "normal"]).optional(),
    // Deprecated
    importSessionId: z.string().optional(),
    source: zBookmarkSourceSchema.optional(),
  }),
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal(BookmarkTypes.LINK),
      url: zBookmarkUrlSchema,
      precrawledArchiveId: z.string().optional(),
    }),
    z.object({
      type: z.literal(BookmarkTypes.TEXT),
      text: z.string(),
      sourceUrl: z.string().optional(),
    }),
    z.object({
      type: z.literal(BookmarkTypes.ASSET),
      assetType: z.enum(["image", "pdf"]),
      assetId: z.string(),
      fileName: z.string().optional(),
      sourceUrl: z.string().optional(),
    }),
  ]),
);
export type ZNewBookmarkRequest = z.infer<typeof zNewBookmarkRequestSchema>;

// GET /v1/bookmarks

export const DEFAULT_NUM_BOOKMARKS_PER_PAGE = 20;
export const MAX_NUM_BOOKMARKS_PER_PAGE = 100;

export const zGetBookmarksRequestSchema = z.object({
  archived: z.boolean().optional(),
  favourited: z.boolean().optional(),
  tagId: z.string().optional(),
  listId: z.string().optional(),
  rssFeedId: z.string().optional(),
  limit: z.number().int().min(1).max(MAX_NUM_BOOKMARKS_PER_PAGE).optional(),
  cursor: zCursorV2.nullish(),
  // TODO: This was done for backward comptability. At this point, all clients should be settings this to true.
  // The value is currently not being used, but keeping it so that client can still set it to true for older
  // servers.
  useCursorV2: z.boolean().optional(),
  sortOrder: zSortOrder.exclude(["relevance"]).optional().default("desc"),
  includeContent: z.boolean().optional().default(false),
});
export type ZGetBookmarksRequest = z.infer<typeof zGetBookmarksRequestSchema>;

export const zGetBookmarksResponseSchema = z.object({
  bookmarks: z.array(zBookmarkSchema),
  nextCursor: zCursorV2.nullable(),
});
export type ZGetBookmarksResponse = z.infer<typeof zGetBookmarksResponseSchema>;

// PATCH /v1/bookmarks/[bookmarkId]
export const zUpdateBookmarksRequestSchema = z.object({
  bookmarkId: z.string(),
  archived: z.boolean().optional(),
  favourited: z.boolean().optional(),
  summary: z.string().nullish(),
  note: z.string().optional(),
  title: z.string().max(MAX_BOOKMARK_TITLE_LENGTH).nullish(),
  createdAt: z.coerce
    .date()
    .optional()
    .meta({ type: "string", format: "date-time" }),
  // Link specific fields (optional)
  url: zBookmarkUrlSchema.optional(),
  description: z.string().nullish(),
  author: z.string().nullish(),
  publisher: z.string().nullish(),
  datePublished: z.coerce.date().nullish(),
  dateModified: z.coerce.date().nullish(),

  // Text specific fields (optional)
  text: z.string().nullish(),

  // Asset specific fields (optional)
  assetContent: z.string().nullish(),
});
export type ZUpdateBookmarksRequest = z.infer<
  typeof zUpdateBookmarksRequestSchema
>;

// The schema that's used to for attachig/detaching tags
export const zManipulatedTagSchema = z
  .object({
    // At least one of the two must be set
    tagId: z.string().optional(), // If the tag already exists and we know its id we should pass it
    tagName: z.string().optional(),
    attachedBy: zAttachedByEnumSchema.optional().default("human"),
  })
  .refine((val) => !!val.tagId || !!val.tagName, {
    message: "You must provide either a tagId or a tagName",
    path: ["tagId", "tagName"],
  });

export const zSearchBookmarksCursor = z.discriminatedUnion("ver", [
  z.object({
    ver: z.literal(1),
    offset: z.number(),
  }),
]);
export const zBookmarkSearchMode = z.enum(["fts", "semantic", "hybrid"]);
export type ZBookmarkSearchMode = z.infer<typeof zBookmarkSearchMode>;
export const zSearchBookmarksRequestSchema = z.object({
  text: z.string(),
  limit: z.number().int().min(1).max(MAX_NUM_BOOKMARKS_PER_PAGE).optional(),
  cursor: zSearchBookmarksCursor.nullish(),
  sortOrder: zSortOrder.optional().default("relevance"),
  searchMode: zBookmarkSearchMode.optional().default("fts"),
  includeContent: z.boolean().optional().default(false),
});

export const zPublicBookmarkSchema = z.object({
  id: z.string(),
  createdAt: z.date(),
  modifiedAt: z.date().nullable(),
  title: z.string().nullish(),
  tags: z.array(z.string()),
  description: z.string().nullish(),
  bannerImageUrl: z.string().nullable(),
  content: z.discriminatedUnion("type", [
    z.object({
      type: z.literal(BookmarkTypes.LINK),
      url: z.string(),
      author: z.string().nullish(),
    }),
    z.object({
      type: z.literal(BookmarkTypes.TEXT),
      text: z.string(),
    }),
    z.object({
      type: z.literal(BookmarkTypes.ASSET),
      assetType: z.enum(["image", "pdf"]),
      assetId: z.string(),
      assetUrl: z.string(),
      fileName: z.string().nullish(),
      sourceUrl: z.string().nullish(),
    }),
  ]),
});

export type ZPublicBookmark = z.infer<typeof zPublicBookmarkSchema>;
