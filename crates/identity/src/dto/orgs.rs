use atrium_kernel::{OrganizationId, Role, Text, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::MemberId;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct OrganizationOut {
    pub id: OrganizationId,
    #[schema(example = "Analytical Engines Ltd")]
    pub name: String,
    #[schema(example = "analytical-engines")]
    pub slug: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
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
    #[schema(inline)]
    pub name: Text<200>,
    /// Lower-case letters, digits and single dashes; generated from the name when absent.
    #[schema(min_length = 3, max_length = 80)]
    #[validate(length(min = 3, max = 80), custom(function = "validate_slug"))]
    pub slug: Option<String>,
}

fn validate_slug(slug: &str) -> Result<(), validator::ValidationError> {
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
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"role": "admin"}))]
pub struct MemberPatch {
    pub role: Role,
}
