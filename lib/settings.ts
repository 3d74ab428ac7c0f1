import "server-only";
import { z } from "zod";

// How many reverse proxies stand in front of the console (0: none). The words of the old on/off flag
// still work: "true"/"yes" mean one proxy.
const proxies = z
  .string()
  .default("0")
  .transform((v) => (/^(true|yes)$/i.test(v.trim()) ? "1" : /^(false|no|)$/i.test(v.trim()) ? "0" : v.trim()))
  .pipe(z.string().regex(/^\d{1,2}$/, "a number of proxies (0 for none)"))
  .transform(Number);

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  TRUST_PROXY: proxies,
  SESSION_IDLE_MINUTES: positive(30),
  SESSION_MAX_HOURS: positive(12),
  LOGIN_RATE_PER_USERNAME: positive(10),
  LOGIN_RATE_PER_ADDRESS: positive(60),
  MFA_TOKEN_TIMEOUT_SECONDS: positive(600),
  // "off" for organisations that forbid private keys in browsers: the pages then offer no "sign here".
  BROWSER_SIGNING: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // SQLite only: when a commit is on disk (lib/db/sqlite-settings.ts reads it; checked here at start-up). docs/decisions/0090.
  SQLITE_SYNCHRONOUS: z.string().trim().toLowerCase().pipe(z.enum(["full", "normal"], { error: 'must be "full" or "normal"' })).default("full"),

  // Operations (README "Operating it"): metrics, events out, graceful stop.
  METRICS_TOKEN: z.string().trim().min(16, "use at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
  WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "give an http:// or https:// URL" }).optional().or(z.literal("").transform(() => undefined)),
  WEBHOOK_SECRET: z.string().min(16, "use at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
  SYSLOG_URL: z
    .string()
    .regex(/^(tcp|udp):\/\/[^/:\s]+:\d{1,5}$/, "give tcp://host:port or udp://host:port")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SHUTDOWN_TIMEOUT_SECONDS: positive(10),

  // MFA and quorum keys under this many bits "need attention" on the overview. The default, 2048, is
  // CloudHSM's own size and flags nothing; 3072 asks for 128-bit strength (ASVS level 2). docs/decisions/0051.
  KEY_ATTENTION_BELOW_BITS: z.coerce.number().int().min(2048, "at least 2048 (the smallest key the console accepts)").max(16_384).default(2048),

  // Days of audit events `npm run audit:archive` keeps in the database; unset: it needs --before.
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().optional(),

  // Where `npm run audit:verify` appends each chain's checkpoint (default <DATA_DIR>/audit-checkpoints.jsonl).
  AUDIT_CHECKPOINT_FILE: z.string().trim().optional().transform((v) => v || undefined),

  // Read here only to check them together: lib/db picks the database, lib/auth/secret.ts the secret.
  DATABASE_URL: z.string().trim().optional(),
  AUTH_SECRET: z.string().trim().optional(),
});

export type Settings = z.infer<typeof schema>;

export const SHARED_SECRET_NEEDED =
  "set it (the same value on every instance) when DATABASE_URL is a PostgreSQL URL: several instances share " +
  "that database, and a secret each one generated for itself would make them reject each other's sessions. " +
  "Make one with: openssl rand -base64 48";

const checked = schema
  .refine((s) => !s.WEBHOOK_URL || s.WEBHOOK_SECRET, {
    path: ["WEBHOOK_SECRET"],
    message: "set it with WEBHOOK_URL: receivers check the X-Console-Signature it keys",
  })
  .refine((s) => !/^postgres(ql)?:\/\//.test(s.DATABASE_URL ?? "") || Boolean(s.AUTH_SECRET), {
    path: ["AUTH_SECRET"],
    message: SHARED_SECRET_NEEDED,
  });

let cached: Settings | undefined;

/** Environment settings, checked once; a bad value stops the server with the variable's name. */
export function settings(): Settings {
  cached ??= readSettings(process.env);
  return cached;
}

/** The settings an environment gives, or an error naming each bad variable. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const parsed = checked.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function overrideSettingsForTests(patch: Partial<Settings>): void {
  cached = { ...settings(), ...patch };
}

export const LOCKOUT_THRESHOLD = 5;

/** How long an MFA token file (sign-in or registration) may be signed and uploaded. */
export const mfaTokenTimeoutSeconds = () => settings().MFA_TOKEN_TIMEOUT_SECONDS;

/** Whether pages offer to sign token files in the browser (BROWSER_SIGNING, on unless "off"). */
export const browserSigningEnabled = () => settings().BROWSER_SIGNING === "on";
