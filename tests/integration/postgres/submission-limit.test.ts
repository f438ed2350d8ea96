import { expect, test } from "vitest";
import { connectDatabase } from "~/infra/db/client.server";
import { createSubmission, inviteCoSpeaker } from "~/cfp/submissions.server";
import { freshDatabase } from "../../support/database";
import { openCall, storyForm } from "../../support/cfp";
import { createEvent, createOrganisation, createUser } from "../../support/factories";

// PostgreSQL only: PGlite is a single connection, so it cannot show concurrent requests.
const connection = await freshDatabase();
const db = connection.prisma;

test("simultaneous submissions from one speaker cannot exceed the per-speaker limit", async () => {
  const event = await createEvent(db, (await createOrganisation(db)).id, { status: "PUBLISHED" });
  const { format } = await openCall(db, event.id, { maxPerSpeaker: 1 });
  const speaker = await createUser(db);
  const others = Array.from({ length: 5 }, () => connectDatabase(connection.target));
  try {
    const results = await Promise.all(
      others.map((o) =>
        createSubmission(o.prisma, {
          eventId: event.id,
          userId: speaker.id,
          form: storyForm(format.id),
          appUrl: "https://rebond.test",
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(
      Array(4).fill("errors.tooManySubmissions"),
    );
    expect(await db.submission.count({ where: { eventId: event.id } })).toBe(1);
  } finally {
    await Promise.all(others.map((o) => o.close()));
  }
});

test("simultaneous co-speaker invitations cannot take a story past its number of speakers", async () => {
  const event = await createEvent(db, (await createOrganisation(db)).id, { status: "PUBLISHED" });
  const { format } = await openCall(db, event.id);
  const speaker = await createUser(db);
  const created = await createSubmission(db, {
    eventId: event.id,
    userId: speaker.id,
    form: storyForm(format.id),
    appUrl: "https://rebond.test",
  });
  if (!created.ok) throw new Error(created.error);
  const others = Array.from({ length: 6 }, () => connectDatabase(connection.target));
  try {
    const results = await Promise.all(
      others.map((o, i) =>
        inviteCoSpeaker(o.prisma, {
          submissionId: created.id,
          userId: speaker.id,
          coSpeaker: { email: `co${i}@exemple.fr`, name: `Co ${i}` },
          appUrl: "https://rebond.test",
          maxSpeakers: 4,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(3).fill("errors.tooManySpeakers"));
    const roles = await db.speakerRole.findMany({ where: { submissionId: created.id }, orderBy: { position: "asc" } });
    expect(roles.map((r) => r.position)).toEqual([0, 1, 2, 3]);
  } finally {
    await Promise.all(others.map((o) => o.close()));
  }
});
