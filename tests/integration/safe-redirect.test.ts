import { expect, test } from "vitest";
import { safeRedirect } from "~/auth/session.server";
import { requestContext } from "~/infra/load-context";
import { action as switchLanguage } from "~/routes/public/language";

test("a path of the site is kept with its query string and anchor", () => {
  expect(safeRedirect("/espace")).toBe("/espace");
  expect(safeRedirect("/e/failcon-paris-2027/billets?code=REBOND20&lang=fr")).toBe(
    "/e/failcon-paris-2027/billets?code=REBOND20&lang=fr",
  );
  expect(safeRedirect("/e/failcon-paris-2027/programme?piste=a%2Fb#samedi")).toBe(
    "/e/failcon-paris-2027/programme?piste=a%2Fb#samedi",
  );
  expect(safeRedirect("/connexion?redirectTo=%2Forganisateur")).toBe("/connexion?redirectTo=%2Forganisateur");
});

test("a path with accents is sent percent-encoded, as a header can carry it", () => {
  expect(safeRedirect("/o/réseau?q=élan")).toBe("/o/r%C3%A9seau?q=%C3%A9lan");
});

test("a tab, which browsers drop, cannot turn the path into another host", () => {
  expect(safeRedirect("/\t/evil.example/phish", "/espace")).toBe("/espace");
  expect(safeRedirect(decodeURIComponent("/%09/evil.example/phish"), "/espace")).toBe("/espace");
});

test("a backslash, which browsers read as a slash, is refused anywhere in the target", () => {
  expect(safeRedirect("/\\evil.example")).toBe("/");
  expect(safeRedirect("/\\/evil.example")).toBe("/");
  expect(safeRedirect("/a\\b")).toBe("/");
  expect(safeRedirect(decodeURIComponent("/%5Cevil.example"))).toBe("/");
});

test("protocol-relative and absolute addresses are refused", () => {
  expect(safeRedirect("//evil.example")).toBe("/");
  expect(safeRedirect("///evil.example")).toBe("/");
  expect(safeRedirect(decodeURIComponent("%2F%2Fevil.example"))).toBe("/");
  expect(safeRedirect("https://evil.example/")).toBe("/");
  expect(safeRedirect("javascript:alert(1)")).toBe("/");
  expect(safeRedirect("evil.example")).toBe("/");
});

test("a path that resolves to //… once its dots are removed is refused", () => {
  expect(safeRedirect("/.//evil.example")).toBe("/");
  expect(safeRedirect("/a/..//evil.example")).toBe("/");
  expect(safeRedirect("/%2e%2e//evil.example")).toBe("/");
});

test("newlines and other control characters are refused", () => {
  expect(safeRedirect("/espace\r\nSet-Cookie: x=1")).toBe("/");
  expect(safeRedirect("/espace\nLocation: https://evil.example")).toBe("/");
  expect(safeRedirect(decodeURIComponent("/%0D%0A/evil.example"))).toBe("/");
  expect(safeRedirect("/\u0000evil")).toBe("/");
  expect(safeRedirect("/\u007f")).toBe("/");
});

test("a percent-encoded slash or control character stays inside the path", () => {
  expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
  expect(safeRedirect("/%5Cevil.example")).toBe("/%5Cevil.example");
});

test("a missing or non-text target gives the fallback", () => {
  expect(safeRedirect(null, "/espace")).toBe("/espace");
  expect(safeRedirect(undefined)).toBe("/");
  expect(safeRedirect(new File([], "x"))).toBe("/");
});

async function languageSwitch(redirectTo: string) {
  const request = new Request("http://localhost:3000/langue", {
    method: "POST",
    body: new URLSearchParams({ locale: "en", redirectTo }),
  });
  const response = (await switchLanguage({
    request,
    params: {},
    context: requestContext("127.0.0.1"),
  } as unknown as Parameters<typeof switchLanguage>[0])) as Response;
  return { status: response.status, location: response.headers.get("Location") };
}

test("the language switch goes back to the page, and never to another site", async () => {
  expect(await languageSwitch("/e/failcon-paris-2027?onglet=programme")).toEqual({
    status: 302,
    location: "/e/failcon-paris-2027?onglet=programme",
  });
  expect(await languageSwitch("/\t/evil.example/phish")).toEqual({ status: 302, location: "/" });
  expect(await languageSwitch("/\\evil.example")).toEqual({ status: 302, location: "/" });
});

test("a newline in the language switch's target gives the home page, not a server error", async () => {
  expect(await languageSwitch("/espace\r\nX-Injected: 1")).toEqual({ status: 302, location: "/" });
  expect(await languageSwitch("/\n/evil.example")).toEqual({ status: 302, location: "/" });
});
