import type { components } from "./generated/schema.js";

export type Problem = components["schemas"]["Problem"];
export type FieldError = components["schemas"]["FieldError"];
/** A documented problem `type` URI, or `about:blank` for an error response that carried no problem. */
export type ProblemType = Problem["type"] | "about:blank";

/**
 * An error response of the API (`application/problem+json`, RFC 9457) as an
 * exception: what `unwrap`, `pages` and `items` throw for any non-2xx answer.
 */
export class ProblemError extends Error {
  override readonly name = "ProblemError";
  /** HTTP status (also in the problem). */
  readonly status: number;
  /** The problem type URI, e.g. `/problems/validation`. */
  readonly type: ProblemType;
  readonly title: string;
  readonly detail: string;
  /** The invalid fields of a 422, e.g. `[{ field: "email", message: "…" }]`; empty otherwise. */
  readonly errors: readonly FieldError[];
  /** The existing resource a 409 conflicts with (e.g. the contact that has this email). */
  readonly existingId: string | undefined;
  /** Seconds to wait before retrying (429 and 503 with `Retry-After`). */
  readonly retryAfter: number | undefined;
  readonly response: Response;

  constructor(response: Response, body: unknown) {
    const problem = asProblem(body);
    const title = problem?.title ?? (response.statusText || `HTTP ${response.status}`);
    const detail = problem?.detail ?? (typeof body === "string" ? body : "");
    super(detail ? `${response.status} ${title}: ${detail}` : `${response.status} ${title}`);
    this.status = problem?.status ?? response.status;
    this.type = problem?.type ?? "about:blank";
    this.title = title;
    this.detail = detail;
    this.errors = problem?.errors ?? [];
    this.existingId = problem?.existing_id ?? undefined;
    const retryAfter = Number(response.headers.get("Retry-After") ?? Number.NaN);
    this.retryAfter = Number.isFinite(retryAfter) ? retryAfter : undefined;
    this.response = response;
  }

  /** The names of the invalid fields (`errors[].field`). */
  get fields(): string[] {
    return this.errors.map((e) => e.field);
  }

  /** The message for one field, if it is invalid. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

/** Whether `error` is a `ProblemError`, optionally of one problem type. */
export function isProblem(error: unknown, type?: ProblemType): error is ProblemError {
  return error instanceof ProblemError && (type === undefined || error.type === type);
}

function asProblem(body: unknown): Partial<Problem> | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  return body as Partial<Problem>;
}
