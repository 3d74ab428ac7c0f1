"use server";
import { redirect } from "next/navigation";
import { browserCtx } from "@/lib/auth/browser";
import { fields, formError } from "@/lib/forms/state";
import { approvalFrom } from "@/lib/forms/uploads";
import type { FormState } from "@/lib/forms/types";
import { changePassword } from "@/lib/users/change-password";
import { createUser } from "@/lib/users/create";
import { deleteUser } from "@/lib/users/delete";

export async function createUserAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ["username", "role", "password"]);
  let username: string;
  try {
    ({ username } = await createUser(await browserCtx(), { ...input, approval: await approvalFrom(formData) }));
  } catch (e) {
    return formError(e, { username: input.username ?? "", role: input.role ?? "" });
  }
  redirect(`/users/${username}?created=1`);
}

export async function changePasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ["username", "role", "password", "current_password"]);
  const deregister_mfa = formData.get("deregister_mfa") === "on";
  const deregister_quorum = formData.get("deregister_quorum") === "on";
  let username: string;
  try {
    ({ username } = await changePassword(await browserCtx(), { ...input, deregister_mfa, deregister_quorum, approval: await approvalFrom(formData) }));
  } catch (e) {
    return formError(e);
  }
  const removed = [deregister_mfa && " Their MFA key was removed.", deregister_quorum && " The quorum key was deregistered."].filter(Boolean).join("");
  return { status: "success", message: `The password of ${username} was changed. Their other sessions have ended, and the account is unlocked.${removed}` };
}

export async function deleteUserAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ["username", "role"]);
  if (formData.get("confirm") !== input.username) {
    return { status: "error", message: "Type the username to confirm the deletion.", fieldErrors: { confirm: ["Type the username exactly."] } };
  }
  try {
    await deleteUser(await browserCtx(), { ...input, approval: await approvalFrom(formData) });
  } catch (e) {
    return formError(e);
  }
  redirect(`/users?deleted=${encodeURIComponent(input.username!)}`);
}
