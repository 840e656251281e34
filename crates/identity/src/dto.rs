//! Wire types of the identity API.

use atrium_kernel::{ApiKeyId, OrganizationId, Principal, Role, UserId, typed_id};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

typed_id!(
    /// A membership of a user in an organization.
    MemberId
);
typed_id!(
    /// An invitation to join an organization.
    InvitationId
);

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "ada@example.com", "password": "correct horse battery", "name": "Ada Lovelace"}))]
pub struct SignupIn {
    #[schema(max_length = 320)]
    #[validate(email, length(max = 320))]
    pub email: String,
    #[schema(min_length = 10, max_length = 128)]
    #[validate(length(min = 10, max = 128))]
    pub password: String,
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Name of the first organization; defaults to "<name>'s organization".
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub organization_name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "ada@example.com", "password": "correct horse battery"}))]
pub struct LoginIn {
    #[schema(min_length = 1, max_length = 320)]
    #[validate(length(min = 1, max = 320))]
    pub email: String,
    #[schema(min_length = 1, max_length = 128)]
    #[validate(length(min = 1, max = 128))]
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UserOut {
    pub id: UserId,
    #[schema(example = "ada@example.com")]
    pub email: String,
    #[schema(example = "Ada Lovelace")]
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrganizationOut {
    pub id: OrganizationId,
    #[schema(example = "Analytical Engines Ltd")]
    pub name: String,
    #[schema(example = "analytical-engines")]
    pub slug: String,
    pub created_at: DateTime<Utc>,
}

/// A session: the token is returned once here and also set as an HttpOnly cookie.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuthOut {
    /// Send as `Authorization: Bearer <token>`.
    #[schema(example = "atr_s_4J0bHk3n1m3yF2y2b0X5Zl9pY1m2Q3r4S5t6U7v8W9x")]
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user: UserOut,
    pub organization: OrganizationOut,
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MeOut {
    pub principal: Principal,
    /// The signed-in user; absent when the caller is an API key.
    pub user: Option<UserOut>,
    /// The active organization.
    pub organization: OrganizationOut,
    pub role: Role,
}

/// An organization the caller belongs to, with the caller's role in it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MembershipOut {
    pub organization: OrganizationOut,
    pub role: Role,
    /// True for the session's active organization.
    pub active: bool,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Analytical Engines Ltd", "slug": "analytical-engines"}))]
pub struct OrganizationIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Lower-case letters, digits and single dashes; generated from the name when absent.
    #[schema(min_length = 3, max_length = 80)]
    #[validate(length(min = 3, max = 80), custom(function = "crate::dto::validate_slug"))]
    pub slug: Option<String>,
}

pub(crate) fn validate_slug(slug: &str) -> Result<(), validator::ValidationError> {
    let ok = slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("slug")
            .with_message("must be lower-case letters, digits and single dashes".into()))
    }
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"organization_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"}))]
pub struct SwitchOrganizationIn {
    pub organization_id: OrganizationId,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MemberOut {
    pub id: MemberId,
    pub user_id: UserId,
    #[schema(example = "ada@example.com")]
    pub email: String,
    #[schema(example = "Ada Lovelace")]
    pub name: String,
    pub role: Role,
    /// Increments on every change; send it back in `If-Match`.
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"role": "admin"}))]
pub struct MemberPatch {
    pub role: Role,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "grace@example.com", "role": "member"}))]
pub struct InvitationIn {
    #[schema(max_length = 320)]
    #[validate(email, length(max = 320))]
    pub email: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Revoked,
    Expired,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InvitationOut {
    pub id: InvitationId,
    #[schema(example = "grace@example.com")]
    pub email: String,
    pub role: Role,
    pub status: InvitationStatus,
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

/// The invitation token is shown only in this response; send it to the invitee.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InvitationCreatedOut {
    pub invitation: InvitationOut,
    #[schema(example = "atr_i_Zl9pY1m2Q3r4S5t6U7v8W9x4J0bHk3n1m3yF2y2b0X5")]
    pub token: String,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"token": "atr_i_Zl9pY1m2Q3r4S5t6U7v8W9x4J0bHk3n1m3yF2y2b0X5"}))]
pub struct AcceptInvitationIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub token: String,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "ledger sync", "role": "member"}))]
pub struct ApiKeyIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Any role but `owner`.
    #[validate(custom(function = "crate::dto::validate_key_role"))]
    pub role: Role,
}

pub(crate) fn validate_key_role(role: &Role) -> Result<(), validator::ValidationError> {
    if *role == Role::Owner {
        return Err(validator::ValidationError::new("role").with_message("an API key cannot be an owner".into()));
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApiKeyOut {
    pub id: ApiKeyId,
    #[schema(example = "ledger sync")]
    pub name: String,
    /// First characters of the secret, to recognize a key.
    #[schema(example = "atr_k_4J0bHk")]
    pub prefix: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The secret is shown only in this response; store it now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApiKeyCreatedOut {
    pub api_key: ApiKeyOut,
    #[schema(example = "atr_k_4J0bHk3n1m3yF2y2b0X5Zl9pY1m2Q3r4S5t6U7v8W9x")]
    pub secret: String,
}
