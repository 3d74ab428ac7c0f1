/**
 * Server messages mark commands with backticks (as the CLI's help does); here they show as code, and the
 * backticks themselves are not shown. Text without a closing backtick stays as it is.
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-black/5 px-1 font-mono text-[0.85em] [overflow-wrap:anywhere] dark:bg-white/10">{part}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}
