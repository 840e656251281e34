//! A Xero Accounting API stand-in on 127.0.0.1:0 that follows the documented
//! shapes: the identity token endpoint (code and refresh grants, refresh tokens
//! rotated, `invalid_grant` once revoked), `GET /connections` (the tenants a grant
//! opens), and `/api.xro/2.0/{Contacts,Invoices,CreditNotes,Payments}` with the
//! `Xero-tenant-id` header required (403 without it): `PUT`/`POST` creates wrapped
//! in `{"Invoices":[…]}` (replayed by `Idempotency-Key`), `POST …/{id}` updates
//! with no version check (every write moves `UpdatedDateUTC`; a payment is deleted
//! by `POST /Payments/{id}` with `Status: DELETED`), reads, `where`
//! filters, `If-Modified-Since` on lists, `TaxRates` and `Accounts`. Bills
//! (`ACCPAY`) keep no `Reference`, as in Xero. A 401 carries `TokenExpired`, a 400
//! a `ValidationException` with its `Elements[].ValidationErrors[]`, a 429
//! `Retry-After` with `X-Rate-Limit-Problem` (`minute` or `day`), and every answer
//! the `X-DayLimit-Remaining` / `X-MinLimit-Remaining` headers.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

pub const TENANT: &str = "3f6e1b7a-0c55-4d2e-9a61-7c2b9e0d4f11";

/// Calls allowed per organisation per day, as Xero counts them.
const DAY_LIMIT: u32 = 5000;

#[derive(Default)]
pub struct Books {
    /// Resource (`Contacts`, `Invoices`, `CreditNotes`, `Payments`) → objects.
    pub objects: HashMap<String, Vec<Value>>,
    /// `Idempotency-Key` → the first answer (status and body), a refusal included.
    pub idempotency: HashMap<String, (StatusCode, Value)>,
    pub access_token: String,
    pub refresh_token: String,
    pub issued: u32,
    pub revoked: bool,
    pub refreshes: u32,
    /// Answer the next N API calls with 429 for this problem (`minute` or `day`).
    pub rate_limit_next: u32,
    pub rate_problem: String,
    pub retry_after: u64,
    pub rate_limited: u32,
    /// Create the next object matching each entry (`Invoices/ACCREC`,
    /// `Invoices/ACCPAY`, `Contacts`…), then answer 500: the caller never learns its id.
    pub crash_on_create: Vec<String>,
    /// Calls refused for a missing or wrong `Xero-tenant-id`.
    pub wrong_tenant: u32,
    /// API calls answered (the day's count).
    pub calls: u32,
    /// `If-Modified-Since` of each `GET Payments`.
    pub modified_since: Vec<Option<String>>,
    /// The ledger's clock, in Unix milliseconds (each write ticks it a second).
    pub clock_ms: i64,
}

impl Books {
    /// `resource` objects, or only those of `type` (`ACCREC`, `ACCPAY`).
    pub fn count(&self, resource: &str, kind: Option<&str>) -> usize {
        self.objects.get(resource).map_or(0, |v| v.iter().filter(|o| kind.is_none_or(|k| o["Type"] == k)).count())
    }

    pub fn find(&self, resource: &str, field: &str, value: &str) -> Option<&Value> {
        self.objects.get(resource)?.iter().find(|o| o[field] == value)
    }

    /// `/Date(…+0000)/` of the next write.
    pub fn stamp(&mut self) -> String {
        self.clock_ms += 1000;
        format!("/Date({}+0000)/", self.clock_ms)
    }

    /// Someone edits a record in Xero: a new name and `UpdatedDateUTC`.
    pub fn edit(&mut self, resource: &str, id: &str, field: &str, value: &str) {
        let stamp = self.stamp();
        let id_field = id_field(resource);
        if let Some(o) = self.objects.get_mut(resource).and_then(|v| v.iter_mut().find(|o| o[id_field] == id)) {
            o[field] = json!(value);
            o["UpdatedDateUTC"] = json!(stamp);
        }
    }
}

pub type Shared = Arc<Mutex<Books>>;

fn id_field(resource: &str) -> &'static str {
    match resource {
        "Contacts" => "ContactID",
        "Invoices" => "InvoiceID",
        "CreditNotes" => "CreditNoteID",
        "Payments" => "PaymentID",
        _ => "ID",
    }
}

