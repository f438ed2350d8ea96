import { randomBytes } from "node:crypto";

export const scriptNonce = () => randomBytes(16).toString("base64");

// The policy of every page (docs/decisions/020): scripts only from the app and React Router's
// inline ones carrying this render's nonce; images, fonts and connections to the app only (the
// live wall's pictures come through its image proxy); no plugin, no framing by other sites; forms
// post to the app, which may send a buyer on to the card payment page. Inline styles stay
// allowed (style attributes, and the mails shown in preview frames).
//
// A page that embeds a player from another site (a story's replay in the library) names its
// origin in the FRAME_SOURCES header of its `headers`; the policy adds it to frame-src and the
// header does not leave the server.
export const FRAME_SOURCES = "X-Rebond-Frame-Sources";
const ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d+)?$/i;

export function contentSecurityPolicy(nonce: string, cardCheckoutOrigin: string, frameSources: string[] = []) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ["frame-src 'self'", ...frameSources.filter((origin) => ORIGIN.test(origin))].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${cardCheckoutOrigin}`,
    "frame-ancestors 'none'",
  ].join("; ");
}
