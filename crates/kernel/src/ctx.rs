//! `OrgCtx`: who is acting and for which organization. It comes only from the
//! session or API key (the gateway's auth layer puts it in the request), never from
//! a path, query or body, and every service method takes it first.

use std::fmt;
use std::str::FromStr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::AppError;
use crate::typed_id;

typed_id!(
    /// An organization (tenant).
    OrganizationId
);
typed_id!(
    /// A user account.
    UserId
);
typed_id!(
    /// An organization API key.
    ApiKeyId
);

/// A member's role in an organization, from most to least powerful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Owner,
    Admin,
    Member,
    /// Reads everything, writes only billing (invoices, payments, bills, vendors).
    Billing,
    /// Reads everything, writes nothing.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Owner, Role::Admin, Role::Member, Role::Billing, Role::Viewer];

    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
            Role::Billing => "billing",
            Role::Viewer => "viewer",
        }
    }

    /// Owners and admins manage members, invitations and API keys.
    pub fn manages_organization(&self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }

    /// May create and change the organization's business records.
    pub fn writes_records(&self) -> bool {
        matches!(self, Role::Owner | Role::Admin | Role::Member)
    }

    /// May log time (a member only their own).
    pub fn logs_time(&self) -> bool {
        !matches!(self, Role::Viewer)
    }

    /// May create and change billing records.
    pub fn writes_billing(&self) -> bool {
        matches!(self, Role::Owner | Role::Admin | Role::Billing)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| AppError::internal(format!("unknown role `{s}` in storage")))
    }
}

/// Who is acting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Principal {
    User(UserId),
    ApiKey(ApiKeyId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgCtx {
    pub org_id: OrganizationId,
    pub principal: Principal,
    pub role: Role,
}

impl OrgCtx {
    pub fn user_id(&self) -> Option<UserId> {
        match self.principal {
            Principal::User(id) => Some(id),
            Principal::ApiKey(_) => None,
        }
    }

    /// A short actor label for events and logs: `user:<id>` or `api_key:<id>`.
    pub fn actor(&self) -> String {
        match self.principal {
            Principal::User(id) => format!("user:{id}"),
            Principal::ApiKey(id) => format!("api_key:{id}"),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for OrgCtx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<OrgCtx>().copied().ok_or(AppError::Unauthenticated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_capabilities() {
        assert!(Role::Owner.manages_organization() && Role::Admin.manages_organization());
        assert!(!Role::Member.manages_organization());
        assert!(!Role::Viewer.writes_records() && !Role::Viewer.writes_billing());
        assert!(!Role::Billing.writes_records() && Role::Billing.writes_billing());
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().ok(), Some(r));
        }
        assert!("root".parse::<Role>().is_err());
    }
}
