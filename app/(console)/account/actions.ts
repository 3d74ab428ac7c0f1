"use server";
import { revalidatePath } from "next/cache";
import { endOwnSession } from "@/lib/account/end-session";
import { browserCtx } from "@/lib/auth/browser";
import { fields, formError } from "@/lib/forms/state";
import type { FormState } from "@/lib/forms/types";

export async function endSessionAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    await endOwnSession(await browserCtx(), fields(formData, ["session_id"]));
  } catch (e) {
    return formError(e);
  }
  revalidatePath("/account");
  return { status: "success", message: "The session has ended: whoever used it must sign in again." };
}
