import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { notFound, requireOrganiser } from "./roles.server";

// The event back office (every /organisateur/evenements/:eventSlug… route, under the layout route
// app/routes/organiser/event-layout.tsx) checks its organiser once, in route middleware, before
// any of its loaders or actions runs, resource routes (CSV) included; they read who and which
// event from the request context. Read outside that layout, the context throws: a page moved
// out of it fails closed rather than open.
export type EventOrganiser = Awaited<ReturnType<typeof requireOrganiser>>;

const eventOrganiserContext = createContext<EventOrganiser>();

export const requireEventOrganiser: MiddlewareFunction<Response> = async ({ request, params, context }) => {
  if (!params.eventSlug) notFound();
  context.set(eventOrganiserContext, await requireOrganiser(request, params.eventSlug));
};

// The back office's read-only pages (reports, exports, an order's detail) have no action: a
// POST there is refused as React Router would refuse it, before any check, as it always was.
// Refused by middleware rather than left to the router, so that an action added to one of them
// later is never reachable without the check: move the page to the other layout instead.
export const refuseMutations: MiddlewareFunction<Response> = ({ request }) => {
  if (request.method !== "GET" && request.method !== "HEAD") throw new Response(null, { status: 405, statusText: "Method Not Allowed" });
};

export const eventOrganiser = (context: Readonly<RouterContextProvider>) => context.get(eventOrganiserContext);
