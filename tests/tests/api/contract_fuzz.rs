//! Contract fuzzing on PostgreSQL, generated from the OpenAPI document so that a new
//! domain is covered without new cases.
//!
//! Every POST and PATCH with an `application/json` body is sent its documented
//! example (ids in it pointed at real rows) with one top-level field made invalid at
//! a time: the documented maximum length + 1, a NUL byte, whitespace only (when the
//! field has a minimum length), dates outside what any column stores, numbers beyond
//! the documented maximum (or beyond any integer when there is none). Each operation
//! also gets invalid UTF-8 inside a JSON string and trailing bytes after the JSON.
//! Every string query parameter of every GET gets a NUL byte and its maximum length + 1.
//!
//! Each probe must be a 4xx problem that writes nothing (no outbox event, the row
//! read back unchanged), and never a 5xx. A field probe must be a 422 whose
//! `errors[].field` names the probed field (400 for the malformed-bytes probes).
//!
//! Telling real failures from test slips: a probe is held to "422 naming the field"
//! only when its base request is known to be good — the same body was accepted by a
//! control request just before (a row created from it, the PATCH applied to the real
//! row, the action performed on a spare row). When there is no real row to address,
//! or the server refuses the base itself, the probe only has to be a 4xx problem that
//! writes nothing; the summary lists those operations and why.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use atrium_tests::{Backend, Reply, Session, TestApp, read};
use reqwest::Method;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Map, Value, json};

/// Stands for a value serde_json cannot hold (raw bytes, huge numbers) until the body
/// is serialized.
const MARKER: &str = "@@atrium-fuzz@@";

#[tokio::test]
async fn every_write_and_filter_refuses_bad_input_and_writes_nothing() {
    // Hundreds of requests from one address, many of them failed logins: the login
    // throttle is not what this test is about.
    let spawned = TestApp::spawn_with(Backend::Postgres, |c| {
        c.login_failures_per_email = 100_000;
        c.login_attempts_per_ip = 100_000;
    })
    .await;
    let Some(app) = spawned else {
        eprintln!("SKIP contract_fuzz: PostgreSQL is unavailable (ATRIUM_REQUIRE_SERVICES=1 makes this a failure)");
        return;
    };
    let doc = serde_json::to_value(atrium_gateway::openapi_document().await.expect("document")).expect("json");
    let owner = app.signup("fuzz-owner@example.com").await;
    let mut fuzz = Fuzz {
        app: &app,
        doc: &doc,
        owner,
        rows: HashMap::new(),
        unique: HashSet::new(),
        counter: 100,
        failures: Vec::new(),
        notes: Vec::new(),
        probes: 0,
    };
    fuzz.create_rows().await;
    let mut plans = fuzz.plans().await;
    for plan in &mut plans {
        fuzz.probe_body(plan).await;
    }
    fuzz.probe_queries().await;

    let Fuzz { failures, notes, probes, rows, .. } = fuzz;
    let mut made: Vec<String> = rows.iter().map(|(c, ids)| format!("{c} ×{}", ids.len())).collect();
    made.sort();
    eprintln!("contract_fuzz: {} operations, {probes} probes; rows from examples: {}", plans.len(), made.join(", "));
    for note in &notes {
        eprintln!("contract_fuzz note: {note}");
    }
    assert!(plans.len() > 20, "only {} POST/PATCH operations with a JSON body found", plans.len());
    assert!(failures.is_empty(), "{} of {probes} probes failed:\n{}", failures.len(), failures.join("\n"));
}

/// What a probe must get (besides: a 4xx problem that writes nothing).
#[derive(Clone, Copy)]
enum Expect<'a> {
    /// 422 naming the field.
    Field(&'a str),
    /// 400, or a 422 naming the field.
    Bytes(&'a str),
    /// 400.
    Junk,
}

/// A top-level property of a body schema.
struct Prop {
    name: String,
    /// As written (with its `$ref`s).
    raw: Value,
    /// `$ref`s followed, nullable `oneOf`s unwrapped.
    schema: Value,
    required: bool,
}

/// A probe value: JSON, or raw bytes put where the marker string is.
enum Probe {
    Json(Value),
    Raw(Vec<u8>),
}

/// One POST or PATCH operation, ready to probe.
struct Plan {
    method: Method,
    template: String,
    public: bool,
    /// The concrete path the probes go to.
    path: String,
    /// The row the operation changes, read back around each probe.
    row: Option<String>,
    props: Vec<Prop>,
    /// Lengths documented on the collection's POST, for PATCH fields that state none.
    post_props: Vec<Prop>,
    base: Map<String, Value>,
    /// The example with ids resolved, before any uniquifying.
    example: Map<String, Value>,
    /// `None` when the base is known good; else why the probes are held to less.
    weak: Option<String>,
}

enum IdSource {
    User,
    Org,
    Rows(String),
}

struct Fuzz<'a> {
    app: &'a TestApp,
    doc: &'a Value,
    owner: Session,
    /// Rows created from the examples, by collection path (`/api/v1/contacts`).
    rows: HashMap<String, Vec<String>>,
    /// Operations (`POST /path`) whose example conflicts with itself on a unique
    /// field: the next bodies get unique values.
    unique: HashSet<String>,
    counter: u32,
    failures: Vec<String>,
    notes: Vec<String>,
    probes: usize,
}

