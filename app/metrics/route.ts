import { metricsResponse } from "@/lib/ops/probes";

// Prometheus scrape target: 404 unless METRICS_TOKEN is set, then only with that bearer token.
export const dynamic = "force-dynamic";

export const GET = metricsResponse;
