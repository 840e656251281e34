//! Events published by the `portal` domain: grants of portal access to a client's
//! contact, the sign-in links issued for them and the portal sessions they
//! opened. They never carry a link's or a session's token (only ids), so the
//! change feed, webhooks and the timeline cannot leak a way in.

use atrium_kernel::typed_id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::agreements::EngagementId;
use crate::crm::ContactId;
use crate::{EventType, Facets, event};

typed_id!(
    /// A grant of portal access: one contact, one engagement.
    PortalAccessId
);
typed_id!(
    /// A single-use portal sign-in link.
    PortalLinkId
);
typed_id!(
    /// A portal session (opened by exchanging a link).
    PortalSessionId
);

/// A grant as events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PortalAccessState {
    pub id: PortalAccessId,
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    /// The contact's name when the grant was made, for summaries.
    pub contact_name: String,
    /// What the contact may do: `view`, `approve_proposals`, `sign_contracts`,
    /// `invoices`, `reply_threads`.
    pub permissions: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl PortalAccessState {
    fn facets(&self, summary: String) -> Facets {
        Facets {
            engagement_id: Some(self.engagement_id.into()),
            label: Some(self.contact_name.clone()),
            summary: Some(summary),
            ..Facets::default()
        }
    }
}

/// A contact was given portal access to an engagement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "contact_name": "Ann Lee", "permissions": ["view", "invoices"],
    "expires_at": null, "revoked_at": null}))]
pub struct PortalAccessGranted {
    #[serde(flatten)]
    pub access: PortalAccessState,
}

event!(PortalAccessGranted, "portal.access.granted", "portal_access", "A contact was given portal access to an engagement.",
    |e| e.access.id, facets: |e| e.access.facets(format!("{} (client) was given portal access", e.access.contact_name)));

/// A grant's permissions or expiry changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "contact_name": "Ann Lee", "permissions": ["view"],
    "expires_at": "2027-01-31T00:00:00Z", "revoked_at": null, "changed": ["permissions", "expires_at"]}))]
pub struct PortalAccessUpdated {
    #[serde(flatten)]
    pub access: PortalAccessState,
    /// The fields that changed.
    pub changed: Vec<String>,
}

event!(PortalAccessUpdated, "portal.access.updated", "portal_access", "A portal grant's permissions or expiry changed.",
    |e| e.access.id, facets: |e| e.access.facets(format!("{}'s portal access was changed", e.access.contact_name)));

/// A grant was revoked: its links and sessions stop working at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "contact_name": "Ann Lee", "permissions": ["view"],
    "expires_at": null, "revoked_at": "2026-12-09T13:00:00Z", "sessions_ended": 1}))]
pub struct PortalAccessRevoked {
    #[serde(flatten)]
    pub access: PortalAccessState,
    /// Sessions that were open and ended with the revocation.
    pub sessions_ended: u64,
}

event!(PortalAccessRevoked, "portal.access.revoked", "portal_access", "A portal grant was revoked; its links and sessions stopped working.",
    |e| e.access.id, facets: |e| e.access.facets(format!("{}'s portal access was revoked", e.access.contact_name)));

/// A single-use sign-in link was issued for a grant (its token is never in an event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d", "access_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
    "contact_name": "Ann Lee", "expires_at": "2026-12-09T13:30:00Z"}))]
pub struct PortalLinkIssued {
    pub id: PortalLinkId,
    pub access_id: PortalAccessId,
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    pub contact_name: String,
    pub expires_at: DateTime<Utc>,
}

event!(PortalLinkIssued, "portal.link.issued", "portal_access", "A single-use portal sign-in link was issued.",
    |e| e.access_id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.contact_name.clone()),
        summary: Some(format!("A portal sign-in link was sent to {}", e.contact_name)),
        ..Facets::default()
    });

/// A contact exchanged a link for a portal session (the actor is `portal:contact:<id>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e", "link_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
    "access_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "contact_name": "Ann Lee", "expires_at": "2026-12-09T21:00:00Z"}))]
pub struct PortalSessionStarted {
    pub id: PortalSessionId,
    pub link_id: PortalLinkId,
    pub access_id: PortalAccessId,
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    pub contact_name: String,
    pub expires_at: DateTime<Utc>,
}

event!(PortalSessionStarted, "portal.session.started", "portal_access", "A contact signed in to the portal with a link.",
    |e| e.access_id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.contact_name.clone()),
        summary: Some(format!("{} (client) signed in to the portal", e.contact_name)),
        ..Facets::default()
    });

/// A contact signed out of the portal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e", "access_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
    "contact_name": "Ann Lee"}))]
pub struct PortalSessionEnded {
    pub id: PortalSessionId,
    pub access_id: PortalAccessId,
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    pub contact_name: String,
}

event!(PortalSessionEnded, "portal.session.ended", "portal_access", "A contact signed out of the portal.",
    |e| e.access_id, facets: |e| Facets {
        engagement_id: Some(e.engagement_id.into()),
        label: Some(e.contact_name.clone()),
        summary: Some(format!("{} (client) signed out of the portal", e.contact_name)),
        ..Facets::default()
    });

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<PortalAccessGranted>(),
        EventType::of::<PortalAccessUpdated>(),
        EventType::of::<PortalAccessRevoked>(),
        EventType::of::<PortalLinkIssued>(),
        EventType::of::<PortalSessionStarted>(),
        EventType::of::<PortalSessionEnded>(),
    ]
}
