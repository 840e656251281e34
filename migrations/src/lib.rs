//! Versioned schema migrations. One file per change, named
//! `mYYYYMMDD_HHMMSS_<domain>_<change>.rs`; each is portable across SQLite and
//! PostgreSQL (sea-query builders, enums stored as text with a CHECK).

pub use sea_orm_migration::prelude::*;

mod common;
mod m20261125_000001_identity_create_tables;
mod m20261125_000002_outbox_create_tables;
mod m20261125_000003_timeline_create_activity_events;
mod m20261125_000004_webhooks_create_tables;
mod m20261125_000005_outbox_scheduled_jobs;
mod m20261125_000006_gateway_idempotency_keys;
mod m20261125_000007_crm_create_tables;
mod m20261125_000008_agreements_create_tables;
mod m20261125_000009_projects_create_tables;
mod m20261125_000010_timeline_engagement_links;
mod m20261202_000001_gateway_idempotency_leases;
mod m20261202_000002_webhooks_sealed_secrets;
mod m20261203_000001_crm_list_indexes;
mod m20261203_000001_files_create_tables;
mod m20261207_000001_identity_oidc;
mod m20261207_000001_projects_time_tracking;
mod m20261207_000002_revenue_create_tables;
mod m20261207_100000_revenue_invoice_schedules;
mod m20261207_110000_revenue_report_indexes;
mod m20261207_120000_projects_member_capacities;
mod m20261207_130000_revenue_reminders;
mod m20261207_140000_comms_create_tables;
mod m20261207_140000_revenue_payables;
mod m20261207_150000_comms_sending;
mod m20261207_150000_outbox_dispatch_indexes;
mod m20261208_100000_revenue_ledger;
mod m20261209_100000_comms_oauth;
mod m20261209_110000_revenue_bill_payment_reversal;
mod m20261209_120000_workflow_create_tables;
mod m20261209_130000_portal_create_tables;
mod m20261210_100001_timeline_activity_refs;
mod m20261210_110000_comms_message_attachments;
mod m20261211_100000_revenue_bill_attachments;
mod m20261211_110000_revenue_ledger_link_removals;
mod m20261212_100000_workflow_booking_endpoints;
mod m20261212_120000_projects_client_visible;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_identity_create_tables::Migration),
            Box::new(m20261125_000002_outbox_create_tables::Migration),
            Box::new(m20261125_000003_timeline_create_activity_events::Migration),
            Box::new(m20261125_000004_webhooks_create_tables::Migration),
            Box::new(m20261125_000005_outbox_scheduled_jobs::Migration),
            Box::new(m20261125_000006_gateway_idempotency_keys::Migration),
            Box::new(m20261125_000007_crm_create_tables::Migration),
            Box::new(m20261125_000008_agreements_create_tables::Migration),
            Box::new(m20261125_000009_projects_create_tables::Migration),
            Box::new(m20261125_000010_timeline_engagement_links::Migration),
            Box::new(m20261202_000001_gateway_idempotency_leases::Migration),
            Box::new(m20261202_000002_webhooks_sealed_secrets::Migration),
            Box::new(m20261203_000001_crm_list_indexes::Migration),
            Box::new(m20261203_000001_files_create_tables::Migration),
            Box::new(m20261207_000001_identity_oidc::Migration),
            Box::new(m20261207_000001_projects_time_tracking::Migration),
            Box::new(m20261207_000002_revenue_create_tables::Migration),
            Box::new(m20261207_100000_revenue_invoice_schedules::Migration),
            Box::new(m20261207_120000_projects_member_capacities::Migration),
            Box::new(m20261207_130000_revenue_reminders::Migration),
            Box::new(m20261207_110000_revenue_report_indexes::Migration),
            Box::new(m20261207_140000_revenue_payables::Migration),
            Box::new(m20261207_140000_comms_create_tables::Migration),
            Box::new(m20261207_150000_comms_sending::Migration),
            Box::new(m20261207_150000_outbox_dispatch_indexes::Migration),
            Box::new(m20261208_100000_revenue_ledger::Migration),
            Box::new(m20261209_100000_comms_oauth::Migration),
            Box::new(m20261209_110000_revenue_bill_payment_reversal::Migration),
            Box::new(m20261209_120000_workflow_create_tables::Migration),
            Box::new(m20261209_130000_portal_create_tables::Migration),
            Box::new(m20261210_110000_comms_message_attachments::Migration),
            Box::new(m20261210_100001_timeline_activity_refs::Migration),
            Box::new(m20261211_100000_revenue_bill_attachments::Migration),
            Box::new(m20261211_110000_revenue_ledger_link_removals::Migration),
            Box::new(m20261212_100000_workflow_booking_endpoints::Migration),
            Box::new(m20261212_120000_projects_client_visible::Migration),
        ]
    }
}
