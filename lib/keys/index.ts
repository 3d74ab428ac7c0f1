import "server-only";

export { parsePublicKeyPem, loadStoredPublicKey, type ParsedPublicKey, type PublicKeyParse, type PublicKeyRefusal, type PublicKeyRefusalCode } from "./public-key";
export { looksLikePrivateKey, PRIVATE_KEY_MESSAGE } from "./private-key";
export {
  fingerprintOf,
  normaliseFingerprint,
  FINGERPRINT_COMMAND,
  FINGERPRINT_FROM_PRIVATE_KEY_COMMAND,
  FINGERPRINT_NOTE,
} from "./fingerprint";
export { MIN_RSA_BITS, MAX_RSA_BITS, RSA_EXPONENT, describeKeyType } from "./key-requirements";
