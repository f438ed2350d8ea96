import "react-router";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";
import { limitRequestBodies, rejectCrossSiteMutations, rejectMalformedAddresses, requestLogging } from "~/infra/http.server";

export { startRuntime, stopRuntime } from "~/infra/runtime.server";
export { logger };
export const port = () => env().PORT;
export const appUrl = () => env().APP_URL;

export const app = express();
app.set("trust proxy", env().TRUST_PROXY);
app.use(requestLogging);
app.use(rejectMalformedAddresses, limitRequestBodies);
app.use(rejectCrossSiteMutations);
app.use(
  createRequestHandler({
    build: () => import("virtual:react-router/server-build"),
    getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }),
  }),
);
