import { buttonClass } from "@/components/ui/button-class";

/** A file the server made, offered for download without another request. */
export function DownloadLink({ text, filename, children }: { text: string; filename: string; children: React.ReactNode }) {
  return (
    <a href={`data:application/json;charset=utf-8,${encodeURIComponent(text)}`} download={filename} className={buttonClass("secondary")}>
      {children}
    </a>
  );
}

/** Commands to copy, one per line, in a block that scrolls rather than wraps. */
export function Commands({ lines, label }: { lines: string[]; label: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs leading-relaxed text-slate-900 dark:bg-slate-800 dark:text-slate-100">
      {lines.join("\n")}
    </pre>
  );
}
