/**
 * Verifies Atrium's webhook deliveries (Standard Webhooks): `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64
 * HMAC-SHA256 of "{id}.{timestamp}.{body}">`, several separated by spaces)
 * under the endpoint's `whsec_<base64>` secret. Node only (node:crypto).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AtriumEvent } from "./events.js";

/** Default tolerance between the delivery's timestamp and the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
}

/** Fetch `Headers`, or Node's `req.headers` (`IncomingHttpHeaders`). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** Seconds a timestamp may differ from now (default 300). */
  toleranceSeconds?: number;
  /** The receiver's clock in milliseconds (default `Date.now()`). */
  now?: () => number;
}

/**
 * Checks a delivery and returns its event. `body` must be the raw request body,
 * exactly as received (not re-serialized JSON). Throws `WebhookVerificationError`
 * when a header is missing, the timestamp is outside the tolerance or no
 * signature matches.
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  options: VerifyOptions = {},
): AtriumEvent {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError("webhook-timestamp is not a Unix time");
  const now = Math.floor((options.now ?? Date.now)() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = now - Number(timestamp);
  if (age > tolerance) throw new WebhookVerificationError("webhook-timestamp is too old");
  if (age < -tolerance) throw new WebhookVerificationError("webhook-timestamp is in the future");

  const expected = hmac(secret, id, timestamp, body);
  const matches = signatures.split(" ").some((candidate) => {
    const comma = candidate.indexOf(",");
    if (comma < 0 || candidate.slice(0, comma) !== "v1") return false;
    const given = Buffer.from(candidate.slice(comma + 1), "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError("no webhook-signature matches");

  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
  return JSON.parse(text) as AtriumEvent;
}

/** The `webhook-signature` value Atrium sends for a delivery (for tests and tools). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string | Uint8Array): string {
  return `v1,${hmac(secret, id, String(timestamp), body).toString("base64")}`;
}

function hmac(secret: string, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
  if (key.length === 0) throw new WebhookVerificationError("the secret is empty or not whsec_<base64>");
  return createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
}

function header(headers: WebhookHeaders, name: string): string {
  const value =
    headers instanceof Headers
      ? headers.get(name)
      : Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null || first === "") {
    throw new WebhookVerificationError(`the ${name} header is missing`);
  }
  return first;
}
