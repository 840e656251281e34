//! Events published by the `crm` domain, and `appointment.booked`, which an outside
//! booking integration publishes and CRM consumes.
//!
//! A created or updated payload is the record's state (`CompanyState`,
//! `ContactState`, `DealState`) with the field names webhook consumers have always
//! seen; an update also names the fields that `changed`.

use atrium_kernel::{Email, Money, UserId, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{EventType, Facets, event};

typed_id!(
    /// A client company.
    ClientCompanyId
);
typed_id!(
    /// A contact.
    ContactId
);
typed_id!(
    /// A deal.
    DealId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompanyStatus {
    Lead,
    Active,
    Inactive,
    Archived,
    /// A tombstone left by a merge (read-only).
    Merged,
}

impl CompanyStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::Active => "active",
            Self::Inactive => "inactive",
            Self::Archived => "archived",
            Self::Merged => "merged",
        }
    }

    /// The stored value; anything unknown reads as `lead`, the default.
    pub fn from_stored(s: &str) -> Self {
        match s {
            "active" => Self::Active,
            "inactive" => Self::Inactive,
            "archived" => Self::Archived,
            "merged" => Self::Merged,
            _ => Self::Lead,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DealStage {
    Lead,
    Qualified,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

impl DealStage {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::Qualified => "qualified",
            Self::Proposal => "proposal",
            Self::Negotiation => "negotiation",
            Self::Won => "won",
            Self::Lost => "lost",
        }
    }

    /// The stored value; anything unknown reads as `lead`, the default.
    pub fn from_stored(s: &str) -> Self {
        match s {
            "qualified" => Self::Qualified,
            "proposal" => Self::Proposal,
            "negotiation" => Self::Negotiation,
            "won" => Self::Won,
            "lost" => Self::Lost,
            _ => Self::Lead,
        }
    }
}

/// Where a record came from when it was not created through the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum Source {
    /// Created from an `appointment.booked` event.
    #[serde(rename = "appointment.booked")]
    AppointmentBooked,
    /// Created by a CSV import of contacts.
    #[serde(rename = "csv_import")]
    CsvImport,
}

/// A client company as it is after the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CompanyState {
    pub id: ClientCompanyId,
    pub name: String,
    pub domain: Option<String>,
    pub status: CompanyStatus,
    pub address: Option<String>,
    pub owner_id: Option<UserId>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// Set on a tombstone: the surviving company.
    pub merged_into_id: Option<ClientCompanyId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A contact as it is after the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContactState {
    pub id: ContactId,
    pub client_company_id: Option<ClientCompanyId>,
    pub first_name: String,
    /// Empty when the contact has none.
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub title: Option<String>,
    /// Set on a tombstone: the surviving contact.
    pub merged_into_id: Option<ContactId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ContactState {
    /// "First Last", or the first name alone.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name).trim().to_owned()
    }
}

/// A deal as it is after the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DealState {
    pub id: DealId,
    pub name: String,
    pub stage: DealStage,
    pub value: Option<Money>,
    pub probability: Option<i32>,
    pub expected_close_date: Option<NaiveDate>,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub owner_id: Option<UserId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// `crm.company.created`: the new company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CompanyCreated {
    #[serde(flatten)]
    pub company: CompanyState,
    /// Set when the company did not come from the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// `crm.company.updated`: the company after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CompanyUpdated {
    #[serde(flatten)]
    pub company: CompanyState,
    /// The fields whose value changed, e.g. `["name", "tags"]`.
    pub changed: Vec<String>,
}

/// `crm.company.deleted`: the company and the contacts deleted with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CompanyDeleted {
    pub id: ClientCompanyId,
    pub name: String,
    pub deleted_contact_ids: Vec<ContactId>,
}

/// `crm.company.merged`: duplicates folded into a survivor; they are tombstones now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CompanyMerged {
    pub survivor_id: ClientCompanyId,
    pub merged_ids: Vec<ClientCompanyId>,
    /// Contacts moved to the survivor.
    pub repointed_contacts: u64,
    /// Deals moved to the survivor.
    pub repointed_deals: u64,
}

