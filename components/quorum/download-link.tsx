import { Download } from "lucide-react";
import { buttonClass } from "@/components/ui/button-class";
import { CodeBlock } from "@/components/ui/code-block";

/** A file the server made, offered for download without another request. */
export function DownloadLink({ text, filename, children }: { text: string; filename: string; children: React.ReactNode }) {
  return (
    <a href={`data:application/json;charset=utf-8,${encodeURIComponent(text)}`} download={filename} className={buttonClass("secondary")}>
      <Download aria-hidden className="size-4" />
      {children}
    </a>
  );
}

/** Commands to copy, one per line. */
export function Commands({ lines, label }: { lines: string[]; label: string }) {
  return <CodeBlock label={label}>{lines.join("\n")}</CodeBlock>;
}
