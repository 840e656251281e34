//! Events published by the `agreements` domain: proposals, contracts and
//! engagements. A proposal's or contract's events name the engagement that
//! delivers it (once there is one), and `agreements.engagement.created` names the
//! contract and proposal it was made from, so the timeline files their entries
//! under the engagement in whichever order they arrive.

use std::fmt;
use std::str::FromStr;

use atrium_kernel::{Currency, Money, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

use crate::crm::{ClientCompanyId, ContactId, DealId};
use crate::{EventType, Facets, event};

typed_id!(
    /// A proposal.
    ProposalId
);
typed_id!(
    /// A contract.
    ContractId
);
typed_id!(
    /// An engagement.
    EngagementId
);

/// A status enum stored as its snake_case name (the CHECK constraints hold the
/// same lists): `as_str` for storage, `FromStr` to read it back.
macro_rules! status {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$(Self::$variant),*];

            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok(Self::$variant),)*
                    other => Err(format!(concat!("`{}` is not a ", stringify!($name)), other)),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

status!(
    /// draft → sent → accepted | declined | expired
    ProposalStatus {
        Draft => "draft",
        Sent => "sent",
        Accepted => "accepted",
        Declined => "declined",
        /// Set by the hourly expiry job once `valid_until` has passed.
        Expired => "expired",
    }
);

status!(
    /// draft → sent → signed → active → completed | terminated
    ContractStatus {
        Draft => "draft",
        Sent => "sent",
        Signed => "signed",
        Active => "active",
        Completed => "completed",
        Terminated => "terminated",
    }
);

status!(
    /// How an engagement is billed.
    BillingModel {
        Fixed => "fixed",
        TimeAndMaterials => "time_and_materials",
        Retainer => "retainer",
    }
);

status!(
    /// planned → active → completed, with on_hold in between and cancelled from
    /// anywhere open.
    EngagementStatus {
        Planned => "planned",
        Active => "active",
        OnHold => "on_hold",
        Completed => "completed",
        Cancelled => "cancelled",
    }
);

/// Largest quantity accepted: one million units.
const MAX_MILLI: i64 = 1_000_000_000;

/// A positive line-item quantity with at most three decimals, exact (no floats on
/// the money path). On the wire a JSON integer (`3`) or a decimal string (`"1.5"`,
/// `"0.125"`); always written as a string. JSON fractions (`1.5`) are refused
/// because a binary float cannot carry them exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(i64);

impl Quantity {
    /// From thousandths (1.5 is 1500).
    pub fn from_milli(milli: i64) -> Result<Self, String> {
        if milli <= 0 {
            return Err("must be greater than 0".into());
        }
        if milli > MAX_MILLI {
            return Err("must be at most 1000000".into());
        }
        Ok(Self(milli))
    }

    pub fn units(units: i64) -> Result<Self, String> {
        Self::from_milli(units.checked_mul(1000).ok_or("must be at most 1000000")?)
    }

    pub fn milli(self) -> i64 {
        self.0
    }
}

impl FromStr for Quantity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a decimal quantity with at most 3 decimals, e.g. \"1.5\"");
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 10 || !digits(whole) || frac.len() > 3 || !digits(frac) {
            return Err(bad());
        }
        if s.ends_with('.') {
            return Err(bad());
        }
        let whole: i64 = whole.parse().map_err(|_| bad())?;
        let frac_milli: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<3}").parse().map_err(|_| bad())? };
        Self::from_milli(whole * 1000 + frac_milli)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 1000, self.0 % 1000);
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let frac = format!("{frac:03}");
            write!(f, "{whole}.{}", frac.trim_end_matches('0'))
        }
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Quantity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a positive integer or a decimal string with at most 3 decimals")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
                Quantity::units(i64::try_from(v).map_err(|_| E::custom("must be at most 1000000"))?).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
                Quantity::units(v).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Quantity, E> {
                Err(E::custom("send a fractional quantity as a decimal string, e.g. \"1.5\""))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Quantity, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

impl utoipa::PartialSchema for Quantity {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::String).pattern(Some(r"^[0-9]{1,10}(\.[0-9]{1,3})?$")))
            .item(ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).maximum(Some(1_000_000)))
            .description(Some(
                "Quantity, exact to a thousandth: a JSON integer or a decimal string (at most 3 decimals). \
                 Answered as a string.",
            ))
            .examples([serde_json::json!("1.5")])
            .into()
    }
}

