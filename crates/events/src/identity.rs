//! Events published by the `identity` domain: organizations, memberships, API keys
//! and invitations. Organization, user and API key ids live in the kernel (every
//! crate needs them); the ids below are identity's own.

use atrium_kernel::{ApiKeyId, OrganizationId, Role, UserId, typed_id};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{EventType, Facets, event};

typed_id!(
    /// A membership of a user in an organization.
    MemberId
);
typed_id!(
    /// An invitation to join an organization.
    InvitationId
);
typed_id!(
    /// An account at an OpenID provider linked to a user.
    UserIdentityId
);

/// An organization was created; its creator is its first owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "name": "Analytical Engines Ltd",
    "slug": "analytical-engines"}))]
pub struct OrganizationCreated {
    pub id: OrganizationId,
    pub name: String,
    pub slug: String,
}

event!(OrganizationCreated, "identity.organization.created", "organization",
"An organization was created; its creator is its first owner.", |e| e.id,
facets: |e| Facets {
    label: Some(e.name.clone()),
    summary: Some(format!("Organization “{}” was created", e.name)),
    ..Facets::default()
});

/// A user became a member of the organization (sign-up, a new organization, or an
/// accepted invitation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
    "email": "ada@example.com", "role": "admin"}))]
pub struct MemberAdded {
    /// The membership.
    pub id: MemberId,
    pub user_id: UserId,
    pub email: String,
    pub role: Role,
}

event!(MemberAdded, "identity.member.added", "member",
"A user became a member of the organization.", |e| e.id,
facets: |e| Facets {
    label: Some(e.email.clone()),
    summary: Some(format!("{} joined as {}", e.email, e.role)),
    ..Facets::default()
});

/// A member's role changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
    "email": "ada@example.com", "from": "member", "to": "admin"}))]
pub struct MemberRoleChanged {
    pub id: MemberId,
    pub user_id: UserId,
    pub email: String,
    pub from: Role,
    pub to: Role,
}

event!(MemberRoleChanged, "identity.member.role_changed", "member", "A member's role changed.", |e| e.id,
facets: |e| Facets {
    label: Some(e.email.clone()),
    transition: Some((e.from.to_string(), e.to.to_string())),
    summary: Some(format!("{}'s role changed from {} to {}", e.email, e.from, e.to)),
    ..Facets::default()
});

/// A member was removed from the organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
    "email": "ada@example.com", "role": "member"}))]
pub struct MemberRemoved {
    pub id: MemberId,
    pub user_id: UserId,
    pub email: String,
    /// The role the member had.
    pub role: Role,
}

event!(MemberRemoved, "identity.member.removed", "member", "A member was removed from the organization.", |e| e.id,
facets: |e| Facets {
    label: Some(e.email.clone()),
    summary: Some(format!("{} was removed from the organization", e.email)),
    ..Facets::default()
});

/// An API key was created (its secret is never part of an event).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e", "name": "ledger sync", "role": "member",
    "prefix": "atr_k_4J0bHk"}))]
pub struct ApiKeyCreated {
    pub id: ApiKeyId,
    pub name: String,
    pub role: Role,
    /// The first characters of the secret, by which the key is recognized.
    pub prefix: String,
}

event!(ApiKeyCreated, "identity.api_key.created", "api_key", "An API key was created.", |e| e.id,
facets: |e| Facets {
    label: Some(e.name.clone()),
    summary: Some(format!("API key “{}” was created with role {}", e.name, e.role)),
    ..Facets::default()
});

/// An API key was revoked; it stopped working at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e", "name": "ledger sync"}))]
pub struct ApiKeyRevoked {
    pub id: ApiKeyId,
    pub name: String,
}

event!(ApiKeyRevoked, "identity.api_key.revoked", "api_key", "An API key was revoked.", |e| e.id,
facets: |e| Facets {
    label: Some(e.name.clone()),
    summary: Some(format!("API key “{}” was revoked", e.name)),
    ..Facets::default()
});

