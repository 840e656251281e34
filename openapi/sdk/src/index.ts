/**
 * @atrium/sdk — a typed client for the Atrium API, generated from
 * openapi/openapi.json (openapi-typescript types + the openapi-fetch runtime).
 *
 *   const atrium = createAtriumClient({ baseUrl, token });
 *   const contact = await unwrap(atrium.POST("/api/v1/contacts", { body: { first_name: "Ada" } }));
 *
 * Webhook signature verification (Node) is in `@atrium/sdk/webhooks`.
 */
export { createAtriumClient, unwrap, type AtriumClient, type AtriumClientOptions, type DataOf } from "./client.js";
export { ProblemError, isProblem, type FieldError, type Problem, type ProblemType } from "./problem.js";
export { pages, items, type ListPath, type PageOf, type ItemOf } from "./pagination.js";
export { csvBody, idempotencyKey, ifMatch, etagOf } from "./headers.js";
export {
  EVENT_TYPES,
  isEventType,
  type AtriumEvent,
  type EventPayload,
  type EventPayloads,
  type EventType,
} from "./events.js";
export { REQUIRED_ROLES } from "./generated/catalog.js";
export type { components, operations, paths, webhooks } from "./generated/schema.js";
// Every schema by name: `ContactOut`, `ProposalIn`, `ContactCreated` (an event payload), …
export type * from "./generated/schema.js";
