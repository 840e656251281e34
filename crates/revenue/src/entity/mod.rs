//! The revenue domain's tables. Every one carries `organization_id`; all but the
//! per-organization settings and counters implement the kernel's tenant trait.

pub mod approval_rule;
pub mod bill;
pub mod bill_approval;
pub mod bill_attachment;
pub mod bill_line;
pub mod bill_payment;
pub mod credit_note;
pub mod credit_note_line;
pub mod fx_rate;
pub mod invoice;
pub mod invoice_line;
pub mod invoice_reminder;
pub mod invoice_schedule;
pub mod invoice_schedule_item;
pub mod invoice_schedule_run;
pub mod invoice_time_entry;
pub mod ledger_connection;
pub mod ledger_link;
pub mod ledger_mapping;
pub mod ledger_sync_run;
pub mod number_series;
pub mod payment;
pub mod settings;
pub mod tax_rate;
pub mod vendor;
