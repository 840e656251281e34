//! CSV exports that fail: before the first byte (a problem response, not a 200),
//! and midway (an aborted chunked body that every client sees as an error, and no
//! `Export-Status` trailer); a complete export ends with that trailer.

use atrium_tests::{Session, TestApp, app_tests, read};
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

app_tests!(
    an_export_that_fails_before_its_first_byte_is_a_problem,
    an_export_that_fails_midway_aborts_the_body_and_a_complete_one_ends_with_its_trailer,
);

const ROWS: usize = 1_200;

/// `n` companies of the caller's organization, written straight to the table
/// (the API would take minutes); ids ascend, so they export in this order.
async fn seed_companies(app: &TestApp, s: &Session, n: usize) -> Vec<uuid::Uuid> {
    let org: uuid::Uuid = s.org_id.parse().expect("org id");
    let now = chrono::Utc::now();
    let ids: Vec<uuid::Uuid> = (0..n).map(|_| uuid::Uuid::now_v7()).collect();
    for chunk in ids.chunks(200) {
        let mut insert = Query::insert();
        insert.into_table(Alias::new("client_companies")).columns(
            [
                "id",
                "organization_id",
                "name",
                "name_normalized",
                "status",
                "tags",
                "version",
                "created_at",
                "updated_at",
            ]
            .map(Alias::new),
        );
        for id in chunk {
            let name = format!("Company {id}");
            let values: [Value; 9] = [
                (*id).into(),
                org.into(),
                name.clone().into(),
                name.to_lowercase().into(),
                "active".into(),
                json!([]).into(),
                1i32.into(),
                now.into(),
                now.into(),
            ];
            insert.values_panic(values.map(Into::into));
        }
        let backend = app.db.conn.get_database_backend();
        app.db.conn.execute_raw(backend.build(&insert)).await.expect("seed companies");
    }
    ids
}

async fn exec(app: &TestApp, sql: &str, values: Vec<Value>) {
    let backend = app.db.conn.get_database_backend();
    app.db.conn.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.expect(sql);
}

/// A row the database returns but the export cannot read (a value of the wrong
/// shape), so the batch holding it fails like a lost connection would.
async fn corrupt(app: &TestApp, id: uuid::Uuid) {
    match app.db.conn.get_database_backend() {
        DbBackend::Sqlite => {
            exec(app, "UPDATE client_companies SET created_at = 'not a time' WHERE id = ?", vec![id.into()]).await;
        }
        _ => {
            exec(app, "ALTER TABLE client_companies ALTER COLUMN name DROP NOT NULL", vec![]).await;
            exec(app, "UPDATE client_companies SET name = NULL WHERE id = $1", vec![id.into()]).await;
        }
    }
}

/// The raw HTTP/1.1 exchange, asking for trailers: (status line, headers, body,
/// trailers), or the error of a body that ended without its last chunk.
async fn raw_get(app: &TestApp, path: &str, token: &str) -> Result<(String, String, Vec<u8>, String), String> {
    let addr = app.base.trim_start_matches("http://");
    let mut tcp = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nTE: trailers\r\nConnection: close\r\n\r\n"
    );
    tcp.write_all(req.as_bytes()).await.expect("send");
    let mut raw = Vec::new();
    // A reset after an aborted body is as good as an EOF: what arrived is parsed.
    let _ = tcp.read_to_end(&mut raw).await;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no header block")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let (status, headers) = head.split_once("\r\n").unwrap_or((&head, ""));
    let mut rest = &raw[split + 4..];
    let mut body = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n").ok_or("body ended without its last chunk")?;
        let size = usize::from_str_radix(String::from_utf8_lossy(&rest[..line_end]).trim(), 16)
            .map_err(|e| format!("bad chunk size: {e}"))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            let trailers = String::from_utf8_lossy(rest);
            let trailers = trailers.strip_suffix("\r\n").ok_or("no end of trailers")?;
            return Ok((status.to_owned(), headers.to_lowercase(), body, trailers.trim_end().to_lowercase()));
        }
        if rest.len() < size + 2 {
            return Err("body ended inside a chunk".into());
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

async fn an_export_that_fails_before_its_first_byte_is_a_problem(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    seed_companies(app, &ada, 3).await;
    exec(app, "ALTER TABLE client_companies RENAME TO client_companies_gone", vec![]).await;
    let res = app
        .http
        .get(format!("{}/api/v1/client-companies/export", app.base))
        .bearer_auth(&ada.token)
        .send()
        .await
        .expect("export");
    let reply = read(res).await.expect_problem(500);
    assert!(reply.headers.get("content-disposition").is_none(), "not a CSV: {:?}", reply.headers);
}

async fn an_export_that_fails_midway_aborts_the_body_and_a_complete_one_ends_with_its_trailer(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let ids = seed_companies(app, &ada, ROWS).await;
    let path = "/api/v1/client-companies/export";

    let (status, headers, body, trailers) = raw_get(app, path, &ada.token).await.expect("a complete export");
    assert!(status.ends_with("200 OK"), "{status}");
    assert!(headers.contains("trailer: export-status"), "{headers}");
    assert_eq!(String::from_utf8_lossy(&body).lines().count(), 1 + ROWS);
    assert_eq!(trailers, format!("export-status: complete; rows={ROWS}"));

    // Past the first batch (500 rows), a batch fails.
    corrupt(app, ids[ROWS - 100]).await;
    let failed = raw_get(app, path, &ada.token).await;
    // The connection is cut without the last chunk. Under load hyper may poll the failing
    // batch before it has flushed the head with the first one; then the cut comes before
    // the head. Either way no client can take the export for complete.
    assert!(
        matches!(
            failed.as_ref().err().map(String::as_str),
            Some("body ended without its last chunk" | "no header block")
        ),
        "{failed:?}"
    );
    for encoding in ["identity", "gzip"] {
        let sent = app
            .http
            .get(format!("{}{path}", app.base))
            .bearer_auth(&ada.token)
            .header("accept-encoding", encoding)
            .send();
        let res = match sent.await {
            Ok(res) => res,
            // As above: under load the cut can come before the head, which the client sees too.
            Err(e) if e.is_request() => continue,
            Err(e) => panic!("{encoding}: {e}"),
        };
        assert_eq!(res.status().as_u16(), 200, "the first batch was fine");
        let body = res.bytes().await;
        assert!(body.is_err(), "{encoding}: the client must see the failure, got {:?} bytes", body.map(|b| b.len()));
    }
    eprintln!("CSV export ({:?}): {ROWS} rows complete with trailer; a failing batch aborts the body", app.db.backend);
}
