//! A local stand-in for the Microsoft identity platform (v2.0 authorize and
//! token endpoints, PKCE S256 checked, client secret in the form body, refresh
//! tokens rotated on refresh) and Microsoft Graph v1.0 mail, started per test on
//! a free loopback port, following Microsoft's documented shapes: `/me`,
//! `/me/mailFolders/{inbox|sentitems}/messages/delta` (`$filter=receivedDateTime
//! ge …` on the first round, `@odata.nextLink` pages by `$skiptoken`, a final
//! `@odata.deltaLink` by `$deltatoken`, 410 `syncStateNotFound` once a state is
//! forgotten), `/me/messages/{id}/$value` (MIME) and `/me/sendMail` (MIME in
//! base64, 202).
//!
//! Switches a test flips: access tokens expired (401), refresh tokens revoked
//! (400 `invalid_grant`), the next N calls 429 with `Retry-After`, delta states forgotten,
//! the next authorization declined (`error=access_denied`), issued codes expired.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub const CLIENT_ID: &str = "6731de76-14a6-49ae-97bc-6eba6914391e";
pub const CLIENT_SECRET: &str = "graph-test-secret~0123456789";

struct Stored {
    id: String,
    conversation_id: String,
    folder: String,
    raw: Vec<u8>,
    received: chrono::DateTime<chrono::Utc>,
    seq: u64,
}

#[derive(Default)]
struct Inner {
    base: String,
    email: String,
    messages: Vec<Stored>,
    seq: u64,
    /// Delta tokens below this answer 410.
    oldest_state: u64,
    next_id: u64,
    codes: HashMap<String, (String, String)>,
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
        folder: &str,
        conversation: Option<String>,
        received: chrono::DateTime<chrono::Utc>,
    ) -> (String, String) {
        let id = self.fresh("AAMkAGI2TG93AAA=");
        let conversation_id = conversation.unwrap_or_else(|| format!("AAQkAGI2{}", self.next_id));
        self.seq += 1;
        let seq = self.seq;
        self.messages.push(Stored {
            id: id.clone(),
            conversation_id: conversation_id.clone(),
            folder: folder.into(),
            raw,
            received,
            seq,
        });
        (id, conversation_id)
    }
}

type Shared = Arc<Mutex<Inner>>;

fn lock(s: &Shared) -> MutexGuard<'_, Inner> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

pub struct FakeGraph {
    /// `http://127.0.0.1:<port>`: Graph at `/v1.0`, the identity platform at `/common/oauth2/v2.0`.
    pub base: String,
    inner: Shared,
}

fn graph_error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({"error": {"code": code, "message": message,
        "innerError": {"date": chrono::Utc::now().to_rfc3339(), "request-id": "00000000-0000-0000-0000-000000000000"}}})))
        .into_response()
}

fn oauth_error(error: &str, description: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({"error": error, "error_description": description, "error_codes": [70000]})))
        .into_response()
}

impl FakeGraph {
    /// Serves the mailbox of `email` on a free loopback port.
    pub async fn start(email: &str) -> FakeGraph {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind fake graph");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let inner: Shared = Arc::new(Mutex::new(Inner {
            base: base.clone(),
            email: email.to_owned(),
            page_size: 100,
            ..Inner::default()
        }));
        let app = Router::new()
            .route("/common/oauth2/v2.0/authorize", get(authorize))
            .route("/common/oauth2/v2.0/token", post(token))
            .route("/v1.0/me", get(me))
            .route("/v1.0/me/mailFolders/{folder}/messages/delta", get(delta))
            .route("/v1.0/me/messages/{id}/$value", get(value))
            .route("/v1.0/me/sendMail", post(send_mail))
            .with_state(inner.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeGraph { base, inner }
    }

    pub fn auth_url(&self) -> String {
        format!("{}/common/oauth2/v2.0/authorize", self.base)
    }

    pub fn token_url(&self) -> String {
        format!("{}/common/oauth2/v2.0/token", self.base)
    }

    /// Delivers `raw` into the inbox, received `age` ago, in `conversation` (a
    /// new one when `None`); answers (message id, conversation id).
    pub fn deliver(&self, raw: &[u8], conversation: Option<&str>, age: chrono::Duration) -> (String, String) {
        lock(&self.inner).store(raw.to_vec(), "inbox", conversation.map(str::to_owned), chrono::Utc::now() - age)
    }

    /// Delta pages hold at most this many messages.
    pub fn set_page_size(&self, n: usize) {
        lock(&self.inner).page_size = n.max(1);
    }

    pub fn expire_access_tokens(&self) {
        lock(&self.inner).access_tokens.clear();
    }

    pub fn revoke_refresh_tokens(&self) {
        let mut g = lock(&self.inner);
        g.refresh_tokens.clear();
        g.access_tokens.clear();
    }

    pub fn rate_limit(&self, calls: u32, retry_after_secs: u64) {
        let mut g = lock(&self.inner);
        g.rate_limited = calls;
        g.retry_after_secs = retry_after_secs;
    }

    /// Every delta link issued so far answers 410 `syncStateNotFound`.
    pub fn forget_delta_states(&self) {
        let mut g = lock(&self.inner);
        g.oldest_state = g.seq + 1;
    }

    /// The MIME messages `/me/sendMail` accepted.
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

    /// How often `what` was called: `exchange`, `refresh`, `delta`, `value`, `send`.
    pub fn calls(&self, what: &str) -> u32 {
        lock(&self.inner).counts.iter().find(|(k, _)| **k == what).map_or(0, |(_, n)| *n)
    }
}

