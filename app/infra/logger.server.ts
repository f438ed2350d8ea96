import pino from "pino";

// Structured JSON logs on stdout (readable lines in development); LOG_LEVEL=silent in tests.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  transport: process.env.NODE_ENV === "development" ? { target: "pino-pretty" } : undefined,
  base: { service: "rebond", pid: process.pid },
  redact: ["req.headers.cookie", "token"],
});
