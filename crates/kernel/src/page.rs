//! Keyset pagination. Lists are ordered by their UUIDv7 id, which sorts by creation
//! time, so a page boundary is stable under concurrent inserts. The cursor is opaque
//! and tamper-evident: the last id seen plus an HMAC under the server's secret.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::error::AppError;

pub const DEFAULT_LIMIT: u64 = 50;
pub const MAX_LIMIT: u64 = 200;
const TAG_LEN: usize = 16;

/// Signs and checks cursors. The gateway derives it from the server secret and
/// hands it to every request as an extension.
///
/// It holds the HMAC already keyed: keying hashes the key's inner and outer blocks,
/// half of the work of signing a 16-byte cursor, and every list page signs one.
#[derive(Clone)]
pub struct CursorKey(Arc<Hmac<Sha256>>);

impl CursorKey {
    pub fn derive(secret: &[u8]) -> Self {
        let mut mac = mac_with(secret);
        mac.update(b"atrium cursor key v1");
        let key: [u8; 32] = mac.finalize().into_bytes().into();
        Self(Arc::new(mac_with(&key)))
    }

    pub fn encode(&self, after: Uuid) -> String {
        self.encode_bytes(after.as_bytes())
    }

    pub fn decode(&self, cursor: &str) -> Option<Uuid> {
        Uuid::from_slice(&self.decode_bytes(cursor, 16)?).ok()
    }

    /// A cursor over a numeric position (e.g. the change feed's).
    pub fn encode_position(&self, position: i64) -> String {
        self.encode_bytes(&position.to_be_bytes())
    }

    pub fn decode_position(&self, cursor: &str) -> Option<i64> {
        let raw: [u8; 8] = self.decode_bytes(cursor, 8)?.try_into().ok()?;
        Some(i64::from_be_bytes(raw))
    }

    fn encode_bytes(&self, payload: &[u8]) -> String {
        let mut buf = payload.to_vec();
        buf.extend_from_slice(&self.tag(payload));
        URL_SAFE_NO_PAD.encode(buf)
    }

    fn decode_bytes(&self, cursor: &str, len: usize) -> Option<Vec<u8>> {
        let raw = URL_SAFE_NO_PAD.decode(cursor).ok()?;
        if raw.len() != len + TAG_LEN {
            return None;
        }
        let (payload, tag) = raw.split_at(len);
        let mut mac = Hmac::clone(&self.0);
        mac.update(payload);
        mac.verify_truncated_left(tag).ok()?;
        Some(payload.to_vec())
    }

    fn tag(&self, data: &[u8]) -> [u8; TAG_LEN] {
        let mut mac = Hmac::clone(&self.0);
        mac.update(data);
        let full = mac.finalize().into_bytes();
        let mut out = [0u8; TAG_LEN];
        out.copy_from_slice(&full[..TAG_LEN]);
        out
    }
}

fn mac_with(key: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length, so this cannot fail.
    <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("hmac takes any key length"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
}

/// What a service needs to fetch one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: u64,
    pub after: Option<Uuid>,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self { limit: DEFAULT_LIMIT, after: None }
    }
}

impl PageRequest {
    pub fn first(limit: u64) -> Self {
        Self { limit, after: None }
    }

    /// Adds the keyset condition, order and `limit + 1` (to learn whether a next page exists).
    pub fn apply<Q, C>(&self, query: Q, id_column: C, order: SortOrder) -> Q
    where
        Q: QueryFilter + QueryOrder + QuerySelect,
        C: ColumnTrait,
    {
        let query = match (self.after, order) {
            (Some(after), SortOrder::Asc) => query.filter(id_column.gt(after)),
            (Some(after), SortOrder::Desc) => query.filter(id_column.lt(after)),
            (None, _) => query,
        };
        let query = match order {
            SortOrder::Asc => query.order_by_asc(id_column),
            SortOrder::Desc => query.order_by_desc(id_column),
        };
        query.limit(self.limit + 1)
    }
}

/// One page of domain rows and the id to continue after.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_after: Option<Uuid>,
}

impl<T> Page<T> {
    /// Builds a page from rows fetched with [`PageRequest::apply`] (`limit + 1` rows).
    pub fn from_rows(mut rows: Vec<T>, req: &PageRequest, id_of: impl Fn(&T) -> Uuid) -> Self {
        let has_more = rows.len() as u64 > req.limit;
        rows.truncate(req.limit as usize);
        let next_after = if has_more { rows.last().map(id_of) } else { None };
        Self { items: rows, next_after }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next_after: self.next_after }
    }
}

/// A page on the wire.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PageOut<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    #[schema(example = "AZNvDnwafT6aSz8uHQybig7xM2yqdfXvYR2zbYtqCg8")]
    pub next_cursor: Option<String>,
}

/// A page is its own response: serialized into a buffer sized for its items up front
/// (`Json` starts at 128 bytes and doubles, copying a 15 KB page about seven times).
///
/// `sonic-rs` writes it: the same JSON as `serde_json` (a unit test holds them
/// byte-equal) with its strings scanned for escapes 32 bytes at a time and every
/// piece written into reserved space. `serde_json` scans each byte of every key and
/// value through its escape table and writes a page in some 4,000 pieces; under
/// callgrind those were about a fifth of an uncached list request (bench/RESULTS.md).
impl<T: Serialize> axum::response::IntoResponse for PageOut<T> {
    fn into_response(self) -> axum::response::Response {
        const PER_ITEM: usize = 384;
        let mut buf = Vec::with_capacity(64 + self.items.len() * PER_ITEM);
        match sonic_rs::to_writer(&mut buf, &self) {
            Ok(()) => ([(axum::http::header::CONTENT_TYPE, "application/json")], buf).into_response(),
            Err(e) => AppError::Internal(format!("serializing a page: {e}")).into_response(),
        }
    }
}