async fn authorize(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    if get("client_id") != CLIENT_ID {
        return (StatusCode::BAD_REQUEST, "AADSTS700016: application not found").into_response();
    }
    if get("response_type") != "code" || get("code_challenge_method") != "S256" || get("code_challenge").is_empty() {
        return (StatusCode::BAD_REQUEST, "AADSTS9002325: PKCE S256 is required").into_response();
    }
    if !get("scope").split(' ').any(|s| s == "offline_access") {
        return (StatusCode::BAD_REQUEST, "offline_access is required for a refresh token").into_response();
    }
    let mut g = lock(&s);
    if std::mem::take(&mut g.deny_next) {
        let mut to = url::Url::parse(&get("redirect_uri")).expect("redirect_uri is a URL");
        to.query_pairs_mut()
            .append_pair("error", "access_denied")
            .append_pair("error_description", "The user denied access")
            .append_pair("state", &get("state"));
        return (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response();
    }
    let code = g.fresh("0.AXoA");
    g.codes.insert(code.clone(), (get("code_challenge"), get("redirect_uri")));
    let mut to = url::Url::parse(&get("redirect_uri")).expect("redirect_uri is a URL");
    to.query_pairs_mut().append_pair("code", &code).append_pair("state", &get("state"));
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response()
}

fn issue(g: &mut Inner) -> Response {
    let access = g.fresh("eyJ0eXAiOiJKV1Qi.");
    let refresh = g.fresh("M.C5_BAY.");
    g.access_tokens.insert(access.clone());
    g.refresh_tokens.insert(refresh.clone());
    Json(json!({"token_type": "Bearer", "scope": "User.Read Mail.Read Mail.Send", "expires_in": 3599,
        "ext_expires_in": 3599, "access_token": access, "refresh_token": refresh}))
    .into_response()
}

async fn token(State(s): State<Shared>, Form(f): Form<HashMap<String, String>>) -> Response {
    if f.get("client_id").map(String::as_str) != Some(CLIENT_ID)
        || f.get("client_secret").map(String::as_str) != Some(CLIENT_SECRET)
    {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error": "invalid_client",
            "error_description": "AADSTS7000215: Invalid client secret provided."})),
        )
            .into_response();
    }
    let mut g = lock(&s);
    match f.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            g.count("exchange");
            let Some((challenge, redirect)) = g.codes.remove(f.get("code").map_or("", String::as_str)) else {
                return oauth_error("invalid_grant", "AADSTS70000: The provided authorization code is invalid.");
            };
            let verifier = f.get("code_verifier").cloned().unwrap_or_default();
            if f.get("redirect_uri") != Some(&redirect)
                || URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) != challenge
            {
                return oauth_error(
                    "invalid_grant",
                    "AADSTS501481: The Code_Verifier does not match the code_challenge.",
                );
            }
            issue(&mut g)
        }
        Some("refresh_token") => {
            g.count("refresh");
            if !g.refresh_tokens.contains(f.get("refresh_token").map_or("", String::as_str)) {
                return oauth_error("invalid_grant", "AADSTS70008: The refresh token has expired or been revoked.");
            }
            issue(&mut g)
        }
        _ => oauth_error("unsupported_grant_type", "AADSTS70003"),
    }
}

