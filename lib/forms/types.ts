/** What a form's server action answers; shared by the action (server) and the form (client). */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  data?: Record<string, unknown>;
};

export const idle: FormState = { status: "idle" };
