//! A QuickBooks Online stand-in on 127.0.0.1:0 that follows the documented v3
//! shapes: OAuth token endpoint (code and refresh grants, `invalid_grant` once
//! revoked), `/v3/company/{realmId}/{entity}` creates (deduplicated by
//! `requestid`) and sparse updates checked against `SyncToken` (fault 5010),
//! reads, `query`, `cdc`, deletes (`operation=delete` with the current
//! `SyncToken`; a deleted object then reads as fault 610), 401 for a stale access
//! token, and 429 with Retry-After.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

pub const REALM: &str = "9130350000000001";

#[derive(Default)]
pub struct Books {
    /// entity key (`Customer`) → objects.
    pub objects: HashMap<String, Vec<Value>>,
    pub request_ids: HashMap<String, Value>,
    pub access_token: String,
    pub refresh_token: String,
    pub issued: u32,
    pub expires_in: i64,
    pub revoked: bool,
    /// Answer the next N API calls with 429.
    pub rate_limit_next: u32,
    pub rate_limited: u32,
    /// Create the next object of this entity, then answer 500 (the caller never learns the id).
    pub crash_on_create: Option<String>,
    pub refreshes: u32,
    /// Payments recorded in the ledger (for `cdc`).
    pub payments: Vec<Value>,
    /// Objects deleted through `operation=delete`.
    pub deleted: Vec<Value>,
}

impl Books {
    pub fn count(&self, key: &str) -> usize {
        self.objects.get(key).map_or(0, Vec::len)
    }

    /// Someone edits `key` `id` in QuickBooks: its SyncToken moves on.
    pub fn edit(&mut self, key: &str, id: &str) {
        if let Some(o) = self.objects.get_mut(key).and_then(|v| v.iter_mut().find(|o| o["Id"] == id)) {
            let next = o["SyncToken"].as_str().and_then(|s| s.parse::<u32>().ok()).unwrap_or(0) + 1;
            o["SyncToken"] = json!(next.to_string());
        }
    }
}

impl Books {
    /// Someone changes `field` of `key` `id` in QuickBooks (its SyncToken moves on).
    pub fn set(&mut self, key: &str, id: &str, field: &str, value: Value) {
        if let Some(o) = self.objects.get_mut(key).and_then(|v| v.iter_mut().find(|o| o["Id"] == id)) {
            o[field] = value;
        }
        self.edit(key, id);
    }

    /// The id of the first `key` object.
    pub fn first_id(&self, key: &str) -> String {
        self.objects[key][0]["Id"].as_str().expect("id").to_owned()
    }
}

pub type Shared = Arc<Mutex<Books>>;

fn key_of(entity: &str) -> &'static str {
    match entity {
        "customer" => "Customer",
        "vendor" => "Vendor",
        "invoice" => "Invoice",
        "creditmemo" => "CreditMemo",
        "payment" => "Payment",
        "bill" => "Bill",
        "billpayment" => "BillPayment",
        _ => "Unknown",
    }
}

fn fault(code: &str, message: &str, kind: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"Fault": {"Error": [{"Message": message, "Detail": message, "code": code}], "type": kind}})),
    )
        .into_response()
}

fn authorized(books: &mut Books, headers: &HeaderMap) -> Option<Response> {
    if books.rate_limit_next > 0 {
        books.rate_limit_next -= 1;
        books.rate_limited += 1;
        return Some((StatusCode::TOO_MANY_REQUESTS, [("Retry-After", "1")], "Throttled").into_response());
    }
    let bearer = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    if bearer != format!("Bearer {}", books.access_token) {
        return Some(
            (StatusCode::UNAUTHORIZED, Json(json!({"fault": {"error": [{"message": "AuthenticationFailed"}]}})))
                .into_response(),
        );
    }
    None
}

async fn token(State(s): State<Shared>, headers: HeaderMap, Form(form): Form<HashMap<String, String>>) -> Response {
    let mut b = s.lock().expect("books");
    if !headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").starts_with("Basic ") {
        return (StatusCode::UNAUTHORIZED, Json(json!({"error": "invalid_client"}))).into_response();
    }
    let ok = match form.get("grant_type").map(String::as_str) {
        Some("authorization_code") => form.get("code").map(String::as_str) == Some("good-code"),
        Some("refresh_token") => {
            b.refreshes += 1;
            !b.revoked && form.get("refresh_token") == Some(&b.refresh_token)
        }
        _ => false,
    };
    if !ok {
        return (StatusCode::BAD_REQUEST, Json(json!({"error": "invalid_grant"}))).into_response();
    }
    b.issued += 1;
    b.access_token = format!("at-{}", b.issued);
    b.refresh_token = format!("rt-{}", b.issued);
    let expires_in = if b.expires_in == 0 { 3600 } else { b.expires_in };
    Json(json!({"token_type": "bearer", "access_token": b.access_token, "refresh_token": b.refresh_token,
        "expires_in": expires_in, "x_refresh_token_expires_in": 8_726_400}))
    .into_response()
}

