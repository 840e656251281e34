//! A local stand-in for Google's OAuth 2.0 endpoints and the Gmail REST API (v1),
//! started per test on a free loopback port, following Google's documented
//! shapes: the authorization endpoint (redirects back with `code` and `state`),
//! the token endpoint (authorization code with PKCE S256 checked, refresh;
//! RFC 6749 errors), `users.getProfile`, `users.messages.list` (`q=after:`,
//! `pageToken`), `users.messages.get?format=raw`, `users.history.list`
//! (`startHistoryId`; 404 once that history is gone) and `users.messages.send`.
//!
//! Switches a test flips: every issued access token expired (401), refresh
//! tokens revoked (400 `invalid_grant`), the next N API calls answered 429 with
//! `Retry-After`, the history before now forgotten (404), the next authorization
//! declined by the user (`error=access_denied`), issued codes expired.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub const CLIENT_ID: &str = "atrium-gmail-test.apps.googleusercontent.com";
pub const CLIENT_SECRET: &str = "gmail-test-secret-0123456789";

struct Stored {
    id: String,
    thread_id: String,
    raw: Vec<u8>,
    internal_date_ms: i64,
    labels: Vec<String>,
    history_id: u64,
}

struct Pending {
    challenge: String,
    redirect_uri: String,
}

#[derive(Default)]
struct Inner {
    email: String,
    messages: Vec<Stored>,
    history_id: u64,
    /// `users.history.list` from before this answers 404.
    oldest_history: u64,
    next_id: u64,
    codes: HashMap<String, Pending>,
    access_tokens: HashSet<String>,
    refresh_tokens: HashSet<String>,
    rate_limited: u32,
    retry_after_secs: u64,
    page_size: usize,
    sent: Vec<Vec<u8>>,
    counts: HashMap<&'static str, u32>,
    /// The next authorization is declined by the user (`error=access_denied`).
    deny_next: bool,
}

impl Inner {
    fn count(&mut self, what: &'static str) {
        *self.counts.entry(what).or_default() += 1;
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{:016x}", self.next_id)
    }

    fn store(
        &mut self,
        raw: Vec<u8>,
        thread_id: Option<String>,
        internal_date_ms: i64,
        labels: Vec<String>,
    ) -> (String, String) {
        let id = self.fresh("18c");
        let thread_id = thread_id.unwrap_or_else(|| id.clone());
        self.history_id += 7;
        let history_id = self.history_id;
        self.messages.push(Stored {
            id: id.clone(),
            thread_id: thread_id.clone(),
            raw,
            internal_date_ms,
            labels,
            history_id,
        });
        (id, thread_id)
    }
}

type Shared = Arc<Mutex<Inner>>;

fn lock(s: &Shared) -> MutexGuard<'_, Inner> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

pub struct FakeGmail {
    /// `http://127.0.0.1:<port>`: the API root, and the OAuth endpoints below it.
    pub base: String,
    inner: Shared,
}

fn google_error(status: StatusCode, message: &str, reason: &str, status_name: &str) -> Response {
    let body = json!({"error": {"code": status.as_u16(), "message": message,
        "errors": [{"message": message, "domain": "global", "reason": reason}], "status": status_name}});
    (status, Json(body)).into_response()
}

fn oauth_error(error: &str, description: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": error, "error_description": description}))).into_response()
}

fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

impl FakeGmail {
    /// Serves the mailbox of `email` on a free loopback port.
    pub async fn start(email: &str) -> FakeGmail {
        let inner: Shared = Arc::new(Mutex::new(Inner {
            email: email.to_owned(),
            history_id: 1000,
            oldest_history: 1000,
            page_size: 500,
            ..Inner::default()
        }));
        let app = Router::new()
            .route("/o/oauth2/v2/auth", get(authorize))
            .route("/token", post(token))
            .route("/gmail/v1/users/me/profile", get(profile))
            .route("/gmail/v1/users/me/messages", get(list))
            .route("/gmail/v1/users/me/messages/send", post(send))
            .route("/gmail/v1/users/me/messages/{id}", get(message))
            .route("/gmail/v1/users/me/history", get(history))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind fake gmail");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeGmail { base, inner }
    }

