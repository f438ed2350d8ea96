import { useTranslation } from "~/infra/i18n/react";
import type { teamChoices } from "./chapters.server";

// A "which team" select's options from teamChoices: the national team ("") where the person is
// on it, then the chapters, named with their organisation when there are several. None when no
// organisation has chapters (the select is then left out).
export function useTeamOptions(teams: Awaited<ReturnType<typeof teamChoices>>) {
  const { t } = useTranslation();
  if (!teams.some((team) => team.chapters.length)) return [];
  const named = (team: (typeof teams)[number], label: string) =>
    teams.length > 1 ? `${team.organisationName} — ${label}` : label;
  return teams.flatMap((team) => [
    ...(team.national ? [{ value: "", label: named(team, t("chapters.national")) }] : []),
    ...team.chapters.map((c) => ({ value: c.id, label: named(team, c.name) })),
  ]);
}
