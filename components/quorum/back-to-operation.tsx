import { CornerDownLeft } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { returnTo } from "./return-to";

/** Once a token has its M approvals, its requester goes back to the operation's form with the token chosen. */
export function BackToOperation({ operation, token }: { operation: Record<string, string | number> | null; token: string }) {
  const back = returnTo(operation, token);
  if (!back) return null;
  return (
    <Link href={back.href} className={buttonClass()}>
      <CornerDownLeft aria-hidden className="size-4" />
      {back.label}
    </Link>
  );
}
