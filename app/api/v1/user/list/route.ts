import { apiRoute } from "@/lib/api/route";
import { listUsers } from "@/lib/users/list";
import { toApiUser } from "@/lib/users/view";

export const GET = apiRoute({ auth: true, body: "none" }, async (ctx, query) => {
  const { users, total, filters } = await listUsers(ctx, query);
  return { users: users.map(toApiUser), total, page: filters.page, per_page: filters.per_page };
});
