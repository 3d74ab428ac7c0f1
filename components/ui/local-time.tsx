"use client";
import { useEffect, useState } from "react";

/** The same instant in the reader's own time zone, filled in by the browser (the server only knows UTC). */
export function LocalTime({ iso, className = "" }: { iso: string; className?: string }) {
  const [text, setText] = useState("");
  useEffect(() => {
    setText(`${new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })} local`);
  }, [iso]);
  return (
    <time dateTime={iso} className={`block text-xs text-slate-600 dark:text-slate-400 ${className}`}>
      {text}
    </time>
  );
}
