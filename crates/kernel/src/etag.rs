//! Optimistic locking: single-resource GETs send `ETag: "<version>"`; PATCH and
//! DELETE may send `If-Match`, and a stale one is a 409.

use axum::extract::FromRequestParts;
use axum::http::{HeaderValue, header, request::Parts};

use crate::error::AppError;

pub fn etag_header(version: i32) -> (header::HeaderName, HeaderValue) {
    let value = HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""));
    (header::ETAG, value)
}

/// The version a client expects, from `If-Match`; `None` when absent or `*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IfMatch(pub Option<i32>);

impl IfMatch {
    /// 409 when the client expected another version than the stored one.
    pub fn check(&self, current: i32) -> Result<(), AppError> {
        match self.0 {
            Some(expected) if expected != current => Err(AppError::Conflict {
                detail: format!("If-Match is stale: the resource is at version {current}, not {expected}"),
                existing_id: None,
            }),
            _ => Ok(()),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let Some(raw) = parts.headers.get(header::IF_MATCH) else {
            return Ok(Self(None));
        };
        let bad = || AppError::BadRequest("If-Match must be an ETag from this API, e.g. \"3\"".into());
        let s = raw.to_str().map_err(|_| bad())?.trim();
        if s == "*" {
            return Ok(Self(None));
        }
        let s = s.strip_prefix("W/").unwrap_or(s);
        let inner = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).ok_or_else(bad)?;
        inner.parse().map(|v| Self(Some(v))).map_err(|_| bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_version_conflicts() {
        assert!(IfMatch(None).check(4).is_ok());
        assert!(IfMatch(Some(4)).check(4).is_ok());
        assert_eq!(IfMatch(Some(3)).check(4).err().map(|e| e.status().as_u16()), Some(409));
        assert_eq!(etag_header(7).1, "\"7\"");
    }
}