async fn write(
    State(s): State<Shared>,
    Path((realm, entity)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let mut b = s.lock().expect("books");
    if let Some(r) = authorized(&mut b, &headers) {
        return r;
    }
    if realm != REALM {
        return fault("100", "Invalid realm", "AuthorizationFault");
    }
    let key = key_of(&entity);
    if q.get("operation").map(String::as_str) == Some("delete") {
        let id = body["Id"].as_str().unwrap_or("").to_owned();
        let list = b.objects.entry(key.to_owned()).or_default();
        let Some(at) = list.iter().position(|o| o["Id"] == id) else {
            return fault(
                "610",
                "Object Not Found : Something you're trying to use has been made inactive.",
                "ValidationFault",
            );
        };
        if list[at]["SyncToken"] != body["SyncToken"] {
            return fault("5010", "Stale Object Error", "ValidationFault");
        }
        let gone = list.remove(at);
        b.deleted.push(gone);
        return Json(
            json!({ key: {"Id": id, "status": "Deleted", "domain": "QBO"}, "time": "2027-01-15T09:00:00.000-08:00" }),
        )
        .into_response();
    }
    if let Some(first) = q.get("requestid").and_then(|rid| b.request_ids.get(rid)) {
        return Json(first.clone()).into_response();
    }
    if body.get("sparse").is_some() {
        let id = body["Id"].as_str().unwrap_or("").to_owned();
        let list = b.objects.entry(key.to_owned()).or_default();
        let Some(o) = list.iter_mut().find(|o| o["Id"] == id) else {
            return fault("610", "Object Not Found", "ValidationFault");
        };
        if o["SyncToken"] != body["SyncToken"] {
            return fault(
                "5010",
                "Stale Object Error : You and another user were working on the same thing.",
                "ValidationFault",
            );
        }
        let next = o["SyncToken"].as_str().and_then(|s| s.parse::<u32>().ok()).unwrap_or(0) + 1;
        for (k, v) in body.as_object().cloned().unwrap_or_default() {
            o[k] = v;
        }
        o["SyncToken"] = json!(next.to_string());
        return Json(json!({ key: o.clone() })).into_response();
    }
    if body.get("DisplayName").and_then(Value::as_str) == Some("Rejected Supplies") {
        return fault("6000", "A business validation error has occurred: the vendor is blocked", "ValidationFault");
    }
    let n = b.objects.values().map(Vec::len).sum::<usize>() + 1;
    let mut o = body.clone();
    o["Id"] = json!(n.to_string());
    o["SyncToken"] = json!("0");
    b.objects.entry(key.to_owned()).or_default().push(o.clone());
    let answer = json!({ key: o, "time": "2027-01-15T09:00:00.000-08:00" });
    if let Some(rid) = q.get("requestid") {
        b.request_ids.insert(rid.clone(), answer.clone());
    }
    if b.crash_on_create.as_deref() == Some(key) {
        b.crash_on_create = None;
        return (StatusCode::INTERNAL_SERVER_ERROR, "connection reset").into_response();
    }
    Json(answer).into_response()
}

async fn read(
    State(s): State<Shared>,
    Path((_realm, entity, id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut b = s.lock().expect("books");
    if let Some(r) = authorized(&mut b, &headers) {
        return r;
    }
    let key = key_of(&entity);
    match b.objects.get(key).and_then(|v| v.iter().find(|o| o["Id"] == id)) {
        Some(o) => Json(json!({ key: o })).into_response(),
        None => fault("610", "Object Not Found", "ValidationFault"),
    }
}

async fn query(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>, headers: HeaderMap) -> Response {
    let mut b = s.lock().expect("books");
    if let Some(r) = authorized(&mut b, &headers) {
        return r;
    }
    let sql = q.get("query").cloned().unwrap_or_default();
    let (key, rows) = if sql.contains("from TaxCode") {
        ("TaxCode", json!([{"Id": "TAX", "Name": "VAT 20%"}, {"Id": "NON", "Name": "Exempt"}]))
    } else if sql.contains("from Item") {
        ("Item", json!([{"Id": "1", "Name": "Services"}]))
    } else if sql.contains("AccountType = 'Bank'") {
        ("Account", json!([{"Id": "35", "Name": "Checking"}]))
    } else {
        ("Account", json!([{"Id": "7", "Name": "Subcontractors"}]))
    };
    Json(json!({"QueryResponse": { key: rows, "maxResults": 2 }})).into_response()
}

async fn cdc(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>, headers: HeaderMap) -> Response {
    let mut b = s.lock().expect("books");
    if let Some(r) = authorized(&mut b, &headers) {
        return r;
    }
    if !q.contains_key("changedSince") || q.get("entities").map(String::as_str) != Some("Payment") {
        return fault("4000", "changedSince and entities are required", "ValidationFault");
    }
    Json(json!({"CDCResponse": [{"QueryResponse": [{"Payment": b.payments, "startPosition": 1}]}]})).into_response()
}

/// Starts the fake; answers its base URL and its books.
pub async fn start() -> (String, Shared) {
    let books: Shared = Arc::new(Mutex::new(Books::default()));
    let app = Router::new()
        .route("/oauth2/v1/tokens/bearer", post(token))
        .route("/v3/company/{realm}/query", get(query))
        .route("/v3/company/{realm}/cdc", get(cdc))
        .route("/v3/company/{realm}/{entity}", post(write))
        .route("/v3/company/{realm}/{entity}/{id}", get(read))
        .with_state(books.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (format!("http://{addr}"), books)
}