fn ms_of(stamp: &Value) -> i64 {
    stamp
        .as_str()
        .and_then(|s| s.strip_prefix("/Date("))
        .and_then(|s| s.split('+').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn validation_body(message: &str) -> Value {
    json!({
        "ErrorNumber": 10,
        "Type": "ValidationException",
        "Message": "A validation exception occurred",
        "Elements": [{ "ValidationErrors": [{ "Message": message }] }],
    })
}

fn validation(message: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(validation_body(message))).into_response()
}

/// Answers with the rate limit headers Xero sends on every API answer.
fn limited(books: &Books, response: Response) -> Response {
    let mut response = response;
    let h = response.headers_mut();
    let day = DAY_LIMIT.saturating_sub(books.calls).to_string();
    h.insert("x-daylimit-remaining", day.parse().expect("header"));
    h.insert("x-minlimit-remaining", "59".parse().expect("header"));
    h.insert("x-appminlimit-remaining", "9999".parse().expect("header"));
    response
}

/// 429, a stale access token, or a wrong tenant; `None` lets the call through.
fn gate(books: &mut Books, headers: &HeaderMap) -> Option<Response> {
    books.calls += 1;
    if books.rate_limit_next > 0 {
        books.rate_limit_next -= 1;
        books.rate_limited += 1;
        let problem = if books.rate_problem.is_empty() { "minute".to_owned() } else { books.rate_problem.clone() };
        let wait = if books.retry_after == 0 { 1 } else { books.retry_after };
        let r =
            (StatusCode::TOO_MANY_REQUESTS, [("Retry-After", wait.to_string()), ("X-Rate-Limit-Problem", problem)], "")
                .into_response();
        return Some(limited(books, r));
    }
    let bearer = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    if bearer != format!("Bearer {}", books.access_token) {
        let body = json!({"Type": null, "Title": "Unauthorized", "Status": 401,
            "Detail": "TokenExpired: token expired at 01/15/2027 09:30:00"});
        let r = (StatusCode::UNAUTHORIZED, [("WWW-Authenticate", "Bearer error=\"invalid_token\"")], Json(body));
        return Some(r.into_response());
    }
    if headers.get("xero-tenant-id").and_then(|v| v.to_str().ok()) != Some(TENANT) {
        books.wrong_tenant += 1;
        let body = json!({"Type": null, "Title": "Forbidden", "Status": 403, "Detail": "AuthenticationUnsuccessful"});
        return Some((StatusCode::FORBIDDEN, Json(body)).into_response());
    }
    None
}

async fn token(State(s): State<Shared>, headers: HeaderMap, Form(form): Form<HashMap<String, String>>) -> Response {
    let mut b = s.lock().expect("books");
    if !headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").starts_with("Basic ") {
        return (StatusCode::BAD_REQUEST, Json(json!({"error": "invalid_client"}))).into_response();
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
    b.access_token = format!("xat-{}", b.issued);
    // Xero rotates the refresh token on every use.
    b.refresh_token = format!("xrt-{}", b.issued);
    Json(json!({"id_token": "unused", "access_token": b.access_token, "expires_in": 1800, "token_type": "Bearer",
        "refresh_token": b.refresh_token, "scope": "offline_access accounting.transactions"}))
    .into_response()
}

async fn connections(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let b = s.lock().expect("books");
    let bearer = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    if bearer != format!("Bearer {}", b.access_token) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    Json(json!([
        {"id": "c1", "tenantId": "5a1d0000-0000-4000-8000-00000000aaaa", "tenantType": "PRACTICEMANAGER",
            "tenantName": "Practice"},
        {"id": "c2", "tenantId": TENANT, "tenantType": "ORGANISATION", "tenantName": "Demo Company (UK)"},
    ]))
    .into_response()
}

/// `Field=="value"` (the one filter form the connector sends).
fn filter(q: &HashMap<String, String>) -> Option<(String, String)> {
    let w = q.get("where")?;
    let (field, value) = w.split_once("==")?;
    Some((field.trim().to_owned(), value.trim().trim_matches('"').to_owned()))
}

async fn list(
    State(s): State<Shared>,
    Path(resource): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut b = s.lock().expect("books");
    if let Some(r) = gate(&mut b, &headers) {
        return r;
    }
    let since = headers.get("if-modified-since").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let answer = match resource.as_str() {
        "TaxRates" => json!({"TaxRates": [
            {"Name": "20% (VAT on Income)", "TaxType": "OUTPUT2", "Status": "ACTIVE", "EffectiveRate": 20.0},
            {"Name": "No VAT", "TaxType": "NONE", "Status": "ACTIVE", "EffectiveRate": 0.0},
        ]}),
        "Accounts" => json!({"Accounts": [
            {"AccountID": "a-200", "Code": "200", "Name": "Sales", "Type": "REVENUE", "Status": "ACTIVE"},
            {"AccountID": "a-310", "Code": "310", "Name": "Cost of Goods Sold", "Type": "DIRECTCOSTS", "Status": "ACTIVE"},
            {"AccountID": "a-090", "Code": "090", "Name": "Business Bank Account", "Type": "BANK", "Status": "ACTIVE"},
        ]}),
        "Contacts" | "Invoices" | "CreditNotes" | "Payments" => {
            if resource == "Payments" {
                b.modified_since.push(since.clone());
            }
            let after = since
                .as_deref()
                .and_then(|s| DateTime::parse_from_rfc2822(s).ok())
                .map(|d| d.with_timezone(&Utc).timestamp_millis());
            let wanted = filter(&q);
            let items: Vec<Value> = b
                .objects
                .get(&resource)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|o| after.is_none_or(|t| ms_of(&o["UpdatedDateUTC"]) > t))
                .filter(|o| wanted.as_ref().is_none_or(|(f, v)| o[f.as_str()] == v.as_str()))
                .collect();
            json!({ resource.as_str(): items })
        }
        _ => return (StatusCode::NOT_FOUND, "The resource you're looking for cannot be found").into_response(),
    };
    limited(&b, Json(answer).into_response())
}

