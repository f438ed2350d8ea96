import { href } from "react-router";
import type { Db, Tx } from "~/infra/db/client.server";
import { type Locale, localized, translator } from "~/infra/i18n/i18n";
import { enqueueMail, renderMail } from "~/platform/mail.server";
import { fillPlaceholders } from "~/infra/placeholders";
import { confirmationToken } from "./confirmation-link.server";
import { canTransition } from "./states";
import { TransitionRefused, transition } from "./submissions.server";
import type { LinkContext } from "~/infra/links.server";

export const decisions = ["ACCEPTED", "REJECTED"] as const;
export type Decision = (typeof decisions)[number];

type Messages = Record<Decision, { bodyFr: string; bodyEn: string }>;

// The organisers' text for one speaker: in the speaker's language, {{prenom}}, {{titre}} and
// {{evenement}} filled.
function personalBody(
  messages: Messages,
  decision: Decision,
  locale: Locale,
  values: { name: string; title: string; eventTitle: string },
) {
  const template = localized(messages[decision], "body", locale);
  return fillPlaceholders(template, {
    prenom: values.name.split(" ")[0] ?? "",
    titre: values.title,
    evenement: values.eventTitle,
  });
}

export async function decisionMessages(client: Db | Tx, eventId: string) {
  const saved = await client.decisionMessage.findMany({ where: { eventId } });
  return Object.fromEntries(
    decisions.map((decision) => {
      const row = saved.find((m) => m.decision === decision);
      return [
        decision,
        {
          bodyFr: row?.bodyFr ?? translator("fr")(`decisions.defaultBody.${decision}`),
          bodyEn: row?.bodyEn ?? translator("en")(`decisions.defaultBody.${decision}`),
        },
      ];
    }),
  ) as Messages;
}

export async function saveDecisionMessage(
  client: Db,
  eventId: string,
  decision: Decision,
  input: { bodyFr: string; bodyEn: string },
) {
  const bodies = { bodyFr: input.bodyFr, bodyEn: input.bodyEn };
  await client.decisionMessage.upsert({
    where: { eventId_decision: { eventId, decision } },
    create: { eventId, decision, ...bodies },
    update: bodies,
  });
}

// A pending decision is a note on the story; nothing is announced until the organisers apply them.
export async function setPendingDecision(client: Db, eventId: string, submissionId: string, decision: Decision | null) {
  const submission = await client.submission.findFirst({
    where: { id: submissionId, eventId },
    select: { state: true },
  });
  if (!submission) return { ok: false as const, error: "errors.notFound" };
  if (decision && !canTransition(submission.state, decision, "organiser"))
    return { ok: false as const, error: "errors.badTransition" };
  await client.submission.update({ where: { id: submissionId }, data: { pendingState: decision } });
  return { ok: true as const };
}

async function announce(
  tx: Tx,
  submissionId: string,
  decision: Decision,
  context: LinkContext,
  messages: Messages,
  now: Date,
) {
  const submission = await tx.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: {
      title: true,
      event: { select: { titleFr: true, titleEn: true } },
      speakers: { select: { id: true, user: { select: { email: true, name: true, locale: true } } } },
    },
  });
  for (const speaker of submission.speakers) {
    const locale = speaker.user.locale;
    const eventTitle = localized(submission.event, "title", locale);
    const body = personalBody(messages, decision, locale, {
      name: speaker.user.name,
      title: submission.title,
      eventTitle,
    });
    if (decision === "ACCEPTED") {
      await tx.speakerRole.update({ where: { id: speaker.id }, data: { acceptedAt: now, remindedAt: null } });
      await enqueueMail(tx, {
        to: speaker.user.email,
        locale,
        template: "decision-accepted",
        data: {
          title: submission.title,
          eventTitle,
          body,
          confirmUrl: `${context.appUrl}${href("/confirmation/:token", { token: confirmationToken(speaker.id, context.secret) })}`,
        },
      });
    } else {
      await enqueueMail(tx, {
        to: speaker.user.email,
        locale,
        template: "decision-rejected",
        data: { title: submission.title, eventTitle, body },
      });
    }
  }
}

