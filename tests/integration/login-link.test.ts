import { expect, test } from "vitest";
import { checkLoginLink, hashToken, requestLoginLink, spendLoginLink } from "~/auth/login-link.server";
import { freshDatabase } from "../support/database";
import { createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const limits = { perEmail: 3, perIp: 5 };

async function requestLink(email: string, ip = "203.0.113.7") {
  const result = await requestLoginLink(db, {
    email,
    ip,
    redirectTo: "/organisateur",
    locale: "fr",
    appUrl: "https://rebond.test",
    limits,
  });
  const mail = await db.outboxMessage.findFirst({ where: { to: email.toLowerCase() }, orderBy: { createdAt: "desc" } });
  const url = (mail?.data as { url?: string } | undefined)?.url;
  return { result, mail, token: url ? new URL(url).searchParams.get("token")! : null };
}

test("a requested link is queued as an e-mail and only the token's hash is stored", async () => {
  const { result, mail, token } = await requestLink("Nadia.Haddad@Exemple.fr");
  expect(result.status).toBe("sent");
  expect(mail).toMatchObject({
    template: "login-link",
    locale: "fr",
    status: "PENDING",
    to: "nadia.haddad@exemple.fr",
  });
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const rows = await db.loginToken.findMany({ where: { email: "nadia.haddad@exemple.fr" } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.tokenHash).toBe(hashToken(token!));
  expect(rows[0]!.tokenHash).not.toContain(token!);
  expect(Math.abs(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime() - 15 * 60 * 1000)).toBeLessThan(2000);
});

test("a link signs in once, creating the person on first use, then reports itself used", async () => {
  const { token } = await requestLink("jules.bernard@exemple.fr");
  expect(await checkLoginLink(db, token!)).toEqual({ status: "valid", email: "jules.bernard@exemple.fr" });
  const first = await spendLoginLink(db, token!, "en");
  expect(first).toMatchObject({ status: "signed-in", redirectTo: "/organisateur" });
  const user = await db.user.findUniqueOrThrow({ where: { email: "jules.bernard@exemple.fr" } });
  expect(first.status === "signed-in" && first.userId).toBe(user.id);
  expect(user.locale).toBe("en");
  expect(await spendLoginLink(db, token!, "fr")).toEqual({ status: "used" });
  expect(await checkLoginLink(db, token!)).toEqual({ status: "used" });
});

test("two simultaneous clicks on one link sign in only once", async () => {
  const { token } = await requestLink("double.clic@exemple.fr");
  const outcomes = await Promise.all([spendLoginLink(db, token!, "fr"), spendLoginLink(db, token!, "fr")]);
  expect(outcomes.map((o) => o.status).sort()).toEqual(["signed-in", "used"]);
});

test("an expired link is refused and says so", async () => {
  const { token } = await requestLink("trop.tard@exemple.fr");
  await db.loginToken.updateMany({
    where: { email: "trop.tard@exemple.fr" },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  expect(await spendLoginLink(db, token!, "fr")).toEqual({ status: "expired" });
  expect(await db.user.findUnique({ where: { email: "trop.tard@exemple.fr" } })).toBeNull();
});

test("an unknown token is refused", async () => {
  expect(await spendLoginLink(db, "x".repeat(43), "fr")).toEqual({ status: "unknown" });
});

test("links are rate limited per address", async () => {
  for (let i = 0; i < limits.perEmail; i++)
    expect((await requestLink("presse@exemple.fr", `198.51.100.${i}`)).result.status).toBe("sent");
  const refused = await requestLink("presse@exemple.fr", "198.51.100.200");
  expect(refused.result.status).toBe("rate-limited");
  expect(await db.loginToken.count({ where: { email: "presse@exemple.fr" } })).toBe(limits.perEmail);
});

test("links are rate limited per IP address across different e-mails", async () => {
  for (let i = 0; i < limits.perIp; i++)
    expect((await requestLink(`robot${i}@exemple.fr`, "192.0.2.50")).result.status).toBe("sent");
  expect((await requestLink("robot-final@exemple.fr", "192.0.2.50")).result.status).toBe("rate-limited");
  expect((await requestLink("robot-final@exemple.fr", "192.0.2.51")).result.status).toBe("sent");
});

test("the e-mail goes out in the language the person chose in their profile", async () => {
  await createUser(db, { email: "english.speaker@exemple.fr", locale: "en" });
  const { mail } = await requestLink("english.speaker@exemple.fr");
  expect(mail?.locale).toBe("en");
});
