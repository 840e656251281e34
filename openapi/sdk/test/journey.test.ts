// The SDK against the real `atrium` binary: a fresh SQLite database in a temp
// dir, a free port, and a client journey driven only through @atrium/sdk (the
// built package, imported by its name), from sign-up to a verified webhook.
//
// ATRIUM_BIN names the binary (make test passes $(CARGO_TARGET_DIR)/debug/atrium).
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { type IncomingHttpHeaders, createServer } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import {
  type ActivityOut,
  type AtriumClient,
  type AtriumEvent,
  EVENT_TYPES,
  ProblemError,
  REQUIRED_ROLES,
  type TaskOut,
  createAtriumClient,
  csvBody,
  etagOf,
  idempotencyKey,
  ifMatch,
  isProblem,
  items,
  pages,
  unwrap,
} from "@atrium/sdk";
import { WebhookVerificationError, verifyWebhook } from "@atrium/sdk/webhooks";

const targetDir = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME ?? "", ".cache/atrium-target");
const binary = process.env.ATRIUM_BIN ?? join(targetDir, "debug/atrium");

let dir = "";
let server: ChildProcess | undefined;
let serverLog = "";
let baseUrl = "";

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Polls `probe` until it returns a value (not `undefined`), or fails after `ms`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

before(async () => {
  assert.ok(existsSync(binary), `${binary} is missing: build it with 'cargo build --workspace --bin atrium'`);
  dir = await mkdtemp(join(tmpdir(), "atrium-sdk-"));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(binary, ["serve"], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${join(dir, "atrium.db")}?mode=rwc`,
      BIND_ADDR: `127.0.0.1:${port}`,
      ATRIUM_SECRET: "sdk-test-secret-0123456789abcdef0123456789abcdef",
      COOKIE_SECURE: "false",
      WEBHOOK_ALLOW_PRIVATE: "true",
      DISPATCH_POLL_MS: "20",
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  const health = createAtriumClient({ baseUrl });
  await eventually(
    "/health/ready",
    async () => {
      assert.equal(server?.exitCode, null, `atrium exited early:\n${serverLog}`);
      const ready = await health.GET("/health/ready").catch(() => undefined);
      return ready?.response.status === 200 ? true : undefined;
    },
    30_000,
  );
});

after(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    const killer = setTimeout(() => server?.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A local webhook receiver: records each delivery's headers and raw body. */
async function receiver(): Promise<{ url: string; got: { headers: IncomingHttpHeaders; body: Buffer }[]; close(): void }> {
  const got: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, got, close: () => http.close() };
}

test("a client journey through the SDK: sign-up to done tasks, the timeline, a typed error and a verified webhook", async (t) => {
  const anonymous = createAtriumClient({ baseUrl });
  const session = await unwrap(
    anonymous.POST("/api/v1/auth/signup", {
      body: { email: "ada@example.com", password: "correct horse battery", name: "Ada Lovelace" },
    }),
  );
  assert.ok(session.token.startsWith("atr_s_"));
  const atrium: AtriumClient = createAtriumClient({ baseUrl, token: session.token });
  const me = await unwrap(atrium.GET("/api/v1/me"));
  assert.equal(me.user?.email, "ada@example.com");

  // CRM: a company (created with an Idempotency-Key: the retry replays it), a contact, a deal.
  const key = idempotencyKey();
  const createCompany = () =>
    atrium.POST("/api/v1/client-companies", { params: { header: key }, body: { name: "Globex" } });
  const company = await unwrap(createCompany());
  const retried = await createCompany();
  assert.equal(retried.data?.id, company.id, "same key, same body: the first response again");
  assert.equal(retried.response.headers.get("Idempotent-Replayed"), "true");
  const contact = await unwrap(
    atrium.POST("/api/v1/contacts", {
      body: { first_name: "Hank", last_name: "Scorpio", email: "hank@globex.example", client_company_id: company.id },
    }),
  );
  const deal = await unwrap(
    atrium.POST("/api/v1/deals", {
      body: { name: "Relaunch", client_company_id: company.id, contact_id: contact.id, stage: "qualified" },
    }),
  );

  // Agreements: a proposal with line items (totals from the server) → sent → accepted → contract → sent → signed.
  const proposal = await unwrap(
    atrium.POST("/api/v1/proposals", {
      body: {
        title: "Relaunch, phase 1",
        client_company_id: company.id,
        deal_id: deal.id,
        currency: "EUR",
        line_items: [
          { description: "Discovery", quantity: "1.5", unit_price: { amount_minor: 120000, currency: "EUR" } },
          { description: "Design", quantity: 4, unit_price: { amount_minor: 95050, currency: "EUR" } },
        ],
      },
    }),
  );
  assert.deepEqual(proposal.total, { amount_minor: 560200, currency: "EUR" });
  const sent = await unwrap(
    atrium.POST("/api/v1/proposals/{id}/send", {
      params: { path: { id: proposal.id }, header: ifMatch(proposal.version) },
    }),
  );
  assert.equal(sent.status, "sent");
  await unwrap(atrium.POST("/api/v1/proposals/{id}/accept", { params: { path: { id: proposal.id } } }));
  const contract = await unwrap(atrium.POST("/api/v1/proposals/{id}/contract", { params: { path: { id: proposal.id } } }));
  assert.equal(contract.total?.amount_minor, 560200, "the proposal's total");
  await unwrap(atrium.POST("/api/v1/contracts/{id}/send", { params: { path: { id: contract.id } } }));
  const signed = await unwrap(
    atrium.POST("/api/v1/contracts/{id}/sign", {
      params: { path: { id: contract.id } },
      body: { signer_name: "Hank Scorpio", signer_email: "hank@globex.example", signature_data: "data:image/png;base64,c2ln" },
    }),
  );
  assert.equal(signed.status, "signed");

  // Delivery: an engagement from the contract, a project from a template, its tasks done.
  const engagement = await unwrap(
    atrium.POST("/api/v1/engagements", {
      body: {
        name: "Globex relaunch",
        contract_id: contract.id,
        billing_model: "fixed",
        budget: { amount_minor: 560200, currency: "EUR" },
      },
    }),
  );
  assert.equal(engagement.client_company_id, company.id, "taken from the contract");
  const template = await unwrap(
    atrium.POST("/api/v1/project-templates", {
      body: {
        name: "Relaunch playbook",
        milestones: [{ key: "design", name: "Design signed off", offset_days: 14 }],
        tasks: [
          { title: "Wireframes", milestone_key: "design", offset_days: 7 },
          { title: "Kick-off", offset_days: 0 },
        ],
      },
    }),
  );
  const project = await unwrap(
    atrium.POST("/api/v1/project-templates/{id}/instantiate", {
      params: { path: { id: template.id } },
      body: { engagement_id: engagement.id, name: "Globex relaunch", start_date: "2027-01-04" },
    }),
  );
  assert.equal(project.client_company_id, company.id, "the engagement's client");
  await unwrap(atrium.POST("/api/v1/tasks", { body: { project_id: project.id, title: "Launch", due_date: "2027-02-01" } }));
  const tasks: TaskOut[] = [];
  for await (const task of items(atrium, "/api/v1/tasks", { params: { query: { project_id: project.id, limit: 2 } } })) {
    tasks.push(task);
  }
  assert.deepEqual(tasks.map((x) => x.title).sort(), ["Kick-off", "Launch", "Wireframes"]);
  assert.equal(tasks.find((x) => x.title === "Wireframes")?.due_date, "2027-01-11", "start + offset");
  for (const task of tasks) {
    const got = await atrium.GET("/api/v1/tasks/{id}", { params: { path: { id: task.id } } });
    assert.equal(etagOf(got), `"${task.version}"`, "the ETag is the version");
    await unwrap(
      atrium.PATCH("/api/v1/tasks/{id}", {
        params: { path: { id: task.id }, header: ifMatch(etagOf(got) ?? "*") },
        body: { status: "done" },
      }),
    );
  }

  // The engagement's timeline, read page by page (3 entries a page), oldest first.
  const story = [
    "agreements.proposal.created",
    "agreements.proposal.sent",
    "agreements.proposal.accepted",
    "agreements.contract.created",
    "agreements.contract.sent",
    "agreements.contract.signed",
    "agreements.engagement.created",
    "projects.project.instantiated",
    "projects.task.status_changed",
  ];
  const query = { engagement_id: engagement.id, limit: 3 };
  const { entries, pageCount } = await eventually("the engagement's whole story on its timeline", async () => {
    const seen: ActivityOut[] = [];
    let count = 0;
    for await (const page of pages(atrium, "/api/v1/timeline", { params: { query } })) {
      assert.ok(page.items.length <= 3);
      seen.push(...page.items);
      count += 1;
    }
    const done = seen.filter((e) => e.event_type === "projects.task.status_changed").length === 3;
    return done && story.every((s) => seen.some((e) => e.event_type === s)) ? { entries: seen, pageCount: count } : undefined;
  });
  t.diagnostic(`timeline: ${entries.length} entries of the engagement in ${pageCount} pages of 3`);
  assert.ok(pageCount >= 4, `several pages: ${pageCount} for ${entries.length} entries`);
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, "no entry on two pages");
  const oldestFirst = entries.map((e) => e.event_type).reverse();
  for (const [earlier, later] of story.slice(0, -1).map((s, i) => [s, story[i + 1] ?? ""] as const)) {
    assert.ok(oldestFirst.indexOf(earlier) < oldestFirst.indexOf(later), `${earlier} before ${later}: ${oldestFirst}`);
  }
  const onePage = await unwrap(atrium.GET("/api/v1/timeline", { params: { query: { engagement_id: engagement.id, limit: 200 } } }));
  assert.deepEqual(onePage.items.map((e) => e.id), entries.map((e) => e.id), "the pages add up to the list");

  await t.test("a validation error is a ProblemError naming the field", async () => {
    const error = await unwrap(atrium.POST("/api/v1/contacts", { body: { first_name: "Bad", email: "not-an-email" } })).then(
      () => assert.fail("accepted an invalid email"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ProblemError, `a ProblemError: ${String(error)}`);
    assert.ok(isProblem(error, "/problems/validation"));
    assert.equal(error.status, 422);
    assert.deepEqual(error.fields, ["email"]);
    assert.ok(error.fieldError("email"), "with a message for the field");

    const taken = await unwrap(
      atrium.POST("/api/v1/contacts", { body: { first_name: "Hank", email: "hank@globex.example" } }),
    ).catch((e: unknown) => e);
    assert.ok(isProblem(taken, "/problems/conflict"), `a conflict: ${String(taken)}`);
    assert.equal(taken.existingId, contact.id, "naming the contact that has the email");

    const stale = await unwrap(
      atrium.PATCH("/api/v1/contacts/{id}", {
        params: { path: { id: contact.id }, header: ifMatch(contact.version + 5) },
        body: { title: "CEO" },
      }),
    ).catch((e: unknown) => e);
    assert.ok(isProblem(stale, "/problems/conflict"), `a stale If-Match is a 409: ${String(stale)}`);

    const listed = pages(atrium, "/api/v1/contacts", { params: { query: { limit: 0 } } });
    await assert.rejects(listed.next(), (e: unknown) => isProblem(e, "/problems/validation") && e.fields.includes("limit"));
  });

  await t.test("a webhook delivery verifies with the SDK's helper", async () => {
    assert.equal(REQUIRED_ROLES["POST /api/v1/webhooks"], "manage_organization");
    const rx = await receiver();
    try {
      const hook = await unwrap(
        atrium.POST("/api/v1/webhooks", { body: { url: rx.url, event_types: ["crm.contact.updated"] } }),
      );
      assert.ok(hook.secret.startsWith("whsec_"));
      const updated = await unwrap(
        atrium.PATCH("/api/v1/contacts/{id}", {
          params: { path: { id: contact.id }, header: ifMatch(contact.version) },
          body: { title: "CEO" },
        }),
      );
      assert.equal(updated.title, "CEO");
      const delivery = await eventually("a delivery", async () => rx.got[0]);
      const event: AtriumEvent = verifyWebhook(hook.secret, delivery.headers, delivery.body);
      assert.equal(event.id, delivery.headers["webhook-id"]);
      assert.equal(event.type, "crm.contact.updated");
      if (event.type === "crm.contact.updated") {
        // Typed by the catalog: `data` is the ContactUpdated payload.
        assert.equal(event.data.id, contact.id);
        assert.equal(event.data.title, "CEO");
        assert.deepEqual(event.data.changed, ["title"]);
      }

      const tampered = Buffer.from(delivery.body.toString().replace("CEO", "CFO"));
      assert.throws(() => verifyWebhook(hook.secret, delivery.headers, tampered), WebhookVerificationError);
      assert.throws(() => verifyWebhook("whsec_" + Buffer.from("another key").toString("base64"), delivery.headers, delivery.body), WebhookVerificationError);
      const sixMinutesLater = () => Date.now() + 6 * 60 * 1000;
      assert.throws(
        () => verifyWebhook(hook.secret, delivery.headers, delivery.body, { now: sixMinutesLater }),
        /too old/,
        "outside the 5-minute tolerance",
      );
      const { "webhook-signature": _, ...unsigned } = delivery.headers;
      assert.throws(() => verifyWebhook(hook.secret, unsigned, delivery.body), /webhook-signature/);
    } finally {
      rx.close();
    }
  });

  await t.test("CSV in and out (text/csv bodies)", async () => {
    const csv = "first_name,last_name,email,company\nGrace,Hopper,grace@navy.example,US Navy\nBad,Email,not-an-email,\n";
    const dry = await unwrap(
      atrium.POST("/api/v1/contacts/import", { ...csvBody(csv), params: { query: { dry_run: true } } }),
    );
    assert.equal(dry.created, 1, JSON.stringify(dry));
    assert.deepEqual(dry.rows.map((r) => r.outcome), ["created", "skipped"]);
    const exported = await unwrap(atrium.GET("/api/v1/contacts/export", { parseAs: "text" }));
    const [header, ...rows] = exported.trim().split("\n");
    assert.ok(header?.startsWith("id,first_name,last_name,email"), header);
    assert.equal(rows.length, 1, "the dry run wrote nothing: only Hank");
  });

  await t.test("the server's event catalog is the SDK's", async () => {
    const catalog = await unwrap(atrium.GET("/api/v1/event-types"));
    assert.deepEqual(catalog.items.map((e) => e.name).sort(), [...EVENT_TYPES]);
  });
});
