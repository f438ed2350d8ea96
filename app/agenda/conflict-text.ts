import type { Translate } from "~/infra/i18n/translate";
import type { Conflict } from "./conflicts";

// One sentence per conflict, naming the talks and the speaker concerned.
export function describeConflict(
  t: Translate,
  conflict: Conflict,
  titles: Map<string, string>,
  speakers: Map<string, string>,
) {
  const [first, second] = conflict.slotIds.map((id) => t("agenda.quoted", { text: titles.get(id) ?? "?" }));
  switch (conflict.kind) {
    case "speaker":
      return t("schedule.conflict.speaker", { speaker: speakers.get(conflict.speakerId), first, second });
    case "room":
      return t("schedule.conflict.room", { first, second });
    case "hours":
      return t("schedule.conflict.hours", { first });
    case "availability":
      return t("schedule.conflict.availability", { speaker: speakers.get(conflict.speakerId), first });
    case "tooShort":
      return t("schedule.conflict.tooShort", { first, minutes: conflict.minutes });
    case "unconfirmed":
      return t("schedule.conflict.unconfirmed", { first });
  }
}
