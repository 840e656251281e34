//! Who may do what with files — the one place these rules live. Members read by
//! role (a viewer reads, never writes); API keys act for their organization (the
//! scoped queries see to that); client contacts, through [`crate::FileAccess`],
//! see only `client` files of their engagements. Another organization's file is
//! never found at all (404), so it cannot be told apart from a missing one.

use atrium_kernel::{AppError, OrgCtx};

use crate::dto::{EngagementId, Visibility};
use crate::entity::file_object;
use crate::error::FilesError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// List, read metadata, download.
    Read,
    /// Upload, add or restore versions, delete.
    Write,
    /// Bring back a deleted file.
    Administer,
}

pub fn check(ctx: &OrgCtx, action: Action) -> Result<(), AppError> {
    let ok = match action {
        Action::Read => true,
        Action::Write => ctx.role.writes_records(),
        Action::Administer => ctx.role.manages_organization(),
    };
    if ok {
        Ok(())
    } else {
        Err(FilesError::Forbidden(match action {
            Action::Read => "read files",
            Action::Write => "change files (owner, admin or member)",
            Action::Administer => "restore deleted files (owner or admin)",
        })
        .into())
    }
}

/// A client contact sees a file only when it is `client`, not deleted, and of one
/// of their engagements.
pub fn client_may_see(file: &file_object::Model, engagements: &[EngagementId]) -> bool {
    file.deleted_at.is_none()
        && file.current_version > 0
        && Visibility::parse(&file.visibility) == Some(Visibility::Client)
        && engagements.iter().any(|e| e.into_uuid() == file.engagement_id)
}