fn gate(g: &mut Inner, headers: &HeaderMap) -> Option<Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !g.access_tokens.contains(token) {
        return Some(graph_error(
            StatusCode::UNAUTHORIZED,
            "InvalidAuthenticationToken",
            "Access token has expired or is not yet valid.",
        ));
    }
    if g.rate_limited > 0 {
        g.rate_limited -= 1;
        let mut r = graph_error(
            StatusCode::TOO_MANY_REQUESTS,
            "ApplicationThrottled",
            "Application is over its MailboxConcurrency limit.",
        );
        r.headers_mut().insert(header::RETRY_AFTER, g.retry_after_secs.to_string().parse().expect("header value"));
        return Some(r);
    }
    None
}

async fn me(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    Json(json!({"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "displayName": "Ada", "mail": g.email,
        "userPrincipalName": g.email}))
    .into_response()
}

/// `$skiptoken` is `<watermark>.<offset>` of the round; `$deltatoken` is the
/// watermark the round ended at.
async fn delta(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(folder): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    g.count("delta");
    let link = |token: &str, v: String| format!("{}/v1.0/me/mailFolders/{folder}/messages/delta?{token}={v}", g.base);
    let (after, since, offset) = if let Some(d) = q.get("$deltatoken") {
        let Ok(w) = d.parse::<u64>() else {
            return graph_error(StatusCode::BAD_REQUEST, "BadRequest", "bad $deltatoken");
        };
        if w < g.oldest_state {
            return graph_error(StatusCode::GONE, "syncStateNotFound", "The sync state generation is not found.");
        }
        (w, None, 0usize)
    } else if let Some(t) = q.get("$skiptoken") {
        let mut parts = t.split('.');
        let w: u64 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        let since: i64 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(i64::MIN);
        let offset: usize = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        (w, Some(since), offset)
    } else {
        let since = q
            .get("$filter")
            .and_then(|f| f.strip_prefix("receivedDateTime ge "))
            .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
            .map_or(i64::MIN, |d| d.timestamp());
        (0, Some(since), 0)
    };
    let since_ts = since.unwrap_or(i64::MIN);
    // A round started now sees everything up to now; later arrivals come in the next round.
    let hits: Vec<&Stored> = g
        .messages
        .iter()
        .filter(|m| m.folder == folder && m.seq > after && m.received.timestamp() >= since_ts)
        .collect();
    let watermark = g.seq;
    let end = (offset + g.page_size).min(hits.len());
    let value: Vec<Value> = hits[offset.min(end)..end]
        .iter()
        .map(|m| {
            json!({"@odata.type": "#microsoft.graph.message", "id": m.id, "conversationId": m.conversation_id,
            "receivedDateTime": m.received.to_rfc3339()})
        })
        .collect();
    let mut body = json!({"@odata.context": format!("{}/v1.0/$metadata#Collection(message)", g.base), "value": value});
    if end < hits.len() {
        body["@odata.nextLink"] = json!(link("$skiptoken", format!("{after}.{since_ts}.{end}")));
    } else {
        body["@odata.deltaLink"] = json!(link("$deltatoken", watermark.to_string()));
    }
    Json(body).into_response()
}

async fn value(State(s): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    g.count("value");
    match g.messages.iter().find(|m| m.id == id) {
        Some(m) => ([(header::CONTENT_TYPE, "text/plain")], m.raw.clone()).into_response(),
        None => {
            graph_error(StatusCode::NOT_FOUND, "ErrorItemNotFound", "The specified object was not found in the store.")
        }
    }
}

async fn send_mail(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let mut g = lock(&s);
    if let Some(r) = gate(&mut g, &headers) {
        return r;
    }
    g.count("send");
    if headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) != Some("text/plain") {
        return graph_error(
            StatusCode::BAD_REQUEST,
            "ErrorMimeContentInvalid",
            "MIME content must be text/plain base64",
        );
    }
    let text: String = String::from_utf8_lossy(&body).split_whitespace().collect();
    let Ok(raw) = STANDARD.decode(text) else {
        return graph_error(
            StatusCode::BAD_REQUEST,
            "ErrorMimeContentInvalidBase64String",
            "Invalid base64 string for MIME content.",
        );
    };
    g.sent.push(raw.clone());
    g.store(raw, "sentitems", None, chrono::Utc::now());
    StatusCode::ACCEPTED.into_response()
}
