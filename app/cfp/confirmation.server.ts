import type { Db } from "~/infra/db/client.server";
import { speakerRoleFromToken } from "./confirmation-link.server";
import { TransitionRefused, transition } from "./submissions.server";

export async function confirmationByToken(client: Db, token: string, secret: string) {
  const id = speakerRoleFromToken(token, secret);
  if (!id) return null;
  return client.speakerRole.findUnique({
    where: { id },
    select: {
      userId: true,
      user: { select: { name: true, speakerProfile: { select: { bio: true, photoUpdatedAt: true } } } },
      submission: {
        select: {
          id: true,
          title: true,
          state: true,
          format: { select: { nameFr: true, nameEn: true, minutes: true } },
          event: {
            select: { slug: true, titleFr: true, titleEn: true, startsAt: true, timeZone: true, venueName: true },
          },
        },
      },
    },
  });
}

// The speaker's answer from the link in the acceptance mail (a POST from the page the link opens).
// The link serves until the event starts: a talk is confirmed or declined before, not during.
export const confirmationOpen = (found: { submission: { event: { startsAt: Date } } }, now = new Date()) =>
  found.submission.event.startsAt > now;

export async function answerConfirmation(client: Db, token: string, secret: string, answer: "CONFIRMED" | "DECLINED") {
  const found = await confirmationByToken(client, token, secret);
  if (!found) return { ok: false as const, error: "errors.notFound" };
  if (!confirmationOpen(found)) return { ok: false as const, error: "errorPage.reasons.confirmationClosed" };
  try {
    await client.$transaction((tx) => transition(tx, found.submission.id, answer, "speaker", found.userId));
  } catch (error) {
    if (error instanceof TransitionRefused) return { ok: false as const, error: "errors.alreadyAnswered" };
    throw error;
  }
  return { ok: true as const };
}
