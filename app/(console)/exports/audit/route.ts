import { exportAudit } from "@/lib/audit/export";
import { downloadRoute } from "@/lib/reports/download";

export const GET = downloadRoute((ctx, query) => exportAudit(ctx, query));
