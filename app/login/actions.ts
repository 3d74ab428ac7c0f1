"use server";
import { browserCtx } from "@/lib/auth/browser";
import { loginWithPassword } from "@/lib/auth/login";
import { signIn } from "@/lib/auth/nextauth";
import { fields, formError } from "@/lib/forms/state";
import type { FormState } from "@/lib/forms/types";

export async function loginAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ["cluster_id", "username", "password"]);
  let handoff: string;
  try {
    const signedIn = await loginWithPassword(await browserCtx(), input, "browser");
    handoff = signedIn.session.token;
  } catch (e) {
    return formError(e, { cluster_id: input.cluster_id ?? "", username: input.username ?? "" });
  }
  await signIn("credentials", { handoff, redirectTo: "/users" });
  return { status: "success" };
}
