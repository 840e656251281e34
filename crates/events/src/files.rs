//! Events published by the `files` domain. Every event names the engagement the
//! file belongs to, so the timeline files it under that engagement.

use atrium_kernel::typed_id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::agreements::EngagementId;
use crate::{EventType, Facets, event};

typed_id!(
    /// A file (all of its versions).
    FileId
);

/// One version of a file, as events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileVersionState {
    pub file_id: FileId,
    pub engagement_id: EngagementId,
    /// The file's name.
    pub name: String,
    pub version: i32,
    pub size: i64,
    /// Hex SHA-256 of the bytes.
    pub sha256: String,
    /// Sniffed from the bytes, not taken from the client.
    pub media_type: String,
    pub uploaded_at: DateTime<Utc>,
}

impl FileVersionState {
    fn facets(&self, summary: String) -> Facets {
        Facets {
            engagement_id: Some(self.engagement_id.into()),
            label: Some(self.name.clone()),
            summary: Some(summary),
            ..Facets::default()
        }
    }
}

/// `files.file.uploaded`: a new file with its first version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileUploaded {
    #[serde(flatten)]
    pub version: FileVersionState,
    /// `internal` or `client`.
    pub visibility: String,
    pub attached_type: Option<String>,
    pub attached_id: Option<uuid::Uuid>,
}

/// `files.version.added`: a new version became current.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileVersionAdded {
    #[serde(flatten)]
    pub version: FileVersionState,
}

/// `files.version.restored`: an older version became current again, as a new version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileVersionRestored {
    #[serde(flatten)]
    pub version: FileVersionState,
    /// The version whose bytes the new one carries.
    pub restored_from: i32,
}

/// `files.file.deleted`: a file was marked deleted (restorable during the retention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileDeleted {
    pub id: FileId,
    pub engagement_id: EngagementId,
    pub name: String,
    pub deleted_at: DateTime<Utc>,
}

event!(FileUploaded, "files.file.uploaded", "file", "A file was uploaded under an engagement.",
    |e| e.version.file_id, facets: |e| e.version.facets(format!("File “{}” uploaded", e.version.name)));
event!(FileVersionAdded, "files.version.added", "file", "A new version of a file was uploaded.",
    |e| e.version.file_id,
    facets: |e| e.version.facets(format!("Version {} of “{}” uploaded", e.version.version, e.version.name)));
event!(FileVersionRestored, "files.version.restored", "file", "An older version of a file was made current again.",
    |e| e.version.file_id,
    facets: |e| e.version.facets(format!("“{}” restored to version {}", e.version.name, e.restored_from)));
event!(FileDeleted, "files.file.deleted", "file", "A file was deleted (restorable for the retention period).",
    |e| e.id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.name.clone()),
        summary: Some(format!("File “{}” deleted", e.name)),
        ..Facets::default()
    });

/// `files.file.restored`: an admin brought a deleted file back within the retention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FileRestored {
    pub id: FileId,
    pub engagement_id: EngagementId,
    pub name: String,
}

event!(FileRestored, "files.file.restored", "file", "A deleted file was restored by an admin.",
    |e| e.id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.name.clone()),
        summary: Some(format!("File “{}” restored", e.name)),
        ..Facets::default()
    });

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<FileUploaded>(),
        EventType::of::<FileVersionAdded>(),
        EventType::of::<FileVersionRestored>(),
        EventType::of::<FileDeleted>(),
        EventType::of::<FileRestored>(),
    ]
}
