import type { Db } from "~/infra/db/client.server";
import type { IdentifiableField } from "./review-form";

export async function reviewSetup(client: Db, eventId: string) {
  const [categories, reviewers, tracks, submissions, call] = await Promise.all([
    client.scoreCategory.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    client.eventRole.findMany({
      where: { eventId, role: "REVIEWER" },
      orderBy: { user: { name: "asc" } },
      select: {
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            reviewAssignments: {
              where: { eventId },
              select: {
                id: true,
                track: { select: { nameFr: true, nameEn: true } },
                submission: { select: { title: true } },
              },
            },
          },
        },
      },
    }),
    client.track.findMany({
      where: { eventId },
      orderBy: { position: "asc" },
      select: { id: true, nameFr: true, nameEn: true },
    }),
    client.submission.findMany({
      where: { eventId, state: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, title: true },
    }),
    client.callForStories.findUnique({
      where: { eventId },
      select: { identifyingFields: true, anonymisedReview: true },
    }),
  ]);
  return { categories, reviewers: reviewers.map((r) => r.user), tracks, submissions, call };
}

export async function addCategory(
  client: Db,
  eventId: string,
  input: { nameFr: string; nameEn: string; weight: number },
) {
  const position = await client.scoreCategory.count({ where: { eventId } });
  await client.scoreCategory.create({
    data: { eventId, nameFr: input.nameFr, nameEn: input.nameEn, weight: input.weight, position },
  });
}

// Renamed or reweighted: the scores given stay, the ranking follows the new weight.
export async function updateCategory(
  client: Db,
  eventId: string,
  input: { id: string; nameFr: string; nameEn: string; weight: number },
) {
  const { count } = await client.scoreCategory.updateMany({
    where: { id: input.id, eventId },
    data: { nameFr: input.nameFr, nameEn: input.nameEn, weight: input.weight },
  });
  return count > 0;
}

export async function removeCategory(client: Db, eventId: string, categoryId: string) {
  const removed = await client.scoreCategory.deleteMany({ where: { id: categoryId, eventId } });
  return removed.count === 1;
}

// scope: "all", "track:<id>" or "submission:<id>"; the reviewer, track and story must all be this event's.
export async function assignReviewer(client: Db, eventId: string, userId: string, scope: string) {
  const [kind, id] = scope.split(":") as ["all" | "track" | "submission", string | undefined];
  const [isReviewer, belongs] = await Promise.all([
    client.eventRole.count({ where: { eventId, userId, role: "REVIEWER" } }),
    kind === "track"
      ? client.track.count({ where: { id, eventId } })
      : kind === "submission"
        ? client.submission.count({ where: { id, eventId } })
        : Promise.resolve(1),
  ]);
  if (!isReviewer || !belongs) return false;
  const data = {
    eventId,
    userId,
    trackId: kind === "track" ? id! : null,
    submissionId: kind === "submission" ? id! : null,
  };
  if (!(await client.reviewAssignment.count({ where: data }))) await client.reviewAssignment.create({ data });
  return true;
}

export async function unassignReviewer(client: Db, eventId: string, assignmentId: string) {
  const removed = await client.reviewAssignment.deleteMany({ where: { id: assignmentId, eventId } });
  return removed.count === 1;
}

export async function setIdentifyingFields(client: Db, eventId: string, fields: IdentifiableField[]) {
  const updated = await client.callForStories.updateMany({ where: { eventId }, data: { identifyingFields: fields } });
  return updated.count === 1;
}
