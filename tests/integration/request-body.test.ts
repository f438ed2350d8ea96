import { expect, test } from "vitest";
import { bodyLimitFor, FORM_BODY_BYTES, uploadLimits } from "~/infra/body-limits.server";
import { readableAddress } from "~/infra/http.server";
import { readForm, readText } from "~/infra/request-body.server";
import { routePatterns } from "../support/route-patterns";

const post = (path: string, body: BodyInit | null, type?: string) =>
  new Request(`http://rebond.test${path}`, {
    method: "POST",
    body,
    headers: type ? { "Content-Type": type } : {},
    duplex: "half",
  } as RequestInit);

// A body sent in pieces, as a chunked upload arrives, counting what the reader pulled.
function streamed(pieces: number, size: number) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === pieces) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { body, sent: () => sent };
}

const refusal = (status: number, message: string) => ({ init: { status }, data: { message } });

test("a form that is not urlencoded or multipart, or a multipart cut short, is a 400 with a sentence", async () => {
  const unreadable = refusal(400, "errorPage.reasons.unreadableForm");
  await expect(readForm(post("/connexion", null))).rejects.toMatchObject(unreadable);
  await expect(readForm(post("/connexion", "intent=request", "text/plain"))).rejects.toMatchObject(unreadable);
  await expect(readForm(post("/connexion", '{"intent":"request"}', "application/json"))).rejects.toMatchObject(
    unreadable,
  );
  const cut = '--XX\r\nContent-Disposition: form-data; name="intent"\r\n\r\nrequ';
  await expect(readForm(post("/connexion", cut, "multipart/form-data; boundary=XX"))).rejects.toMatchObject(unreadable);
});

test("a NUL character in a field's value, name or file name is a 400 with a sentence", async () => {
  const nul = refusal(400, "errorPage.reasons.nulInForm");
  await expect(
    readForm(post("/connexion", "intent=request&name=ab%00cd", "application/x-www-form-urlencoded")),
  ).rejects.toMatchObject(nul);
  await expect(readForm(post("/connexion", "orderId%00=a", "application/x-www-form-urlencoded"))).rejects.toMatchObject(
    nul,
  );
  const file = new FormData();
  file.set("photo", new File(["x"], "a\0b.png", { type: "image/png" }));
  await expect(readForm(post("/espace/profil", file))).rejects.toMatchObject(nul);
});

test("a well-formed form reads as before", async () => {
  const form = await readForm(
    post("/connexion", "intent=request&email=lea%40exemple.fr", "application/x-www-form-urlencoded"),
  );
  expect(Object.fromEntries(form)).toEqual({ intent: "request", email: "lea@exemple.fr" });
  const upload = new FormData();
  upload.set("photo", new File(["png"], "moi.png", { type: "image/png" }));
  expect(((await readForm(post("/espace/profil", upload))).get("photo") as File).name).toBe("moi.png");
});

test("a body sent without a length is counted as it arrives and refused with a 413 just past its route's limit", async () => {
  const form = streamed(50, 64 * 1024);
  await expect(readForm(post("/connexion", form.body, "application/x-www-form-urlencoded"))).rejects.toMatchObject(
    refusal(413, "errorPage.tooLarge.body"),
  );
  // 1 MB is 16 pieces: the reader stopped at the 17th (one more may be queued), not at the 50th.
  expect(form.sent()).toBeLessThanOrEqual(FORM_BODY_BYTES / (64 * 1024) + 2);
  const photo = streamed(100, 64 * 1024);
  await expect(
    readForm(post("/e/failcon-paris-2027/mur", photo.body, "multipart/form-data; boundary=XX")),
  ).rejects.toMatchObject(refusal(413, "errors.photoTooBig"));
  expect(photo.sent()).toBeLessThan(100);
  await expect(readText(post("/api/webhooks/stripe", streamed(20, 64 * 1024).body))).rejects.toMatchObject(
    refusal(413, "errorPage.tooLarge.body"),
  );
});

test("an upload route keeps its own limit: a 3 MB photo passes where a 3 MB form does not", async () => {
  const photo = new FormData();
  photo.set("photo", new File([new Uint8Array(3 * 1024 * 1024)], "moi.jpg", { type: "image/jpeg" }));
  expect(await readForm(post("/espace/profil", photo))).toBeInstanceOf(FormData);
  await expect(readForm(post("/espace/billets", photo))).rejects.toMatchObject(refusal(413, "errorPage.tooLarge.body"));
});

test("a form sent by the page's script, to the route's data URL, has the route's limit", () => {
  expect(bodyLimitFor("/e/failcon-paris-2027/mur.data")).toEqual(uploadLimits["/e/:eventSlug/mur"]);
  expect(bodyLimitFor("/organisateur/organisations/reseau-rebond/contacts.data")).toEqual(
    uploadLimits["/organisateur/organisations/:orgSlug/contacts"],
  );
  expect(bodyLimitFor("/espace/profil/")).toEqual(uploadLimits["/espace/profil"]);
  expect(bodyLimitFor("/_root.data").bytes).toBe(FORM_BODY_BYTES);
  expect(bodyLimitFor("/espace/billets.data").bytes).toBe(FORM_BODY_BYTES);
});

test("every upload limit names a route of app/routes.ts", () => {
  expect(routePatterns()).toEqual(expect.arrayContaining(Object.keys(uploadLimits)));
});

test("an address with a NUL character or bytes that are not UTF-8 is not readable; French and encoded text are", () => {
  for (const bad of [
    "/presence/%00",
    "/e/%00/schedule.json",
    "/e/x?q=%00",
    "/e/x?q%00=1",
    "/e/%FF",
    "/e/x?q=%FF",
    "/e/x?q=%C3",
    "/e/100%",
  ])
    expect(readableAddress(bad), bad).toBe(false);
  for (const good of [
    "/",
    "/e/failcon-paris-2027?theme=clair",
    "/o/r%C3%A9seau?q=caf%C3%A9+cr%C3%A8me&x",
    "/e/x?redirectTo=%2Fespace%3Fa%3D1",
  ])
    expect(readableAddress(good), good).toBe(true);
});
