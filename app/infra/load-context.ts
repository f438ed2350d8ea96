// What server/app.ts hands every loader and action besides the request.
declare module "react-router" {
  interface AppLoadContext {
    // The client's address as every per-address limit counts it (clientKey): behind proxies, as
    // TRUST_PROXY lets Express read it; an IPv6 address by its /64.
    clientAddress: string;
  }
}

export {};
