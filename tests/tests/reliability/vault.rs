//! Key rotation end to end, with the real binary: values sealed under key A (and
//! in the format older builds wrote) are moved to key B by `atrium secrets rotate`
//! (resumably, idempotently), still read correctly through the API under `B,A`
//! and under `B` alone; with `A` alone, values under B are a 500 problem that
//! names no secret and an operator error in the log naming the key id and the row.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use atrium_kernel::vault::{ColumnVault, KeyRing, Vault, generate_key, legacy};
use atrium_revenue::{LEDGER_ACCESS_TOKEN_COLUMN, LEDGER_REFRESH_TOKEN_COLUMN};
use atrium_testkit::{Backend, TestDb};
use atrium_tests::child::{CHILD_SECRET, ChildServer, atrium_binary};
use atrium_tests::{eventually, read};
use axum::body::Bytes;
use axum::http::HeaderMap;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

#[tokio::test]
async fn rotation_end_to_end_on_sqlite() {
    let db = TestDb::of(Backend::Sqlite).await.expect("sqlite");
    rotation_end_to_end(&db).await;
}

#[tokio::test]
async fn rotation_end_to_end_on_postgres() {
    let Some(db) = TestDb::of(Backend::Postgres).await else { return };
    rotation_end_to_end(&db).await;
}

/// Deliveries received, by path (`/hook/1`, `/hook/2`).
type Got = Arc<Mutex<Vec<(String, HeaderMap, Bytes)>>>;