// ---- the document -------------------------------------------------------------

fn deref<'d>(doc: &'d Value, mut s: &'d Value) -> &'d Value {
    for _ in 0..16 {
        match s.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
            Some(pointer) => s = doc.pointer(pointer).unwrap_or(&Value::Null),
            None => break,
        }
    }
    s
}

const COMPOSITION: [&str; 4] = ["$ref", "oneOf", "anyOf", "allOf"];

/// The schema with `$ref`s followed, `oneOf`/`anyOf` with `null` reduced to the other
/// alternative, and `allOf` merged; keys beside a `$ref` (description, maxLength)
/// are kept.
fn resolve(doc: &Value, s: &Value) -> Value {
    let inner = deref(doc, s);
    let alternatives = inner.get("oneOf").or_else(|| inner.get("anyOf")).and_then(Value::as_array);
    let mut out = if let Some(alts) = alternatives {
        let real: Vec<&Value> = alts.iter().filter(|a| a.get("type") != Some(&json!("null"))).collect();
        if real.len() == 1 { resolve(doc, real[0]) } else { inner.clone() }
    } else if let Some(parts) = inner.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts {
            let Value::Object(part) = resolve(doc, part) else { continue };
            for (k, v) in part {
                match (k.as_str(), merged.get_mut(&k)) {
                    ("properties", Some(Value::Object(props))) => {
                        props.extend(v.as_object().cloned().unwrap_or_default())
                    }
                    ("required", Some(Value::Array(req))) => req.extend(v.as_array().cloned().unwrap_or_default()),
                    _ => {
                        merged.entry(k).or_insert(v);
                    }
                }
            }
        }
        Value::Object(merged)
    } else {
        inner.clone()
    };
    if let Some(o) = out.as_object_mut() {
        for outer in [inner, s] {
            for (k, v) in outer.as_object().into_iter().flatten() {
                if !COMPOSITION.contains(&k.as_str()) {
                    o.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
        }
    }
    out
}

/// The type, ignoring `null`.
fn kind(s: &Value) -> Option<&str> {
    match &s["type"] {
        Value::String(t) => Some(t),
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

fn is_uuid(doc: &Value, s: &Value) -> bool {
    match kind(s) {
        Some("string") => s["format"] == "uuid",
        Some("array") => {
            let items = resolve(doc, &s["items"]);
            kind(&items) == Some("string") && items["format"] == "uuid"
        }
        _ => false,
    }
}

fn props(doc: &Value, schema: &Value) -> Vec<Prop> {
    let schema = resolve(doc, schema);
    let required: Vec<&str> = schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, raw)| Prop {
            name: name.clone(),
            raw: raw.clone(),
            schema: resolve(doc, raw),
            required: required.contains(&name.as_str()),
        })
        .collect()
}

/// The names of every schema `$ref`'d in `v`.
fn ref_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if let Some(r) = o.get("$ref").and_then(Value::as_str) {
                out.push(r.rsplit('/').next().unwrap_or_default().to_owned());
            }
            o.values().for_each(|x| ref_names(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| ref_names(x, out)),
        _ => {}
    }
}

fn snake(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn plural(s: &str) -> String {
    match s.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{s}s"),
    }
}

