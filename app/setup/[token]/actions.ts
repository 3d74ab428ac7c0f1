"use server";
import { headers } from "next/headers";
import { metaFromHeaders } from "@/lib/http/meta";
import { fields, formError } from "@/lib/forms/state";
import type { FormState } from "@/lib/forms/types";
import { completeSetup } from "@/lib/setup";

export async function setupAction(_: FormState, formData: FormData): Promise<FormState> {
  const input = fields(formData, ["cluster_name", "hsms", "admin", "password"]);
  const token = String(formData.get("token") ?? "");
  try {
    const created = await completeSetup(metaFromHeaders(await headers()), token, input);
    return { status: "success", message: `Cluster ${created.cluster_id} is ready. Sign in as ${created.username}.`, data: created };
  } catch (e) {
    return formError(e, { cluster_name: input.cluster_name ?? "", hsms: input.hsms ?? "", admin: input.admin ?? "" });
  }
}
