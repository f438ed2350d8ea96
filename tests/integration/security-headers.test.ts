import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, expect, test } from "vitest";
import { requestLogging, strictTransport } from "~/infra/http.server";

async function serve(appUrl: string) {
  const app = express();
  app.disable("x-powered-by");
  app.use(requestLogging, strictTransport(appUrl));
  app.get("/", (_req, res) => void res.send("ok"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

test("over https every answer tells browsers to come back over https only; over plain http it does not", async () => {
  const secure = await fetch(await serve("https://rebond.example.org"));
  expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  expect(secure.headers.get("x-content-type-options")).toBe("nosniff");
  expect(secure.headers.get("x-frame-options")).toBe("DENY");
  expect(secure.headers.get("x-powered-by")).toBeNull();
  const plain = await fetch(await serve("http://localhost:3000"));
  expect(plain.headers.get("strict-transport-security")).toBeNull();
});