async fn receiver() -> (String, Got) {
    let got: Got = Arc::default();
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/hook/{n}",
        axum::routing::post(
            move |axum::extract::Path(n): axum::extract::Path<String>, headers: HeaderMap, body: Bytes| {
                let sink = sink.clone();
                async move {
                    sink.lock().expect("lock").push((n, headers, body));
                    axum::http::StatusCode::OK
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}/hook", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (base, got)
}

struct World {
    http: reqwest::Client,
    token: String,
    contract: String,
    signature_data: String,
    /// A vendor and its tax id (sealed in `vendors.tax_id_ciphertext`).
    vendor: String,
    tax_id: String,
    /// The first answer to the idempotent POST (its stored response).
    idempotent: Value,
    /// (path on the receiver, signing secret) of the two endpoints.
    hooks: Vec<(String, String)>,
    /// A booking endpoint's inbound path and signing secret
    /// (sealed in `booking_endpoints.secret_ciphertext`).
    booking: (String, String),
    got: Got,
}

impl World {
    async fn post(&self, base: &str, path: &str, body: Value, key: Option<&str>) -> atrium_tests::Reply {
        let mut req = self.http.post(format!("{base}{path}")).bearer_auth(&self.token).json(&body);
        if let Some(k) = key {
            req = req.header("Idempotency-Key", k);
        }
        read(req.send().await.expect("request")).await
    }

    async fn get(&self, base: &str, path: &str) -> atrium_tests::Reply {
        read(self.http.get(format!("{base}{path}")).bearer_auth(&self.token).send().await.expect("request")).await
    }

    /// Every value reads back through the API as it was written: the signature,
    /// the stored idempotent response (secret included), and deliveries signed
    /// with each endpoint's secret.
    async fn reads_back(&self, base: &str, phase: &str) {
        let sig = self.get(base, &format!("/api/v1/contracts/{}/signature", self.contract)).await.expect(200);
        assert_eq!(sig.body["signature_data"], self.signature_data.as_str(), "{phase}");
        let vendor = self.get(base, &format!("/api/v1/vendors/{}", self.vendor)).await.expect(200);
        assert_eq!(vendor.body["tax_id"], self.tax_id.as_str(), "{phase}");
        let booking = self.deliver_booking(base).await.expect(202);
        assert_eq!(booking.body["ignored"], "PING", "{phase}");
        let replay = self.replay(base).await.expect(201);
        assert_eq!(replay.headers["idempotent-replay"], "stored", "{phase}");
        assert_eq!(replay.body, self.idempotent, "{phase}: the stored response, secret included");
        let before = self.got.lock().expect("lock").len();
        self.post(base, "/api/v1/api-keys", json!({"name": format!("probe {phase}"), "role": "viewer"}), None)
            .await
            .expect(201);
        for (path, secret) in &self.hooks {
            let (headers, body) = eventually(&format!("{phase}: a delivery to /hook/{path}"), || async {
                let got = self.got.lock().expect("lock");
                got[before..].iter().find(|(p, _, _)| p == path).map(|(_, h, b)| (h.clone(), b.clone()))
            })
            .await;
            let id = headers["webhook-id"].to_str().expect("id");
            let ts: i64 = headers["webhook-timestamp"].to_str().expect("ts").parse().expect("number");
            let signature = headers["webhook-signature"].to_str().expect("signature");
            assert!(atrium_webhooks::signature::verify(secret, id, ts, &body, signature), "{phase}: /hook/{path}");
        }
    }

    /// A Cal.com delivery signed with the booking endpoint's secret: the server
    /// can open the secret only if it is checked (202: a signed event it ignores).
    async fn deliver_booking(&self, base: &str) -> atrium_tests::Reply {
        let (path, secret) = &self.booking;
        let body = json!({"triggerEvent": "PING", "payload": {}}).to_string();
        let signature = atrium_workflow::booking::sign_cal_com(secret, body.as_bytes());
        let req = self.http.post(format!("{base}{path}")).header("x-cal-signature-256", signature).body(body);
        read(req.send().await.expect("request")).await
    }

    async fn replay(&self, base: &str) -> atrium_tests::Reply {
        self.post(base, "/api/v1/api-keys", json!({"name": "rotation key", "role": "member"}), Some("rotate-1")).await
    }
}

async fn serve(db: &TestDb, keys: &str, log: &Path) -> ChildServer {
    let env = [("ATRIUM_VAULT_KEYS", keys), ("WEBHOOK_ALLOW_PRIVATE", "true"), ("DISPATCH_POLL_MS", "20")];
    ChildServer::start_logged(&["serve"], &db.url, &env, Some(log)).await
}

/// `atrium secrets <args>` under `keys`: exit success and what it printed.
async fn secrets(db: &TestDb, keys: &str, args: &[&str]) -> (bool, String) {
    let out = tokio::process::Command::new(atrium_binary())
        .arg("secrets")
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("ATRIUM_SECRET", CHILD_SECRET)
        .env("ATRIUM_VAULT_KEYS", keys)
        .env("RUST_LOG", "warn")
        .output()
        .await
        .expect("run atrium secrets");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    eprintln!("$ atrium secrets {}\n{text}", args.join(" "));
    (out.status.success(), text)
}

/// `(rotated, already current, failed)` of each column in a rotation's output.
fn counts(output: &str) -> BTreeMap<String, (u64, u64, u64)> {
    let mut out = BTreeMap::new();
    for line in output.lines() {
        let Some((column, rest)) = line.split_once(": ") else { continue };
        if !column.contains('.') || column.contains(' ') {
            continue;
        }
        let n: Vec<u64> = rest.split([',', ' ']).filter_map(|w| w.parse().ok()).collect();
        if let [rotated, current, failed] = n[..] {
            out.insert(column.to_owned(), (rotated, current, failed));
        }
    }
    out
}

/// A ledger connection's OAuth tokens, sealed as the server seals them (no ledger
/// answers here: the row is written directly), and read back under a given ring.
struct LedgerTokens {
    id: Uuid,
    access: String,
    refresh: String,
}

impl LedgerTokens {
    async fn seal(db: &TestDb, org: Uuid, keys: &str) -> Self {
        let ring = KeyRing::from_config(Some(keys), CHILD_SECRET.as_bytes()).expect("ring");
        let t = Self { id: Uuid::now_v7(), access: "xat-ROTATE-ME-31c9".into(), refresh: "xrt-ROTATE-ME-8d02".into() };
        let access = ColumnVault::new(&ring, &LEDGER_ACCESS_TOKEN_COLUMN).seal_str(t.id, &t.access).expect("seal");
        let refresh = ColumnVault::new(&ring, &LEDGER_REFRESH_TOKEN_COLUMN).seal_str(t.id, &t.refresh).expect("seal");
        let now = chrono::Utc::now();
        let columns =
            ["id", "organization_id", "provider", "status", "tenant_ref", "access_token_ciphertext"].into_iter().chain(
                ["refresh_token_ciphertext", "access_expires_at", "version", "created_by", "created_at", "updated_at"],
            );
        let stmt = Query::insert()
            .into_table(Alias::new("ledger_connections"))
            .columns(columns.map(Alias::new))
            .values_panic([
                t.id.into(),
                org.into(),
                "xero".into(),
                "connected".into(),
                "tenant-1".into(),
                access.into(),
                refresh.into(),
                now.into(),
                1i32.into(),
                "system:test".into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        db.conn.execute(&stmt).await.expect("seed ledger connection");
        t
    }

    /// Both tokens open under `keys` to what was sealed.
    async fn read_back(&self, db: &TestDb, keys: &str, phase: &str) {
        let ring = KeyRing::from_config(Some(keys), CHILD_SECRET.as_bytes()).expect("ring");
        let stmt = Query::select()
            .columns(["access_token_ciphertext", "refresh_token_ciphertext"].map(Alias::new))
            .from(Alias::new("ledger_connections"))
            .and_where(Expr::col(Alias::new("id")).eq(self.id))
            .to_owned();
        let row = db.conn.query_one(&stmt).await.expect("query").expect("connection");
        let access: String = row.try_get("", "access_token_ciphertext").expect("access");
        let refresh: String = row.try_get("", "refresh_token_ciphertext").expect("refresh");
        let opened = (
            ColumnVault::new(&ring, &LEDGER_ACCESS_TOKEN_COLUMN).open_str(self.id, &access).expect(phase),
            ColumnVault::new(&ring, &LEDGER_REFRESH_TOKEN_COLUMN).open_str(self.id, &refresh).expect(phase),
        );
        assert_eq!(opened, (self.access.clone(), self.refresh.clone()), "{phase}");
    }
}

/// The key id (`v1` before key ids) each stored value of the six columns names.
async fn stored_keys(db: &TestDb) -> BTreeMap<&'static str, BTreeSet<String>> {
    let backend = db.conn.get_database_backend();
    let rows = |sql: &str| {
        let stmt = Statement::from_string(backend, sql.to_owned());
        async { db.conn.query_all_raw(stmt).await.expect("query") }
    };
    let mut out: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    for r in rows("SELECT secret AS v FROM webhook_endpoints").await {
        let v: String = r.try_get("", "v").expect("secret");
        out.entry("webhook_endpoints.secret").or_default().insert(key_label(Vault::key_of_str(&v)));
    }
    for r in rows("SELECT signature_ciphertext AS v FROM contracts WHERE signature_ciphertext IS NOT NULL").await {
        let v: String = r.try_get("", "v").expect("signature");
        out.entry("contracts.signature_ciphertext").or_default().insert(key_label(Vault::key_of_str(&v)));
    }
    for r in rows("SELECT tax_id_ciphertext AS v FROM vendors WHERE tax_id_ciphertext IS NOT NULL").await {
        let v: String = r.try_get("", "v").expect("tax id");
        out.entry("vendors.tax_id_ciphertext").or_default().insert(key_label(Vault::key_of_str(&v)));
    }
    for column in ["access_token_ciphertext", "refresh_token_ciphertext"] {
        let name = if column.starts_with("access") {
            "ledger_connections.access_token_ciphertext"
        } else {
            "ledger_connections.refresh_token_ciphertext"
        };
        for r in rows(&format!("SELECT {column} AS v FROM ledger_connections WHERE {column} IS NOT NULL")).await {
            let v: String = r.try_get("", "v").expect("token");
            out.entry(name).or_default().insert(key_label(Vault::key_of_str(&v)));
        }
    }
    for r in rows("SELECT secret_ciphertext AS v FROM booking_endpoints").await {
        let v: String = r.try_get("", "v").expect("booking secret");
        out.entry("booking_endpoints.secret_ciphertext").or_default().insert(key_label(Vault::key_of_str(&v)));
    }
    for r in rows("SELECT body AS v FROM idempotency_keys WHERE body IS NOT NULL").await {
        let v: Vec<u8> = r.try_get("", "v").expect("body");
        out.entry("idempotency_keys.body").or_default().insert(key_label(Vault::key_of(&v)));
    }
    out
}

fn key_label(k: Result<atrium_kernel::vault::StoredKey, atrium_kernel::vault::VaultError>) -> String {
    k.map_or_else(|e| format!("unreadable: {e}"), |k| k.label().to_owned())
}

fn all_under(keys: &BTreeMap<&'static str, BTreeSet<String>>, id: &str) -> bool {
    keys.len() == 7 && keys.values().all(|ids| ids.len() == 1 && ids.contains(id))
}

async fn set_value(db: &TestDb, table: &str, column: &str, id: Uuid, value: sea_orm::Value) {
    let q = Query::update()
        .table(Alias::new(table))
        .value(Alias::new(column), value)
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    assert_eq!(db.conn.execute(&q).await.expect("update").rows_affected(), 1, "{table}.{column} {id}");
}

async fn rotation_end_to_end(db: &TestDb) {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("atrium.log");
    let (a, b) = (format!("ka:{}", generate_key()), format!("kb:{}", generate_key()));
    let (b_a, b_only, a_only) = (format!("{b},{a}"), b.clone(), a.clone());
    let (hook_base, got) = receiver().await;

    // 1. Under key A: a webhook endpoint, a signed contract, an idempotent response.
    let mut server = serve(db, &a, &log).await;
    let base = server.base.clone();
    let http = reqwest::Client::new();
    let body = json!({"email": "ada@example.com", "password": "correct horse battery", "name": "Ada"});
    let signup = read(http.post(format!("{base}/api/v1/auth/signup")).json(&body).send().await.expect("signup"))
        .await
        .expect(201);
    let mut world = World {
        http,
        token: signup.body["token"].as_str().expect("token").to_owned(),
        contract: String::new(),
        signature_data: "data:image/svg+xml;base64,SIGNED-BY-ADA-51d2".to_owned(),
        vendor: String::new(),
        tax_id: "GB-VAT-987654321".to_owned(),
        idempotent: Value::Null,
        hooks: Vec::new(),
        booking: (String::new(), String::new()),
        got,
    };
    for n in ["1", "2"] {
        let hook = json!({"url": format!("{hook_base}/{n}"), "event_types": ["identity.api_key.*"]});
        let created = world.post(&base, "/api/v1/webhooks", hook, None).await.expect(201);
        let secret = created.body["secret"].as_str().expect("secret").to_owned();
        world.hooks.push((n.to_owned(), secret));
        if n == "2" {
            // As an older build stored it: `v1`, under the key derived from ATRIUM_SECRET.
            let id: Uuid = created.body["webhook"]["id"].as_str().expect("id").parse().expect("uuid");
            let key = legacy::v1_key(CHILD_SECRET.as_bytes(), atrium_webhooks::secrets::KEY_LABEL);
            let old = legacy::seal_v1_str(key, id.as_bytes(), &world.hooks[1].1);
            set_value(db, "webhook_endpoints", "secret", id, old.into()).await;
        }
    }
    let company = world.post(&base, "/api/v1/client-companies", json!({"name": "Globex"}), None).await.expect(201);
    let contract = json!({"title": "Retainer", "client_company_id": company.body["id"], "currency": "EUR"});
    let contract = world.post(&base, "/api/v1/contracts", contract, None).await.expect(201);
    world.contract = contract.body["id"].as_str().expect("contract id").to_owned();
    world.post(&base, &format!("/api/v1/contracts/{}/send", world.contract), json!({}), None).await.expect(200);
    let sign = json!({"signer_name": "Ada", "signer_email": "ada@example.com", "signature_data": world.signature_data});
    world.post(&base, &format!("/api/v1/contracts/{}/sign", world.contract), sign, None).await.expect(200);
    let vendor = json!({"name": "Northwind", "tax_id": world.tax_id});
    let vendor = world.post(&base, "/api/v1/vendors", vendor, None).await.expect(201);
    world.vendor = vendor.body["id"].as_str().expect("vendor id").to_owned();
    let booking = json!({"name": "Intro calls", "provider": "cal_com"});
    let booking = world.post(&base, "/api/v1/booking-endpoints", booking, None).await.expect(201);
    world.booking = (
        booking.body["endpoint"]["inbound_path"].as_str().expect("inbound path").to_owned(),
        booking.body["secret"].as_str().expect("secret").to_owned(),
    );
    world.idempotent = world.replay(&base).await.expect(201).body;
    let org: Uuid = signup.body["organization"]["id"].as_str().expect("org id").parse().expect("uuid");
    let ledger = LedgerTokens::seal(db, org, &a).await;
    ledger.read_back(db, &a, "under A").await;
    assert!(world.idempotent["secret"].is_string(), "{}", world.idempotent);
    world.reads_back(&base, "under A").await;
    let keys = stored_keys(db).await;
    assert_eq!(keys["webhook_endpoints.secret"], BTreeSet::from(["ka".to_owned(), "v1".to_owned()]), "{keys:?}");
    assert_eq!(keys["contracts.signature_ciphertext"], BTreeSet::from(["ka".to_owned()]), "{keys:?}");
    assert_eq!(keys["idempotency_keys.body"], BTreeSet::from(["ka".to_owned()]), "{keys:?}");
    assert_eq!(keys["vendors.tax_id_ciphertext"], BTreeSet::from(["ka".to_owned()]), "{keys:?}");
    assert_eq!(keys["booking_endpoints.secret_ciphertext"], BTreeSet::from(["ka".to_owned()]), "{keys:?}");
    assert_eq!(keys["ledger_connections.access_token_ciphertext"], BTreeSet::from(["ka".to_owned()]), "{keys:?}");
    assert_eq!(keys["ledger_connections.refresh_token_ciphertext"], BTreeSet::from(["ka".to_owned()]), "{keys:?}");
    server.terminate(std::time::Duration::from_secs(10)).await.expect("stopped");

    // 2. Rotate to B (B,A configured): one batch of one row first, as if killed; then the rest.
    let (ok, out) = secrets(db, &b_a, &["rotate", "--batch-size", "1", "--max-batches", "1"]).await;
    assert!(ok, "{out}");
    let mut first = counts(&out);
    // Registered too, but empty here: no OIDC sign-in is pending.
    assert_eq!(first.remove("oidc_logins.pkce_verifier"), Some((0, 0, 0)), "{out}");
    // Registered too, but empty here: no mailbox is connected (the comms tests sync with sealed credentials).
    assert_eq!(first.remove("mailbox_connections.credentials_ciphertext"), Some((0, 0, 0)), "{out}");
    // Likewise the OAuth mailboxes' tokens and pending authorizations (Gmail; the comms tests seal them).
    assert_eq!(first.remove("mailbox_connections.access_token_ciphertext"), Some((0, 0, 0)), "{out}");
    assert_eq!(first.remove("mailbox_connections.refresh_token_ciphertext"), Some((0, 0, 0)), "{out}");
    assert_eq!(first.remove("mailbox_oauth_logins.pkce_verifier"), Some((0, 0, 0)), "{out}");
    assert_eq!(first.len(), 7, "{out}");
    assert!(first.values().all(|(rotated, _, failed)| *rotated == 1 && *failed == 0), "{first:?}");
    assert!(out.contains("webhook_endpoints.secret: 1 rotated, 0 already current, 0 failed (stopped early"), "{out}");
    let (ok, out) = secrets(db, &b_a, &["rotate", "--batch-size", "2"]).await;
    assert!(ok, "{out}");
    let rest = counts(&out);
    assert_eq!(rest["webhook_endpoints.secret"], (1, 1, 0), "resumed: {out}");
    assert_eq!(rest["contracts.signature_ciphertext"], (0, 1, 0), "{out}");
    assert_eq!(rest["idempotency_keys.body"], (0, 1, 0), "{out}");
    assert_eq!(rest["vendors.tax_id_ciphertext"], (0, 1, 0), "{out}");
    assert_eq!(rest["booking_endpoints.secret_ciphertext"], (0, 1, 0), "{out}");
    assert_eq!(rest["ledger_connections.access_token_ciphertext"], (0, 1, 0), "{out}");
    assert_eq!(rest["ledger_connections.refresh_token_ciphertext"], (0, 1, 0), "{out}");
    let (ok, out) = secrets(db, &b_a, &["rotate"]).await;
    assert!(ok && counts(&out).values().all(|(rotated, _, failed)| *rotated == 0 && *failed == 0), "idempotent: {out}");
    assert!(out.contains("total: 0 rotated, 8 already current, 0 failed"), "{out}");
    let keys = stored_keys(db).await;
    assert!(all_under(&keys, "kb"), "every value under B: {keys:?}");
    let (ok, status) = secrets(db, &b_a, &["status"]).await;
    assert!(ok && status.contains("key kb: ATRIUM_VAULT_KEYS, seals new values"), "{status}");
    assert!(status.contains("webhook_endpoints.secret: kb: 2 (current)"), "{status}");

    ledger.read_back(db, &b_a, "ledger tokens under B,A").await;
    ledger.read_back(db, &b_only, "ledger tokens under B only").await;

    // 3. Read through the API under B,A, then under B alone.
    for (phase, keys) in [("under B,A", &b_a), ("under B only", &b_only)] {
        let mut server = serve(db, keys, &log).await;
        world.reads_back(&server.base, phase).await;
        server.terminate(std::time::Duration::from_secs(10)).await.expect("stopped");
    }

    // 4. Under A alone, values under B are an operator error, never wrong data.
    let (ok, status) = secrets(db, &a_only, &["status"]).await;
    assert!(ok && status.contains("kb: 2 (KEY NOT CONFIGURED)"), "{status}");
    let (ok, out) = secrets(db, &a_only, &["rotate"]).await;
    assert!(!ok, "a rotation that cannot open values fails: {out}");
    assert_eq!(counts(&out)["contracts.signature_ciphertext"], (0, 0, 1), "{out}");
    assert_eq!(counts(&out)["vendors.tax_id_ciphertext"], (0, 0, 1), "{out}");
    assert_eq!(counts(&out)["booking_endpoints.secret_ciphertext"], (0, 0, 1), "{out}");
    assert_eq!(counts(&out)["ledger_connections.access_token_ciphertext"], (0, 0, 1), "{out}");
    assert!(out.contains("is sealed under key id `kb`, which is not configured"), "{out}");
    assert!(all_under(&stored_keys(db).await, "kb"), "a failed rotation leaves the values as they are");
    let server = serve(db, &a_only, &log).await;
    let secrets_known: Vec<String> = [
        world.signature_data.clone(),
        world.idempotent["secret"].as_str().unwrap_or_default().to_owned(),
        world.tax_id.clone(),
        b.clone(),
        a.clone(),
    ]
    .into_iter()
    .chain(world.hooks.iter().map(|(_, s)| s.clone()))
    .chain([world.booking.1.clone()])
    .collect();
    for path in [format!("/api/v1/contracts/{}/signature", world.contract), format!("/api/v1/vendors/{}", world.vendor)]
    {
        let r = world.get(&server.base, &path).await.expect_problem(500);
        let text = r.body.to_string();
        assert!(secrets_known.iter().all(|s| !text.contains(s.as_str())), "{text}");
        assert!(
            !text.contains("kb") && !text.contains("contracts") && !text.contains("vendors"),
            "the detail names nothing inside: {text}"
        );
    }
    let r = world.deliver_booking(&server.base).await.expect_problem(500);
    assert!(secrets_known.iter().all(|s| !r.body.to_string().contains(s.as_str())), "{}", r.body);
    let r = world.replay(&server.base).await.expect_problem(500);
    assert!(secrets_known.iter().all(|s| !r.body.to_string().contains(s.as_str())), "{}", r.body);
    let logged = eventually("the operator errors in the log", || async {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let want = [
            format!("contracts.signature_ciphertext row {}", world.contract),
            "idempotency_keys.body row".to_owned(),
            "sealed under key id `kb`, which is not configured".to_owned(),
        ];
        want.iter().all(|w| text.contains(w.as_str())).then_some(text)
    })
    .await;
    assert!(secrets_known.iter().all(|s| !logged.contains(s.as_str())), "the log names no secret");
    // The webhook deliveries fail the same way (logged, retried), never signed with a wrong key.
    let before = world.got.lock().expect("lock").len();
    world.post(&server.base, "/api/v1/api-keys", json!({"name": "probe A", "role": "viewer"}), None).await.expect(201);
    eventually("the webhook secret error in the log", || async {
        std::fs::read_to_string(&log).unwrap_or_default().contains("webhook_endpoints.secret row").then_some(())
    })
    .await;
    assert_eq!(world.got.lock().expect("lock").len(), before, "nothing was delivered unsigned or mis-signed");
    drop(server);

    // 5. B back in the ring: everything reads again, nothing was lost.
    let mut server = serve(db, &b_a, &log).await;
    let sig = world.get(&server.base, &format!("/api/v1/contracts/{}/signature", world.contract)).await.expect(200);
    assert_eq!(sig.body["signature_data"], world.signature_data.as_str());
    server.terminate(std::time::Duration::from_secs(10)).await.expect("stopped");
    eprintln!("vault rotation ({:?}): A → B,A → B; 8 values rotated, all read back; A alone: 500s, logged", db.backend);
}
