import * as build from "virtual:react-router/server-build";
import express from "express";
import { hasSessionCookie } from "~/auth/session.server";
import { clientKey } from "~/infra/client-address.server";
import { env } from "~/infra/env.server";
import { localeFromHeaders } from "~/infra/i18n/locale.server";
import { logger } from "~/infra/logger.server";
import { limitRequestBodies, rejectCrossSiteMutations, rejectMalformedAddresses, requestLogging, strictTransport } from "~/infra/http.server";
import { pageCache } from "~/infra/page-cache.server";
import { createPageHandler } from "~/infra/request-handler.server";

export { endStreams, startRuntime, stopRuntime, webConcurrency } from "~/platform/runtime.server";
export { logger };
export const port = () => env().PORT;
export const host = () => env().HOST;
export const appUrl = () => env().APP_URL;

export const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env().TRUST_PROXY);
app.use(requestLogging, strictTransport(env().APP_URL));
app.use(rejectMalformedAddresses, limitRequestBodies);
app.use(rejectCrossSiteMutations);
app.use(
  createPageHandler({
    build,
    mode: env().production ? "production" : "development",
    cache: pageCache(),
    anonymous: (req) => !hasSessionCookie(req.headers.cookie),
    variant: (req) => localeFromHeaders(req.headers.cookie, req.headers["accept-language"]),
    loadContext: (req) => ({ clientAddress: clientKey(req.ip) }),
  }),
);
