// Where an approved quorum token's operation is run in the console. The requester came from that form,
// asked for approval, and goes back to it with the operation's fields filled in (never a password) and
// the approved token chosen.

type Operation = Record<string, string | number> | null;

export type ReturnTo = { href: string; label: string };

export function returnTo(operation: Operation, token: string): ReturnTo | null {
  if (!operation) return null;
  const user = typeof operation.username === "string" ? operation.username : "";
  const approval = `approval=${encodeURIComponent(token)}`;
  switch (operation.command) {
    case "user create": {
      const q = new URLSearchParams({ ...(user ? { username: user } : {}), ...(operation.role ? { role: String(operation.role) } : {}) });
      return { href: `/users/new?${q}${q.size ? "&" : ""}${approval}`, label: "Back to Create user" };
    }
    case "user delete":
      return user ? { href: `/users/${user}?${approval}#card-delete-user`, label: `Back to Delete ${user}` } : null;
    case "user change-password":
      return user ? { href: `/users/${user}?${approval}#card-change-password`, label: `Back to Change password for ${user}` } : null;
    case "user change-mfa":
      return user ? { href: `/users/${user}/mfa?${approval}`, label: `Back to Change MFA for ${user}` } : null;
    case "quorum token-sign set-quorum-value": {
      const service = operation.service === "quorum" ? "quorum" : "user";
      return { href: `/quorum?${approval}#value-card-${service}`, label: `Back to Set ${service} value` };
    }
    default:
      return null;
  }
}

/** The generate form's link from an operation's form: the operation's fields, so nothing is typed twice. */
export function requestHref(command: string, username?: string, role?: string): string {
  const q = new URLSearchParams({ service: command.startsWith("quorum") ? "quorum" : "user", command, ...(username ? { username } : {}), ...(role ? { role } : {}) });
  return `/quorum?${q.toString()}#request`;
}
