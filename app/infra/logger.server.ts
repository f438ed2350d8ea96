import pino from "pino";

// Structured JSON logs on stdout; LOG_LEVEL=silent in tests that would otherwise be noisy.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "rebond" },
  redact: ["req.headers.cookie", "token"],
});
