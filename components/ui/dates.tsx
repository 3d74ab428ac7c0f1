/** UTC, spelled out, so every reader sees the same instant as the audit log. */
export function formatDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** To the second, for the audit log, where the order of events within a minute matters. */
export const utcSeconds = (iso: string) => `${iso.slice(0, 19).replace("T", " ")} UTC`;
