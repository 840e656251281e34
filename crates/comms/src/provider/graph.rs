//! The Microsoft Graph calls (v1.0) the sync and the sender make: `/me` (the
//! mailbox's address), `/me/mailFolders/{folder}/messages/delta` followed by
//! `@odata.nextLink` until `@odata.deltaLink`, `/me/messages/{id}/$value` (the
//! raw MIME) and `/me/sendMail` with a MIME body.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use serde_json::Value;

use super::{ProviderError, Session};

/// Scopes asked for: a refresh token, the user's address, read mail, send mail.
pub(crate) const SCOPES: &[&str] = &["offline_access", "User.Read", "Mail.Read", "Mail.Send"];

/// The folders synced: received and sent mail.
pub(crate) const FOLDERS: &[&str] = &["inbox", "sentitems"];

/// Messages a delta page holds at most.
const PAGE_SIZE: &str = "odata.maxpagesize=100";

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Item {
    pub id: String,
    pub conversation_id: Option<String>,
    /// Present when the message left the folder.
    #[serde(rename = "@removed")]
    pub removed: Option<Value>,
}

/// One delta page: its messages, and the link to the next page or, on the last,
/// the delta link to keep.
pub(crate) struct DeltaPage {
    pub items: Vec<Item>,
    pub next_link: Option<String>,
    pub delta_link: Option<String>,
}

fn root(base: &str) -> String {
    format!("{}/v1.0", base.trim_end_matches('/'))
}

/// The mailbox's own address (`mail`, else the sign-in name).
pub(crate) async fn me(s: &mut Session<'_>, base: &str) -> Result<String, ProviderError> {
    let url = format!("{}/me", root(base));
    let v = s.call("GET /me", |http, token| http.get(&url).bearer_auth(token)).await?;
    let mail = v.get("mail").and_then(Value::as_str).filter(|m| !m.is_empty());
    let upn = v.get("userPrincipalName").and_then(Value::as_str);
    Ok(mail.or(upn).unwrap_or_default().to_lowercase())
}

/// The first delta request of `folder`: messages received since `since`.
pub(crate) fn initial_link(base: &str, folder: &str, since: chrono::DateTime<chrono::Utc>) -> String {
    let mut url = match url::Url::parse(&format!("{}/me/mailFolders/{folder}/messages/delta", root(base))) {
        Ok(u) => u,
        Err(_) => return format!("{}/me/mailFolders/{folder}/messages/delta", root(base)),
    };
    url.query_pairs_mut()
        .append_pair("$select", "id,conversationId,receivedDateTime")
        .append_pair("$filter", &format!("receivedDateTime ge {}", since.format("%Y-%m-%dT%H:%M:%SZ")));
    url.into()
}

/// One page of a delta round; `link` is the initial request, a `nextLink` or a
/// stored `deltaLink` (a 410 — the state is gone — is [`ProviderError::NotFound`]).
pub(crate) async fn delta(s: &mut Session<'_>, base: &str, link: &str) -> Result<DeltaPage, ProviderError> {
    // Links come back from Graph; they must still point at the configured API.
    if !link.starts_with(&root(base)) {
        return Err(ProviderError::Refused(format!("delta link outside the Graph API: {link}")));
    }
    let v =
        s.call("messages/delta", |http, token| http.get(link).bearer_auth(token).header("Prefer", PAGE_SIZE)).await?;
    let items = match v.get("value") {
        Some(items) => serde_json::from_value(items.clone())
            .map_err(|e| ProviderError::Refused(format!("messages/delta answered an unexpected body: {e}")))?,
        None => Vec::new(),
    };
    Ok(DeltaPage {
        items,
        next_link: v.get("@odata.nextLink").and_then(Value::as_str).map(str::to_owned),
        delta_link: v.get("@odata.deltaLink").and_then(Value::as_str).map(str::to_owned),
    })
}

/// The message's MIME content.
pub(crate) async fn raw(s: &mut Session<'_>, base: &str, id: &str) -> Result<Vec<u8>, ProviderError> {
    let url = format!("{}/me/messages/{id}/$value", root(base));
    s.call_raw("GET /me/messages/{id}/$value", |http, token| http.get(&url).bearer_auth(token)).await
}

/// Sends the RFC 5322 message as MIME (base64, `text/plain`), its `Message-ID` kept.
pub(crate) async fn send(s: &mut Session<'_>, base: &str, message: &[u8]) -> Result<(), ProviderError> {
    let url = format!("{}/me/sendMail", root(base));
    let body = STANDARD.encode(message);
    s.call_raw("POST /me/sendMail", |http, token| {
        http.post(&url).bearer_auth(token).header(reqwest::header::CONTENT_TYPE, "text/plain").body(body.clone())
    })
    .await?;
    Ok(())
}
