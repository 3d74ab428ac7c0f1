/** A refusal the client itself makes (a missing file, a bad flag): printed as cloudhsm-cli's error envelope. */
export class ClientError extends Error {}
