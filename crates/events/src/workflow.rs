//! Events published by the `workflow` domain: the organization's trigger rules,
//! and the notes a rule's `add_note` action writes on a record's timeline. A run
//! of a rule is a log entry, not a change of business state, and publishes
//! nothing else (what its actions change publishes through the owning domain).

use atrium_kernel::typed_id;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{EventType, Facets, event};

typed_id!(
    /// A workflow trigger rule.
    WorkflowRuleId
);
typed_id!(
    /// One immutable version of a workflow rule.
    WorkflowRuleVersionId
);
typed_id!(
    /// An inbound booking webhook endpoint (Cal.com or Calendly).
    BookingEndpointId
);

/// A rule as it is after the change: its current version's definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WorkflowRuleState {
    pub id: WorkflowRuleId,
    pub name: String,
    pub enabled: bool,
    /// The current version's number (1, 2, …).
    pub rule_version: i32,
    /// An event type, or a prefix pattern such as `crm.deal.*`.
    pub trigger: String,
    /// The condition tree (`all`/`any`/`not`/field comparisons), `null` for none.
    #[schema(value_type = Object)]
    pub conditions: serde_json::Value,
    /// The ordered actions.
    #[schema(value_type = Vec<Object>)]
    pub actions: serde_json::Value,
}

/// A rule was created (its version 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Kick off won deals", "enabled": true,
    "rule_version": 1, "trigger": "crm.deal.stage_changed",
    "conditions": {"all": [{"field": "data.to", "op": "eq", "value": "won"}]},
    "actions": [{"kind": "create_engagement", "deal_id": "{{data.id}}", "name": "{{data.name}}"}]}))]
pub struct RuleCreated {
    #[serde(flatten)]
    pub rule: WorkflowRuleState,
}

/// A rule changed: a new version when its definition changed, or its name or
/// enabled flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RuleUpdated {
    #[serde(flatten)]
    pub rule: WorkflowRuleState,
    /// The fields that changed, e.g. `["conditions", "enabled"]`.
    pub changed: Vec<String>,
}

/// A rule was deleted, with its versions and runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RuleDeleted {
    pub id: WorkflowRuleId,
    pub name: String,
}

/// The kind of record a workflow note is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteSubject {
    Contact,
    ClientCompany,
    Deal,
    Engagement,
    Project,
    Task,
}

impl NoteSubject {
    pub const ALL: [NoteSubject; 6] = [
        NoteSubject::Contact,
        NoteSubject::ClientCompany,
        NoteSubject::Deal,
        NoteSubject::Engagement,
        NoteSubject::Project,
        NoteSubject::Task,
    ];

    /// The aggregate type of the record (`client_company`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            NoteSubject::Contact => "contact",
            NoteSubject::ClientCompany => "client_company",
            NoteSubject::Deal => "deal",
            NoteSubject::Engagement => "engagement",
            NoteSubject::Project => "project",
            NoteSubject::Task => "task",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A rule's `add_note` action wrote a note on a record's timeline. The event's
/// aggregate is the record the note is about (a contact, deal, engagement, …),
/// so the note shows on that record's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e", "rule_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "run_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "subject_type": "deal",
    "subject_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d", "engagement_id": null,
    "text": "Deal won: schedule the kick-off call"}))]
pub struct NoteAdded {
    /// The note's own id.
    pub id: uuid::Uuid,
    pub rule_id: WorkflowRuleId,
    /// The run whose action wrote it.
    pub run_id: uuid::Uuid,
    pub subject_type: NoteSubject,
    pub subject_id: uuid::Uuid,
    /// The engagement the triggering event belonged to, if any (the note is filed
    /// on that engagement's timeline too).
    pub engagement_id: Option<uuid::Uuid>,
    /// The rendered note.
    pub text: String,
}

impl crate::EventPayload for NoteAdded {
    const TYPE: &'static str = "workflow.note.added";
    const AGGREGATE: &'static str = "contact";
    const DESCRIPTION: &'static str =
        "A workflow rule wrote a note on a record's timeline (the aggregate is that record: contact, deal, engagement, …).";
    fn aggregate_type(&self) -> &'static str {
        self.subject_type.as_str()
    }
    fn aggregate_id(&self) -> uuid::Uuid {
        self.subject_id
    }
    fn facets(&self) -> Facets {
        let engagement_id =
            self.engagement_id.or((self.subject_type == NoteSubject::Engagement).then_some(self.subject_id));
        Facets { engagement_id, summary: Some(format!("Note: {}", self.text)), ..Facets::default() }
    }
}

