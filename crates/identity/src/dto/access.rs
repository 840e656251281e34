use atrium_kernel::{ApiKeyId, Email, Role, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::InvitationId;

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "grace@example.com", "role": "member"}))]
pub struct InvitationIn {
    #[schema(inline)]
    pub email: Email,
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
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub expires_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
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
    #[schema(inline)]
    pub name: Text<200>,
    /// Any role but `owner`.
    #[validate(custom(function = "validate_key_role"))]
    pub role: Role,
}

fn validate_key_role(role: &Role) -> Result<(), validator::ValidationError> {
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
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub last_used_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The secret is shown only in this response; store it now.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApiKeyCreatedOut {
    pub api_key: ApiKeyOut,
    #[schema(example = "atr_k_4J0bHk3n1m3yF2y2b0X5Zl9pY1m2Q3r4S5t6U7v8W9x")]
    pub secret: String,
}
