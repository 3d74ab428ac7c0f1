import "server-only";
import type { NextRequest } from "next/server";
import type { Ctx } from "../auth/actor";
import { UnexpectedError } from "../audit/operation";
import { browserCtx } from "../auth/browser";
import { OpError } from "../errors";
import { logUnexpected } from "../log";
import type { Format } from "./stream";

export type Download = { stream: ReadableStream<Uint8Array>; format: Format; filename: string };

const types: Record<Format, string> = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

/** The browser door for exports: the signed-in session, the lib operation, then a file download. */
export function downloadRoute(make: (ctx: Ctx, query: Record<string, string>) => Promise<Download>) {
  return async (request: NextRequest) => {
    try {
      const d = await make(await browserCtx(), Object.fromEntries(request.nextUrl.searchParams));
      return new Response(d.stream, {
        headers: {
          "content-type": types[d.format],
          "content-disposition": `attachment; filename="${d.filename}.${d.format}"`,
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (e) {
      const status = e instanceof OpError ? e.status : 500;
      const message = e instanceof OpError || e instanceof UnexpectedError ? e.message : `Something went wrong on the server (error ${logUnexpected(`GET ${request.nextUrl.pathname}`, e)}).`;
      return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    }
  };
}
