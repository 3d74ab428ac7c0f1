"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { browserCtx } from "@/lib/auth/browser";
import { fields, formError } from "@/lib/forms/state";
import type { FormState } from "@/lib/forms/types";
import { uploadedText } from "@/lib/forms/uploads";
import { deleteQuorumTokens } from "@/lib/quorum/delete";
import { generateQuorumToken } from "@/lib/quorum/generate";
import { completeQuorumRegistration, issueQuorumRegistration } from "@/lib/quorum/register";
import { setQuorumTimeout, setQuorumValue } from "@/lib/quorum/settings";

export async function generateTokenAction(_: FormState, formData: FormData): Promise<FormState> {
  const f = fields(formData, ["service", "command", "username", "role", "target_service", "value"]);
  const set = f.command === "quorum token-sign set-quorum-value";
  const operation = set ? { command: f.command, service: f.target_service, value: f.value } : { command: f.command, username: f.username, ...(f.role ? { role: f.role } : {}) };
  try {
    const { approval_file_text, approvals_required } = await generateQuorumToken(await browserCtx(), { service: f.service, operation });
    revalidatePath("/quorum");
    const message = `Token generated. It needs ${approvals_required} approvals: admins approve it on their Approvals page. Once it has them, its row under Live tokens takes you back to the operation with this token chosen.`;
    return { status: "success", message, data: { fileText: approval_file_text }, values: f };
  } catch (e) {
    return formError(e, f);
  }
}

export async function deleteTokensAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const { deleted } = await deleteQuorumTokens(await browserCtx(), fields(formData, ["scope"]));
    revalidatePath("/quorum");
    return { status: "success", message: `Deleted ${deleted} token${deleted === 1 ? "" : "s"}.` };
  } catch (e) {
    return formError(e);
  }
}

export async function setValueAction(_: FormState, formData: FormData): Promise<FormState> {
  const f = fields(formData, ["service", "value"]);
  try {
    const approval = await uploadedText(formData, "approval_file", "approval_token");
    const { service, value } = await setQuorumValue(await browserCtx(), { ...f, approval });
    revalidatePath("/quorum");
    // Any M + 1 warning shows once, above the form, from the page's own reading of the new value.
    return { status: "success", message: `The ${service} service now needs ${value} approval${value === 1 ? "" : "s"}.` };
  } catch (e) {
    return formError(e, f);
  }
}

export async function setTimeoutAction(_: FormState, formData: FormData): Promise<FormState> {
  const f = fields(formData, ["generated", "approved"]);
  try {
    const { generated, approved } = await setQuorumTimeout(await browserCtx(), Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== "")));
    revalidatePath("/quorum");
    return { status: "success", message: `Timeouts set: approvals are collected within ${generated} s, and an approved token is used within ${approved} s.` };
  } catch (e) {
    return formError(e, f);
  }
}

export async function issueRegistrationAction(): Promise<FormState> {
  try {
    const { token_file, expires_at } = await issueQuorumRegistration(await browserCtx());
    const until = `${expires_at.toISOString().slice(11, 16)} UTC`;
    return { status: "success", message: `Your registration token file is ready: download it, sign it, and upload it below by ${until}.`, data: { fileText: JSON.stringify(token_file, null, 2) + "\n" } };
  } catch (e) {
    return formError(e);
  }
}

export async function completeRegistrationAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const public_key_pem = (await uploadedText(formData, "public_key_file", "public_key_pem")) ?? "";
    const signed_token_file = (await uploadedText(formData, "signed_token_file", "signed_token_file_text")) ?? "";
    await completeQuorumRegistration(await browserCtx(), { public_key_pem, signed_token_file, ...fields(formData, ["current_password"]) });
  } catch (e) {
    return formError(e);
  }
  // A fresh page, so nothing of the used token file (its deadline, its text) is left on it.
  redirect("/quorum/register?registered=1");
}
