import { href } from "react-router";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/infra/db/client.server";
import type { Locale } from "~/infra/i18n/i18n";
import { enqueueMail } from "~/platform/mail.server";
import { type Limit, withinLimits } from "~/infra/rate-limit.server";

export const LOGIN_LINK_MINUTES = 15;
const RATE_WINDOW_MS = 15 * 60 * 1000;

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export type LoginLinkRequest = {
  email: string;
  ip: string;
  redirectTo: string;
  locale: Locale;
  appUrl: string;
  limits: { perEmail: number; perIp: number };
};

export type LoginLinkResult = { status: "sent" } | { status: "rate-limited" };

// A magic link: the token exists only in the e-mail; the database keeps its SHA-256, so a
// leaked database cannot sign anyone in. Limits are counted from the rows themselves, so they
// hold across every app instance, and under the limits' lock, so simultaneous requests cannot
// all slip under them.
export async function requestLoginLink(client: Db, input: LoginLinkRequest): Promise<LoginLinkResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - RATE_WINDOW_MS);
  const token = randomBytes(32).toString("base64url");
  const user = await client.user.findUnique({ where: { email }, select: { locale: true } });
  const locale = user?.locale ?? input.locale;
  const limits: Limit[] = [
    {
      key: `login-email:${email}`,
      max: input.limits.perEmail,
      used: (tx) => tx.loginToken.count({ where: { email, createdAt: { gte: since } } }),
    },
    {
      key: `login-ip:${input.ip}`,
      max: input.limits.perIp,
      used: (tx) => tx.loginToken.count({ where: { requestIp: input.ip, createdAt: { gte: since } } }),
    },
  ];
  const outcome = await withinLimits(client, limits, async (tx) => {
    await tx.loginToken.create({
      data: {
        email,
        tokenHash: hashToken(token),
        requestIp: input.ip,
        redirectTo: input.redirectTo,
        expiresAt: new Date(Date.now() + LOGIN_LINK_MINUTES * 60 * 1000),
      },
    });
    await enqueueMail(tx, {
      to: email,
      locale,
      template: "login-link",
      data: { url: `${input.appUrl}${href("/connexion/lien")}?token=${token}`, minutes: LOGIN_LINK_MINUTES },
    });
  });
  return { status: outcome.ok ? "sent" : "rate-limited" };
}

export type LoginLinkCheck = { status: "valid"; email: string } | { status: "used" | "expired" | "unknown" };

export async function checkLoginLink(client: Db, token: string): Promise<LoginLinkCheck> {
  const row = await client.loginToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, usedAt: true, expiresAt: true },
  });
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", email: row.email };
}

export type LoginLinkSpend =
  { status: "signed-in"; userId: string; redirectTo: string } | { status: "used" | "expired" | "unknown" };

// Single use even under a double click or two tabs: the conditional update lets one request win.
export async function spendLoginLink(client: Db, token: string, locale: Locale): Promise<LoginLinkSpend> {
  const check = await checkLoginLink(client, token);
  if (check.status !== "valid") return check;
  return client.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.loginToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { status: "used" as const };
    const row = await tx.loginToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { email: true, redirectTo: true },
    });
    const user = await tx.user.upsert({
      where: { email: row.email },
      create: { email: row.email, locale },
      update: {},
      select: { id: true },
    });
    return { status: "signed-in" as const, userId: user.id, redirectTo: row.redirectTo ?? "/" };
  });
}
