import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { bodyLimitFor } from "./body-limits.server";
import { translator } from "./i18n/i18n";
import { localeFromHeaders } from "./i18n/locale.server";
import { logger } from "./logger.server";

// Every response carries a request id (also in the logs) and conservative security headers.
export function requestLogging(req: Request, res: Response, next: NextFunction) {
  const started = process.hrtime.bigint();
  const id = randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.on("finish", () => {
    if (req.path === "/healthz") return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info(
      { reqId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) },
      "request",
    );
  });
  next();
}

// Served over https (APP_URL says so), browsers are told to come back over https only, for a year.
export function strictTransport(appUrl: string) {
  const https = appUrl.startsWith("https://");
  return (_req: Request, res: Response, next: NextFunction) => {
    if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

// Forms are CSRF-safe by two layers: the session cookie is SameSite=Lax, and a state-changing
// request whose Origin names another site is refused here (docs/decisions/003-sign-in-sessions-and-roles.md).
export function rejectCrossSiteMutations(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (req.path.startsWith("/api/webhooks/")) return next();
  // RFC 8058 one-click unsubscribe: mail providers POST from their own site; the signed link is
  // the only credential (no cookie is read), so there is nothing to forge.
  if (req.path.startsWith("/api/desinscription/")) return next();
  const origin = req.get("origin");
  if (!origin) return next();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = "";
  }
  if (host === req.get("host")) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Requête refusée : formulaire envoyé depuis un autre site.\nRequest refused: form sent from another site.");
}

// A page written here, before the app: in the visitor's language, then in the other one.
async function sendEdgePage(req: Request, res: Response, status: number, title: string, body: string) {
  const locale = await localeFromHeaders(req.get("cookie"), req.get("accept-language"));
  const [first, second] = locale === "fr" ? (["fr", "en"] as const) : (["en", "fr"] as const);
  const t1 = translator(first);
  const t2 = translator(second);
  const html = `<!doctype html>
<html lang="${first}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t1(title))}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem">
<p>${escapeHtml(t1("errorPage.status", { status }))}</p><h1>${escapeHtml(t1(title))}</h1><p>${escapeHtml(t1(body))}</p><p><a href="/">${escapeHtml(t1("errorPage.home"))}</a></p>
<hr><div lang="${second}"><h2>${escapeHtml(t2(title))}</h2><p>${escapeHtml(t2(body))}</p></div>
</body></html>`;
  res.status(status).type("text/html; charset=utf-8").send(html);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// The path and every query name and value must decode to UTF-8 text without a NUL character.
export function readableAddress(url: string) {
  const at = url.indexOf("?");
  const parts = [at < 0 ? url : url.slice(0, at), ...(at < 0 ? [] : url.slice(at + 1).split(/[&=]/))];
  try {
    return parts.every((part) => !decodeURIComponent(part.replace(/\+/g, " ")).includes("\0"));
  } catch {
    return false;
  }
}

// A NUL byte or bytes that are not UTF-8 (%00, %FF) in the address reach no route: 400 here.
export function rejectMalformedAddresses(req: Request, res: Response, next: NextFunction) {
  if (readableAddress(req.originalUrl)) return next();
  void sendEdgePage(req, res, 400, "errorPage.badRequest.title", "errorPage.badAddress");
}

// A body declared larger than its route's limit is refused before a byte is read (413); a body
// without a declared length is counted by readForm(), and its connection closed after the
// answer so that what is left of it is not read.
export function limitRequestBodies(req: Request, res: Response, next: NextFunction) {
  const declared = req.get("content-length");
  if (declared === undefined) {
    if (req.get("transfer-encoding")) res.setHeader("Connection", "close");
    return next();
  }
  const limit = bodyLimitFor(req.path);
  if (Number(declared) <= limit.bytes) return next();
  res.setHeader("Connection", "close");
  void sendEdgePage(req, res, 413, "errorPage.tooLarge.title", limit.message);
}
