//! The Gmail API calls the sync and the sender make (REST, v1): the profile
//! (address and current `historyId`), `users.messages.list` with `q=after:`,
//! `users.history.list` from a `historyId`, `users.messages.get?format=raw`
//! and `users.messages.send`.

use base64::Engine;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ProviderError, Session};

/// Scopes asked for: read the mailbox, send as the user.
pub(crate) const SCOPES: &[&str] =
    &["https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/gmail.send"];

/// A message as lists and history name it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MessageRef {
    pub id: String,
    pub thread_id: Option<String>,
    #[serde(default)]
    pub label_ids: Vec<String>,
}

pub(crate) struct Profile {
    pub email_address: String,
    pub history_id: String,
}

/// One page of ids and the token of the next (with the history's newest id).
pub(crate) struct Page {
    pub messages: Vec<MessageRef>,
    pub next_page_token: Option<String>,
    pub history_id: Option<String>,
}

pub(crate) struct Raw {
    pub thread_id: Option<String>,
    pub bytes: Vec<u8>,
    pub internal_date: Option<chrono::DateTime<chrono::Utc>>,
}

fn users(base: &str, path: &str) -> String {
    format!("{}/gmail/v1/users/me/{path}", base.trim_end_matches('/'))
}

fn parse<T: serde::de::DeserializeOwned>(api: &str, v: Value) -> Result<T, ProviderError> {
    serde_json::from_value(v).map_err(|e| ProviderError::Refused(format!("{api} answered an unexpected body: {e}")))
}

/// A `historyId` arrives as a string; older clients saw numbers.
fn id_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub(crate) async fn profile(s: &mut Session<'_>, base: &str) -> Result<Profile, ProviderError> {
    let url = users(base, "profile");
    let v = s.call("users.getProfile", |http, token| http.get(&url).bearer_auth(token)).await?;
    let email_address = v.get("emailAddress").and_then(Value::as_str).unwrap_or_default().to_lowercase();
    let history_id = id_string(v.get("historyId"))
        .ok_or_else(|| ProviderError::Refused("users.getProfile answered no historyId".into()))?;
    Ok(Profile { email_address, history_id })
}

/// Messages received after `after` (Unix seconds), newest first, a page at a time.
pub(crate) async fn list(
    s: &mut Session<'_>,
    base: &str,
    after: i64,
    page_token: Option<&str>,
) -> Result<Page, ProviderError> {
    let url = users(base, "messages");
    let q = format!("after:{after}");
    let v = s
        .call("users.messages.list", |http, token| {
            let mut r = http.get(&url).bearer_auth(token).query(&[("q", q.as_str()), ("maxResults", "500")]);
            if let Some(p) = page_token {
                r = r.query(&[("pageToken", p)]);
            }
            r
        })
        .await?;
    let messages = match v.get("messages") {
        Some(m) => parse("users.messages.list", m.clone())?,
        None => Vec::new(),
    };
    Ok(Page {
        messages,
        next_page_token: v.get("nextPageToken").and_then(Value::as_str).map(str::to_owned),
        history_id: None,
    })
}

/// Messages added since `start` (a 404 means the history is gone: resync).
pub(crate) async fn history(
    s: &mut Session<'_>,
    base: &str,
    start: &str,
    page_token: Option<&str>,
) -> Result<Page, ProviderError> {
    let url = users(base, "history");
    let v = s
        .call("users.history.list", |http, token| {
            let mut r = http.get(&url).bearer_auth(token).query(&[
                ("startHistoryId", start),
                ("historyTypes", "messageAdded"),
                ("maxResults", "500"),
            ]);
            if let Some(p) = page_token {
                r = r.query(&[("pageToken", p)]);
            }
            r
        })
        .await?;
    let mut messages = Vec::new();
    for h in v.get("history").and_then(Value::as_array).into_iter().flatten() {
        for added in h.get("messagesAdded").and_then(Value::as_array).into_iter().flatten() {
            if let Some(m) = added.get("message") {
                messages.push(parse::<MessageRef>("users.history.list", m.clone())?);
            }
        }
    }
    Ok(Page {
        messages,
        next_page_token: v.get("nextPageToken").and_then(Value::as_str).map(str::to_owned),
        history_id: id_string(v.get("historyId")),
    })
}

/// The whole RFC 5322 message.
pub(crate) async fn raw(s: &mut Session<'_>, base: &str, id: &str) -> Result<Raw, ProviderError> {
    let url = users(base, &format!("messages/{id}"));
    let v = s
        .call("users.messages.get", |http, token| http.get(&url).bearer_auth(token).query(&[("format", "raw")]))
        .await?;
    let encoded = v.get("raw").and_then(Value::as_str).unwrap_or_default();
    let trimmed = encoded.trim_end_matches('=');
    let bytes = URL_SAFE_NO_PAD
        .decode(trimmed)
        .map_err(|e| ProviderError::Refused(format!("users.messages.get: raw is not base64url: {e}")))?;
    let internal_date = v
        .get("internalDate")
        .and_then(|d| d.as_str().and_then(|s| s.parse::<i64>().ok()).or_else(|| d.as_i64()))
        .and_then(chrono::DateTime::from_timestamp_millis);
    Ok(Raw { thread_id: v.get("threadId").and_then(Value::as_str).map(str::to_owned), bytes, internal_date })
}

/// Sends the RFC 5322 message as is (its `Message-ID` kept); answers Gmail's
/// (id, threadId).
pub(crate) async fn send(
    s: &mut Session<'_>,
    base: &str,
    message: &[u8],
    thread_id: Option<&str>,
) -> Result<MessageRef, ProviderError> {
    let url = users(base, "messages/send");
    let mut body = json!({"raw": URL_SAFE.encode(message)});
    if let Some(t) = thread_id {
        body["threadId"] = json!(t);
    }
    let v = s.call("users.messages.send", |http, token| http.post(&url).bearer_auth(token).json(&body)).await?;
    parse("users.messages.send", v)
}
