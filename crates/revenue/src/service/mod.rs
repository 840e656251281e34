//! The revenue service: every method takes the caller's `OrgCtx` first, reads and
//! writes only that organization's rows, and publishes its typed event in the same
//! transaction as the change.

mod credit_notes;
mod invoices;
mod lines;
mod numbers;
mod payments;
mod rates;
mod settings;
mod view;

use std::sync::Arc;

use atrium_kernel::Clock;
use sea_orm::DatabaseConnection;

use crate::ports::Engagements;

pub use numbers::{CREDIT_NOTE_SERIES, INVOICE_SERIES};

#[derive(Clone)]
pub struct RevenueService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    engagements: Arc<dyn Engagements>,
}

impl RevenueService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, engagements: Arc<dyn Engagements>) -> Self {
        Self { db, clock, engagements }
    }

    fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }
}

/// Names of the fields whose value differs between two states.
macro_rules! changed {
    ($before:expr, $after:expr; $($field:ident),+ $(,)?) => {{
        let (before, after) = (&$before, &$after);
        let mut changed = Vec::new();
        $(if before.$field != after.$field {
            changed.push(stringify!($field).to_owned());
        })+
        changed
    }};
}
pub(crate) use changed;
