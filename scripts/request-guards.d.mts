import type { IncomingMessage, ServerResponse } from "node:http";
export const FORM_BODY_MAX_BYTES: number;
export const HSTS: string;
export function trustsProxy(env?: NodeJS.ProcessEnv): boolean;
export function isHttps(req: IncomingMessage, env?: NodeJS.ProcessEnv): boolean;
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean;
