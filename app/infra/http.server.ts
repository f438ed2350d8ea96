import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
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
    logger.info({ reqId: id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, "request");
  });
  next();
}

// Forms are CSRF-safe by two layers: the session cookie is SameSite=Lax, and a state-changing
// request whose Origin names another site is refused here (docs/decisions/004-sign-in-and-sessions.md).
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
  res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : formulaire envoyé depuis un autre site.\nRequest refused: form sent from another site.");
}