    pub fn auth_url(&self) -> String {
        format!("{}/o/oauth2/v2/auth", self.base)
    }

    pub fn token_url(&self) -> String {
        format!("{}/token", self.base)
    }

    /// Delivers `raw` into the mailbox, received `age` ago, in `thread_id` (a new
    /// thread when `None`); answers (message id, thread id).
    pub fn deliver(&self, raw: &[u8], thread_id: Option<&str>, age: chrono::Duration) -> (String, String) {
        let at = (chrono::Utc::now() - age).timestamp_millis();
        lock(&self.inner).store(raw.to_vec(), thread_id.map(str::to_owned), at, vec!["INBOX".into(), "UNREAD".into()])
    }

    /// API calls are listed this many messages a page.
    pub fn set_page_size(&self, n: usize) {
        lock(&self.inner).page_size = n.max(1);
    }

    /// Every access token issued so far is expired: the API answers 401.
    pub fn expire_access_tokens(&self) {
        lock(&self.inner).access_tokens.clear();
    }

    /// The user revoked access: refreshing answers `invalid_grant`.
    pub fn revoke_refresh_tokens(&self) {
        let mut g = lock(&self.inner);
        g.refresh_tokens.clear();
        g.access_tokens.clear();
    }

    /// The next `calls` API calls answer 429 with `Retry-After: retry_after_secs`.
    pub fn rate_limit(&self, calls: u32, retry_after_secs: u64) {
        let mut g = lock(&self.inner);
        g.rate_limited = calls;
        g.retry_after_secs = retry_after_secs;
    }

    /// History before the current `historyId` is no longer kept (404).
    pub fn forget_history(&self) {
        let mut g = lock(&self.inner);
        g.oldest_history = g.history_id + 1;
    }

    /// The raw messages `users.messages.send` accepted, in order.
    pub fn sent(&self) -> Vec<Vec<u8>> {
        lock(&self.inner).sent.clone()
    }

    /// The user declines the next authorization: the authorize endpoint sends
    /// the browser back with `error=access_denied` (RFC 6749 4.1.2.1) and no code.
    pub fn deny_next_authorization(&self) {
        lock(&self.inner).deny_next = true;
    }

    /// Every authorization code issued so far has expired: exchanging one
    /// answers `invalid_grant`.
    pub fn expire_authorization_codes(&self) {
        lock(&self.inner).codes.clear();
    }

    /// How often `what` was called: `exchange`, `refresh`, `list`, `history`, `get`, `send`.
    pub fn calls(&self, what: &str) -> u32 {
        lock(&self.inner).counts.iter().find(|(k, _)| **k == what).map_or(0, |(_, n)| *n)
    }

    /// The message ids in the mailbox.
    pub fn ids(&self) -> Vec<String> {
        lock(&self.inner).messages.iter().map(|m| m.id.clone()).collect()
    }
}

async fn authorize(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    if get("client_id") != CLIENT_ID {
        return (StatusCode::BAD_REQUEST, "invalid_client: the OAuth client was not found").into_response();
    }
    if get("response_type") != "code" || get("code_challenge_method") != "S256" || get("code_challenge").is_empty() {
        return (StatusCode::BAD_REQUEST, "invalid_request: response_type=code and a S256 code_challenge are required")
            .into_response();
    }
    let redirect_uri = get("redirect_uri");
    let mut g = lock(&s);
    if std::mem::take(&mut g.deny_next) {
        let mut to = url::Url::parse(&get("redirect_uri")).expect("redirect_uri is a URL");
        to.query_pairs_mut()
            .append_pair("error", "access_denied")
            .append_pair("error_description", "The user denied access")
            .append_pair("state", &get("state"));
        return (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response();
    }
    let code = g.fresh("4/0Ab");
    g.codes.insert(code.clone(), Pending { challenge: get("code_challenge"), redirect_uri: redirect_uri.clone() });
    let mut to = url::Url::parse(&redirect_uri).expect("redirect_uri is a URL");
    to.query_pairs_mut()
        .append_pair("state", &get("state"))
        .append_pair("code", &code)
        .append_pair("scope", &get("scope"));
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response()
}

/// Client credentials from HTTP Basic or the form.
fn client_ok(headers: &HeaderMap, form: &HashMap<String, String>) -> bool {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let expected = format!("{CLIENT_ID}:{CLIENT_SECRET}");
    basic.is_some_and(|b| url_decode(&b) == expected)
        || (form.get("client_id").map(String::as_str) == Some(CLIENT_ID)
            && form.get("client_secret").map(String::as_str) == Some(CLIENT_SECRET))
}

/// RFC 6749 2.3.1: Basic credentials are form-urlencoded first.
fn url_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}

