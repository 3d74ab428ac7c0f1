import { apiRoute } from "@/lib/api/route";
import { listAudit } from "@/lib/audit/list";

export const GET = apiRoute({ auth: true, body: "none" }, async (ctx, query) => {
  const { events, next_cursor } = await listAudit(ctx, query);
  return { events, ...(next_cursor ? { next_cursor } : {}) };
});
