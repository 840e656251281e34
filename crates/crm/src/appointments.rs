//! The one path that creates a contact outside CRM's routes: an
//! `appointment.booked` event (from a booking integration or a workflow) names a
//! person; if no live contact of the organization has that email, CRM creates one
//! (and the company, when a company name is given and none of that name exists).
//! Redelivery is harmless: the second time the email already exists.

use async_trait::async_trait;
use atrium_kernel::db::begin_write;
use atrium_kernel::error::is_unique_violation;
use atrium_kernel::{AppError, Clock, OrganizationId};
use atrium_outbox::{DeliveryError, Event, NewEvent, Subscriber, append};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use uuid::Uuid;

use crate::dto::{ClientCompanyId, ContactId};
use crate::entity::contact;
use crate::service::companies::company_named;
use crate::service::contacts::contact_out;
use crate::service::normalize_email;

pub const APPOINTMENT_BOOKED: &str = "appointment.booked";
const ACTOR: &str = "system:crm.appointments";

/// The payload CRM reads from `appointment.booked`.
#[derive(Debug, Deserialize)]
struct Booking {
    email: String,
    name: Option<String>,
    company: Option<String>,
}

pub struct AppointmentSubscriber {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
}

/// What a booking did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingOutcome {
    /// A contact with that email already existed.
    Known(ContactId),
    Created {
        contact: ContactId,
        company: Option<ClientCompanyId>,
    },
}

impl AppointmentSubscriber {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>) -> Self {
        Self { db, clock }
    }

    /// Applies one booking; public so tests and replays can call it directly.
    pub async fn apply(&self, org: OrganizationId, data: &serde_json::Value) -> Result<BookingOutcome, AppError> {
        let booking: Booking = serde_json::from_value(data.clone())
            .map_err(|e| AppError::invalid("data", format!("not an appointment booking: {e}")))?;
        let email = booking.email.trim().to_owned();
        if !validator::ValidateEmail::validate_email(&email) || email.len() > 320 {
            return Err(AppError::invalid("data.email", "must be a valid email address"));
        }
        let normalized = normalize_email(&email);
        let txn = begin_write(&self.db).await?;
        if let Some(existing) = live_contact(&txn, org, &normalized).await? {
            return Ok(BookingOutcome::Known(existing.into()));
        }
        let now = self.clock.now();
        let company = match booking.company.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(name) => Some(company_named(&txn, org, ACTOR, APPOINTMENT_BOOKED, name, now).await?),
        };
        let (first_name, last_name) = split_name(booking.name.as_deref().unwrap_or_default(), &email);
        let row = contact::ActiveModel {
            id: Set(ContactId::new().into_uuid()),
            organization_id: Set(org.into_uuid()),
            client_company_id: Set(company),
            first_name: Set(first_name),
            last_name: Set(last_name),
            email_normalized: Set(Some(normalized.clone())),
            email: Set(Some(email)),
            phone: Set(None),
            phone_normalized: Set(None),
            title: Set(None),
            merged_into_id: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let created = match contact::Entity::insert(row).exec_with_returning(&txn).await {
            Ok(row) => row,
            // A concurrent booking of the same person won the race: nothing to do.
            Err(e) if is_unique_violation(&e) => {
                drop(txn);
                let existing = live_contact(&self.db, org, &normalized).await?;
                return existing
                    .map(|id| BookingOutcome::Known(id.into()))
                    .ok_or_else(|| AppError::internal("contact vanished after a unique violation"));
            }
            Err(e) => return Err(e.into()),
        };
        let out = contact_out(created);
        let id = out.id;
        let mut data = json!(out);
        data["source"] = json!(APPOINTMENT_BOOKED);
        append(&txn, org, ACTOR, now, NewEvent::new("crm.contact.created", "contact", id.into_uuid(), data)).await?;
        txn.commit().await?;
        Ok(BookingOutcome::Created { contact: id, company: company.map(Into::into) })
    }
}

async fn live_contact<C: sea_orm::ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    email_normalized: &str,
) -> Result<Option<Uuid>, AppError> {
    let row = contact::Entity::scoped(org)
        .filter(contact::Column::EmailNormalized.eq(email_normalized))
        .filter(contact::Column::MergedIntoId.is_null())
        .one(conn)
        .await?;
    Ok(row.map(|c| c.id))
}

/// "Ada King Lovelace" → ("Ada", "King Lovelace"); no name → the email's local part.
fn split_name(name: &str, email: &str) -> (String, String) {
    let mut words = name.split_whitespace();
    match words.next() {
        Some(first) => {
            (first.chars().take(100).collect(), words.collect::<Vec<_>>().join(" ").chars().take(100).collect())
        }
        None => (email.split('@').next().unwrap_or(email).chars().take(100).collect(), String::new()),
    }
}

#[async_trait]
impl Subscriber for AppointmentSubscriber {
    fn name(&self) -> &'static str {
        "crm.appointments"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == APPOINTMENT_BOOKED
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        match self.apply(event.org_id, &event.data).await {
            Ok(_) => Ok(()),
            // A malformed booking will not get better with retries, but parking it
            // in dead letters lets an admin see and replay it after a fix.
            Err(e) => Err(DeliveryError::new(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_name;

    #[test]
    fn names_split_into_first_and_rest() {
        assert_eq!(split_name(" Ada  King Lovelace ", "a@x.io"), ("Ada".into(), "King Lovelace".into()));
        assert_eq!(split_name("", "grace@x.io"), ("grace".into(), String::new()));
    }
}
