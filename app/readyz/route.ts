import { readiness } from "@/lib/ops/probes";

// Readiness: the database is reachable, migrated and writable. No session; the reason, nothing else.
export const dynamic = "force-dynamic";

export const GET = readiness;
