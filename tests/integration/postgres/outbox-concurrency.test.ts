import { expect, test } from "vitest";
import { connectDatabase } from "~/infra/db/client.server";
import { claimMessages, releaseClaims } from "~/infra/mail/outbox.server";
import { enqueueMail } from "~/platform/mail.server";
import { freshDatabase } from "../../support/database";

// PostgreSQL only: PGlite is a single connection, so it cannot show concurrent claims.
const connection = await freshDatabase();
const db = connection.prisma;
const loginLink = (to: string) => ({
  to,
  locale: "fr" as const,
  template: "login-link" as const,
  data: { url: "https://rebond.test/connexion/lien?token=abc", minutes: 15 },
});

test("workers on separate connections never claim the same message (FOR UPDATE SKIP LOCKED)", async () => {
  for (let i = 0; i < 40; i++) await enqueueMail(db, loginLink(`foule${i}@exemple.fr`));
  const others = Array.from({ length: 4 }, () => connectDatabase(connection.target));
  try {
    const batches = await Promise.all(others.map((o, i) => claimMessages(o.prisma, `parallel-${i}`, 15)));
    const ids = batches.flat().map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    await Promise.all(
      batches.map((b, i) =>
        releaseClaims(
          db,
          b.map((m) => m.id),
          `parallel-${i}`,
        ),
      ),
    );
  } finally {
    await Promise.all(others.map((o) => o.close()));
  }
});
