"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { browserCtx } from "@/lib/auth/browser";
import { fields, formError } from "@/lib/forms/state";
import { approvalFrom, uploadedText } from "@/lib/forms/uploads";
import type { FormState } from "@/lib/forms/types";
import { changeMfa, requestMfaTokenFile } from "@/lib/mfa/change-mfa";
import { serializeTokenFile } from "@/lib/token-files";
import { looksLikePrivateKey } from "@/lib/keys";
import { browserSigningEnabled } from "@/lib/settings";

/** Text to show again in the form after a refusal: never a private key. */
const echo = (text: string | undefined) => (text && !looksLikePrivateKey(text) ? text : "");

export async function requestTokenFileAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const { token_file, token_preimages, expires_at } = await requestMfaTokenFile(await browserCtx(), { ...fields(formData, ["username", "role"]), token: true });
    return {
      status: "success",
      data: {
        text: serializeTokenFile(token_file),
        unsigned: token_file.tokens.map((t) => t.unsigned),
        preimages: browserSigningEnabled() ? token_preimages : undefined,
        expiresAt: expires_at.toISOString(),
      },
    };
  } catch (e) {
    return formError(e);
  }
}

export async function registerMfaAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = {
    ...fields(formData, ["username", "role", "change_password", "current_password"]),
    signed_token_file: await uploadedText(formData, "signed_token_file_upload", "signed_token_file"),
    public_key_pem: await uploadedText(formData, "public_key_pem_upload", "public_key_pem"),
    change_quorum: formData.get("change_quorum") === "on",
    approval: await approvalFrom(formData),
  };
  try {
    const done = await changeMfa(await browserCtx(), input);
    // The page around the form then shows the new key, and offers to remove it.
    revalidatePath(`/users/${done.username}/mfa`);
    return { status: "success", message: `MFA is enabled for ${done.username}: RSA ${done.bits} bits, ${done.fingerprint}.`, data: { fingerprint: done.fingerprint, bits: done.bits } };
  } catch (e) {
    return formError(e, { signed_token_file: echo(input.signed_token_file), public_key_pem: echo(input.public_key_pem) });
  }
}

export async function deregisterMfaAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = {
    ...fields(formData, ["username", "role", "change_password", "current_password"]),
    deregister: true as const,
    change_quorum: formData.get("change_quorum") === "on",
    approval: await approvalFrom(formData),
  };
  if (formData.get("needs_confirmation") === "yes" && formData.get("confirm") !== "on") {
    return { status: "error", message: "Tick the confirmation to remove this user's MFA key.", fieldErrors: { confirm: ["Confirm to continue."] } };
  }
  let done: { username: string };
  try {
    done = await changeMfa(await browserCtx(), input);
  } catch (e) {
    return formError(e);
  }
  // A fresh page: the key is gone from "Current key" and the remove form with it; the banner says what happened.
  redirect(`/users/${done.username}/mfa?removed=${input.change_quorum ? "mfa,quorum" : "mfa"}`);
}