async fn read(State(s): State<Shared>, Path((resource, id)): Path<(String, String)>, headers: HeaderMap) -> Response {
    let mut b = s.lock().expect("books");
    if let Some(r) = gate(&mut b, &headers) {
        return r;
    }
    match b.find(&resource, id_field(&resource), &id).cloned() {
        Some(o) => limited(&b, Json(json!({ resource.as_str(): [o] })).into_response()),
        None => (StatusCode::NOT_FOUND, "The resource you're looking for cannot be found").into_response(),
    }
}

/// Checks a new or changed record the way Xero does for what the connector sends.
fn check(b: &Books, resource: &str, item: &Value) -> Result<(), String> {
    let codes = ["200", "310", "090"];
    match resource {
        "Contacts" => {
            if item["Name"].as_str().unwrap_or("").is_empty() {
                return Err("The contact name must be specified.".into());
            }
            if item["Name"] == "Rejected Supplies" {
                return Err("The contact Rejected Supplies has been archived and cannot be used.".into());
            }
        }
        "Invoices" | "CreditNotes" => {
            let contact = item.pointer("/Contact/ContactID").and_then(Value::as_str).unwrap_or("");
            if b.find("Contacts", "ContactID", contact).is_none() {
                return Err(format!("The contact {contact} does not exist."));
            }
            for line in item["LineItems"].as_array().cloned().unwrap_or_default() {
                if !codes.contains(&line["AccountCode"].as_str().unwrap_or("")) {
                    return Err("Account code is not a valid code for this document.".into());
                }
            }
        }
        "Payments" => {
            let invoice = item.pointer("/Invoice/InvoiceID").and_then(Value::as_str).unwrap_or("");
            if b.find("Invoices", "InvoiceID", invoice).is_none() {
                return Err("Invoice could not be found.".into());
            }
            if item.pointer("/Account/Code") != Some(&json!("090")) {
                return Err("Payments can only be made to bank accounts.".into());
            }
        }
        _ => {}
    }
    Ok(())
}

