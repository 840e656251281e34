//! The rules every organization starts with, created the first time one is
//! needed (its first booking) and once only: an admin may edit, disable or
//! delete them like any rule, and a deleted default stays deleted.
//!
//! The golden-record rule "a booked appointment creates the contact" was a
//! built-in CRM subscriber; as a default rule the organization can change it.

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Clock, OrganizationId, Text};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait};
use serde_json::{Value, json};

use super::rules::insert_rule;
use crate::dto::{ActionSpec, WorkflowRuleIn};
use crate::entity::defaults;

/// Who saved the default rules (and the actor of their creation event).
pub const DEFAULTS_ACTOR: &str = "system:workflow:defaults";

/// The trigger of a default rule: the engine makes sure the defaults exist
/// before it runs rules on an event of this type.
pub const DEFAULT_TRIGGERS: &[&str] = &["appointment.booked"];

fn booking_rule() -> Result<WorkflowRuleIn, AppError> {
    Ok(WorkflowRuleIn {
        name: Text::parse("Create a contact for each booked appointment").map_err(AppError::internal)?,
        enabled: Some(true),
        trigger: "appointment.booked".into(),
        conditions: Value::Null,
        actions: vec![ActionSpec::CreateContact {
            email: "{{ data.email }}".into(),
            name: Some("{{ data.name }}".into()),
            company: Some("{{ data.company }}".into()),
        }],
    })
}

/// Creates the organization's default rules unless they were created before.
pub(crate) async fn ensure_defaults(
    db: &DatabaseConnection,
    clock: &dyn Clock,
    org: OrganizationId,
) -> Result<(), AppError> {
    let now = clock.now();
    let txn = begin_write(db).await?;
    let marker = defaults::ActiveModel { organization_id: Set(org.into_uuid()), seeded_at: Set(now) };
    let inserted = defaults::Entity::insert(marker)
        .on_conflict(OnConflict::column(defaults::Column::OrganizationId).do_nothing().to_owned())
        .exec_without_returning(&txn)
        .await;
    match inserted {
        Ok(0) | Err(DbErr::RecordNotInserted) => return Ok(()),
        Ok(_) => {}
        Err(e) => return Err(e.into()),
    }
    insert_rule(&txn, org, DEFAULTS_ACTOR, booking_rule()?, now).await?;
    txn.commit().await?;
    tracing::info!(org_id = %org, rules = %json!(["appointment.booked → create_contact"]), "default workflow rules created");
    Ok(())
}
