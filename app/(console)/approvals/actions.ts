"use server";
import { revalidatePath } from "next/cache";
import { browserCtx } from "@/lib/auth/browser";
import { fields, formError } from "@/lib/forms/state";
import type { FormState } from "@/lib/forms/types";
import { uploadedText } from "@/lib/forms/uploads";
import { approveQuorumToken } from "@/lib/quorum/approve";

export async function approveAction(_: FormState, formData: FormData): Promise<FormState> {
  const f = fields(formData, ["token", "signature"]);
  try {
    const approval_file = await uploadedText(formData, "approval_file");
    const input = approval_file ? { approval_file } : f;
    const { approvals_required, number_of_approvals } = await approveQuorumToken(await browserCtx(), input);
    revalidatePath("/approvals");
    return { status: "success", message: `Approved: ${number_of_approvals} of ${approvals_required} approvals.` };
  } catch (e) {
    return formError(e);
  }
}
