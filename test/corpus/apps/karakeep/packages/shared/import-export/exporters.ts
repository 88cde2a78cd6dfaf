import { z } from "zod";

import { BookmarkTypes, ZBookmark } from "../types/bookmarks";
import { ZBookmarkList } from "../types/lists";
import { escapeHtml } from "../utils/htmlUtils";
import { isAllowedBookmarkUrl } from "../utils/url";

export const zExportListSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  icon: z.string(),
  type: z.enum(["manual", "smart"]),
  query: z.string().nullable(),
  parentId: z.string().nullable(),
});

export const zExportBookmarkSchema = z.object({
  createdAt: z.number(),
  title: z.string().nullable(),
  tags: z.array(z.string()),
  lists: z.array(z.string()).optional().default([]),
  content: z
    .discriminatedUnion("type", [
      z.object({
        type: z.literal(BookmarkTypes.LINK),
        url: z.string(),
      }),
      z.object({
        type: z.literal(BookmarkTypes.TEXT),
        text: z.string(),
      }),
    ])
    .nullable(),
  note: z.string().nullable(),
  archived: z.boolean().optional().default(false),
});

export const zExportSchema = z.object({
  bookmarks: z.array(zExportBookmarkSchema),
  lists: z.array(zExportListSchema).optional().default([]),
});

export function toExportFormat(
  bookmark: ZBookmark,
  listIds?: string[],
): z.infer<typeof zExportBookmarkSchema> {
  let content = null;
  switch (bookmark.content.type) {
    case BookmarkTypes.LINK: {
      content = {
        type: bookmark.content.type,
        url: bookmark.content.url,
      };
      break;
    }
    case BookmarkTypes.TEXT: {
      content = {
        type: bookmark.content.type,
        text: bookmark.content.text,
      };
      break;
    }
    // Exclude asset types for now
  }
  return {
    // Deliberately the last saved date rather than `firstCreatedAt`, so that
    // re-importing an export preserves the ordering the user sees in the app.
    createdAt: Math.floor(bookmark.createdAt.getTime() / 1000),
    title:
      bookmark.title ??
      (bookmark.content.type === BookmarkTypes.LINK
        ? (bookmark.content.title ?? null)
        : null),
    tags: bookmark.tags.map((t) => t.name),
    lists: listIds ?? [],
    content,
    note: bookmark.note ?? null,
    archived: bookmark.archived,
  };
}

export function toExportListFormat(
  list: ZBookmarkList,
): z.infer<typeof zExportListSchema> {
  return {
    id: list.id,
    name: list.name,
    description: list.description ?? null,
    icon: list.icon,
    type: list.type,
    query: list.query ?? null,
    parentId: list.parentId,
  };
}

export function toNetscapeFormat(bookmarks: ZBookmark[]): string {
  const header = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>`;

  const footer = `</DL><p>`;

  const bookmarkEntries = bookmarks
    .map((bookmark) => {
      if (bookmark.content?.type !== BookmarkTypes.LINK) {
        return "";
      }
      // Drop unsafe schemes (javascript:, data:, ...) that may predate
      // URL validation, so they can't execute when the export is opened.
      if (!isAllowedBookmarkUrl(bookmark.content.url)) {
        return "";
      }
      const addDate = bookmark.createdAt
        ? `ADD_DATE="${Math.floor(bookmark.createdAt.getTime() / 1000)}"`
        : "";

      // Tag names are attacker-influenced (the AI tagger writes them straight
      // from model output), so they have to be escaped like any other value
      // interpolated into an attribute.
      const tagNames = bookmark.tags.map((t) => t.name).join(",");
      const tags = tagNames.length > 0 ? `TAGS="${escapeHtml(tagNames)}"` : "";

      const encodedUrl = escapeHtml(encodeURI(bookmark.content.url));
      const displayTitle = bookmark.title ?? bookmark.content.url;
      const encodedTitle = escapeHtml(displayTitle);

      return `    <DT><A HREF="${encodedUrl}" ${addDate} ${tags}>${encodedTitle}</A>`;
    })
    .filter(Boolean)
    .join("\n");

  return `${header}\n${bookmarkEntries}\n${footer}`;
}
