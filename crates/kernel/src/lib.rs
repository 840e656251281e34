//! The vocabulary every Atrium crate shares: typed ids, money, keyset pagination,
//! problem+json errors, validated input, the organization context and the clock.

pub mod api;
pub mod auth;
pub mod client_ip;
pub mod clock;
pub mod ctx;
pub mod db;
pub mod error;
pub mod etag;
pub mod id;
pub mod input;
pub mod money;
pub mod page;
pub mod patch;
pub mod rate;
pub mod row;
pub mod tenant;
pub mod text;
pub mod vault;
pub mod wire;

pub use api::{ApiDocs, ApiRouter};
pub use auth::{AnyRole, Authorized, LogTime, ManageOrg, Requirement, WriteBilling, WriteRecords};
pub use client_ip::ClientIp;
pub use clock::{Clock, FrozenClock, SystemClock};
pub use ctx::{ApiKeyId, OrgCtx, OrganizationId, Principal, Role, UserId};
pub use error::{AppError, FieldError, Problem};
pub use etag::{IfMatch, etag_header};
pub use input::{ValidatedJson, ValidatedQuery};
pub use money::{Currency, Money};
pub use page::{CursorKey, Page, PageOut, PageParams, PageQuery, PageRequest, SortOrder};
pub use patch::Patch;
pub use rate::{Decision, LimiterUnavailable, Quota, RateLimiter};
pub use tenant::{Scoped, TenantEntity};
pub use text::{Date, Email, Phone, Text, Timestamp};
pub use vault::Vault;

/// Re-exports used by [`typed_id!`] so callers need no extra dependencies.
#[doc(hidden)]
pub mod reexport {
    pub use serde;
    pub use serde_json;
    pub use utoipa;
    pub use uuid as uuid_error;
    pub use uuid::Uuid;
}
