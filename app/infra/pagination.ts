import { z } from "zod";

// Long back-office lists are cut into numbered pages, `?page=2` in the query string, so that a
// link works without JavaScript, can be bookmarked and keeps the list's filters beside it
// (docs/decisions/018-organiser-pages-at-scale.md). A value that is not a page number (missing,
// "abc", 0, -1, 1.5, absurdly large) reads as the first page; a page past the end, as the last.
export const MAX_PAGE = 100_000;
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).optional().catch(undefined);

export type PageSpan = { page: number; pages: number; total: number; size: number; skip: number };

export function pageSpan(total: number, requested: number | undefined, size: number): PageSpan {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested ?? 1), pages);
  return { page, pages, total, size, skip: (page - 1) * size };
}

// One page of a list: its rows and total counted at once; when the page asked for is past the
// end (the list shrank, or the link was typed), the last page is read instead.
export async function readPage<T>(
  requested: number | undefined,
  size: number,
  count: () => Promise<number>,
  rows: (skip: number, take: number) => Promise<T[]>,
) {
  const first = pageSpan(Number.MAX_SAFE_INTEGER, requested, size);
  const [total, found] = await Promise.all([count(), rows(first.skip, size)]);
  const span = pageSpan(total, requested, size);
  return { ...span, rows: span.skip === first.skip ? found : await rows(span.skip, size) };
}

// The query string of another page of the same list, the other parameters kept.
export function pageQuery(search: string | URLSearchParams, page: number) {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "?";
}
