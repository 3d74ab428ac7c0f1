"use client";
import { useActionState, useState } from "react";
import { generateTokenAction } from "@/app/(console)/quorum/actions";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { idle } from "@/lib/forms/types";
import { DownloadLink } from "./download-link";

const COMMANDS = {
  user: ["user delete", "user create", "user change-password", "user change-mfa"],
  quorum: ["quorum token-sign set-quorum-value"],
} as const;

export type GeneratePrefill = { service?: string; command?: string; username?: string; role?: string; target_service?: string; value?: string };

/** `quorum token-sign generate`: the page always names the operation, so approvers see exactly what they approve. */
export function GenerateTokenForm({ prefill }: { prefill: GeneratePrefill }) {
  const [state, action] = useActionState(generateTokenAction, idle);
  const v = { ...prefill, ...state.values };
  const [service, setService] = useState<keyof typeof COMMANDS>(v.service === "quorum" ? "quorum" : "user");
  const e = state.fieldErrors ?? {};
  const fileText = state.status === "success" ? (state.data?.fileText as string | undefined) : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {fileText && (
        <div className="space-y-2">
          <DownloadLink text={fileText} filename="approval.json">Download approval.json</DownloadLink>
          <p className="text-xs text-slate-600 dark:text-slate-400">The same file cloudhsm-cli writes; approvers may also add their signatures to it and send it back.</p>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="service" label="Service">
          <select id="field-service" name="service" className={inputClass} value={service} onChange={(ev) => setService(ev.target.value as keyof typeof COMMANDS)}>
            <option value="user">user</option>
            <option value="quorum">quorum</option>
          </select>
        </Field>
        <Field name="command" label="Operation" errors={e.command}>
          <select id="field-command" name="command" className={inputClass} defaultValue={v.command} key={service}>
            {COMMANDS[service].map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </Field>
        {service === "user" ? (
          <>
            <Field name="username" label="For user" defaultValue={v.username} errors={e["operation.username"]} autoComplete="off" hint="The user the operation acts on (for user create: the new username)." />
            <Field name="role" label="Their role" errors={e["operation.role"]}>
              <select id="field-role" name="role" className={inputClass} defaultValue={v.role || "crypto-user"}>
                <option value="crypto-user">crypto-user</option>
                <option value="admin">admin</option>
              </select>
            </Field>
          </>
        ) : (
          <>
            <Field name="target_service" label="Set the value of service">
              <select id="field-target_service" name="target_service" className={inputClass} defaultValue={v.target_service || "user"}>
                <option value="user">user</option>
                <option value="quorum">quorum</option>
              </select>
            </Field>
            <Field name="value" label="To the value" type="number" min={1} max={8} defaultValue={v.value} errors={e["operation.value"] ?? e.value} hint="1 to 8" />
          </>
        )}
      </div>
      <SubmitButton pendingText="Generating…">Generate token</SubmitButton>
    </form>
  );
}