async fn token(State(s): State<Shared>, headers: HeaderMap, Form(f): Form<HashMap<String, String>>) -> Response {
    if !client_ok(&headers, &f) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client", "error_description": "Unauthorized"})),
        )
            .into_response();
    }
    let mut g = lock(&s);
    match f.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            g.count("exchange");
            let code = f.get("code").cloned().unwrap_or_default();
            let Some(p) = g.codes.remove(&code) else { return oauth_error("invalid_grant", "Malformed auth code.") };
            if f.get("redirect_uri") != Some(&p.redirect_uri) {
                return oauth_error("redirect_uri_mismatch", "Bad Request");
            }
            if f.get("code_verifier").map(|v| s256(v)) != Some(p.challenge) {
                return oauth_error("invalid_grant", "Invalid code verifier.");
            }
            let access = g.fresh("ya29.a0");
            let refresh = g.fresh("1//0g");
            g.access_tokens.insert(access.clone());
            g.refresh_tokens.insert(refresh.clone());
            Json(json!({"access_token": access, "expires_in": 3599, "refresh_token": refresh,
                "scope": "https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.send",
                "token_type": "Bearer"}))
            .into_response()
        }
        Some("refresh_token") => {
            g.count("refresh");
            let r = f.get("refresh_token").cloned().unwrap_or_default();
            if !g.refresh_tokens.contains(&r) {
                return oauth_error("invalid_grant", "Token has been expired or revoked.");
            }
            let access = g.fresh("ya29.a0");
            g.access_tokens.insert(access.clone());
            Json(json!({"access_token": access, "expires_in": 3599,
                "scope": "https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.send",
                "token_type": "Bearer"}))
            .into_response()
        }
        _ => oauth_error("unsupported_grant_type", "Invalid grant_type"),
    }
}

/// The bearer check and the rate-limit switch every API call goes through.
fn gate(g: &mut Inner, headers: &HeaderMap) -> Option<Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !g.access_tokens.contains(token) {
        return Some(google_error(
            StatusCode::UNAUTHORIZED,
            "Request had invalid authentication credentials. Expected OAuth 2 access token.",
            "authError",
            "UNAUTHENTICATED",
        ));
    }
    if g.rate_limited > 0 {
        g.rate_limited -= 1;
        let mut r = google_error(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many concurrent requests for user.",
            "rateLimitExceeded",
            "RESOURCE_EXHAUSTED",
        );
        r.headers_mut().insert(header::RETRY_AFTER, g.retry_after_secs.to_string().parse().expect("header value"));
        return Some(r);
    }
    None
}

async fn profile(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    Json(json!({"emailAddress": g.email, "messagesTotal": g.messages.len(), "threadsTotal": g.messages.len(),
        "historyId": g.history_id.to_string()}))
    .into_response()
}

fn page(q: &HashMap<String, String>, len: usize, size: usize) -> (usize, usize, Option<String>) {
    let from: usize = q.get("pageToken").and_then(|p| p.parse().ok()).unwrap_or(0).min(len);
    let max: usize = q.get("maxResults").and_then(|m| m.parse().ok()).unwrap_or(100).min(size).max(1);
    let to = (from + max).min(len);
    (from, to, (to < len).then(|| to.to_string()))
}