/// `crm.contact.created`: the new contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContactCreated {
    #[serde(flatten)]
    pub contact: ContactState,
    /// Set when the contact did not come from the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// `crm.contact.updated`: the contact after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContactUpdated {
    #[serde(flatten)]
    pub contact: ContactState,
    /// The fields whose value changed, e.g. `["email"]`.
    pub changed: Vec<String>,
}

/// `crm.contact.deleted`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContactDeleted {
    pub id: ContactId,
    pub email: Option<String>,
    pub client_company_id: Option<ClientCompanyId>,
}

/// `crm.contact.merged`: duplicates folded into a survivor; they are tombstones now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContactMerged {
    pub survivor_id: ContactId,
    pub merged_ids: Vec<ContactId>,
    /// Deals moved to the survivor.
    pub repointed_deals: u64,
}

/// `crm.deal.created`: the new deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DealCreated {
    #[serde(flatten)]
    pub deal: DealState,
}

/// `crm.deal.updated`: the deal after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DealUpdated {
    #[serde(flatten)]
    pub deal: DealState,
    /// The fields whose value changed, e.g. `["stage", "probability"]`.
    pub changed: Vec<String>,
}

/// `crm.deal.deleted`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DealDeleted {
    pub id: DealId,
    pub name: String,
}

/// `crm.deal.stage_changed`: published beside `crm.deal.updated` when the stage moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DealStageChanged {
    pub id: DealId,
    pub name: String,
    pub from: DealStage,
    pub to: DealStage,
}

/// `appointment.booked`: a booking integration (or a workflow) names a person who
/// booked an appointment. CRM makes that person a contact (and the named company a
/// client company) unless the email is already known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AppointmentBooked {
    /// The appointment's id: the booking receipt's when a booking integration
    /// received it (the provider's own id is in `booking`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment_id: Option<Uuid>,
    /// Parsed like every email Atrium takes in: a bad one is refused, not stored.
    // `value_type`, not `inline`: an inlined field with a doc comment is documented
    // as `allOf [string, object]` (juhaku/utoipa#1507).
    #[schema(value_type = String, format = Email, min_length = 3, max_length = 254)]
    pub email: Email,
    /// The person's full name; without one, the email's local part is used.
    #[serde(default)]
    pub name: Option<String>,
    /// A company name: the live company of that name, created when there is none.
    #[serde(default)]
    pub company: Option<String>,
    /// Where the booking came from, when a booking integration received it
    /// (absent on events from before, or published otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<BookingSource>,
}

/// The booking integration that received an appointment, and the provider's own
/// reference to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"provider": "cal_com", "endpoint_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "booking_uid": "bk_9f2c1d", "title": "Intro call", "start_time": "2026-12-14T10:00:00Z"}))]
pub struct BookingSource {
    /// `cal_com` or `calendly`.
    pub provider: String,
    /// The organization's booking endpoint that received it.
    pub endpoint_id: Uuid,
    /// The provider's id of the booking (Cal.com `uid`, Calendly invitee URI).
    pub booking_uid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<DateTime<Utc>>,
}

fn label(s: &str) -> Option<String> {
    Some(s.to_owned())
}

event!(CompanyCreated, "crm.company.created", "client_company", "A client company was created.",
    |e| e.company.id, facets: |e| Facets { label: label(&e.company.name), ..Facets::default() });
event!(CompanyUpdated, "crm.company.updated", "client_company", "A client company was changed.",
    |e| e.company.id, facets: |e| Facets { label: label(&e.company.name), ..Facets::default() });
event!(CompanyDeleted, "crm.company.deleted", "client_company",
    "A client company was deleted, and its contacts with it.",
    |e| e.id, facets: |e| Facets { label: label(&e.name), ..Facets::default() });
event!(CompanyMerged, "crm.company.merged", "client_company",
    "Duplicate client companies were merged into a survivor.",
    |e| e.survivor_id, facets: |e| Facets { merged: Some(e.merged_ids.len()), ..Facets::default() });
event!(ContactCreated, "crm.contact.created", "contact", "A contact was created.",
    |e| e.contact.id, facets: |e| Facets { label: Some(e.contact.full_name()), ..Facets::default() });
event!(ContactUpdated, "crm.contact.updated", "contact", "A contact was changed.",
    |e| e.contact.id, facets: |e| Facets { label: Some(e.contact.full_name()), ..Facets::default() });