/// The booking system that calls an inbound booking endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BookingProvider {
    /// Cal.com: `X-Cal-Signature-256`, `BOOKING_CREATED`.
    CalCom,
    /// Calendly: `Calendly-Webhook-Signature`, `invitee.created`.
    Calendly,
}

impl BookingProvider {
    pub fn as_str(self) -> &'static str {
        match self {
            BookingProvider::CalCom => "cal_com",
            BookingProvider::Calendly => "calendly",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [BookingProvider::CalCom, BookingProvider::Calendly].into_iter().find(|p| p.as_str() == s)
    }
}

/// A booking endpoint as it is after the change. Never its signing secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BookingEndpointState {
    pub id: BookingEndpointId,
    pub name: String,
    pub provider: BookingProvider,
    pub enabled: bool,
}

/// A booking endpoint was created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Cal.com intro calls",
    "provider": "cal_com", "enabled": true}))]
pub struct BookingEndpointCreated {
    #[serde(flatten)]
    pub endpoint: BookingEndpointState,
}

/// A booking endpoint's name or enabled flag changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BookingEndpointUpdated {
    #[serde(flatten)]
    pub endpoint: BookingEndpointState,
    /// The fields that changed, e.g. `["enabled"]`.
    pub changed: Vec<String>,
}

/// A booking endpoint's signing secret was replaced; the old one no longer verifies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BookingEndpointSecretRotated {
    #[serde(flatten)]
    pub endpoint: BookingEndpointState,
    /// Whether the caller supplied the new secret (else the server generated it).
    pub supplied: bool,
}

/// A booking endpoint was deleted, with its receipts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BookingEndpointDeleted {
    pub id: BookingEndpointId,
    pub name: String,
}

fn label(s: &str) -> Option<String> {
    Some(s.to_owned())
}

event!(RuleCreated, "workflow.rule.created", "workflow_rule", "A workflow rule was created.",
    |e| e.rule.id, facets: |e| Facets { label: label(&e.rule.name), ..Facets::default() });
event!(RuleUpdated, "workflow.rule.updated", "workflow_rule", "A workflow rule was changed.",
    |e| e.rule.id, facets: |e| Facets { label: label(&e.rule.name), ..Facets::default() });
event!(RuleDeleted, "workflow.rule.deleted", "workflow_rule", "A workflow rule was deleted.",
    |e| e.id, facets: |e| Facets { label: label(&e.name), ..Facets::default() });

event!(BookingEndpointCreated, "workflow.booking_endpoint.created", "booking_endpoint",
    "An inbound booking endpoint (Cal.com or Calendly) was created.",
    |e| e.endpoint.id, facets: |e| Facets { label: label(&e.endpoint.name), ..Facets::default() });
event!(BookingEndpointUpdated, "workflow.booking_endpoint.updated", "booking_endpoint",
    "An inbound booking endpoint was renamed, enabled or disabled.",
    |e| e.endpoint.id, facets: |e| Facets { label: label(&e.endpoint.name), ..Facets::default() });
event!(BookingEndpointSecretRotated, "workflow.booking_endpoint.secret_rotated", "booking_endpoint",
    "An inbound booking endpoint's signing secret was replaced.",
    |e| e.endpoint.id, facets: |e| Facets { label: label(&e.endpoint.name), ..Facets::default() });
event!(BookingEndpointDeleted, "workflow.booking_endpoint.deleted", "booking_endpoint",
    "An inbound booking endpoint was deleted.",
    |e| e.id, facets: |e| Facets { label: label(&e.name), ..Facets::default() });

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<RuleCreated>(),
        EventType::of::<RuleUpdated>(),
        EventType::of::<RuleDeleted>(),
        EventType::of::<NoteAdded>(),
        EventType::of::<BookingEndpointCreated>(),
        EventType::of::<BookingEndpointUpdated>(),
        EventType::of::<BookingEndpointSecretRotated>(),
        EventType::of::<BookingEndpointDeleted>(),
    ]
}
