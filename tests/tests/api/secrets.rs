//! One-time secrets are never at rest in plaintext: after the flows that hand them
//! out (an API key's secret, an invitation token, a webhook signing secret), each
//! with an `Idempotency-Key` so its response is stored for replay, a dump of every
//! table holds none of them, in text or as the hex of a binary column.

use atrium_tests::{TestApp, app_tests, read};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

app_tests!(no_secret_is_stored_in_plaintext);

async fn post_with_key(app: &TestApp, token: &str, path: &str, key: &str, body: Value) -> atrium_tests::Reply {
    let res = app
        .http
        .post(format!("{}{path}", app.base))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .expect("request");
    read(res).await
}

/// Every row of every table as text, lower-cased; binary columns as hex.
async fn dump(app: &TestApp) -> String {
    let conn = &app.db.conn;
    let backend = conn.get_database_backend();
    let query = |sql: String| async move {
        conn.query_all_raw(Statement::from_string(backend, sql)).await.expect("dump query")
    };
    let list = match backend {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table'",
        _ => "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
    };
    let tables: Vec<String> =
        query(list.to_owned()).await.iter().map(|r| r.try_get("", "name").expect("table name")).collect();
    assert!(tables.iter().any(|t| t == "idempotency_keys") && tables.len() > 20, "{tables:?}");
    let mut out = String::new();
    for table in tables {
        let select = match backend {
            DbBackend::Sqlite => {
                let cols = query(format!("SELECT name FROM pragma_table_info('{table}')")).await;
                let cols: Vec<String> = cols
                    .iter()
                    .map(|r| format!("quote(\"{}\")", r.try_get::<String>("", "name").expect("column")))
                    .collect();
                format!("SELECT {} AS line FROM \"{table}\"", cols.join(" || '|' || "))
            }
            _ => format!("SELECT row_to_json(t)::text AS line FROM \"{table}\" t"),
        };
        for row in query(select).await {
            out.push_str(&row.try_get::<String>("", "line").expect("line"));
            out.push('\n');
        }
    }
    out.to_lowercase()
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

async fn no_secret_is_stored_in_plaintext(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let key_body = json!({"name": "ledger-sync-key", "role": "member"});
    let api_key = post_with_key(app, &ada.token, "/api/v1/api-keys", "k-1", key_body.clone()).await.expect(201);
    let invite_body = json!({"email": "grace@example.com", "role": "member"});
    let invite = post_with_key(app, &ada.token, "/api/v1/invitations", "k-2", invite_body.clone()).await.expect(201);
    let hook_body = json!({"url": "http://127.0.0.1:9/hook", "event_types": ["*"]});
    let hook = post_with_key(app, &ada.token, "/api/v1/webhooks", "k-3", hook_body.clone()).await.expect(201);
    let plain_hook = app.post("/api/v1/webhooks", &ada.token, hook_body.clone()).await.expect(201);
    let secrets = [
        api_key.body["secret"].as_str().expect("api key secret").to_owned(),
        invite.body["token"].as_str().expect("invitation token").to_owned(),
        hook.body["secret"].as_str().expect("webhook secret").to_owned(),
        plain_hook.body["secret"].as_str().expect("webhook secret").to_owned(),
    ];

    // The stored responses still replay, secrets included, for the caller who retries.
    for (path, key, body, first) in [
        ("/api/v1/api-keys", "k-1", key_body, &api_key),
        ("/api/v1/invitations", "k-2", invite_body, &invite),
        ("/api/v1/webhooks", "k-3", hook_body, &hook),
    ] {
        let again = post_with_key(app, &ada.token, path, key, body).await.expect(201);
        assert_eq!(again.headers["idempotent-replay"], "stored");
        assert_eq!(again.body, first.body, "{path}");
    }

    let dump = dump(app).await;
    assert!(dump.contains("ledger-sync-key") && dump.contains("grace@example.com"), "the dump sees the rows");
    for secret in &secrets {
        assert!(!dump.contains(&secret.to_lowercase()), "a secret in plaintext at rest: {secret}");
        assert!(!dump.contains(&hex(secret)), "a secret as bytes at rest: {secret}");
    }
    eprintln!(
        "secrets at rest ({:?}): {} secrets, 0 found in {} bytes of dump",
        app.db.backend,
        secrets.len(),
        dump.len()
    );
}
