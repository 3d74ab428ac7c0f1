import { apiRoute } from "@/lib/api/route";
import { asksForRegistration, generateQuorumToken, generateRegistrationToken } from "@/lib/quorum/generate";

export const POST = apiRoute({ auth: true, body: "json" }, async (ctx, body) => {
  if (asksForRegistration(body)) return generateRegistrationToken(ctx, body);
  const { approval_file, approvals_required, expires_at } = await generateQuorumToken(ctx, body);
  return { approval_file, approvals_required, expires_at };
});
