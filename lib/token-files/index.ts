import "server-only";

export {
  parseTokenFile,
  buildUnsignedTokenFile,
  serializeTokenFile,
  tokenFileSchema,
  tokenSchema,
  TOKEN_FILE_VERSION,
  TOKEN_BYTES,
  MAX_TOKENS,
  type TokenFile,
  type Token,
  type TokenFileParse,
} from "./format";
export { newToken, type NewToken } from "./digests";
export { verifyTokenSignature, type TokenResult, type TokenFailure, type TokenFailureCode } from "./verify";
export { verifySignedTokenFile, findUnsignedDigests, type TokenCheck, type TokenCheckCode, type SignedFileCheck } from "./verify-file";
export { PKEYUTL_SIGN, signingSteps } from "./signing-advice";
