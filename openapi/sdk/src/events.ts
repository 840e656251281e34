import { EVENT_TYPES } from "./generated/catalog.js";
import type { components, webhooks } from "./generated/schema.js";

/** An event type of the catalog, e.g. `"crm.contact.created"`. */
export type EventType = keyof webhooks;

type Delivered<T extends EventType> = webhooks[T]["post"]["requestBody"]["content"]["application/json"];

/** Each event type's payload (the envelope's `data`): `EventPayloads["crm.contact.created"]`. */
export type EventPayloads = { [T in EventType]: NonNullable<Delivered<T>["data"]> };
export type EventPayload<T extends EventType> = EventPayloads[T];

/**
 * The event envelope (as webhooks, the change feed and `data` of the timeline
 * carry it), discriminated by `type`: `if (event.type === "crm.contact.created") event.data.first_name`.
 */
export type AtriumEvent<T extends EventType = EventType> = {
  [K in T]: Omit<components["schemas"]["Event"], "type" | "aggregate_type" | "data"> & {
    type: K;
    aggregate_type: NonNullable<Delivered<K>["aggregate_type"]>;
    data: EventPayloads[K];
  };
}[T];

export { EVENT_TYPES };

const known: ReadonlySet<string> = new Set(EVENT_TYPES);

/** Whether `name` is an event type this SDK was generated with (a newer server may send others). */
export function isEventType(name: string): name is EventType {
  return known.has(name);
}

// The runtime list and the generated types name the same event types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _catalogMatchesTypes: Same<(typeof EVENT_TYPES)[number], EventType> = true;
void _catalogMatchesTypes;
