import Link from "next/link";
import { Field, inputClass } from "@/components/ui/field";

export type ApprovalOptionsView = {
  required: number;
  service: string;
  tokens: { value: string; label: string; token: string; command: string | null }[];
  pending: { label: string; progress: string }[];
};

/** The part of an operation's form that carries its quorum approval: an approved token, or an approval file. */
export function ApprovalFields({ options, errors, requestHref, idPrefix = "field", preselect }: {
  options: ApprovalOptionsView;
  errors?: string[];
  requestHref: string;
  idPrefix?: string;
  /** The approved token to choose, when the requester comes back from its approval. */
  preselect?: string;
}) {
  const { required, service, tokens, pending } = options;
  const chosen = tokens.find((t) => t.token === preselect)?.value ?? "";
  const selectId = `${idPrefix}-approval_token`;
  return (
    <fieldset className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <legend className="px-1 text-sm font-semibold">Quorum approval ({required} approvals)</legend>
      <p className="text-sm">
        The <code className="font-mono">{service}</code> service needs {required} admins to approve this operation.{" "}
        <Link href={requestHref} className="font-medium text-sky-800 underline dark:text-sky-300">
          Request approval for it
        </Link>
        , then choose the approved token here, or upload an approval file that carries the signatures.
      </p>
      {pending.length > 0 && (
        <ul className="text-sm">
          {pending.map((p) => (
            <li key={p.label}>
              Waiting: {p.label}: <strong>{p.progress}</strong>
            </li>
          ))}
        </ul>
      )}
      <Field name="approval_token" id={selectId} label="Approved token" hint={tokens.length ? undefined : "None of your tokens for this service is fully approved yet."}>
        <select id={selectId} name="approval_token" className={inputClass} defaultValue={chosen} aria-describedby={tokens.length ? undefined : `${selectId}-hint`}>
          <option value="">{tokens.length ? "Choose an approved token" : "No approved token"}</option>
          {tokens.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="approval_file" id={`${idPrefix}-approval_file`} label="Or an approval file (--approval)" type="file" accept=".json,application/json" errors={errors} hint="The JSON file from quorum token-sign generate, with the approvers' signatures added." />
    </fieldset>
  );
}

export { requestHref } from "./return-to";
