"use server";
import { revalidatePath } from "next/cache";
import { browserCtx } from "@/lib/auth/browser";
import { addHsm, removeHsm } from "@/lib/clusters/hsms";
import { fields, formError } from "@/lib/forms/state";
import type { FormState } from "@/lib/forms/types";

export async function addHsmAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const { hsm_id } = await addHsm(await browserCtx(), fields(formData, ["label"]));
    revalidatePath("/cluster");
    return { status: "success", message: `Added ${hsm_id}. Token files issued from now on carry one more token.` };
  } catch (e) {
    return formError(e);
  }
}

export async function removeHsmAction(_: FormState, formData: FormData): Promise<FormState> {
  try {
    const { hsm_id } = await removeHsm(await browserCtx(), fields(formData, ["hsm_id"]));
    revalidatePath("/cluster");
    return { status: "success", message: `Removed ${hsm_id}.` };
  } catch (e) {
    return formError(e);
  }
}
