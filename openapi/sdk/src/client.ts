import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { ProblemError } from "./problem.js";

/** An openapi-fetch client typed by the Atrium document: `GET`, `POST`, `PATCH`, `DELETE` by path. */
export type AtriumClient = Client<paths>;

export interface AtriumClientOptions extends ClientOptions {
  /** Origin of the Atrium server, e.g. `https://atrium.example.com` (paths start with `/api/v1`). */
  baseUrl: string;
  /**
   * A session token or organization API key sent as `Authorization: Bearer`, or a
   * function that returns the current one. Omit it to rely on the session cookie
   * (browsers: also pass `credentials: "include"` when the API is on another origin).
   */
  token?: string | (() => string | undefined | Promise<string | undefined>);
}

/** Creates a client; every call returns `{ data, error, response }` (see `unwrap`). */
export function createAtriumClient(options: AtriumClientOptions): AtriumClient {
  const { token, ...rest } = options;
  const client = createClient<paths>(rest);
  if (token !== undefined) client.use(bearer(token));
  return client;
}

function bearer(token: NonNullable<AtriumClientOptions["token"]>): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === "function" ? await token() : token;
      if (value && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${value}`);
      }
      return request;
    },
  };
}

type AnyResult = { data?: unknown; error?: unknown; response: Response };
/** The success body of a call's result (`undefined` for 204 and other empty answers). */
export type DataOf<R> = R extends { data: infer D } ? ([D] extends [never] ? undefined : D) : never;

/**
 * The body of a successful call, or a thrown `ProblemError` for any error answer:
 * `const contact = await unwrap(atrium.POST("/api/v1/contacts", { body }))`.
 */
export async function unwrap<R extends AnyResult>(call: Promise<R> | R): Promise<DataOf<R>> {
  const result = await call;
  if (!result.response.ok) throw new ProblemError(result.response, result.error);
  return result.data as DataOf<R>;
}