event!(ContactDeleted, "crm.contact.deleted", "contact", "A contact was deleted.", |e| e.id);
event!(ContactMerged, "crm.contact.merged", "contact", "Duplicate contacts were merged into a survivor.",
    |e| e.survivor_id, facets: |e| Facets { merged: Some(e.merged_ids.len()), ..Facets::default() });
event!(DealCreated, "crm.deal.created", "deal", "A deal was created.",
    |e| e.deal.id, facets: |e| Facets { label: label(&e.deal.name), ..Facets::default() });
event!(DealUpdated, "crm.deal.updated", "deal", "A deal was changed.",
    |e| e.deal.id, facets: |e| Facets { label: label(&e.deal.name), ..Facets::default() });
event!(DealDeleted, "crm.deal.deleted", "deal", "A deal was deleted.",
    |e| e.id, facets: |e| Facets { label: label(&e.name), ..Facets::default() });
event!(DealStageChanged, "crm.deal.stage_changed", "deal", "A deal moved to another stage.",
|e| e.id, facets: |e| Facets {
    label: label(&e.name),
    transition: Some((e.from.as_str().to_owned(), e.to.as_str().to_owned())),
    ..Facets::default()
});
// Published outside Atrium; an appointment without an id is filed under the nil id.
event!(
    AppointmentBooked,
    "appointment.booked",
    "appointment",
    "An appointment was booked by the person named (published by a booking integration).",
    |e| e.appointment_id.unwrap_or_default()
);

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<CompanyCreated>(),
        EventType::of::<CompanyUpdated>(),
        EventType::of::<CompanyDeleted>(),
        EventType::of::<CompanyMerged>(),
        EventType::of::<ContactCreated>(),
        EventType::of::<ContactUpdated>(),
        EventType::of::<ContactDeleted>(),
        EventType::of::<ContactMerged>(),
        EventType::of::<DealCreated>(),
        EventType::of::<DealUpdated>(),
        EventType::of::<DealDeleted>(),
        EventType::of::<DealStageChanged>(),
        EventType::of::<AppointmentBooked>(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventPayload;

    fn state() -> ContactState {
        let now = Utc::now();
        ContactState {
            id: ContactId::new(),
            client_company_id: None,
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            email: Some("ada@example.com".into()),
            phone: None,
            title: None,
            merged_into_id: None,
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn created_is_the_state_with_an_optional_source() {
        let api = ContactCreated { contact: state(), source: None };
        let json = serde_json::to_value(&api).expect("serialize");
        assert_eq!(json, serde_json::to_value(&api.contact).expect("state"), "flat, no `source` key");
        assert_eq!(serde_json::from_value::<ContactCreated>(json).expect("round trip"), api);
        let booked = ContactCreated { source: Some(Source::AppointmentBooked), ..api.clone() };
        let json = serde_json::to_value(&booked).expect("serialize");
        assert_eq!(json["source"], "appointment.booked");
        assert_eq!(serde_json::from_value::<ContactCreated>(json).expect("round trip"), booked);
        assert_eq!(booked.facets().label.as_deref(), Some("Ada Lovelace"));
    }

    #[test]
    fn stage_changes_carry_their_transition() {
        let e = DealStageChanged {
            id: DealId::new(),
            name: "Relaunch".into(),
            from: DealStage::Qualified,
            to: DealStage::Won,
        };
        let json = serde_json::to_value(&e).expect("serialize");
        assert_eq!((json["from"].as_str(), json["to"].as_str()), (Some("qualified"), Some("won")));
        assert_eq!(e.facets().transition, Some(("qualified".into(), "won".into())));
        assert_eq!(e.aggregate_id(), e.id.into_uuid());
    }

    #[test]
    fn bookings_read_what_integrations_send() {
        let b: AppointmentBooked =
            serde_json::from_value(serde_json::json!({"email": "lin@clinic.example", "name": "Lin Wu"}))
                .expect("parse");
        assert_eq!((b.company, b.appointment_id), (None, None));
        assert!(serde_json::from_value::<AppointmentBooked>(serde_json::json!({"name": "No Email"})).is_err());
    }
}