impl ToSchema for Quantity {}

// ---- proposals ---------------------------------------------------------------

/// One priced line of a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LineItemState {
    pub description: String,
    pub quantity: Quantity,
    pub unit_price: Money,
    /// quantity × unit_price, rounded half away from zero to a minor unit.
    pub amount: Money,
}

/// A proposal as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProposalState {
    pub id: ProposalId,
    /// 1, 2, 3… per organization.
    pub number: i64,
    pub title: String,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub deal_id: Option<DealId>,
    pub currency: Currency,
    pub valid_until: Option<NaiveDate>,
    pub status: ProposalStatus,
    pub line_items: Vec<LineItemState>,
    pub subtotal: Money,
    pub total: Money,
    pub sent_at: Option<DateTime<Utc>>,
    /// When it was accepted, declined or expired.
    pub decided_at: Option<DateTime<Utc>>,
    /// The contract made from it, if any.
    pub contract_id: Option<ContractId>,
    /// The engagement delivering that contract, if any.
    pub engagement_id: Option<EngagementId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ProposalState {
    fn facets(&self) -> Facets {
        Facets {
            engagement_id: self.engagement_id.map(Into::into),
            label: Some(self.title.clone()),
            ..Facets::default()
        }
    }
}

/// Declares events whose payload is a record's state and nothing else.
macro_rules! state_events {
    ($state:ident, $field:ident, $aggregate:literal: $($(#[$meta:meta])* $name:ident, $type:literal, $desc:literal;)+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
        pub struct $name {
            #[serde(flatten)]
            pub $field: $state,
        }

        event!($name, $type, $aggregate, $desc, |e| e.$field.id, facets: |e| e.$field.facets());
    )+};
}

state_events!(ProposalState, proposal, "proposal":
    /// `agreements.proposal.created`: the new draft, priced.
    ProposalCreated, "agreements.proposal.created", "A draft proposal was created with the organization's next number.";
    /// `agreements.proposal.deleted`: the proposal as it was.
    ProposalDeleted, "agreements.proposal.deleted", "A proposal was deleted.";
    /// `agreements.proposal.sent`: draft → sent.
    ProposalSent, "agreements.proposal.sent", "A draft proposal was sent to the client.";
    /// `agreements.proposal.expired`: sent → expired, by the hourly expiry job.
    ProposalExpired, "agreements.proposal.expired", "A sent proposal lapsed after its valid_until day.";
);

/// A client's contact acting in the client portal (the event's actor is then
/// `portal:contact:<id>`), so the staff timeline can say who on the client's side did it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ClientParty {
    pub contact_id: ContactId,
    #[schema(example = "Ann Lee")]
    pub name: String,
}

impl ClientParty {
    /// The actor label of the contact's events.
    pub fn actor(&self) -> String {
        format!("portal:contact:{}", self.contact_id)
    }
}

/// `P-0012`: how a proposal's number reads in sentences.
pub fn proposal_reference(number: i64) -> String {
    format!("P-{number:04}")
}

/// Declares an event of a client's decision: the record's state, and the portal
/// contact who made it (absent when staff recorded it).
macro_rules! client_events {
    ($state:ident, $field:ident, $aggregate:literal, $what:expr; $($(#[$meta:meta])* $name:ident, $type:literal, $verb:literal, $desc:literal;)+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
        pub struct $name {
            #[serde(flatten)]
            pub $field: $state,
            /// Set when the client's contact did it in the client portal.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub client: Option<ClientParty>,
        }

        event!($name, $type, $aggregate, $desc, |e| e.$field.id, facets: |e| {
            let mut f = e.$field.facets();
            if let Some(c) = &e.client {
                let what: fn(&$state) -> String = $what;
                f.summary = Some(format!("{} (client) {} {}", c.name, $verb, what(&e.$field)));
            }
            f
        });
    )+};
}

client_events!(ProposalState, proposal, "proposal", |p| format!("proposal {} “{}”", proposal_reference(p.number), p.title);
    /// `agreements.proposal.accepted`: sent → accepted.
    ProposalAccepted, "agreements.proposal.accepted", "accepted", "The client accepted a sent proposal.";
    /// `agreements.proposal.declined`: sent → declined.
    ProposalDeclined, "agreements.proposal.declined", "declined", "The client declined a sent proposal.";
);

/// `agreements.proposal.updated`: the draft after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProposalUpdated {
    #[serde(flatten)]
    pub proposal: ProposalState,
    /// The fields whose value changed, e.g. `["title", "line_items", "total"]`.
    pub changed: Vec<String>,
}

