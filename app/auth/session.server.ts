import { randomBytes } from "node:crypto";
import { createCookie, href, redirect } from "react-router";
import type { Db } from "~/infra/db/client.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";

const SESSION_DAYS = 30;

const SESSION_COOKIE = "rebond_session";

// Whether a request carries a session cookie at all (valid or not): only requests without one
// may be answered with a page shared between visitors.
export function hasSessionCookie(cookieHeader: string | undefined) {
  return !!cookieHeader && new RegExp(`(^|;)\\s*${SESSION_COOKIE}=`).test(cookieHeader);
}

// The cookie holds only the session id, signed; the session itself is a row with an expiry.
function sessionCookie() {
  const { SESSION_SECRET, APP_URL } = env();
  return createCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: APP_URL.startsWith("https://"),
    secrets: [SESSION_SECRET],
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
}

export async function createSession(client: Db, userId: string) {
  const session = await client.session.create({
    data: {
      id: randomBytes(32).toString("base64url"),
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
    },
    select: { id: true },
  });
  return sessionCookie().serialize(session.id);
}

async function sessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export type CurrentUser = { id: string; email: string; name: string; locale: "fr" | "en" };

export async function getUser(request: Request): Promise<CurrentUser | null> {
  const id = await sessionId(request);
  if (!id) return null;
  const session = await db().session.findUnique({
    where: { id },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  if (!session || session.expiresAt < new Date()) return null;
  return session.user;
}

export function signInPath(request: Request) {
  const url = new URL(request.url);
  return `${href("/connexion")}?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`;
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) throw redirect(signInPath(request));
  return user;
}

export async function signOut(request: Request) {
  const id = await sessionId(request);
  if (id) await db().session.deleteMany({ where: { id } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function signOutEverywhere(userId: string) {
  await db().session.deleteMany({ where: { userId } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

// Browsers drop tabs and newlines from a Location and read a backslash as a slash, so
// "/\t/evil.example" or "/\\evil.example" would leave the site; a newline cannot even be sent as
// a header. Any of them gives the fallback.
// eslint-disable-next-line no-control-regex
const unsafeInRedirect = /[\u0000-\u001f\u007f\\]/;

// Only paths of this site, so a crafted link cannot send a person elsewhere after sign-in. The
// target is resolved against the app's origin and sent back in its resolved, percent-encoded form
// (a header holds only Latin-1); a path that resolves to "//…" (such as "/.//evil.example") would
// read as another host once sent, so it is refused too.
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || unsafeInRedirect.test(to)) return fallback;
  const origin = new URL(env().APP_URL).origin;
  if (!URL.canParse(to, origin)) return fallback;
  const target = new URL(to, origin);
  const path = target.pathname + target.search + target.hash;
  return target.origin === origin && !path.startsWith("//") ? path : fallback;
}
