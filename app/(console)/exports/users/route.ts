import { downloadRoute } from "@/lib/reports/download";
import { userReport } from "@/lib/users/report";

export const GET = downloadRoute((ctx, query) => userReport(ctx, query));
