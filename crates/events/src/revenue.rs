//! Events published by the `revenue` domain: invoices. Projects follows
//! `revenue.invoice.issued` and `revenue.invoice.voided` to mark the time entries
//! an invoice bills.

use atrium_kernel::typed_id;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::agreements::EngagementId;
use crate::projects::TimeEntryId;
use crate::{EventType, Facets, event};

typed_id!(
    /// An invoice.
    InvoiceId
);

/// `revenue.invoice.issued`: an invoice got its number and was sent, billing the
/// time entries it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceIssued {
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    /// The invoice number, e.g. `INV-2026-0042`.
    pub number: String,
    /// The time entries the invoice bills.
    pub time_entry_ids: Vec<TimeEntryId>,
}

/// `revenue.invoice.voided`: an issued invoice was voided; the time it billed is
/// unbilled again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceVoided {
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    pub time_entry_ids: Vec<TimeEntryId>,
}

event!(InvoiceIssued, "revenue.invoice.issued", "invoice", "An invoice was issued under an engagement.",
    |e| e.invoice_id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.number.clone()),
        summary: Some(format!("Invoice {} issued", e.number)),
        ..Facets::default()
    });
event!(InvoiceVoided, "revenue.invoice.voided", "invoice", "An issued invoice was voided.",
    |e| e.invoice_id, facets: |e| Facets { engagement_id: Some(e.engagement_id.into()), ..Facets::default() });

pub fn catalog() -> Vec<EventType> {
    vec![EventType::of::<InvoiceIssued>(), EventType::of::<InvoiceVoided>()]
}
