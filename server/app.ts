import * as build from "virtual:react-router/server-build";
import express from "express";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import {
  limitRequestBodies,
  rejectCrossSiteMutations,
  rejectMalformedAddresses,
  requestLogging,
  strictTransport,
} from "~/infra/http.server";
import { pageHandler } from "~/platform/pages.server";

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
app.use(pageHandler(build));
