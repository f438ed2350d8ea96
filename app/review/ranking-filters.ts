import { z } from "zod";
import { committeeStates } from "~/cfp/states";

// Query-string filters of the ranking table and its CSV export; an unknown value means "all".
export const rankingFiltersSchema = z.object({
  theme: z.string().min(1).optional().catch(undefined),
  format: z.string().min(1).optional().catch(undefined),
  etat: z.enum(committeeStates).optional().catch(undefined),
});

export function parseRankingFilters(url: URL) {
  const { theme, format, etat } = rankingFiltersSchema.parse(Object.fromEntries(url.searchParams));
  return { trackId: theme, formatId: format, state: etat };
}
