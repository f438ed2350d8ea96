import { z } from "zod";
import { pageParam } from "~/infra/pagination";

// The kinds of failure a story tells (the library's filter, set on the story).
export const failureKinds = ["CASH", "PARTNERS", "MARKET", "PROCEDURE", "HEALTH", "FUNDRAISING"] as const;
export type FailureKind = (typeof failureKinds)[number];

// The library's search and filters, from its address (?q=faillite&secteur=…): a value that is not
// one of the choices reads as no filter, never as an error.
export const libraryFiltersSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  sector: z.string().trim().max(100).catch("").default(""),
  kind: z.enum(failureKinds).or(z.literal("")).catch("").default(""),
  region: z.string().trim().max(100).catch("").default(""),
  year: z.coerce.number().int().min(2000).max(2100).nullable().catch(null).default(null),
  page: pageParam,
});

export type LibraryFilters = z.output<typeof libraryFiltersSchema>;

export function libraryFilters(params: URLSearchParams) {
  const value = (key: string) => params.get(key) || undefined;
  return libraryFiltersSchema.parse({
    q: value("q"),
    sector: value("secteur"),
    kind: value("type"),
    region: value("region"),
    year: value("annee"),
    page: value("page"),
  });
}
