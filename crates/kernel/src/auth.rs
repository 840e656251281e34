//! Roles beside routes: a handler states the role it needs in its signature
//! (`ctx: Authorized<WriteRecords>`), and the extractor answers 403 before the
//! handler runs. The same requirement is documented on the operation
//! (`extensions(("x-required-role" = json!(WriteRecords::NAME)))`), and the gateway
//! turns that into the operation's 403 response and description.

use std::marker::PhantomData;
use std::ops::Deref;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::ctx::{OrgCtx, Role};
use crate::error::AppError;

/// What a route needs from the caller's role.
pub trait Requirement: Send + Sync + 'static {
    /// The name documented as `x-required-role` on the operation.
    const NAME: &'static str;
    /// What the caller may not do, for the 403 detail.
    const DENIED: &'static str;
    fn allows(role: Role) -> bool;
}

/// Any member of the organization (reads and self-service).
pub struct AnyRole;
/// Creates or changes business records: owner, admin, member.
pub struct WriteRecords;
/// Creates or changes billing records: owner, admin, billing.
pub struct WriteBilling;
/// Members, invitations, API keys, webhooks, dead letters: owner, admin.
pub struct ManageOrg;
/// Logs time: everyone who works or bills (owner, admin, member, billing); a
/// member only their own, which the service checks.
pub struct LogTime;

impl Requirement for AnyRole {
    const NAME: &'static str = "any";
    const DENIED: &'static str = "act in this organization";
    fn allows(_: Role) -> bool {
        true
    }
}

impl Requirement for WriteRecords {
    const NAME: &'static str = "write_records";
    const DENIED: &'static str = "change records (owner, admin or member)";
    fn allows(role: Role) -> bool {
        role.writes_records()
    }
}

impl Requirement for WriteBilling {
    const NAME: &'static str = "write_billing";
    const DENIED: &'static str = "change billing records (owner, admin or billing)";
    fn allows(role: Role) -> bool {
        role.writes_billing()
    }
}

impl Requirement for ManageOrg {
    const NAME: &'static str = "manage_organization";
    const DENIED: &'static str = "manage the organization (owner or admin)";
    fn allows(role: Role) -> bool {
        role.manages_organization()
    }
}

impl Requirement for LogTime {
    const NAME: &'static str = "log_time";
    const DENIED: &'static str = "log time (owner, admin, member or billing)";
    fn allows(role: Role) -> bool {
        role.logs_time()
    }
}

/// Every requirement with the roles it admits, for the OpenAPI document.
pub fn requirements() -> [(&'static str, Vec<Role>); 5] {
    fn roles<R: Requirement>() -> (&'static str, Vec<Role>) {
        (R::NAME, Role::ALL.into_iter().filter(|r| R::allows(*r)).collect())
    }
    [roles::<AnyRole>(), roles::<WriteRecords>(), roles::<WriteBilling>(), roles::<ManageOrg>(), roles::<LogTime>()]
}

/// The caller's context, admitted by requirement `R`. Derefs to [`OrgCtx`], so
/// `svc.create(&ctx, ..)` passes it on.
pub struct Authorized<R: Requirement> {
    ctx: OrgCtx,
    need: PhantomData<R>,
}

impl<R: Requirement> Authorized<R> {
    pub fn ctx(&self) -> &OrgCtx {
        &self.ctx
    }

    /// Checks `ctx` against `R` (the extractor's rule, for callers outside a handler).
    pub fn check(ctx: OrgCtx) -> Result<Self, AppError> {
        if R::allows(ctx.role) {
            Ok(Self { ctx, need: PhantomData })
        } else {
            Err(AppError::Forbidden(format!("role `{}` may not {}", ctx.role, R::DENIED)))
        }
    }
}

impl<R: Requirement> Deref for Authorized<R> {
    type Target = OrgCtx;
    fn deref(&self) -> &OrgCtx {
        &self.ctx
    }
}

impl<R: Requirement, S: Send + Sync> FromRequestParts<S> for Authorized<R> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Self::check(OrgCtx::from_request_parts(parts, state).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::{OrganizationId, Principal, UserId};

    fn ctx(role: Role) -> OrgCtx {
        OrgCtx { org_id: OrganizationId::new(), principal: Principal::User(UserId::new()), role }
    }

    #[test]
    fn requirements_admit_their_roles() {
        assert!(Authorized::<WriteRecords>::check(ctx(Role::Member)).is_ok());
        let denied = Authorized::<WriteRecords>::check(ctx(Role::Viewer)).err().map(|e| e.status().as_u16());
        assert_eq!(denied, Some(403));
        assert!(Authorized::<WriteBilling>::check(ctx(Role::Billing)).is_ok());
        assert!(Authorized::<WriteRecords>::check(ctx(Role::Billing)).is_err());
        assert!(Authorized::<ManageOrg>::check(ctx(Role::Member)).is_err());
        assert!(Authorized::<AnyRole>::check(ctx(Role::Viewer)).is_ok());
        let manage = &requirements()[3];
        assert_eq!(manage.1, vec![Role::Owner, Role::Admin]);
        assert!(Authorized::<LogTime>::check(ctx(Role::Billing)).is_ok());
        assert!(Authorized::<LogTime>::check(ctx(Role::Viewer)).is_err());
    }
}
