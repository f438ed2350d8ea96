import { data } from "react-router";
import { bodyLimitFor } from "./body-limits.server";

// Thrown: the error page shows the sentence (app/ui/error-page.tsx), in the visitor's language.
const refuse = (message: string, status = 400) => data({ message }, { status });

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

// The body, counted as it arrives and refused with a 413 past the route's limit. The rest is left
// unread (not cancelled, which would close the connection before the answer): the server drops
// it, and the edge has asked for the connection to be closed after the answer.
async function readBytes(request: Request): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  if (!request.body) return chunks;
  const limit = bodyLimitFor(new URL(request.url).pathname);
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (;;) {
      // A connection cut mid-body: nobody waits for the answer, but the action must stop.
      const next = await reader.read().catch(() => {
        throw refuse("errorPage.reasons.unreadableForm");
      });
      if (next.done) return chunks;
      size += next.value.byteLength;
      if (size > limit.bytes) throw refuse(limit.message, 413);
      chunks.push(next.value);
    }
  } finally {
    reader.releaseLock();
  }
}

// Every action reads its form here: anything but a urlencoded or multipart form that parses
// (no body type, text/plain, JSON, a truncated multipart) is a 400 with a sentence, and so is a
// NUL character in a field's name, value or file name; past the route's limit, a 413.
export async function readForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.has(contentType.split(";")[0]!.trim().toLowerCase()))
    throw refuse("errorPage.reasons.unreadableForm");
  const chunks = await readBytes(request);
  let form: FormData;
  try {
    form = await new Response(new Blob(chunks as BlobPart[]), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw refuse("errorPage.reasons.unreadableForm");
  }
  for (const [name, value] of form) {
    if (name.includes("\0") || (typeof value === "string" ? value : value.name).includes("\0"))
      throw refuse("errorPage.reasons.nulInForm");
  }
  return form;
}

// A raw body (a webhook's signed text), under the same limits.
export async function readText(request: Request): Promise<string> {
  return new TextDecoder().decode(await new Blob((await readBytes(request)) as BlobPart[]).arrayBuffer());
}
