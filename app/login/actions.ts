"use server";
import { browserCtx } from "@/lib/auth/browser";
import { loginWithPassword } from "@/lib/auth/login";
import { loginWithMfa } from "@/lib/auth/login-mfa";
import { signIn } from "@/lib/auth/nextauth";
import { fields, formError } from "@/lib/forms/state";
import { uploadedText } from "@/lib/forms/uploads";
import type { FormState } from "@/lib/forms/types";
import { looksLikePrivateKey } from "@/lib/keys";
import { browserSigningEnabled } from "@/lib/settings";
import { serializeTokenFile } from "@/lib/token-files";

export async function loginAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ["cluster_id", "username", "password"]);
  let handoff: string;
  try {
    const result = await loginWithPassword(await browserCtx(), input, "browser");
    if (result.mfaRequired) {
      return {
        status: "success",
        values: { cluster_id: result.clusterId, username: result.username },
        data: {
          mfa: true,
          text: serializeTokenFile(result.tokenFile),
          unsigned: result.tokenFile.tokens.map((t) => t.unsigned),
          preimages: browserSigningEnabled() ? result.preimages : undefined,
          expiresAt: result.expiresAt.toISOString(),
          fileName: `${result.clusterId}-${result.username}-login-token.json`,
        },
      };
    }
    handoff = result.session.token;
  } catch (e) {
    return formError(e, { cluster_id: input.cluster_id ?? "", username: input.username ?? "" });
  }
  await signIn("credentials", { handoff, redirectTo: "/" });
  return { status: "success" };
}

export async function mfaLoginAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = { ...fields(formData, ["cluster_id", "username"]), signed_token_file: await uploadedText(formData, "signed_token_file_upload", "signed_token_file") };
  let handoff: string;
  try {
    handoff = (await loginWithMfa(await browserCtx(), input, "browser")).session.token;
  } catch (e) {
    const text = input.signed_token_file;
    return formError(e, { signed_token_file: text && !looksLikePrivateKey(text) ? text : "" });
  }
  await signIn("credentials", { handoff, redirectTo: "/" });
  return { status: "success" };
}
