use atrium_kernel::{AppError, Email, Principal, Role, Text, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::OrganizationOut;

// The email is checked by the validator (with `Email::parse`) rather than while
// deserializing, so a bad email and a short password are reported together.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "ada@example.com", "password": "correct horse battery", "name": "Ada Lovelace"}))]
pub struct SignupIn {
    #[schema(value_type = String, format = Email, min_length = 3, max_length = 254)]
    #[validate(custom(function = "email_rule"))]
    pub email: String,
    /// Kept exactly as typed (not trimmed).
    #[schema(min_length = 10, max_length = 128)]
    #[validate(length(min = 10, max = 128))]
    pub password: String,
    #[schema(inline)]
    pub name: Text<200>,
    /// Name of the first organization; defaults to "<name>'s organization".
    #[schema(inline)]
    pub organization_name: Option<Text<200>>,
}

impl SignupIn {
    /// The validated email.
    pub fn email(&self) -> Result<Email, AppError> {
        Email::parse(&self.email).map_err(|problem| AppError::invalid("email", problem))
    }
}

fn email_rule(raw: &str) -> Result<(), validator::ValidationError> {
    Email::parse(raw)
        .map(|_| ())
        .map_err(|problem| validator::ValidationError::new("email").with_message(problem.into()))
}

/// The email is not checked for shape: an unknown or malformed one reads like a
/// wrong password (401), so logins cannot probe which accounts exist.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "ada@example.com", "password": "correct horse battery"}))]
pub struct LoginIn {
    #[schema(inline)]
    pub email: Text<320>,
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
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

/// A session: the token is returned once here and also set as an HttpOnly cookie.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuthOut {
    /// Send as `Authorization: Bearer <token>`.
    #[schema(example = "atr_s_4J0bHk3n1m3yF2y2b0X5Zl9pY1m2Q3r4S5t6U7v8W9x")]
    pub token: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
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
