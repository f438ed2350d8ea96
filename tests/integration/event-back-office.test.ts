import { RouterContextProvider } from "react-router";
import { expect, test } from "vitest";
import { eventOrganiser, refuseMutations, requireEventOrganiser } from "~/auth/event-organiser.server";
import { orderActions } from "~/ticketing/order-actions";

type Args = Parameters<typeof requireEventOrganiser>[0];
const args = (method: string, context = new RouterContextProvider()) =>
  ({
    request: new Request("https://rebond.test/organisateur/evenements/failcon/billetterie", { method }),
    params: { eventSlug: "failcon" },
    context,
    url: new URL("https://rebond.test/"),
    pattern: "",
  }) as unknown as Args;

test("an order shows the buttons its method and status allow, in the table's order", () => {
  expect(orderActions({ method: "OFFLINE", status: "PENDING" })).toEqual(["mark-paid", "cancel"]);
  expect(orderActions({ method: "OFFLINE", status: "EXPIRED" })).toEqual(["mark-paid"]);
  expect(orderActions({ method: "OFFLINE", status: "PAID" })).toEqual(["cancel"]);
  expect(orderActions({ method: "STRIPE", status: "PENDING" })).toEqual(["cancel"]);
  expect(orderActions({ method: "STRIPE", status: "PAID" })).toEqual(["refund"]);
  expect(orderActions({ method: "FREE", status: "PAID" })).toEqual(["cancel"]);
  for (const status of ["CANCELED", "REFUNDED"] as const)
    expect(orderActions({ method: "STRIPE", status })).toEqual([]);
});

test("a page outside the back office's layouts cannot read an organiser: it fails closed", () => {
  expect(() => eventOrganiser(new RouterContextProvider())).toThrow();
});

test("the read-only pages refuse a write with 405 before any check, and let reads through", async () => {
  await expect(
    Promise.resolve().then(() => refuseMutations(args("POST"), async () => new Response())),
  ).rejects.toMatchObject({ status: 405 });
  expect(await refuseMutations(args("GET"), async () => new Response())).toBeUndefined();
});

test("nobody signed in is sent to sign in by the middleware, and no page runs", async () => {
  let ran = false;
  const next = async () => ((ran = true), new Response());
  for (const method of ["GET", "POST"]) {
    const refusal = await Promise.resolve(requireEventOrganiser(args(method), next)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(302);
  }
  expect(ran).toBe(false);
});