event!(ProposalUpdated, "agreements.proposal.updated", "proposal", "A draft proposal was changed.",
    |e| e.proposal.id, facets: |e| e.proposal.facets());

// ---- contracts ---------------------------------------------------------------

/// Who signed a contract and when; never the signature itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SignatureState {
    pub signer_name: String,
    pub signer_email: String,
    /// Server clock at signing.
    pub signed_at: DateTime<Utc>,
    /// The signing request's peer address, when known.
    pub signer_ip: Option<String>,
}

/// A contract as its events carry it (the signature data stays encrypted at rest
/// and is never in an event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContractState {
    pub id: ContractId,
    /// The accepted proposal it was made from.
    pub proposal_id: Option<ProposalId>,
    pub title: String,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub deal_id: Option<DealId>,
    pub currency: Currency,
    pub total: Option<Money>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub terms: Option<String>,
    pub status: ContractStatus,
    /// Set once signed.
    pub signature: Option<SignatureState>,
    /// The engagement delivering it (the first one created), if any.
    pub engagement_id: Option<EngagementId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ContractState {
    fn facets(&self) -> Facets {
        Facets {
            engagement_id: self.engagement_id.map(Into::into),
            label: Some(self.title.clone()),
            ..Facets::default()
        }
    }
}

state_events!(ContractState, contract, "contract":
    /// `agreements.contract.created`: a new draft, directly or from an accepted proposal.
    ContractCreated, "agreements.contract.created", "A draft contract was created, directly or from an accepted proposal.";
    /// `agreements.contract.deleted`: a contract that was never signed, as it was.
    ContractDeleted, "agreements.contract.deleted", "A contract that was never signed was deleted.";
    /// `agreements.contract.sent`: draft → sent.
    ContractSent, "agreements.contract.sent", "A draft contract was sent for signature.";
    /// `agreements.contract.activated`: signed → active.
    ContractActivated, "agreements.contract.activated", "Delivery of a signed contract started.";
    /// `agreements.contract.completed`: active → completed.
    ContractCompleted, "agreements.contract.completed", "An active contract was fulfilled.";
    /// `agreements.contract.terminated`: signed | active → terminated.
    ContractTerminated, "agreements.contract.terminated", "A signed or active contract was ended early.";
);

client_events!(ContractState, contract, "contract", |c| format!("contract “{}”", c.title);
    /// `agreements.contract.signed`: sent → signed; `signature` says who and when.
    ContractSigned, "agreements.contract.signed", "signed", "The client signed a sent contract.";
);

/// `agreements.contract.updated`: the draft after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContractUpdated {
    #[serde(flatten)]
    pub contract: ContractState,
    /// The fields whose value changed, e.g. `["terms", "end_date"]`.
    pub changed: Vec<String>,
}

event!(ContractUpdated, "agreements.contract.updated", "contract", "A draft contract was changed.",
    |e| e.contract.id, facets: |e| e.contract.facets());

// ---- engagements -------------------------------------------------------------

/// An engagement as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EngagementState {
    pub id: EngagementId,
    pub name: String,
    pub client_company_id: Option<ClientCompanyId>,
    pub contract_id: Option<ContractId>,
    pub deal_id: Option<DealId>,
    pub billing_model: BillingModel,
    pub budget: Option<Money>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: EngagementStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The engagement itself, under the name every agreements event files by.
    pub engagement_id: EngagementId,
    /// The proposal its contract was made from, if any.
    pub proposal_id: Option<ProposalId>,
}

impl EngagementState {
    fn facets(&self) -> Facets {
        Facets { engagement_id: Some(self.id.into()), label: Some(self.name.clone()), ..Facets::default() }
    }
}

/// `agreements.engagement.created`: the new engagement. Its contract and that
/// contract's proposal are its origins: their timeline entries follow it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EngagementCreated {
    #[serde(flatten)]
    pub engagement: EngagementState,
}

event!(EngagementCreated, "agreements.engagement.created", "engagement",
"An engagement was created, on its own or to deliver a contract.",
|e| e.engagement.id, facets: |e| Facets {
    origins: [e.engagement.contract_id.map(Into::into), e.engagement.proposal_id.map(Into::into)]
        .into_iter()
        .flatten()
        .collect(),
    ..e.engagement.facets()
});

