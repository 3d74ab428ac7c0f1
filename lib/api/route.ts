import "server-only";
import type { NextRequest } from "next/server";
import type { Ctx } from "../auth/actor";
import { findActiveSession } from "../auth/sessions";
import { OpError } from "../errors";
import { metaFromHeaders } from "../http/meta";
import { failFromError, ok } from "./envelope";

export const MAX_BODY_BYTES = 64 * 1024;

type Options = { auth: boolean; body: "json" | "none" | "optional-json" };
type Handler = (ctx: Ctx, body: unknown, request: NextRequest) => Promise<unknown>;

async function readBody(request: NextRequest, mode: Options["body"]): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new OpError(413, "The request body is over 64 KiB, the most this API accepts.");
  const bytes = new Uint8Array(await readLimited(request));
  if (mode === "none" || (mode === "optional-json" && bytes.length === 0)) return {};
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new OpError(415, "Send the request body as JSON, with Content-Type: application/json.");
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new OpError(400, `The request body is not valid JSON (${(e as Error).message.replace(/\n/g, " ").slice(0, 120)}).`);
  }
}

async function readLimited(request: NextRequest): Promise<ArrayBuffer> {
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new OpError(413, "The request body is over 64 KiB, the most this API accepts.");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.byteLength));
  return out.buffer;
}

async function bearerCtx(request: NextRequest, required: boolean): Promise<Ctx> {
  const meta = metaFromHeaders(request.headers);
  if (!required) return { actor: null, meta };
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  if (!header) throw new OpError(401, "Sign in first: send Authorization: Bearer <session_token> from POST /api/v1/login.");
  const actor = match ? await findActiveSession({ token: match[1], kind: "api" }) : null;
  if (!actor) throw new OpError(401, "The session token is not valid or has ended: sign in again with POST /api/v1/login.");
  return { actor, meta };
}

/** The API door: body limits and JSON, bearer session, then the lib operation, answered in the envelope. */
export function apiRoute(options: Options, handler: Handler) {
  return async (request: NextRequest) => {
    try {
      const ctx = await bearerCtx(request, options.auth);
      const body = request.method === "GET" ? Object.fromEntries(request.nextUrl.searchParams) : await readBody(request, options.body);
      return ok((await handler(ctx, body, request)) ?? null);
    } catch (e) {
      return failFromError(`${request.method} ${request.nextUrl.pathname}`, e);
    }
  };
}