/// Someone was invited to join the organization by email.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8f", "email": "grace@example.com", "role": "member"}))]
pub struct InvitationSent {
    pub id: InvitationId,
    pub email: String,
    pub role: Role,
}

event!(InvitationSent, "identity.invitation.sent", "invitation", "Someone was invited to join the organization.",
|e| e.id,
facets: |e| Facets {
    label: Some(e.email.clone()),
    summary: Some(format!("{} was invited as {}", e.email, e.role)),
    ..Facets::default()
});

/// An invitation was accepted; the invitee is now a member (see `identity.member.added`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8f", "email": "grace@example.com", "role": "member",
    "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b90"}))]
pub struct InvitationAccepted {
    pub id: InvitationId,
    pub email: String,
    pub role: Role,
    /// The user who accepted.
    pub user_id: UserId,
}

event!(InvitationAccepted, "identity.invitation.accepted", "invitation", "An invitation was accepted.", |e| e.id,
facets: |e| Facets {
    label: Some(e.email.clone()),
    summary: Some(format!("{} accepted the invitation", e.email)),
    ..Facets::default()
});

/// A pending invitation was revoked; its token no longer works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8f", "email": "grace@example.com"}))]
pub struct InvitationRevoked {
    pub id: InvitationId,
    pub email: String,
}

event!(InvitationRevoked, "identity.invitation.revoked", "invitation", "A pending invitation was revoked.", |e| e.id,
facets: |e| Facets {
    label: Some(e.email.clone()),
    summary: Some(format!("The invitation to {} was revoked", e.email)),
    ..Facets::default()
});

/// A user's account at an OpenID provider was linked to their Atrium user (on
/// their first sign-in through that provider). Published in the organization the
/// sign-in landed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b91", "user_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
    "provider": "google", "email": "ada@example.com"}))]
pub struct IdentityLinked {
    pub id: UserIdentityId,
    pub user_id: UserId,
    /// The provider's name in the configuration.
    pub provider: String,
    /// The verified email the provider asserted.
    pub email: String,
}

event!(IdentityLinked, "identity.identity.linked", "user_identity",
"An account at an OpenID provider was linked to a user.", |e| e.id,
facets: |e| Facets {
    label: Some(e.email.clone()),
    summary: Some(format!("{} linked their {} sign-in", e.email, e.provider)),
    ..Facets::default()
});

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<OrganizationCreated>(),
        EventType::of::<MemberAdded>(),
        EventType::of::<MemberRoleChanged>(),
        EventType::of::<MemberRemoved>(),
        EventType::of::<ApiKeyCreated>(),
        EventType::of::<ApiKeyRevoked>(),
        EventType::of::<InvitationSent>(),
        EventType::of::<InvitationAccepted>(),
        EventType::of::<InvitationRevoked>(),
        EventType::of::<IdentityLinked>(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventPayload;

    #[test]
    fn payloads_keep_their_wire_names_and_read_as_sentences() {
        let changed = MemberRoleChanged {
            id: MemberId::new(),
            user_id: UserId::new(),
            email: "ada@example.com".into(),
            from: Role::Member,
            to: Role::Admin,
        };
        let json = serde_json::to_value(&changed).expect("serializes");
        assert_eq!(json["from"], "member");
        assert_eq!(json["to"], "admin");
        assert_eq!(json["email"], "ada@example.com");
        let facets = crate::find(MemberRoleChanged::TYPE).expect("listed").facets(&json).expect("decodes");
        assert_eq!(facets.summary.as_deref(), Some("ada@example.com's role changed from member to admin"));
        assert_eq!(facets.transition, Some(("member".into(), "admin".into())));
        assert_eq!(changed.aggregate_id(), changed.id.into_uuid());
        let back: MemberRoleChanged = serde_json::from_value(json).expect("round-trips");
        assert_eq!(back, changed);
    }
}
