import type { Db } from "~/infra/db/client.server";
import { submissionFormSchema } from "~/cfp/submission-form";

const DAY = 24 * 60 * 60 * 1000;

// An event whose call is open from yesterday for `days` days, with one 12-minute format.
export async function openCall(
  client: Db,
  eventId: string,
  options: { days?: number; maxPerSpeaker?: number; formatDeadline?: Date } = {},
) {
  const now = Date.now();
  await client.callForStories.create({
    data: {
      eventId,
      opensAt: new Date(now - DAY),
      closesAt: new Date(now + (options.days ?? 30) * DAY),
      maxPerSpeaker: options.maxPerSpeaker ?? 2,
    },
  });
  const format = await client.talkFormat.create({
    data: {
      eventId,
      nameFr: "Récit d'échec",
      nameEn: "Failure story",
      minutes: 12,
      deadline: options.formatDeadline ?? null,
    },
  });
  const track = await client.track.create({ data: { eventId, nameFr: "Financement", nameEn: "Funding" } });
  return { format, track };
}

// A complete story, as the browser sends it.
export function rawStory(formatId: string, overrides: Record<string, unknown> = {}) {
  return {
    intent: "submit",
    formatId,
    speakerName: "Julien Morel",
    title: "Quand la banque a coupé la ligne de crédit",
    company: "Boulangeries Morel",
    sector: "Artisanat",
    companyYears: "2014–2020",
    whatHappened:
      "Nous avions ouvert trois boulangeries en deux ans. La troisième n'a jamais trouvé sa clientèle, et quand la banque a coupé la ligne de crédit, tout le réseau a vacillé en un trimestre.",
    turningPoint: "Le courrier recommandé de la banque, un vendredi soir.",
    lessons:
      "Ne jamais financer une ouverture avec la trésorerie des autres boutiques, et parler tôt au tribunal de commerce.",
    nowDoing: "Salarié dans une coopérative, et bénévole pour 60 000 rebonds.",
    language: "fr",
    consentRecording: "on",
    ...overrides,
  };
}

// The same story once the form schema has parsed it.
export function storyForm(formatId: string, overrides: Record<string, unknown> = {}) {
  // The name typed with the story replaces the account's: left empty unless a test names the
  // speaker, so that the name the test's factory gave stays.
  return {
    ...submissionFormSchema.parse(rawStory(formatId, overrides)),
    speakerName: String(overrides.speakerName ?? ""),
  };
}
