//! Role enforcement, in one place: which role may call which route. Handlers and
//! services never check the coarse role themselves (fine rules such as "only an
//! owner grants ownership" stay in the service that owns them).

use atrium_kernel::{AppError, OrgCtx, Role};
use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Any authenticated caller (self-service routes and reads).
    Anyone,
    /// Creates or changes business records: owner, admin, member.
    RecordWriter,
    /// Billing records: owner, admin, billing.
    BillingWriter,
    /// Members, invitations, API keys: owner, admin.
    OrgManager,
}

/// Self-service writes any signed-in caller may make.
const SELF_SERVICE: &[&str] =
    &["/api/v1/auth/", "/api/v1/organizations", "/api/v1/me/active-organization", "/api/v1/invitations/accept"];
/// Organization management, reads included.
const MANAGEMENT: &[&str] = &["/api/v1/api-keys", "/api/v1/invitations", "/api/v1/dead-letters", "/api/v1/webhooks"];
const BILLING: &[&str] =
    &["/api/v1/invoices", "/api/v1/invoice-schedules", "/api/v1/payments", "/api/v1/bills", "/api/v1/vendors"];

fn under(path: &str, prefixes: &[&str]) -> bool {
    prefixes
        .iter()
        .any(|p| path == *p || (path.starts_with(p) && (p.ends_with('/') || path[p.len()..].starts_with('/'))))
}

fn need(method: &Method, path: &str) -> Need {
    let read = matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS);
    if under(path, SELF_SERVICE) {
        Need::Anyone
    } else if under(path, MANAGEMENT) || (!read && under(path, &["/api/v1/members"])) {
        Need::OrgManager
    } else if read {
        Need::Anyone
    } else if under(path, BILLING) {
        Need::BillingWriter
    } else {
        Need::RecordWriter
    }
}

fn allows(role: Role, need: Need) -> bool {
    match need {
        Need::Anyone => true,
        Need::RecordWriter => role.writes_records(),
        Need::BillingWriter => role.writes_billing(),
        Need::OrgManager => role.manages_organization(),
    }
}

/// Runs after authentication; a request without a caller passes through, and the
/// handler answers 401 if it needs one.
pub async fn enforce(req: Request, next: Next) -> Response {
    if let Some(ctx) = req.extensions().get::<OrgCtx>() {
        let need = need(req.method(), req.uri().path());
        if !allows(ctx.role, need) {
            let what = match need {
                Need::OrgManager => "manage the organization (owner or admin)",
                Need::BillingWriter => "change billing records (owner, admin or billing)",
                _ => "change records (owner, admin or member)",
            };
            return AppError::Forbidden(format!("role `{}` may not {what}", ctx.role)).into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(need(&Method::GET, "/api/v1/members"), Need::Anyone);
        assert_eq!(need(&Method::PATCH, "/api/v1/members/x"), Need::OrgManager);
        assert_eq!(need(&Method::GET, "/api/v1/api-keys"), Need::OrgManager);
        assert_eq!(need(&Method::POST, "/api/v1/invitations/accept"), Need::Anyone);
        assert_eq!(need(&Method::POST, "/api/v1/invitations"), Need::OrgManager);
        assert_eq!(need(&Method::POST, "/api/v1/organizations"), Need::Anyone);
        assert_eq!(need(&Method::POST, "/api/v1/contacts"), Need::RecordWriter);
        assert_eq!(need(&Method::POST, "/api/v1/invoices"), Need::BillingWriter);
        assert_eq!(need(&Method::POST, "/api/v1/invoicesx"), Need::RecordWriter, "prefix is a path segment");
        assert!(!allows(Role::Viewer, Need::RecordWriter));
        assert!(!allows(Role::Billing, Need::RecordWriter) && allows(Role::Billing, Need::BillingWriter));
        assert!(!allows(Role::Member, Need::OrgManager) && allows(Role::Admin, Need::OrgManager));
    }
}
