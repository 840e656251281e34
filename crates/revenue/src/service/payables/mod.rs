//! Payables: vendors, bills with their lines, approval rules and the route each
//! bill gets when submitted, and payments made against bills. Every method takes
//! the caller's `OrgCtx` first, reads and writes only that organization's rows,
//! and publishes its typed event in the same transaction as the change.

mod approvals;
mod attachments;
pub(crate) mod bills;
mod payments;
mod rules;
pub(crate) mod vendors;
pub(crate) mod view;

use std::sync::Arc;

use atrium_kernel::Clock;
use atrium_kernel::vault::ColumnVault;
use sea_orm::DatabaseConnection;

use crate::ports::{BillFiles, Engagements, Members};

#[derive(Clone)]
pub struct PayablesService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    engagements: Arc<dyn Engagements>,
    members: Arc<dyn Members>,
    /// The files domain, for attachments.
    files: Arc<dyn BillFiles>,
    /// Seals and opens vendors' tax ids.
    tax_ids: ColumnVault,
}

impl PayablesService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        engagements: Arc<dyn Engagements>,
        members: Arc<dyn Members>,
        files: Arc<dyn BillFiles>,
        tax_ids: ColumnVault,
    ) -> Self {
        Self { db, clock, engagements, members, files, tax_ids }
    }
}
