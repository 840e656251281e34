import type { MaybeOptionalInit } from "openapi-fetch";
import type { AtriumClient } from "./client.js";
import type { paths } from "./generated/schema.js";
import { ProblemError } from "./problem.js";

type GetPath = { [P in keyof paths]: paths[P] extends { get: { parameters: unknown } } ? P : never }[keyof paths];
type Query<P extends GetPath> = NonNullable<paths[P]["get"]["parameters"]["query"]>;

/** Every list operation: a GET that takes `cursor` and answers `{ items, next_cursor }`. */
export type ListPath = { [P in GetPath]: "cursor" extends keyof Query<P> ? P : never }[GetPath];
type Json200<Op> = Op extends { responses: { 200: { content: { "application/json": infer Body } } } } ? Body : never;
/** One page of a list operation. */
export type PageOf<P extends ListPath> = Json200<paths[P]["get"]>;
/** One item of a list operation. */
export type ItemOf<P extends ListPath> = PageOf<P> extends { items: (infer Item)[] } ? Item : never;
type AnyPage = { items: unknown[]; next_cursor?: string | null };

type ListInit<P extends ListPath> = MaybeOptionalInit<paths[P], "get">;
type InitArgs<P extends ListPath> = undefined extends ListInit<P> ? [init?: ListInit<P>] : [init: ListInit<P>];

type LooseInit = { params?: { query?: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>;
type LooseGet = (path: string, init: LooseInit) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Every page of a list, following `next_cursor` until it is `null`; the filters
 * and `limit` in `init` apply to each page. Throws `ProblemError` on an error answer.
 * `for await (const page of pages(atrium, "/api/v1/contacts", { params: { query: { limit: 100 } } }))`
 */
export async function* pages<P extends ListPath>(
  client: AtriumClient,
  path: P,
  ...[init]: InitArgs<P>
): AsyncGenerator<PageOf<P>, void, undefined> {
  const get = client.GET as unknown as LooseGet;
  const base = (init ?? {}) as LooseInit;
  let cursor: string | undefined;
  do {
    const query = { ...base.params?.query, ...(cursor === undefined ? {} : { cursor }) };
    const { data, error, response } = await get(path, { ...base, params: { ...base.params, query } });
    if (!response.ok) throw new ProblemError(response, error);
    yield data as PageOf<P>;
    cursor = (data as AnyPage).next_cursor ?? undefined;
  } while (cursor !== undefined);
}

/** Every item of a list, page after page (see `pages`). */
export async function* items<P extends ListPath>(
  client: AtriumClient,
  path: P,
  ...init: InitArgs<P>
): AsyncGenerator<ItemOf<P>, void, undefined> {
  for await (const page of pages(client, path, ...init)) {
    yield* (page as AnyPage).items as ItemOf<P>[];
  }
}
