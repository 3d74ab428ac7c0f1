import "server-only";

// Standard base64 (RFC 4648 section 4) with the padding "=" where it belongs, as `base64` and
// `openssl base64` write it. Anything else, including URL-safe base64, is refused rather than guessed.

/** The decoded bytes, or null when the text is not strict base64. No whitespace allowed. */
export function decodeStrictBase64(text: string): Buffer | null {
  // Node's decoder skips what it does not understand; the canonical encoding of the result equals the
  // input only when the input was canonical base64: right alphabet, right padding, no stray bits ("AF==").
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : null;
}

/** Like decodeStrictBase64 but allows line breaks and spaces anywhere (wrapped `base64` output). */
export function decodeWrappedBase64(text: string): Buffer | null {
  return decodeStrictBase64(/\s/.test(text) ? text.replace(/\s+/g, "") : text);
}

/** Why a text is not base64, in words; null when it is. */
export function base64Problem(text: string): string | null {
  const compact = text.replace(/\s+/g, "");
  if (decodeStrictBase64(compact)) return null;
  if (/[-_]/.test(compact) && /^[A-Za-z0-9\-_]+=*$/.test(compact)) {
    return "it uses the URL-safe alphabet (- and _) instead of + and /";
  }
  if (/[^A-Za-z0-9+/=]/.test(compact)) return "it contains characters that are not in the base64 alphabet";
  if (compact.length % 4 !== 0) return `its length (${compact.length} characters) is not a multiple of 4: it is cut off or lost its "=" padding`;
  return 'its "=" padding is misplaced or its last character is not one base64 produces';
}
