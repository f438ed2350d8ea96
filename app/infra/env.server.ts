import { availableParallelism } from "node:os";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

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
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/,
          "must list host or host:port, separated by commas, such as 127.0.0.1:4010,127.0.0.1:4011",
        ),
    ),
  )
  .default([]);
const pgliteDataDir = z.string().min(1).default("./data/pglite");

// TRUST_PROXY, as Express's "trust proxy" setting takes it: a number of proxies in front of the
// app, or the proxies' addresses and subnets (and Express's names for the usual ranges). `true`
// is refused: it believes the left-most X-Forwarded-For, which the client writes itself.
const proxyRanges = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string) {
  if (proxyRanges.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const trustProxy = z
  .string()
  .transform((value, ctx): false | number | string[] => {
    const text = value.trim();
    if (text === "false" || text === "0") return false;
    if (/^\d+$/.test(text)) return Number(text);
    if (text === "true") {
      ctx.addIssue({
        code: "custom",
        message:
          "true would believe whatever X-Forwarded-For a client sends: give the number of proxies in front of the app (TRUST_PROXY=1) or their addresses (TRUST_PROXY=loopback,10.0.0.0/8)",
      });
      return z.NEVER;
    }
    const entries = text.split(",").map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length) {
      ctx.addIssue({
        code: "custom",
        message: `${wrong.join(", ")}: give a number of proxies (1), or addresses and subnets such as 10.0.0.0/8, loopback, linklocal, uniquelocal`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .default(false);

function databaseTarget(url: string | undefined, dataDir: string) {
  return url ? ({ kind: "postgres", url } as const) : ({ kind: "pglite", dataDir } as const);
}

// Without SESSION_SECRET, the embedded database's sessions and links are signed with a secret of
// its own, kept beside its files: it lives and dies with the data whose links it signed.
export function sessionSecretPath(dataDir: string) {
  return path.join(path.dirname(path.resolve(dataDir)), "session-secret");
}

const schema = z
  .object({
    // server.js serves the built app unless NODE_ENV=development, so unset means production
    // here too: one answer, `production` below, for every rule that depends on it.
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    HOST: z.string().min(1).optional(),
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
    WEB_CONCURRENCY: z.coerce
      .number({ error: "must be a number of processes" })
      .int("must be a whole number of processes")
      .min(1, "must be at least 1")
      .max(256, "must be at most 256")
      .optional(),
    LOGIN_LIMIT_PER_EMAIL: z.coerce.number().int().positive().default(5),
    LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
    ORDER_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
    TRUST_PROXY: trustProxy,
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_… or sk_live_…)")
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .startsWith("whsec_", "must be the endpoint's signing secret (whsec_…)")
      .optional(),
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
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "is required with STRIPE_SECRET_KEY, or payments would never be confirmed",
      });
    }
    if (!env.DATABASE_URL && (env.WEB_CONCURRENCY ?? 1) > 1) {
      ctx.addIssue({
        code: "custom",
        path: ["WEB_CONCURRENCY"],
        message: "must be 1 on the embedded database, which one process holds: set DATABASE_URL to run several",
      });
    }
    if (production && !demoMode && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
    } else if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required with DATABASE_URL: every instance must sign with the same secret (openssl rand -hex 32)",
      });
    }
    const { SESSION_SECRET, ...rest } = env;
    return {
      ...rest,
      APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
      production,
      demoMode,
      database: databaseTarget(env.DATABASE_URL, env.PGLITE_DATA_DIR),
      webConcurrency: env.WEB_CONCURRENCY ?? (production && env.DATABASE_URL ? availableParallelism() : 1),
      sessionSecret: SESSION_SECRET
        ? ({ kind: "given", value: SESSION_SECRET } as const)
        : ({ kind: "file", path: sessionSecretPath(env.PGLITE_DATA_DIR) } as const),
    };
  });

type ParsedEnv = z.output<typeof schema>;
export type Env = Omit<ParsedEnv, "sessionSecret"> & { SESSION_SECRET: string };

export class EnvError extends Error {
  override name = "EnvError";
}

type Source = Record<string, string | undefined>;

function parse<T extends z.ZodType>(schema: T, source: Source): z.output<T> {
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

export function parseEnv(source: Source): ParsedEnv {
  return parse(schema, source);
}

function readSecret(file: string) {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (text.length < 32)
    throw new EnvError(
      `Invalid environment:\n  SESSION_SECRET: ${file} holds no usable secret; delete it and a new one is made at the next start`,
    );
  return text;
}

// The embedded database's secret, made on its first start: random, readable by this account
// only, written under a temporary name and linked into place, so that two processes starting at
// once end up with the same one.
export function embeddedSessionSecret(file: string) {
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readSecret(file)!;
}

// The whole environment, with the secret that signs sessions and links: SESSION_SECRET, or the
// embedded database's own (the parser refuses a missing one on PostgreSQL).
export function loadEnv(source: Source): Env {
  const { sessionSecret, ...parsed } = parseEnv(source);
  return {
    ...parsed,
    SESSION_SECRET: sessionSecret.kind === "given" ? sessionSecret.value : embeddedSessionSecret(sessionSecret.path),
  };
}

// Whether HOST keeps the server to this machine. Unset, it listens on every interface.
export function listensOnLoopbackOnly(host: string | undefined) {
  return host !== undefined && /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

// The database commands (prisma/cli.ts) need only the database variables.
export function parseDatabaseTarget(source: Source) {
  const vars = parse(z.object({ DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: pgliteDataDir }), source);
  return databaseTarget(vars.DATABASE_URL, vars.PGLITE_DATA_DIR);
}

let cached: Env | undefined;

// Parsed once; a bad value stops the process with the variable's name (see server.js).
export function env(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}