state_events!(EngagementState, engagement, "engagement":
    /// `agreements.engagement.deleted`: the engagement as it was; what hung off it went with it.
    EngagementDeleted, "agreements.engagement.deleted", "An engagement was deleted with the work hanging off it.";
);

/// `agreements.engagement.updated`: the engagement after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EngagementUpdated {
    #[serde(flatten)]
    pub engagement: EngagementState,
    /// The fields whose value changed, e.g. `["status", "budget"]`.
    pub changed: Vec<String>,
}

event!(EngagementUpdated, "agreements.engagement.updated", "engagement", "An engagement was changed.",
    |e| e.engagement.id, facets: |e| e.engagement.facets());

/// `agreements.engagement.status_changed`: a move along the engagement's lifecycle
/// (published beside `agreements.engagement.updated`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Relaunch delivery",
    "from": "planned", "to": "active"}))]
pub struct EngagementStatusChanged {
    pub engagement_id: EngagementId,
    pub name: String,
    pub from: EngagementStatus,
    pub to: EngagementStatus,
}

event!(EngagementStatusChanged, "agreements.engagement.status_changed", "engagement",
"An engagement moved to another status.",
|e| e.engagement_id, facets: |e| Facets {
    engagement_id: Some(e.engagement_id.into()),
    label: Some(e.name.clone()),
    transition: Some((e.from.as_str().to_owned(), e.to.as_str().to_owned())),
    ..Facets::default()
});

// ---- CRM merges ---------------------------------------------------------------

/// How many rows now name the survivor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RepointedCounts {
    pub proposals: u64,
    pub contracts: u64,
    pub engagements: u64,
}

impl RepointedCounts {
    pub fn total(&self) -> u64 {
        self.proposals + self.contracts + self.engagements
    }
}

/// Which records a CRM merge folded together: `field` names the reference that moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "field")]
pub enum RepointedMerge {
    /// Client companies were merged.
    #[serde(rename = "client_company_id")]
    Companies { survivor_id: ClientCompanyId, merged_ids: Vec<ClientCompanyId> },
    /// Contacts were merged (engagements name no contact).
    #[serde(rename = "contact_id")]
    Contacts { survivor_id: ContactId, merged_ids: Vec<ContactId> },
}

impl RepointedMerge {
    pub fn survivor(&self) -> uuid::Uuid {
        match self {
            Self::Companies { survivor_id, .. } => (*survivor_id).into(),
            Self::Contacts { survivor_id, .. } => (*survivor_id).into(),
        }
    }

    /// The merged ids, other than the survivor.
    pub fn merged(&self) -> Vec<uuid::Uuid> {
        let survivor = self.survivor();
        let ids: Vec<uuid::Uuid> = match self {
            Self::Companies { merged_ids, .. } => merged_ids.iter().copied().map(Into::into).collect(),
            Self::Contacts { merged_ids, .. } => merged_ids.iter().copied().map(Into::into).collect(),
        };
        ids.into_iter().filter(|id| *id != survivor).collect()
    }
}

/// `agreements.references.repointed`: after a CRM merge, the proposals, contracts
/// and engagements that named a merged record now name the survivor (the
/// aggregate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReferencesRepointed {
    #[serde(flatten)]
    pub merge: RepointedMerge,
    #[serde(flatten)]
    pub counts: RepointedCounts,
}

impl ReferencesRepointed {
    fn summary(&self) -> String {
        let c = self.counts;
        let what = match self.merge {
            RepointedMerge::Companies { .. } => "client company",
            RepointedMerge::Contacts { .. } => "contact",
        };
        format!(
            "{} proposal(s), {} contract(s) and {} engagement(s) now name this {what} after a merge",
            c.proposals, c.contracts, c.engagements
        )
    }
}

