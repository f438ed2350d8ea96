import { createHmac, timingSafeEqual } from "node:crypto";

// A link token that needs no storage: an id and its HMAC under the server secret, for one
// purpose. A copy of the database alone cannot forge one; a token for one purpose is worthless
// for another.
function signature(purpose: string, id: string, secret: string) {
  return createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url");
}

export function signedToken(purpose: string, id: string, secret: string) {
  return `${id}.${signature(purpose, id, secret)}`;
}

// Exactly an id, a dot and a SHA-256 HMAC in base64url: anything before, after or between is refused.
const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/;

export function idFromSignedToken(purpose: string, token: string, secret: string): string | null {
  const [, id, mac] = TOKEN.exec(token) ?? [];
  if (!id || !mac) return null;
  const expected = Buffer.from(signature(purpose, id, secret));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
