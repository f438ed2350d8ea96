import { z } from "zod";

// Signs sessions and links when no SESSION_SECRET is set: demo mode only (refused in production).
export const DEMO_SECRET = "rebond-demo-secret-not-for-production-use";

const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
  .optional();
// host or host:port, comma-separated: the only private or local addresses the server may reach
// at someone's request (the local stand-ins of Mastodon and Bluesky in the demo and the tests).
const allowHosts = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/, "must list host or host:port, separated by commas, such as 127.0.0.1:4010,127.0.0.1:4011")))
  .default([]);
const pgliteDataDir = z.string().min(1).default("./data/pglite");

function databaseTarget(url: string | undefined, dataDir: string) {
  return url ? ({ kind: "postgres", url } as const) : ({ kind: "pglite", dataDir } as const);
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(3000),
    APP_URL: z.url({ error: "must be an absolute URL such as https://rebond.example.org" }).optional(),
    DATABASE_URL: databaseUrl,
    PGLITE_DATA_DIR: pgliteDataDir,
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Rebond <bonjour@rebond.localhost>"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DEMO_MODE: flag.optional(),
    OUTBOX_WORKER: z.enum(["in-server", "off"]).default("in-server"),
    LOGIN_LIMIT_PER_EMAIL: z.coerce.number().int().positive().default(5),
    LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
    TRUST_PROXY: flag.default(false),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_… or sk_live_…)").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must be the endpoint's signing secret (whsec_…)").optional(),
    // Where the Stripe SDK sends its requests: unset for Stripe itself, a local stand-in in tests.
    STRIPE_API_URL: z.url({ error: "must be an absolute URL such as http://127.0.0.1:12111" }).optional(),
    OUTBOUND_ALLOW_HOSTS: allowHosts,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .transform((env, ctx) => {
    const demoMode = env.DEMO_MODE ?? !env.DATABASE_URL;
    const production = env.NODE_ENV === "production";
    if (demoMode && production && env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DEMO_MODE"],
        message: "demo mode (one-click sign-in) is refused on a production PostgreSQL database",
      });
    }
    if (!demoMode && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "is required outside demo mode, or mail would have nowhere to go",
      });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required with STRIPE_SECRET_KEY, or payments would never be confirmed" });
    }
    if (production && !demoMode && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    }
    return {
      ...env,
      APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
      SESSION_SECRET: env.SESSION_SECRET ?? DEMO_SECRET,
      demoMode,
      database: databaseTarget(env.DATABASE_URL, env.PGLITE_DATA_DIR),
    };
  });

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

type Source = Record<string, string | undefined>;

function parse<T extends z.ZodType>(schema: T, source: Source): z.output<T> {
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

export function parseEnv(source: Source): Env {
  return parse(schema, source);
}

// The database commands (prisma/cli.ts) need only the database variables.
export function parseDatabaseTarget(source: Source) {
  const vars = parse(z.object({ DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: pgliteDataDir }), source);
  return databaseTarget(vars.DATABASE_URL, vars.PGLITE_DATA_DIR);
}

let cached: Env | undefined;

// Parsed once; a bad value stops the process with the variable's name (see server.js).
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
