// Compile-time checks of the SDK's types (this file fails `tsc` if they break);
// the runtime test only records that it compiled.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  type ActivityOut,
  type AtriumClient,
  type AtriumEvent,
  type ContactCreated,
  type DataOf,
  type EventPayloads,
  type ItemOf,
  type ListPath,
  type ProblemType,
  type TaskOut,
  createAtriumClient,
  items,
  unwrap,
} from "@atrium/sdk";

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const yes = <T extends true>(): T => true as T;

// Lists: every GET with `cursor`; their items; not the change feed (it has `after` and never ends).
yes<Equal<ItemOf<"/api/v1/timeline">, ActivityOut>>();
yes<Equal<ItemOf<"/api/v1/tasks">, TaskOut>>();
yes<"/api/v1/webhooks/{id}/attempts" extends ListPath ? true : false>();
yes<"/api/v1/events" extends ListPath ? false : true>();
// Events: the payload of each type, and `data` narrowed by `type`.
yes<Equal<EventPayloads["crm.contact.created"], ContactCreated>>();
export function firstName(event: AtriumEvent): string | undefined {
  return event.type === "crm.contact.created" ? event.data.first_name : undefined;
}
// Problems: the documented types.
yes<"/problems/validation" extends ProblemType ? true : false>();
// A 204 unwraps to `undefined`, not `never`.
declare const client: AtriumClient;
type Deleted = DataOf<Awaited<ReturnType<typeof client.DELETE<"/api/v1/tasks/{id}", { params: { path: { id: string } } }>>>>;
yes<Equal<Deleted, undefined>>();

export async function refused(atrium: AtriumClient): Promise<void> {
  // @ts-expect-error a field the schema does not have
  await unwrap(atrium.POST("/api/v1/client-companies", { body: { nam: "Globex" } }));
  // @ts-expect-error a required field missing
  await unwrap(atrium.POST("/api/v1/contacts", { body: { last_name: "Lovelace" } }));
  // @ts-expect-error the path parameter is required
  await unwrap(atrium.GET("/api/v1/contacts/{id}", {}));
  // @ts-expect-error not a list operation
  items(atrium, "/api/v1/events");
}

test("the SDK's types compile as expected", () => {
  assert.equal(typeof createAtriumClient, "function");
});