/// `limit` and `cursor` query parameters.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size, 1–200 (default 50).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 200, example = 50)]
    pub limit: Option<String>,
    /// Opaque cursor from the previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// Extracts and checks `limit` and `cursor`; other query parameters are left to
/// the handler's own filter type.
#[derive(Clone)]
pub struct PageQuery {
    request: PageRequest,
    key: CursorKey,
}

impl PageQuery {
    pub fn request(&self) -> PageRequest {
        self.request
    }

    pub fn respond<T, U>(&self, page: Page<T>, f: impl FnMut(T) -> U) -> PageOut<U> {
        PageOut {
            items: page.items.into_iter().map(f).collect(),
            next_cursor: page.next_after.map(|id| self.key.encode(id)),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PageQuery {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let key = parts
            .extensions
            .get::<CursorKey>()
            .cloned()
            .ok_or_else(|| AppError::internal("CursorKey extension is not installed"))?;
        let query = parts.uri.query().unwrap_or_default();
        let params: PageParams =
            serde_urlencoded::from_str(query).map_err(|e| AppError::BadRequest(format!("query string: {e}")))?;
        let mut errors = Vec::new();
        let limit = match params.limit.as_deref().filter(|l| !l.is_empty()) {
            None => DEFAULT_LIMIT,
            Some(raw) => match raw.parse::<u64>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    errors.push(crate::FieldError::new("limit", format!("must be an integer from 1 to {MAX_LIMIT}")));
                    DEFAULT_LIMIT
                }
            },
        };
        let after = match params.cursor.as_deref() {
            None | Some("") => None,
            Some(raw) => {
                let decoded = key.decode(raw);
                if decoded.is_none() {
                    errors.push(crate::FieldError::new("cursor", "is not a cursor issued by this server"));
                }
                decoded
            }
        };
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(Self { request: PageRequest { limit, after }, key })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_tampering() {
        let key = CursorKey::derive(b"secret");
        let id = Uuid::now_v7();
        let cursor = key.encode(id);
        assert_eq!(key.decode(&cursor), Some(id));

        let mut raw = URL_SAFE_NO_PAD.decode(&cursor).expect("base64");
        raw[3] ^= 1;
        assert_eq!(key.decode(&URL_SAFE_NO_PAD.encode(&raw)), None, "flipped id bit");
        assert_eq!(CursorKey::derive(b"other").decode(&cursor), None, "other key");
        assert_eq!(key.decode("garbage!"), None);
        assert_eq!(key.decode_position(&key.encode_position(42)), Some(42));
        assert_eq!(key.decode_position(&cursor), None, "a uuid cursor is not a position cursor");
    }

    #[test]
    fn cursors_keep_their_format() {
        // As earlier releases issued them (HMAC-SHA256 truncated to 16 bytes, computed
        // apart from this code): a client holding one across an upgrade goes on from it.
        let key = CursorKey::derive(b"secret");
        let id = Uuid::from_u128(0x0193_6f0e_7c1a_7d3e_9a4b_3f2e_1d0c_9b8a);
        assert_eq!(key.encode(id), "AZNvDnwafT6aSz8uHQybij67dE6AqKsC5HC8K9WbtoU");
        assert_eq!(key.encode_position(42), "AAAAAAAAACryE0x0FwI1aEFBXbkRXZZQ");
    }

    #[test]
    fn page_from_rows_detects_more() {
        let req = PageRequest::first(2);
        let ids: Vec<Uuid> = (0..3).map(|_| Uuid::now_v7()).collect();
        let page = Page::from_rows(ids.clone(), &req, |id| *id);
        assert_eq!(page.items, ids[..2]);
        assert_eq!(page.next_after, Some(ids[1]));
        let last = Page::from_rows(ids[..2].to_vec(), &req, |id| *id);
        assert_eq!(last.next_after, None);
    }

    #[tokio::test]
    async fn a_page_answers_the_json_serde_json_writes() {
        use axum::response::IntoResponse;
        // Escapes (every control character among them), non-ASCII text, strings
        // longer than one 32-byte block, numbers of each kind, nesting and nulls.
        let controls: String = (0u8..0x20).map(char::from).chain(['"', '\\', '/', '\u{7f}']).collect();
        let long = "Ωmega \"quoted\" ".repeat(9);
        let items = vec![
            serde_json::json!({"a": 1, "name": "Zoë \"Q\" \u{1}", "ok": true, "none": null}),
            serde_json::json!({"xy": [1.5, -2, 0.1, 1e300, -0.0, 12345678901234567890u64], "s": ""}),
            serde_json::json!({"controls": controls, "long": long, "nested": {"k": [{"z": "😀"}]}}),
        ];
        let page = PageOut { items, next_cursor: Some("c".into()) };
        let expected = serde_json::to_vec(&page).expect("json");
        let response = page.into_response();
        assert_eq!(response.headers()[axum::http::header::CONTENT_TYPE], "application/json");
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        assert_eq!(String::from_utf8_lossy(&body), String::from_utf8_lossy(&expected));
    }
}
