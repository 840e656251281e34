/**
 * `Idempotency-Key` for a POST: the same key with the same body replays the
 * first response (`Idempotent-Replayed: true`) for 24 hours, so a retry after a
 * timeout cannot create a second record. Keep the key to retry with it.
 * `params: { header: idempotencyKey(key) }`.
 */
export function idempotencyKey(key: string = globalThis.crypto.randomUUID()): { "Idempotency-Key": string } {
  return { "Idempotency-Key": key };
}

/**
 * `If-Match` for a PATCH, DELETE or state change: the resource's `version` (as
 * returned in every body) or an `ETag` from a GET. A stale one is a 409.
 * `params: { path: { id }, header: ifMatch(task.version) }`.
 */
export function ifMatch(versionOrEtag: number | string): { "If-Match": string } {
  return { "If-Match": typeof versionOrEtag === "number" ? `"${versionOrEtag}"` : versionOrEtag };
}

/** The `ETag` of a response (single-resource GETs and writes carry one). */
export function etagOf(result: { response: Response }): string | undefined {
  return result.response.headers.get("ETag") ?? undefined;
}

/**
 * A `text/csv` request body (openapi-fetch sends JSON unless told otherwise):
 * `atrium.POST("/api/v1/contacts/import", { ...csvBody(text), params: { query: { dry_run: true } } })`.
 * Read a CSV export with `atrium.GET("/api/v1/contacts/export", { parseAs: "text" })`.
 */
export function csvBody(text: string): {
  body: string;
  bodySerializer: (body: string) => string;
  headers: { "Content-Type": "text/csv" };
} {
  return { body: text, bodySerializer: (body) => body, headers: { "Content-Type": "text/csv" } };
}
