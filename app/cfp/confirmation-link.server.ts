import { createHmac, timingSafeEqual } from "node:crypto";

// The confirm/decline link of an accepted speaker: the speaker role's id and its HMAC under the
// server secret. Nothing is stored, so the reminder can resend the very same link, and a copy of
// the database alone cannot forge one.
function signature(speakerRoleId: string, secret: string) {
  return createHmac("sha256", secret).update(`confirm:${speakerRoleId}`).digest("base64url");
}

export function confirmationToken(speakerRoleId: string, secret: string) {
  return `${speakerRoleId}.${signature(speakerRoleId, secret)}`;
}

export function speakerRoleFromToken(token: string, secret: string): string | null {
  const [id, mac] = token.split(".");
  if (!id || !mac) return null;
  const expected = Buffer.from(signature(id, secret));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
