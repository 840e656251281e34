// The verifier against the Standard Webhooks reference vector (the same one
// crates/webhooks/src/signature.rs checks the server's signer with).
import assert from "node:assert/strict";
import { test } from "node:test";

import { WebhookVerificationError, signWebhook, verifyWebhook } from "@atrium/sdk/webhooks";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const timestamp = 1614265330;
const body = '{"test": 2432232314}';
const signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
const at = (seconds: number) => () => seconds * 1000;

test("signs and verifies the Standard Webhooks test vector", () => {
  assert.equal(signWebhook(secret, id, timestamp, body), signature);
  const headers = { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature };
  assert.deepEqual(verifyWebhook(secret, headers, body, { now: at(timestamp) }), { test: 2432232314 });
  assert.deepEqual(verifyWebhook(secret, new Headers(headers), Buffer.from(body), { now: at(timestamp + 299) }), {
    test: 2432232314,
  });
  const rotated = { ...headers, "webhook-signature": `v1,c29tZXRoaW5nIGVsc2U= ${signature}` };
  assert.ok(verifyWebhook(secret, rotated, body, { now: at(timestamp) }), "any of several signatures");
});

test("refuses what does not match", () => {
  const headers = { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature };
  const refuse = (h: Record<string, string>, b: string, now = timestamp) =>
    assert.throws(() => verifyWebhook(secret, h, b, { now: at(now) }), WebhookVerificationError);
  refuse(headers, '{"test": 2432232315}');
  refuse({ ...headers, "webhook-timestamp": String(timestamp + 1) }, body, timestamp + 1);
  refuse({ ...headers, "webhook-id": "msg_other" }, body);
  refuse({ ...headers, "webhook-signature": signature.replace("v1,", "v2,") }, body);
  refuse(headers, body, timestamp + 301);
  refuse(headers, body, timestamp - 301);
  refuse({ "webhook-id": id, "webhook-timestamp": String(timestamp) }, body);
});
