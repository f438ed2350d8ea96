import { env } from "./env.server";

// What a mail or a page needs to write an absolute link, signed where it must be: the product's
// public address and the secret its tokens are signed with. Capabilities take it as a parameter
// (tests and the demo seed pass their own); routes and jobs get it from here.
export type LinkContext = { appUrl: string; secret: string };

export const linkContext = (): LinkContext => ({ appUrl: env().APP_URL, secret: env().SESSION_SECRET });