/// A value that satisfies the schema, for bodies without an example.
fn sample(doc: &Value, s: &Value) -> Value {
    let s = resolve(doc, s);
    if let Some(e) = s.get("example").or_else(|| s["examples"].get(0)) {
        return e.clone();
    }
    if let Some(v) = s["enum"].get(0) {
        return v.clone();
    }
    match kind(&s) {
        Some("string") => match s["format"].as_str() {
            Some("uuid") => json!(uuid::Uuid::now_v7()),
            Some("date") => json!("2027-01-01"),
            Some("date-time") => json!("2027-01-01T00:00:00Z"),
            Some("email") => json!("fuzz@example.com"),
            _ => json!("a".repeat(s["minLength"].as_u64().unwrap_or(1).max(1) as usize)),
        },
        Some("integer" | "number") => json!(s["minimum"].as_i64().unwrap_or(1)),
        Some("boolean") => json!(false),
        Some("array") => {
            let n = s["minItems"].as_u64().unwrap_or(0) as usize;
            Value::Array(vec![sample(doc, &s["items"]); n])
        }
        Some("object") => Value::Object(
            props(doc, &s).into_iter().filter(|p| p.required).map(|p| (p.name, sample(doc, &p.raw))).collect(),
        ),
        _ => Value::Null,
    }
}

fn json_body(op: &Value) -> Option<&Value> {
    op["requestBody"]["content"].get("application/json")
}

fn is_public(op: &Value) -> bool {
    op["security"].as_array().is_some_and(|reqs| reqs.iter().all(|r| r.as_object().is_some_and(|o| o.is_empty())))
}

/// `/api/v1/contacts/{id}/merge` → `/api/v1/contacts`.
fn collection_of(template: &str) -> Option<&str> {
    template.find("/{").map(|i| &template[..i])
}

/// `/api/v1/contacts/{id}/merge` → `/api/v1/contacts/{id}`.
fn item_of(template: &str) -> Option<&str> {
    template.find('}').map(|i| &template[..=i])
}

/// The template with its first parameter set to `id` and any others to fresh UUIDs.
fn concrete(template: &str, id: Option<&str>) -> String {
    let mut out = String::new();
    let mut rest = template;
    let mut first = id;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').map_or(rest.len(), |e| start + e + 1);
        match first.take() {
            Some(id) => out.push_str(id),
            None => out.push_str(&uuid::Uuid::now_v7().to_string()),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn created_id(body: &Value) -> Option<String> {
    if let Some(id) = body["id"].as_str() {
        return Some(id.to_owned());
    }
    // `{"api_key": {...}, "secret": ...}` and the like.
    body.as_object()?.values().find_map(|v| v["id"].as_str().map(str::to_owned))
}

/// Gives the free-text values of `body` a unique twist (`ada+f7@…`, `f7-Globex`), for
/// examples that conflict with themselves on a unique field.
fn uniquify(body: &Map<String, Value>, props: &[Prop], n: u32) -> Map<String, Value> {
    let mut out = body.clone();
    for p in props {
        let plain = kind(&p.schema) == Some("string")
            && p.schema.get("enum").is_none()
            && p.schema.get("pattern").is_none()
            && !matches!(p.schema["format"].as_str(), Some("uuid" | "date" | "date-time"));
        if !plain {
            continue;
        }
        if let Some(Value::String(s)) = out.get_mut(&p.name) {
            if s.contains("://") || s.is_empty() {
                continue;
            }
            *s = match s.split_once('@') {
                Some((local, domain)) => format!("{local}+f{n}@{domain}"),
                None => format!("f{n}-{s}"),
            };
        }
    }
    out
}

/// The body with `field` set to the probe value (as the only item, for arrays).
fn with_probe(base: &Map<String, Value>, field: &str, item: bool, probe: &Probe) -> Vec<u8> {
    let wrap = |v: Value| if item { json!([v]) } else { v };
    let mut body = base.clone();
    match probe {
        Probe::Json(v) => {
            body.insert(field.to_owned(), wrap(v.clone()));
            serde_json::to_vec(&body).expect("serialize")
        }
        Probe::Raw(bytes) => {
            body.insert(field.to_owned(), wrap(json!(MARKER)));
            let text = serde_json::to_vec(&body).expect("serialize");
            let needle = format!("\"{MARKER}\"").into_bytes();
            let at = text.windows(needle.len()).position(|w| w == needle.as_slice()).expect("marker");
            [&text[..at], bytes.as_slice(), &text[at + needle.len()..]].concat()
        }
    }
}

/// A body (or anything) for a failure line: long runs of one character folded.
fn short(body: &Value) -> String {
    let text = body.to_string();
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| **c == chars[i]).count();
        if run > 12 {
            out.push_str(&format!("{}×{run}", chars[i]));
        } else {
            out.extend(&chars[i..i + run]);
        }
        i += run;
    }
    if out.chars().count() > 400 { format!("{}…", out.chars().take(400).collect::<String>()) } else { out }
}

fn is_problem(r: &Reply) -> bool {
    let ct = r.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
    ct.starts_with("application/problem+json") && r.body["status"] == r.status.as_u16()
}

