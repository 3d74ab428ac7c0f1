import type { NextConfig } from "next";
import { FORM_BODY_MAX_BYTES } from "./lib/forms/upload-limits";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // prom-client and pino are shared with scripts/server.mjs (one registry, one logger per process).
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "prom-client", "pino", "pg", "@prisma/adapter-pg"],
  // Chosen, not Next's default 1 MB: the largest form (token file, key, approval file) is a few tens of KB.
  // scripts/server.mjs answers a bigger form first, in words the form shows (decision 0040).
  experimental: { serverActions: { bodySizeLimit: FORM_BODY_MAX_BYTES } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      // Every API answer, including those that do not come through lib/api/envelope.ts (sign-in, 404s).
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default config;
