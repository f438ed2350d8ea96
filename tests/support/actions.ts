import { afterAll } from "vitest";
import { RouterContextProvider } from "react-router";
import { requireEventOrganiser } from "~/auth/event-organiser.server";
import { createSession } from "~/auth/session.server";
import type { DatabaseConnection, Db } from "~/infra/db/client.server";
import { requestContext } from "~/infra/load-context";
import { singleton } from "~/infra/singleton.server";
import { freshDatabase } from "./database";

// Route actions read the process's database with db() (app/infra/db/db.server.ts), which keeps
// its connection in the process-wide singleton "database": the test file's fresh database is
// put there, so that the actions and the test read and write the same rows.
export async function freshDatabaseForActions(): Promise<Db> {
  const connection = await freshDatabase();
  const holder = singleton("database", () => ({ connection: undefined as DatabaseConnection | undefined }));
  holder.connection = connection;
  afterAll(() => {
    holder.connection = undefined;
  });
  return connection.prisma;
}

// A form posted as a browser posts it (urlencoded); a list gives a field several values.
export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    body,
    headers: cookie ? { Cookie: cookie } : {},
  });
}

// The Cookie header of a browser signed in as the user (a session row, its signed cookie).
export async function signedInCookie(client: Db, userId: string) {
  return (await createSession(client, userId)).split(";")[0]!;
}

// What an action answered: data(…, { status }) carries its status, a plain object is a 200, a
// redirect its status and where it sends the browser.
export function answerOf(answer: unknown): { status: number; body: unknown; location?: string | null } {
  if (answer instanceof Response)
    return { status: answer.status, body: null, location: answer.headers.get("Location") };
  const wrapped = answer as { type?: string; data?: unknown; init?: { status?: number } | null } | null;
  if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
  return { status: 200, body: answer };
}

type ActionArgs = { request: Request; params: Record<string, string>; context: RouterContextProvider };

// A route action of the event back office, reached as the router reaches it: the layout's
// middleware (requireEventOrganiser) checks the signed-in organiser from the request's cookie and
// fills the context, then the action runs inside `next`. A refusal of the middleware is thrown.
export async function eventBackOfficeAction<A>(
  action: (args: never) => Promise<A> | A,
  input: {
    eventSlug: string;
    path: string;
    cookie: string;
    fields: Record<string, string | string[]>;
    params?: Record<string, string>;
  },
) {
  const request = formRequest(`/organisateur/evenements/${input.eventSlug}${input.path}`, input.fields, input.cookie);
  const params = { ...input.params, eventSlug: input.eventSlug };
  const context = requestContext("127.0.0.1");
  let answer: unknown;
  const args = { request, params, context, url: new URL(request.url), pattern: "" };
  await requireEventOrganiser(args as unknown as Parameters<typeof requireEventOrganiser>[0], async () => {
    answer = await (action as (args: ActionArgs) => Promise<unknown>)({ request, params, context });
    return new Response(null, { status: 200 });
  });
  return answerOf(answer);
}

// A route action outside the back office (no middleware): the request, its route's params, and
// the context server/app.ts gives every request (the client's address).
export async function routeAction(
  action: (args: never) => Promise<unknown> | unknown,
  input: { path: string; params: Record<string, string>; fields: Record<string, string | string[]>; cookie?: string },
) {
  const request = formRequest(input.path, input.fields, input.cookie);
  const args: ActionArgs = { request, params: input.params, context: requestContext("127.0.0.1") };
  return answerOf(await (action as (args: ActionArgs) => Promise<unknown>)(args));
}