/// `errors[].field` names `field` (or a path inside it: `tags[0]`, `value.amount`).
fn names(r: &Reply, field: &str) -> bool {
    r.field_errors()
        .iter()
        .any(|f| f == field || f.strip_prefix(field).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('[')))
}

// ---- the probing ----------------------------------------------------------------

impl Fuzz<'_> {
    fn op(&self, template: &str, method: &str) -> Option<&Value> {
        self.doc["paths"].get(template).and_then(|item| item.get(method))
    }

    async fn send(&self, method: Method, path: &str, public: bool, body: Option<Vec<u8>>) -> Reply {
        let mut req = self.app.http.request(method, format!("{}{path}", self.app.base));
        if !public {
            req = req.bearer_auth(&self.owner.token);
        }
        if let Some(body) = body {
            req = req.header("content-type", "application/json").body(body);
        }
        read(req.send().await.expect("request")).await
    }

    async fn scalar(&self, sql: &str, values: Vec<sea_orm::Value>) -> i64 {
        let stmt = Statement::from_sql_and_values(DbBackend::Postgres, sql, values);
        let row = self.app.db.conn.query_one_raw(stmt).await.expect("query").expect("a row");
        row.try_get::<i64>("", "n").expect("count")
    }

    /// Outbox events: the organization's, and all (signup and login write elsewhere).
    /// The mail sender's attempts are left out: a message an earlier example queued
    /// (no SMTP server is configured here) is retried with backoff in the
    /// background, and each attempt records its outcome whenever it runs. So are
    /// workflow actions (`system:workflow:<run>`): a rule made from its example
    /// acts on the deals the examples move to `won`, in the dispatcher. And the
    /// mailbox sync's outcomes (`system:comms-sync`): the scheduler syncs a
    /// connection an earlier example created, whenever its run comes due; and comms
    /// following a contact merge (`system:comms-crm-merges`) in the dispatcher.
    async fn events(&self) -> (i64, i64) {
        let org: uuid::Uuid = self.owner.org_id.parse().expect("org id");
        let sql = "SELECT COUNT(*) AS n FROM outbox_events WHERE organization_id = $1 \
             AND actor NOT IN ('system:comms-sender', 'system:comms-sync', 'system:comms-crm-merges', 'system:comms-attachments') AND actor NOT LIKE 'system:workflow:%'";
        let all = "SELECT COUNT(*) AS n FROM outbox_events \
                   WHERE actor NOT IN ('system:comms-sender', 'system:comms-sync', 'system:comms-crm-merges', 'system:comms-attachments') AND actor NOT LIKE 'system:workflow:%'";
        (self.scalar(sql, vec![org.into()]).await, self.scalar(all, vec![]).await)
    }

    /// Waits until the dispatcher has delivered what the setup published (subscribers
    /// may publish in turn), so the probes' event counts see only the probes.
    async fn settle(&self) {
        let sql = "SELECT (SELECT COUNT(*) FROM outbox_deliveries WHERE status = 'pending') \
                   + (SELECT COUNT(*) FROM outbox_events WHERE position IS NULL) AS n";
        for _ in 0..100 {
            if self.scalar(sql, vec![]).await == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn id_source(&self, p: &Prop) -> Option<IdSource> {
        let mut stems = Vec::new();
        if let Some(stem) = p.name.strip_suffix("_ids").or_else(|| p.name.strip_suffix("_id")) {
            stems.push(stem.to_owned());
        }
        let mut refs = Vec::new();
        ref_names(&p.raw, &mut refs);
        stems.extend(refs.iter().filter_map(|r| r.strip_suffix("Id")).map(snake));
        stems.into_iter().find_map(|stem| match stem.as_str() {
            "user" | "owner" | "assignee" => Some(IdSource::User),
            "organization" => Some(IdSource::Org),
            _ => {
                let path = format!("/api/v1/{}", plural(&stem.replace('_', "-")));
                self.op(&path, "post").map(|_| IdSource::Rows(path))
            }
        })
    }

    /// Points the body's ids at real rows: users and the organization at the caller's,
    /// record ids at rows made from the examples (ids the name does not place belong to
    /// the path's collection, as a merge's `source_ids`). `Err` when a required id needs
    /// a row that does not exist yet.
    fn resolve_ids(&self, body: &mut Map<String, Value>, props: &[Prop], around: Option<&str>) -> Result<(), String> {
        for p in props.iter().filter(|p| is_uuid(self.doc, &p.schema)) {
            if !body.contains_key(&p.name) && !p.required {
                continue;
            }
            let source = self.id_source(p).or_else(|| around.map(|c| IdSource::Rows(c.to_owned())));
            let id = match &source {
                Some(IdSource::User) => Some(self.owner.user_id.clone()),
                Some(IdSource::Org) => Some(self.owner.org_id.clone()),
                // The last row: the probes address the first, controls the second.
                Some(IdSource::Rows(c)) => self.rows.get(c).and_then(|ids| ids.last()).cloned(),
                None => None,
            };
            match (id, source) {
                (Some(id), _) => {
                    let v = if kind(&p.schema) == Some("array") { json!([id]) } else { json!(id) };
                    body.insert(p.name.clone(), v);
                }
                (None, Some(IdSource::Rows(c))) if p.required => {
                    return Err(format!("`{}` needs a row of {c}", p.name));
                }
                (None, _) if p.required => {} // keep the example's value
                (None, _) => {
                    body.remove(&p.name);
                }
            }
        }
        Ok(())
    }

    fn example(&self, op: &Value) -> (Vec<Prop>, Map<String, Value>) {
        let content = json_body(op).expect("json body");
        let schema = &content["schema"];
        let props = props(self.doc, schema);
        let resolved = resolve(self.doc, schema);
        let example = content
            .get("example")
            .or_else(|| resolved.get("example"))
            .or_else(|| resolved["examples"].get(0))
            .cloned()
            .unwrap_or_else(|| sample(self.doc, schema));
        let mut example = example.as_object().cloned().unwrap_or_default();
        // URLs point at loopback: the example's hosts need not resolve where the tests
        // run (and the test app allows private addresses).
        for v in example.values_mut() {
            if v.as_str().is_some_and(|s| s.starts_with("http://") || s.starts_with("https://")) {
                *v = json!("http://127.0.0.1:9/atrium-fuzz");
            }
        }
        (props, example)
    }

    fn next(&mut self) -> u32 {
        self.counter += 1;
        self.counter
    }

    /// POSTs a body; when it is refused (a 409, or a 422 "already taken") retries once
    /// with unique values, and if that is accepted, later bodies of `key` are unique too.
    async fn post_control(
        &mut self,
        path: &str,
        public: bool,
        body: &Map<String, Value>,
        props: &[Prop],
        key: &str,
    ) -> Reply {
        let first = if self.unique.contains(key) { uniquify(body, props, self.next()) } else { body.clone() };
        let r = self.send(Method::POST, path, public, Some(serde_json::to_vec(&first).expect("json"))).await;
        if !matches!(r.status.as_u16(), 409 | 422) || self.unique.contains(key) {
            return r;
        }
        let again = uniquify(body, props, self.next());
        let retry = self.send(Method::POST, path, public, Some(serde_json::to_vec(&again).expect("json"))).await;
        if retry.status.is_success() {
            self.unique.insert(key.to_owned());
            retry
        } else {
            r
        }
    }

    /// Three rows per collection from its POST example (passes until no more can be
    /// made: contacts need a company first, tasks a project, …).
    async fn create_rows(&mut self) {
        let collections: Vec<String> = self.doc["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .filter(|(t, item)| !t.contains('{') && item.get("get").is_some())
            .filter(|(_, item)| item.get("post").is_some_and(|op| json_body(op).is_some() && !is_public(op)))
            .map(|(t, _)| t.clone())
            .collect();
        let (mut refused, mut waiting) = (HashMap::new(), HashMap::new());
        for _pass in 0..6 {
            let mut progress = false;
            for c in &collections {
                if self.rows.contains_key(c) || refused.contains_key(c) {
                    continue;
                }
                let op = self.op(c, "post").expect("post").clone();
                let (props, mut body) = self.example(&op);
                if let Err(why) = self.resolve_ids(&mut body, &props, None) {
                    waiting.insert(c.clone(), why);
                    continue;
                }
                waiting.remove(c);
                let mut ids = Vec::new();
                for _ in 0..3 {
                    let r = self.post_control(c, false, &body, &props, &format!("POST {c}")).await;
                    match created_id(&r.body) {
                        Some(id) if r.status.is_success() => ids.push(id),
                        _ => {
                            refused.insert(c.clone(), format!("{} {}", r.status.as_u16(), short(&r.body)));
                            break;
                        }
                    }
                }
                if !ids.is_empty() {
                    self.rows.insert(c.clone(), ids);
                    progress = true;
                }
            }
            if !progress {
                break;
            }
        }
        for (c, why) in refused {
            self.notes.push(format!("POST {c}: its example is refused ({why}); no rows"));
        }
        for (c, why) in waiting {
            self.notes.push(format!("POST {c}: no rows, {why}"));
        }
        self.settle().await;
    }

    /// Every POST and PATCH with a JSON body, with its base body and whether a control
    /// request accepted it.
    async fn plans(&mut self) -> Vec<Plan> {
        let mut plans = Vec::new();
        let paths: Vec<(String, Value)> =
            self.doc["paths"].as_object().expect("paths").iter().map(|(t, i)| (t.clone(), i.clone())).collect();
        for (template, item) in &paths {
            for (name, method) in [("post", Method::POST), ("patch", Method::PATCH)] {
                let Some(op) = item.get(name).filter(|op| json_body(op).is_some()) else { continue };
                plans.push(self.plan(template, item, op, method).await);
            }
        }
        // A control can need another's side effect (login needs the signed-up user).
        for plan in plans.iter_mut().filter(|p| p.weak.as_deref().is_some_and(|w| w.starts_with("control"))) {
            self.control(plan).await;
        }
        for plan in &plans {
            if let Some(why) = &plan.weak {
                self.notes.push(format!("{} {}: held to 4xx only: {why}", plan.method, plan.template));
            }
        }
        self.settle().await;
        plans
    }

    async fn plan(&mut self, template: &str, item: &Value, op: &Value, method: Method) -> Plan {
        let public = is_public(op);
        let (props, mut example) = self.example(op);
        let collection = collection_of(template).map(str::to_owned);
        let post_props = collection
            .as_deref()
            .and_then(|c| self.op(c, "post"))
            .filter(|op| json_body(op).is_some())
            .map(|op| props_of(self.doc, op))
            .unwrap_or_default();
        // The rows this operation addresses: its collection's (`/x` for `/x/{id}/…` and `/x`).
        let rows = self.rows.get(collection_of(template).unwrap_or(template)).cloned().unwrap_or_default();
        let resolved = self.resolve_ids(&mut example, &props, collection.as_deref());
        let row_path = item_of(template).filter(|t| self.op(t, "get").is_some());
        let target = rows.first().map(String::as_str);
        let mut plan = Plan {
            method: method.clone(),
            template: template.to_owned(),
            public,
            path: concrete(template, target),
            row: row_path.zip(target).map(|(t, id)| concrete(t, Some(id))),
            props,
            post_props,
            base: example.clone(),
            example,
            weak: None,
        };
        if let Err(why) = resolved {
            plan.weak = Some(format!("the example cannot be completed: {why}"));
        } else if template.contains('{') && rows.is_empty() {
            plan.weak = Some("no row to address (a random id)".into());
        } else if !template.contains('{') && item.get("get").is_some() && method == Method::POST {
            // A collection: its rows were made from this very body.
            let key = format!("POST {template}");
            if rows.is_empty() {
                plan.weak = Some("its example made no row".into());
            } else if self.unique.contains(&key) {
                let n = self.next();
                plan.base = uniquify(&plan.example, &plan.props, n);
            }
        } else {
            plan.weak = Some("control pending".into());
            self.control(&mut plan).await;
        }
        plan
    }

    /// Sends the base once as it is (on the spare row for actions on a row): the
    /// probes are held to "422 naming the field" only when it is accepted.
    async fn control(&mut self, plan: &mut Plan) {
        let body = Some(serde_json::to_vec(&plan.base).expect("json"));
        let key = format!("{} {}", plan.method, plan.template);
        let r = if plan.method == Method::PATCH {
            self.send(Method::PATCH, &plan.path, plan.public, body).await
        } else if plan.template.contains('{') {
            let spare = collection_of(&plan.template).and_then(|c| self.rows.get(c)).and_then(|ids| ids.get(1));
            let Some(spare) = spare.cloned() else {
                plan.weak = Some("no spare row to try the example on".into());
                return;
            };
            self.send(Method::POST, &concrete(&plan.template, Some(&spare)), plan.public, body).await
        } else {
            let example = plan.example.clone();
            let r = self.post_control(&plan.path, plan.public, &example, &plan.props, &key).await;
            if r.status.is_success() {
                // Once more: does the same body conflict with what it just made?
                self.post_control(&plan.path, plan.public, &example, &plan.props, &key).await
            } else {
                r
            }
        };
        if r.status.is_success() {
            plan.weak = None;
            if self.unique.contains(&key) {
                let n = self.next();
                plan.base = uniquify(&plan.example, &plan.props, n);
            }
        } else {
            plan.weak = Some(format!("control: the example got {} {}", r.status.as_u16(), short(&r.body)));
        }
        self.settle().await;
    }

    /// The probes for one property: (label, value, as an array item).
    fn probes_for(&self, plan: &Plan, p: &Prop) -> Vec<(String, Probe, bool)> {
        let (schema, item) = match kind(&p.schema) {
            Some("array") => (resolve(self.doc, &p.schema["items"]), true),
            _ => (p.schema.clone(), false),
        };
        // A PATCH field without documented lengths is held to its POST's.
        let post = plan.post_props.iter().find(|q| q.name == p.name && plan.method == Method::PATCH);
        let post_schema = post.map(|q| match kind(&q.schema) {
            Some("array") => resolve(self.doc, &q.schema["items"]),
            _ => q.schema.clone(),
        });
        let bound = |key: &str| -> Option<(u64, &'static str)> {
            schema[key]
                .as_u64()
                .map(|n| (n, ""))
                .or_else(|| post_schema.as_ref().and_then(|s| s[key].as_u64()).map(|n| (n, " (POST's)")))
        };
        let mut out = Vec::new();
        match kind(&schema) {
            Some("string") => {
                if let Some((max, whose)) = bound("maxLength") {
                    out.push((
                        format!("maxLength{whose} {max}+1"),
                        Probe::Json(json!("a".repeat(max as usize + 1))),
                        item,
                    ));
                }
                out.push(("NUL".into(), Probe::Json(json!("a\u{0000}b")), item));
                // Passwords are taken as written: spaces are characters of a password.
                let secret = p.name.contains("password");
                if let Some((min, whose)) = bound("minLength").filter(|(min, _)| *min >= 1 && !secret) {
                    out.push((format!("whitespace (minLength{whose} {min})"), Probe::Json(json!("   ")), item));
                }
                match schema["format"].as_str() {
                    Some("date") => out.push(("date -10000-01-01".into(), Probe::Json(json!("-10000-01-01")), item)),
                    Some("date-time") => out.push((
                        "date-time -10000-01-01T00:00:00Z".into(),
                        Probe::Json(json!("-10000-01-01T00:00:00Z")),
                        item,
                    )),
                    _ => {}
                }
            }
            Some(k @ ("integer" | "number")) => match schema["maximum"].as_f64() {
                Some(max) if k == "integer" => {
                    out.push((format!("maximum {max}+1"), Probe::Json(json!(max as i64 + 1)), item))
                }
                Some(max) => out.push((format!("maximum {max}×10"), Probe::Json(json!(max * 10.0 + 1.0)), item)),
                None => {
                    out.push(("1e300".into(), Probe::Raw(b"1e300".to_vec()), item));
                    if k == "integer" {
                        out.push(("99999999999999999999".into(), Probe::Raw(b"99999999999999999999".to_vec()), item));
                    }
                }
            },
            _ => {}
        }
        out
    }

    async fn probe_body(&mut self, plan: &mut Plan) {
        let mut field_probes = Vec::new();
        for p in &plan.props {
            for (label, probe, item) in self.probes_for(plan, p) {
                field_probes.push((p.name.clone(), label, probe, item));
            }
        }
        for (field, label, probe, item) in &field_probes {
            let body = with_probe(&plan.base, field, *item, probe);
            self.probe(plan, field, label, body, Expect::Field(field)).await;
        }
        // Invalid UTF-8 inside a string: the first string field (one the example sets, if any).
        let strings: Vec<&Prop> = plan.props.iter().filter(|p| kind(&p.schema) == Some("string")).collect();
        let chosen = strings.iter().find(|p| plan.base.contains_key(&p.name)).or_else(|| strings.first());
        if let Some(p) = chosen {
            let field = p.name.clone();
            let body = with_probe(&plan.base, &field, false, &Probe::Raw(b"\"a\xff\xfeb\"".to_vec()));
            self.probe(plan, &field, "invalid UTF-8", body, Expect::Bytes(&field)).await;
        }
        let mut body = serde_json::to_vec(&plan.base).expect("json");
        body.extend_from_slice(b" junk");
        self.probe(plan, "-", "trailing bytes", body, Expect::Junk).await;
    }

    async fn row(&self, plan: &Plan) -> Option<Value> {
        let path = plan.row.as_deref()?;
        let r = self.send(Method::GET, path, false, None).await;
        Some(json!({"status": r.status.as_u16(), "body": r.body}))
    }

    async fn probe(&mut self, plan: &mut Plan, field: &str, label: &str, body: Vec<u8>, expect: Expect<'_>) {
        self.probes += 1;
        let (events, row) = (self.events().await, self.row(plan).await);
        let r = self.send(plan.method.clone(), &plan.path, plan.public, Some(body)).await;
        let (events_after, row_after) = (self.events().await, self.row(plan).await);
        let status = r.status.as_u16();
        let mut why = verdict(&r, plan.weak.is_none(), expect);
        if events_after != events {
            why.push(format!(
                "wrote {} outbox event(s) in the organization, {} in all",
                events_after.0 - events.0,
                events_after.1 - events.1
            ));
        }
        if row_after != row {
            why.push(format!("the row changed: {}", short(&row_after.unwrap_or_default())));
        }
        if !why.is_empty() {
            let weak = plan.weak.as_ref().map_or(String::new(), |w| format!(" (held to 4xx only: {w})"));
            self.failures.push(format!(
                "{} {} {field} {label} -> {status} {} [{}]{weak}",
                plan.method,
                plan.template,
                short(&r.body),
                why.join("; ")
            ));
        }
        // An accepted probe may have used up a unique value of the base.
        if r.status.is_success() && self.unique.contains(&format!("{} {}", plan.method, plan.template)) {
            let n = self.next();
            plan.base = uniquify(&plan.example, &plan.props, n);
        }
    }

    /// Every string query parameter of every GET: a NUL byte, maxLength + 1, and for
    /// dates a year no column stores.
    async fn probe_queries(&mut self) {
        let paths: Vec<(String, Value)> =
            self.doc["paths"].as_object().expect("paths").iter().map(|(t, i)| (t.clone(), i.clone())).collect();
        for (template, item) in &paths {
            let Some(op) = item.get("get") else { continue };
            let target = collection_of(template).and_then(|c| self.rows.get(c)).and_then(|ids| ids.first()).cloned();
            let weak =
                (template.contains('{') && target.is_none()).then(|| "no row to address (a random id)".to_owned());
            let path = concrete(template, target.as_deref());
            for param in op["parameters"].as_array().into_iter().flatten() {
                let param = deref(self.doc, param);
                let schema = resolve(self.doc, &param["schema"]);
                let Some(name) = param["name"].as_str().filter(|_| param["in"] == "query") else { continue };
                if kind(&schema) != Some("string") {
                    continue;
                }
                let mut values = vec![("NUL".to_owned(), "a%00b".to_owned())];
                if let Some(max) = schema["maxLength"].as_u64() {
                    values.push((format!("maxLength {max}+1"), "a".repeat(max as usize + 1)));
                }
                match schema["format"].as_str() {
                    Some("date") => values.push(("date -10000-01-01".into(), "-10000-01-01".into())),
                    Some("date-time") => {
                        values.push(("date-time -10000-01-01T00:00:00Z".into(), "-10000-01-01T00:00:00Z".into()))
                    }
                    _ => {}
                }
                for (label, value) in values {
                    self.probes += 1;
                    let events = self.events().await;
                    let r = self.send(Method::GET, &format!("{path}?{name}={value}"), is_public(op), None).await;
                    let mut why = verdict(&r, weak.is_none(), Expect::Field(name));
                    if self.events().await != events {
                        why.push("wrote outbox events".into());
                    }
                    if !why.is_empty() {
                        let note = weak.as_ref().map_or(String::new(), |w| format!(" (held to 4xx only: {w})"));
                        self.failures.push(format!(
                            "GET {template} ?{name} {label} -> {} {} [{}]{note}",
                            r.status.as_u16(),
                            short(&r.body),
                            why.join("; ")
                        ));
                    }
                }
            }
        }
    }
}

fn props_of(doc: &Value, op: &Value) -> Vec<Prop> {
    json_body(op).map(|c| props(doc, &c["schema"])).unwrap_or_default()
}

/// What is wrong with the reply to a probe (empty: nothing).
fn verdict(r: &Reply, strict: bool, expect: Expect<'_>) -> Vec<String> {
    let status = r.status.as_u16();
    if status >= 500 {
        return vec!["a server error".into()];
    }
    if !(400..500).contains(&status) {
        return vec!["accepted".into()];
    }
    if !is_problem(r) {
        return vec!["not a problem+json".into()];
    }
    let wanted = match expect {
        Expect::Junk if status != 400 => "400",
        Expect::Field(f) if strict && !(status == 422 && names(r, f)) => "422 naming the field",
        Expect::Bytes(f) if strict && !(status == 400 || (status == 422 && names(r, f))) => {
            "400 or 422 naming the field"
        }
        _ => return Vec::new(),
    };
    vec![format!("expected {wanted}")]
}