async fn list(State(s): State<Shared>, headers: HeaderMap, Query(q): Query<HashMap<String, String>>) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    g.count("list");
    let after_ms = q
        .get("q")
        .and_then(|q| q.strip_prefix("after:"))
        .and_then(|t| t.parse::<i64>().ok())
        .map_or(i64::MIN, |t| t * 1000);
    // Newest first, as Gmail lists.
    let mut hits: Vec<&Stored> = g.messages.iter().filter(|m| m.internal_date_ms > after_ms).collect();
    hits.sort_by(|a, b| b.internal_date_ms.cmp(&a.internal_date_ms).then(b.id.cmp(&a.id)));
    let (from, to, next) = page(&q, hits.len(), g.page_size);
    let messages: Vec<Value> = hits[from..to].iter().map(|m| json!({"id": m.id, "threadId": m.thread_id})).collect();
    let mut body = json!({"resultSizeEstimate": hits.len()});
    if !messages.is_empty() {
        body["messages"] = json!(messages);
    }
    if let Some(n) = next {
        body["nextPageToken"] = json!(n);
    }
    Json(body).into_response()
}

async fn message(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    g.count("get");
    if q.get("format").map(String::as_str) != Some("raw") {
        return google_error(
            StatusCode::BAD_REQUEST,
            "only format=raw is served here",
            "invalidArgument",
            "INVALID_ARGUMENT",
        );
    }
    let Some(m) = g.messages.iter().find(|m| m.id == id) else {
        return google_error(StatusCode::NOT_FOUND, "Requested entity was not found.", "notFound", "NOT_FOUND");
    };
    Json(json!({"id": m.id, "threadId": m.thread_id, "labelIds": m.labels, "snippet": "",
        "historyId": m.history_id.to_string(), "internalDate": m.internal_date_ms.to_string(),
        "sizeEstimate": m.raw.len(), "raw": URL_SAFE.encode(&m.raw)}))
    .into_response()
}

async fn history(State(s): State<Shared>, headers: HeaderMap, Query(q): Query<HashMap<String, String>>) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    g.count("history");
    let Some(start) = q.get("startHistoryId").and_then(|h| h.parse::<u64>().ok()) else {
        return google_error(StatusCode::BAD_REQUEST, "Invalid startHistoryId", "invalidArgument", "INVALID_ARGUMENT");
    };
    if start < g.oldest_history {
        return google_error(StatusCode::NOT_FOUND, "Requested entity was not found.", "notFound", "NOT_FOUND");
    }
    let added: Vec<&Stored> = g.messages.iter().filter(|m| m.history_id > start).collect();
    let (from, to, next) = page(&q, added.len(), g.page_size);
    let records: Vec<Value> = added[from..to]
        .iter()
        .map(|m| {
            let r = json!({"id": m.id, "threadId": m.thread_id, "labelIds": m.labels});
            json!({"id": m.history_id.to_string(), "messages": [{"id": m.id, "threadId": m.thread_id}],
                "messagesAdded": [{"message": r}]})
        })
        .collect();
    let mut body = json!({"historyId": g.history_id.to_string()});
    if !records.is_empty() {
        body["history"] = json!(records);
    }
    if let Some(n) = next {
        body["nextPageToken"] = json!(n);
    }
    Json(body).into_response()
}

async fn send(State(s): State<Shared>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    g.count("send");
    let raw = body.get("raw").and_then(Value::as_str).unwrap_or_default();
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(raw.trim_end_matches('=')) else {
        return google_error(
            StatusCode::BAD_REQUEST,
            "Invalid value for ByteString",
            "invalidArgument",
            "INVALID_ARGUMENT",
        );
    };
    if bytes.is_empty() {
        return google_error(
            StatusCode::BAD_REQUEST,
            "'raw' RFC822 payload message string",
            "invalidArgument",
            "INVALID_ARGUMENT",
        );
    }
    let thread = body.get("threadId").and_then(Value::as_str).map(str::to_owned);
    g.sent.push(bytes.clone());
    let (id, thread_id) = g.store(bytes, thread, chrono::Utc::now().timestamp_millis(), vec!["SENT".into()]);
    Json(json!({"id": id, "threadId": thread_id, "labelIds": ["SENT"]})).into_response()
}
