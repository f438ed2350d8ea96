// What server/app.ts hands every loader and action besides the request.
declare module "react-router" {
  interface AppLoadContext {
    clientIp: string;
  }
}

export {};
