import { createContext, RouterContextProvider } from "react-router";

// What server/app.ts hands every middleware, loader and action besides the request, read with
// `context.get(…)`: route middleware (react-router.config.ts) makes `context` a
// RouterContextProvider, which middleware may add to (app/routes/organiser/event-layout.tsx).

// The client's address as every per-address limit counts it (clientKey): behind proxies, as
// TRUST_PROXY lets Express read it; an IPv6 address by its /64.
export const clientAddressContext = createContext<string>();

export function requestContext(clientAddress: string) {
  const context = new RouterContextProvider();
  context.set(clientAddressContext, clientAddress);
  return context;
}
