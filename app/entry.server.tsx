import { PassThrough } from "node:stream";

import type { EntryContext, HandleDataRequestFunction, HandleErrorFunction, RouterContextProvider } from "react-router";
import { createReadableStreamFromReadable } from "@react-router/node";
import { ServerRouter } from "react-router";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import { ScriptNonce } from "~/infra/content-security";
import { contentSecurityPolicy, FRAME_SOURCES, scriptNonce } from "~/infra/content-security.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { cardCheckoutOrigin } from "~/payments/stripe.server";
import { RequestLocale } from "~/infra/i18n/request-locale";
import { frameStrings, pickStrings } from "~/infra/i18n/strings.server";
import { logger } from "~/infra/logger.server";

// React Router's default Node entry, with errors logged as structured records (with the
// request id that the Express layer put on the response) instead of console.error.
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logger.error({ err: error, url: request.url, reqId: request.headers.get("x-request-id") }, "unhandled route error");
};

// The frame sources a page names are for its document's policy only: a data request (a client-side
// navigation) does not send them on.
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  response.headers.delete(FRAME_SOURCES);
  return response;
};

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  _loadContext: RouterContextProvider,
) {
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, {
      status: responseStatusCode,
      headers: responseHeaders,
    });
  }

  const locale = await detectLocale(request);
  // Vite's development server injects scripts of its own: the policy is for the built app.
  const nonce = env().NODE_ENV === "development" ? undefined : scriptNonce();
  const frameSources = responseHeaders.get(FRAME_SOURCES)?.split(" ") ?? [];
  responseHeaders.delete(FRAME_SOURCES);
  if (nonce)
    responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, cardCheckoutOrigin(), frameSources));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");

    // Ensure requests from bots and SPA Mode renders wait for all content to load before responding
    // https://react.dev/reference/react-dom/server/renderToPipeableStream#waiting-for-all-content-to-load-for-crawlers-and-static-generation
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";

    // Abort the rendering stream after the `streamTimeout` so it has time to
    // flush down the rejected boundaries
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(
      <RequestLocale.Provider value={{ locale, frameStrings: pickStrings(locale, frameStrings) }}>
        <ScriptNonce.Provider value={nonce}>
          <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
        </ScriptNonce.Provider>
      </RequestLocale.Provider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              // Clear the timeout to prevent retaining the closure and memory leak
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          const stream = createReadableStreamFromReadable(body);

          responseHeaders.set("Content-Type", "text/html");

          pipe(body);

          resolve(
            new Response(stream, {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log streaming rendering errors from inside the shell.  Don't log
          // errors encountered during initial shell rendering since they'll
          // reject and get logged in handleDocumentRequest.
          if (shellRendered) {
            logger.error({ err: error, url: request.url }, "streaming render error");
          }
        },
      },
    );
  });
}
