import { CopyButton } from "./copy-button";

/**
 * Commands or a file to copy: long lines wrap inside the block (base64 tokens are longer than any phone),
 * and the copy button takes the exact text, line breaks as written.
 */
export function CodeBlock({ label, children, dark = false }: { label: string; children: string; dark?: boolean }) {
  const colours = dark ? "bg-slate-900 text-slate-100 dark:bg-black" : "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100";
  return (
    <div className="relative min-w-0">
      <div className="absolute right-2 top-2">
        <CopyButton text={children} label={label} />
      </div>
      <pre
        tabIndex={0}
        aria-label={label}
        className={`whitespace-pre-wrap rounded-md p-3 pr-20 font-mono text-xs leading-relaxed [overflow-wrap:anywhere] ${colours}`}
      >
        {children}
      </pre>
    </div>
  );
}
