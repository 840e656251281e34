//! Wire types of the files API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub use atrium_events::agreements::EngagementId;
pub use atrium_events::files::FileId;

/// Who may see a file: `internal` (members) or `client` (also the engagement's client contacts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Internal,
    Client,
}

impl DirectUploadIn {
    pub fn meta(&self) -> FileMeta {
        FileMeta {
            engagement_id: self.engagement_id,
            name: self.name.clone(),
            visibility: self.visibility,
            attached_type: self.attached_type.clone(),
            attached_id: self.attached_id,
        }
    }
}

impl Visibility {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Internal => "internal",
            Self::Client => "client",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "internal" => Some(Self::Internal),
            "client" => Some(Self::Client),
            _ => None,
        }
    }
}

/// What a new file is: from the query string of a raw upload, the form fields of a
/// multipart one, or the JSON of a direct upload.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
#[schema(example = json!({"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "contract.pdf", "visibility": "client"}))]
pub struct FileMeta {
    pub engagement_id: Option<EngagementId>,
    /// The file's name (1 to 255 characters); a multipart part's filename otherwise.
    pub name: Option<String>,
    pub visibility: Option<Visibility>,
    /// What the file is attached to, e.g. `task`, `invoice`, `message`.
    pub attached_type: Option<String>,
    pub attached_id: Option<Uuid>,
}

/// A direct upload to the store: declare the bytes, get a presigned PUT.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "video.mp4", "size": 734003200, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "content_type": "video/mp4"}))]
pub struct DirectUploadIn {
    pub engagement_id: Option<EngagementId>,
    pub name: Option<String>,
    pub visibility: Option<Visibility>,
    pub attached_type: Option<String>,
    pub attached_id: Option<Uuid>,
    pub size: u64,
    /// Hex SHA-256 of the bytes; `complete` checks it.
    pub sha256: String,
    /// Bound into the signature; default `application/octet-stream`.
    pub content_type: Option<String>,
}

/// A new version uploaded directly.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({"size": 1024, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}))]
pub struct DirectVersionIn {
    pub size: u64,
    pub sha256: String,
    pub content_type: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DirectUploadOut {
    pub file_id: FileId,
    /// `PUT`
    pub method: String,
    /// Where to PUT the bytes (relative to Atrium for the local store).
    pub url: String,
    /// Headers to send as they are: they are part of the signature.
    pub headers: std::collections::BTreeMap<String, String>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub expires_at: DateTime<Utc>,
    /// `POST` here once the PUT succeeded.
    pub complete_url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct VersionOut {
    pub version: i32,
    pub size: i64,
    pub sha256: String,
    pub media_type: String,
    pub uploaded_by: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileOut {
    pub id: FileId,
    pub engagement_id: EngagementId,
    #[schema(example = "contract.pdf")]
    pub name: String,
    pub visibility: Visibility,
    pub attached_type: Option<String>,
    pub attached_id: Option<Uuid>,
    /// The current version (absent while the first direct upload is pending).
    pub current: Option<VersionOut>,
    pub created_by: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub deleted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, validator::Validate)]
#[into_params(parameter_in = Query)]
pub struct FileFilter {
    pub engagement_id: Option<EngagementId>,
    #[validate(length(min = 1, max = 50))]
    pub attached_type: Option<String>,
    pub attached_id: Option<Uuid>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DownloadQuery {
    /// A version number; default the current one.
    pub version: Option<i32>,
    /// `false`: `Content-Disposition: attachment` (default `true`: inline).
    pub inline: Option<bool>,
    /// `true`: stream the bytes through Atrium (with `Range`) instead of a 302.
    pub stream: Option<bool>,
}

/// What a collector run did (also what `atrium files gc` prints).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct GcReport {
    pub dry_run: bool,
    /// Blobs listed in the store.
    pub scanned: u64,
    /// Unreferenced blobs older than the grace period, deleted (or that would be).
    pub deleted: Vec<String>,
    /// Unreferenced blobs still within the grace period (an upload may be about to reference them).
    pub kept_in_grace: u64,
    /// Versions purged because their file was deleted longer than the retention ago.
    pub purged_versions: u64,
    pub purged_files: u64,
    /// Direct uploads never completed, abandoned after the grace period.
    pub abandoned_uploads: u64,
    /// Version rows whose blob is missing from the store.
    pub missing: Vec<String>,
}
