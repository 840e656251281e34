//! The one path that creates a contact outside CRM's routes: an
//! `appointment.booked` event (from a booking integration or a workflow) names a
//! person; if no live contact of the organization has that email, CRM creates one
//! (and the company, when a company name is given and none of that name exists).
//! Redelivery is harmless: the second time the email already exists.

use std::sync::Arc;

use async_trait::async_trait;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Clock, OrganizationId};
use atrium_outbox::{DeliveryError, Event, Subscriber};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use crate::dto::{ClientCompanyId, ContactId, ContactIn};
use crate::service::companies::company_named;
use crate::service::contacts::{insert_contact, live_contact_by_email};
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
        if let Some(existing) = live_contact_by_email(&txn, org, &normalized).await?.map(|c| c.id) {
            return Ok(BookingOutcome::Known(existing.into()));
        }
        let now = self.clock.now();
        let company = match booking.company.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(name) => Some(company_named(&txn, org, ACTOR, APPOINTMENT_BOOKED, name, now).await?),
        };
        let (first_name, last_name) = split_name(booking.name.as_deref().unwrap_or_default(), &email);
        let input = ContactIn {
            client_company_id: company.map(Into::into),
            first_name,
            last_name,
            email: Some(email),
            phone: None,
            title: None,
        };
        let out = match insert_contact(&txn, org, ACTOR, input, now, Some(APPOINTMENT_BOOKED)).await {
            Ok(out) => out,
            // A concurrent booking of the same person won the race: nothing to do.
            Err(AppError::Conflict { .. }) => {
                drop(txn);
                let existing = live_contact_by_email(&self.db, org, &normalized).await?.map(|c| c.id);
                return existing
                    .map(|id| BookingOutcome::Known(id.into()))
                    .ok_or_else(|| AppError::internal("contact vanished after a unique violation"));
            }
            Err(e) => return Err(e),
        };
        let id = out.id;
        txn.commit().await?;
        Ok(BookingOutcome::Created { contact: id, company: company.map(Into::into) })
    }
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