// Applies every pending decision of the event at once, in one transaction: each story moves,
// the move is recorded, and its speakers' mails are queued. A story that changed meanwhile (a
// speaker withdrew) is skipped and its pending decision dropped.
export async function applyPendingDecisions(
  client: Db,
  input: { eventId: string; organiserId: string; now?: Date } & LinkContext,
) {
  const now = input.now ?? new Date();
  return client.$transaction(async (tx) => {
    const pending = await tx.submission.findMany({
      where: { eventId: input.eventId, pendingState: { not: null } },
      select: { id: true, pendingState: true },
    });
    const messages = await decisionMessages(tx, input.eventId);
    let applied = 0;
    let skipped = 0;
    for (const { id, pendingState } of pending) {
      const decision = pendingState as Decision;
      await tx.submission.update({ where: { id }, data: { pendingState: null } });
      try {
        await transition(tx, id, decision, "organiser", input.organiserId);
      } catch (error) {
        if (!(error instanceof TransitionRefused)) throw error;
        skipped++;
        continue;
      }
      await announce(tx, id, decision, input, messages, now);
      applied++;
    }
    return { applied, skipped };
  });
}

export async function decisionBoard(client: Db, eventId: string) {
  const [pending, unconfirmed] = await Promise.all([
    client.submission.groupBy({ by: ["pendingState"], where: { eventId, pendingState: { not: null } }, _count: true }),
    client.submission.findMany({
      where: { eventId, state: "ACCEPTED" },
      orderBy: { title: "asc" },
      select: {
        id: true,
        title: true,
        speakers: { select: { acceptedAt: true, remindedAt: true, user: { select: { name: true, email: true } } } },
      },
    }),
  ]);
  return {
    pending: Object.fromEntries(pending.map((p) => [p.pendingState, p._count])) as Partial<Record<Decision, number>>,
    unconfirmed,
  };
}

// Accepted speakers who have not answered get one reminder, N days after the decision. The
// conditional update makes it one reminder even with several app instances running this.
export async function sendConfirmationReminders(client: Db, input: LinkContext & { now?: Date }) {
  const now = input.now ?? new Date();
  const due = await client.speakerRole.findMany({
    where: { remindedAt: null, acceptedAt: { not: null }, submission: { state: "ACCEPTED" } },
    select: {
      id: true,
      acceptedAt: true,
      user: { select: { email: true, name: true, locale: true } },
      submission: {
        select: {
          title: true,
          event: {
            select: { id: true, titleFr: true, titleEn: true, call: { select: { confirmReminderDays: true } } },
          },
        },
      },
    },
  });
  let sent = 0;
  for (const role of due) {
    const days = role.submission.event.call?.confirmReminderDays ?? 5;
    if (role.acceptedAt!.getTime() + days * 24 * 60 * 60 * 1000 > now.getTime()) continue;
    const messages = await decisionMessages(client, role.submission.event.id);
    await client.$transaction(async (tx) => {
      const claimed = await tx.speakerRole.updateMany({
        where: { id: role.id, remindedAt: null },
        data: { remindedAt: now },
      });
      if (claimed.count !== 1) return;
      const locale = role.user.locale;
      const eventTitle = localized(role.submission.event, "title", locale);
      await enqueueMail(tx, {
        to: role.user.email,
        locale,
        template: "decision-accepted",
        data: {
          title: role.submission.title,
          eventTitle,
          body: personalBody(messages, "ACCEPTED", locale, {
            name: role.user.name,
            title: role.submission.title,
            eventTitle,
          }),
          confirmUrl: `${input.appUrl}${href("/confirmation/:token", { token: confirmationToken(role.id, input.secret) })}`,
          reminder: true,
        },
      });
      sent++;
    });
  }
  return sent;
}

// What the speakers of the first story pending this decision will receive, rendered for the page.
export async function previewDecision(
  client: Db,
  eventId: string,
  decision: Decision,
  locale: Locale,
  context: LinkContext,
) {
  const submission = await client.submission.findFirst({
    where: { eventId, pendingState: decision },
    orderBy: { title: "asc" },
    select: {
      title: true,
      event: { select: { titleFr: true, titleEn: true } },
      speakers: { take: 1, select: { id: true, user: { select: { name: true } } } },
    },
  });
  if (!submission) return null;
  const messages = await decisionMessages(client, eventId);
  const eventTitle = localized(submission.event, "title", locale);
  const speaker = submission.speakers[0];
  const body = personalBody(messages, decision, locale, {
    name: speaker?.user.name ?? "",
    title: submission.title,
    eventTitle,
  });
  return decision === "ACCEPTED"
    ? renderMail("decision-accepted", locale, {
        title: submission.title,
        eventTitle,
        body,
        confirmUrl: `${context.appUrl}${href("/confirmation/:token", { token: confirmationToken(speaker?.id ?? "apercu", context.secret) })}`,
      })
    : renderMail("decision-rejected", locale, { title: submission.title, eventTitle, body });
}
