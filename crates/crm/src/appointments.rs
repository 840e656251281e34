//! The one path that creates a contact outside CRM's routes: a booking (an
//! `appointment.booked` event, acted on by the organization's default workflow
//! rule) names a person; if no live contact of the organization has that email,
//! CRM creates one (and the company, when a company name is given and none of
//! that name exists). Redelivery is harmless: the second time the email exists.

use atrium_events::crm::{AppointmentBooked, Source};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrganizationId};

use crate::dto::{ClientCompanyId, CompanyName, ContactId, ContactIn, Name};
use crate::service::CrmService;
use crate::service::companies::company_named;
use crate::service::contacts::{insert_contact, live_contact_by_email};

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

impl CrmService {
    /// Makes the person of a booking a contact unless the email is known. Work
    /// without a caller (a workflow run): it takes the organization and the
    /// `actor` its events name (`system:workflow:<run>`) instead of an `OrgCtx`.
    #[tracing::instrument(skip_all, fields(org_id = %org))]
    pub async fn contact_from_booking(
        &self,
        org: OrganizationId,
        actor: &str,
        booking: &AppointmentBooked,
    ) -> Result<BookingOutcome, AppError> {
        let (first_name, last_name) = split_name(booking.name.as_deref().unwrap_or_default(), booking.email.as_str())?;
        let company_name = company_name(booking.company.as_deref())?;
        let normalized = booking.email.normalized();
        let txn = begin_write(&self.db).await?;
        if let Some(existing) = live_contact_by_email(&txn, org, &normalized).await? {
            return Ok(BookingOutcome::Known(existing.id.into()));
        }
        let now = self.clock.now();
        let company = match company_name {
            None => None,
            Some(name) => Some(company_named(&txn, org, actor, Source::AppointmentBooked, name, now).await?),
        };
        let input = ContactIn {
            client_company_id: company,
            email: Some(booking.email.clone()),
            ..ContactIn::named(first_name, last_name)
        };
        let created = insert_contact(&txn, org, actor, input, now, Some(Source::AppointmentBooked)).await;
        // A concurrent booking of the same person won the race: nothing to do (the
        // transaction, and the company it may have created, is dropped).
        if let Err(AppError::Conflict { .. }) = &created
            && let Some(holder) = live_contact_by_email(&txn, org, &normalized).await?
        {
            return Ok(BookingOutcome::Known(holder.id.into()));
        }
        let contact = created?.id;
        txn.commit().await?;
        Ok(BookingOutcome::Created { contact, company })
    }
}

/// "Ada King Lovelace" → ("Ada", "King Lovelace"); no name → the email's local
/// part. Each part is cut to the column's length, then parsed like API input.
fn split_name(name: &str, email: &str) -> Result<(Name, Option<Name>), AppError> {
    let cut = |s: &str| s.chars().take(100).collect::<String>();
    let parse = |s: &str| Name::parse(&cut(s)).map_err(|e| AppError::invalid("data.name", e));
    let mut words = name.split_whitespace();
    match words.next() {
        Some(first) => {
            let rest = words.collect::<Vec<_>>().join(" ");
            Ok((parse(first)?, if rest.is_empty() { None } else { Some(parse(&rest)?) }))
        }
        None => Ok((parse(email.split('@').next().unwrap_or(email))?, None)),
    }
}

/// The company a booking names, if any, cut to the column's length.
fn company_name(raw: Option<&str>) -> Result<Option<CompanyName>, AppError> {
    match raw.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(name) => CompanyName::parse(&name.chars().take(200).collect::<String>())
            .map(Some)
            .map_err(|e| AppError::invalid("data.company", e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(name: &str, email: &str) -> (String, Option<String>) {
        let (first, last) = split_name(name, email).expect("valid name");
        (first.into_inner(), last.map(|l| l.into_inner()))
    }

    #[test]
    fn names_split_into_first_and_rest() {
        assert_eq!(names(" Ada  King Lovelace ", "a@x.io"), ("Ada".into(), Some("King Lovelace".into())));
        assert_eq!(names("", "grace@x.io"), ("grace".into(), None));
        assert_eq!(names(&"a".repeat(300), "a@x.io").0.len(), 100, "cut to the column");
        assert!(split_name("Ada\0", "a@x.io").is_err());
        assert_eq!(company_name(Some("   ")).ok(), Some(None));
    }
}
