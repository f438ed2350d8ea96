import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { notFound, requireOrganiser } from "./roles.server";

// The event back office (every /organisateur/evenements/:eventSlug… route, under the layout
// routes app/routes/organiser/event-layout.tsx and event-read-only-layout.tsx) checks its
// organiser once, in route middleware, before any of its loaders or actions runs, resource routes
// (CSV) included; they read who and which event from the request context with eventOrganiser().
// Read outside those layouts, the context throws: a page moved out of them fails closed.
export type EventOrganiser = Awaited<ReturnType<typeof requireOrganiser>>;

const eventOrganiserContext = createContext<{ organiser: EventOrganiser } | { refusal: unknown }>();

const isRead = (request: Request) => request.method === "GET" || request.method === "HEAD";
// The refusals drawn as a page (403, 404), as opposed to the sign-in redirect, a Response.
const statusOf = (refusal: unknown) =>
  refusal instanceof Response ? null : ((refusal as { init?: { status?: number } } | null)?.init?.status ?? null);

export const requireEventOrganiser: MiddlewareFunction<Response> = async ({ request, params, context }, next) => {
  if (!params.eventSlug) notFound();
  const checked = await requireOrganiser(request, params.eventSlug).then(
    (organiser) => ({ organiser }),
    (refusal: unknown) => ({ refusal }),
  );
  if ("organiser" in checked) {
    context.set(eventOrganiserContext, checked);
    return next();
  }
  const { refusal } = checked;
  const status = statusOf(refusal);
  // A write, or the sign-in redirect: refused here, before any loader or action.
  if (!isRead(request) || status === null) throw refusal;
  // A page read by someone refused: a thrown middleware error would be drawn by the root's error
  // boundary before the root's loader ran (a 403 page whose header forgets who is signed in).
  // So the page's own loader throws the refusal when it reads eventOrganiser(), beside the
  // root's loader, as before; and if the response still does not carry the refusal (a loader
  // that never read it), it is refused here all the same, its answer thrown away.
  context.set(eventOrganiserContext, { refusal });
  const response = await next();
  if (response.status !== status) throw refusal;
  return response;
};

// The back office's read-only pages (reports, exports, an order's detail) have no action: a
// POST there is refused as React Router would refuse it, before any check, as it always was.
// Refused by middleware rather than left to the router, so that an action added to one of them
// later is never reachable without the check: move the page to the other layout instead.
export const refuseMutations: MiddlewareFunction<Response> = ({ request }) => {
  if (request.method !== "GET" && request.method !== "HEAD")
    throw new Response(null, { status: 405, statusText: "Method Not Allowed" });
};

export function eventOrganiser(context: Readonly<RouterContextProvider>): EventOrganiser {
  const checked = context.get(eventOrganiserContext);
  if ("refusal" in checked) throw checked.refusal;
  return checked.organiser;
}
