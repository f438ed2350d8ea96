import type { ServerBuild } from "react-router";
import { hasSessionCookie } from "~/auth/session.server";
import { clientKey } from "~/infra/client-address.server";
import { env } from "~/infra/env.server";
import { localeFromHeaders } from "~/infra/i18n/locale.server";
import { pageCache } from "~/infra/page-cache.server";
import { requestContext } from "~/infra/load-context";
import { createPageHandler } from "~/infra/request-handler.server";

// The app's pages behind Express: a visitor without a session cookie is anonymous (auth's rule),
// and an anonymous page varies by language.
export function pageHandler(build: ServerBuild) {
  return createPageHandler({
    build,
    mode: env().production ? "production" : "development",
    cache: pageCache(),
    anonymous: (req) => !hasSessionCookie(req.headers.cookie),
    variant: (req) => localeFromHeaders(req.headers.cookie, req.headers["accept-language"]),
    loadContext: (req) => requestContext(clientKey(req.ip)),
  });
}