fn create(b: &mut Books, resource: &str, item: Value) -> Value {
    let mut o = item;
    let n = b.objects.values().map(Vec::len).sum::<usize>() + 1;
    o[id_field(resource)] = json!(format!("{:08x}-0000-4000-8000-{n:012x}", n));
    o["UpdatedDateUTC"] = json!(b.stamp());
    o["Status"] = json!(if resource == "Payments" { "AUTHORISED" } else { o["Status"].as_str().unwrap_or("DRAFT") });
    if resource == "Invoices" && o["Type"] == "ACCPAY" {
        // Xero keeps `Reference` on sales invoices only.
        if let Some(obj) = o.as_object_mut() {
            obj.remove("Reference");
        }
    }
    if resource == "Payments" {
        let id = o.pointer("/Invoice/InvoiceID").and_then(Value::as_str).unwrap_or("").to_owned();
        if let Some(inv) = b.find("Invoices", "InvoiceID", &id).cloned() {
            o["Invoice"] = json!({"InvoiceID": id, "Type": inv["Type"], "CurrencyCode": inv["CurrencyCode"],
                "InvoiceNumber": inv["InvoiceNumber"]});
        }
    }
    b.objects.entry(resource.to_owned()).or_default().push(o.clone());
    o
}

async fn write(
    State(s): State<Shared>,
    method: Method,
    Path(resource): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    save(s, method, resource, None, headers, body)
}

async fn write_one(
    State(s): State<Shared>,
    method: Method,
    Path((resource, id)): Path<(String, String)>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    save(s, method, resource, Some(id), headers, body)
}

fn save(s: Shared, method: Method, resource: String, id: Option<String>, headers: HeaderMap, body: Value) -> Response {
    let mut b = s.lock().expect("books");
    if let Some(r) = gate(&mut b, &headers) {
        return r;
    }
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
    if let Some((status, first)) = key.as_ref().and_then(|k| b.idempotency.get(k)) {
        return limited(&b, (*status, Json(first.clone())).into_response());
    }
    let Some(item) = body.get(&resource).and_then(Value::as_array).and_then(|a| a.first()).cloned() else {
        return validation(&format!("The request body has no {resource}."));
    };
    let id_field = id_field(&resource);
    let target = id.or_else(|| item.get(id_field).and_then(Value::as_str).map(str::to_owned));
    let saved = match target {
        // `PUT` only creates; `POST` with an id updates (Xero has no version check).
        Some(_) if method == Method::PUT => return validation("PUT cannot update an existing record."),
        Some(target) => {
            let deleting = resource == "Payments" && item["Status"] == "DELETED";
            if let Err(m) = check(&b, &resource, &item).or_else(|m| if deleting { Ok(()) } else { Err(m) }) {
                return validation(&m);
            }
            let stamp = b.stamp();
            let Some(o) = b.objects.get_mut(&resource).and_then(|v| v.iter_mut().find(|o| o[id_field] == target))
            else {
                return (StatusCode::NOT_FOUND, "The resource you're looking for cannot be found").into_response();
            };
            for (k, v) in item.as_object().cloned().unwrap_or_default() {
                o[k] = v;
            }
            o["UpdatedDateUTC"] = json!(stamp);
            o.clone()
        }
        None => {
            if let Err(m) = check(&b, &resource, &item) {
                if let Some(k) = key {
                    b.idempotency.insert(k, (StatusCode::BAD_REQUEST, validation_body(&m)));
                }
                return validation(&m);
            }
            let created = create(&mut b, &resource, item);
            let crash_key = match created["Type"].as_str() {
                Some(t) if resource == "Invoices" => format!("{resource}/{t}"),
                _ => resource.clone(),
            };
            let answer = json!({ "Id": "a1b2", "Status": "OK", resource.as_str(): [created] });
            if let Some(k) = key {
                b.idempotency.insert(k, (StatusCode::OK, answer.clone()));
            }
            if let Some(at) = b.crash_on_create.iter().position(|c| *c == crash_key) {
                b.crash_on_create.remove(at);
                return (StatusCode::INTERNAL_SERVER_ERROR, "connection reset").into_response();
            }
            return limited(&b, Json(answer).into_response());
        }
    };
    limited(&b, Json(json!({ "Id": "a1b2", "Status": "OK", resource.as_str(): [saved] })).into_response())
}

/// Starts the fake with its clock at `now`; answers its base URL and its books.
pub async fn start(now: DateTime<Utc>) -> (String, Shared) {
    let books: Shared = Arc::new(Mutex::new(Books { clock_ms: now.timestamp_millis(), ..Books::default() }));
    let app = Router::new()
        .route("/connect/token", post(token))
        .route("/connections", get(connections))
        .route("/api.xro/2.0/{resource}", get(list).put(write).post(write))
        .route("/api.xro/2.0/{resource}/{id}", get(read).post(write_one))
        .with_state(books.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (format!("http://{addr}"), books)
}
