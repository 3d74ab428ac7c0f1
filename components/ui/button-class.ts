const variants = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 dark:hover:bg-sky-800",
  secondary:
    "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export type Variant = keyof typeof variants;

/** Button styling, for buttons and for links that look like them (usable on the server and the client). */
export const buttonClass = (variant: Variant = "primary") =>
  `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium shadow-sm transition disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]}`;
