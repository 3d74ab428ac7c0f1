import type { FormState } from "@/lib/forms/types";
import { FileOrPaste } from "./file-or-paste";
import { TokenResults } from "./token-results";

type Checks = { results?: { index: number; ok: boolean; message?: string; fix?: string }[]; fileErrors?: string[] };

/** The signed token file field, with every token's result from the last refusal above it. */
export function SignedFileUpload({ state, label }: { state: FormState; label: string }) {
  const checks = state.data as Checks | undefined;
  return (
    <>
      {checks?.results && <TokenResults results={checks.results} fileErrors={checks.fileErrors ?? []} />}
      <FileOrPaste name="signed_token_file" label={label} accept=".json,application/json" errors={state.fieldErrors?.signed_token_file} defaultValue={state.values?.signed_token_file}
        hint="The token file with every &quot;signed&quot; value filled in." placeholder='{ "version": "2.0", "tokens": [ … ] }' />
    </>
  );
}
