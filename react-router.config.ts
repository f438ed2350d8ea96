import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Route middleware (the event back office checks its organiser once, in its layout route);
  // loaders and actions get a RouterContextProvider as `context` (app/infra/load-context.ts).
  future: { v8_middleware: true },
} satisfies Config;