// The aggregate is the survivor: a client company or a contact, per merge.
impl crate::EventPayload for ReferencesRepointed {
    const TYPE: &'static str = "agreements.references.repointed";
    const AGGREGATE: &'static str = "client_company";
    const DESCRIPTION: &'static str =
        "After a CRM merge, proposals, contracts and engagements were pointed at the surviving record.";
    fn aggregate_type(&self) -> &'static str {
        match self.merge {
            RepointedMerge::Companies { .. } => "client_company",
            RepointedMerge::Contacts { .. } => "contact",
        }
    }
    fn aggregate_id(&self) -> uuid::Uuid {
        self.merge.survivor()
    }
    fn facets(&self) -> Facets {
        Facets { summary: Some(self.summary()), ..Facets::default() }
    }
}

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<ProposalCreated>(),
        EventType::of::<ProposalUpdated>(),
        EventType::of::<ProposalDeleted>(),
        EventType::of::<ProposalSent>(),
        EventType::of::<ProposalAccepted>(),
        EventType::of::<ProposalDeclined>(),
        EventType::of::<ProposalExpired>(),
        EventType::of::<ContractCreated>(),
        EventType::of::<ContractUpdated>(),
        EventType::of::<ContractDeleted>(),
        EventType::of::<ContractSent>(),
        EventType::of::<ContractSigned>(),
        EventType::of::<ContractActivated>(),
        EventType::of::<ContractCompleted>(),
        EventType::of::<ContractTerminated>(),
        EventType::of::<EngagementCreated>(),
        EventType::of::<EngagementUpdated>(),
        EventType::of::<EngagementDeleted>(),
        EventType::of::<EngagementStatusChanged>(),
        EventType::of::<ReferencesRepointed>(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventPayload;

    #[test]
    fn quantities_parse_exactly() {
        let q = |s: &str| s.parse::<Quantity>().map(Quantity::milli);
        assert_eq!(q("2"), Ok(2000));
        assert_eq!(q("1.5"), Ok(1500));
        assert_eq!(q("0.125"), Ok(125));
        assert_eq!(q("0.1"), Ok(100));
        for bad in ["", "0", "0.000", "1.2345", "-1", "1e3", "1.", ".5", " 1", "1,5", "99999999999"] {
            assert!(q(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn quantity_wire_forms() {
        let de = |s: &str| serde_json::from_str::<Quantity>(s);
        assert_eq!(de("3").map(Quantity::milli).ok(), Some(3000));
        assert_eq!(de("\"2.50\"").map(Quantity::milli).ok(), Some(2500));
        assert!(de("1.5").is_err(), "JSON fractions are refused");
        assert!(de("0").is_err() && de("-2").is_err());
        let out = serde_json::to_string(&Quantity::from_milli(2500).expect("q")).expect("json");
        assert_eq!(out, "\"2.5\"");
        assert_eq!(Quantity::from_milli(3000).expect("q").to_string(), "3");
        assert_eq!(Quantity::from_milli(125).expect("q").to_string(), "0.125");
    }

    #[test]
    fn statuses_round_trip_their_stored_names() {
        for s in EngagementStatus::ALL {
            assert_eq!(s.as_str().parse::<EngagementStatus>(), Ok(*s));
        }
        assert!("nope".parse::<ProposalStatus>().is_err());
    }

    #[test]
    fn repointed_keeps_its_flat_shape() {
        let survivor = ClientCompanyId::new();
        let merged = ClientCompanyId::new();
        let e = ReferencesRepointed {
            merge: RepointedMerge::Companies { survivor_id: survivor, merged_ids: vec![survivor, merged] },
            counts: RepointedCounts { proposals: 1, contracts: 2, engagements: 0 },
        };
        assert_eq!(e.merge.merged(), [merged.into_uuid()], "the survivor is not among the merged");
        let json = serde_json::to_value(&e).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"field": "client_company_id", "survivor_id": survivor, "merged_ids": [survivor, merged],
                "proposals": 1, "contracts": 2, "engagements": 0})
        );
        assert_eq!(serde_json::from_value::<ReferencesRepointed>(json).expect("back"), e);
        assert_eq!(e.aggregate_id(), survivor.into_uuid());
        assert!(e.facets().summary.is_some_and(|s| s.contains("client company")));
    }

    #[test]
    fn status_changes_carry_their_transition() {
        let e = EngagementStatusChanged {
            engagement_id: EngagementId::new(),
            name: "Delivery".into(),
            from: EngagementStatus::Planned,
            to: EngagementStatus::Active,
        };
        let f = e.facets();
        assert_eq!(f.transition, Some(("planned".into(), "active".into())));
        assert_eq!((f.engagement_id, f.label.as_deref()), (Some(e.engagement_id.into()), Some("Delivery")));
    }
}
