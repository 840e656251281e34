//! Roles, generated from the OpenAPI document: every authenticated operation is
//! called by each role of one organization, and a role the operation does not admit
//! gets a 403 problem. Reads are checked for the admitted roles too; writes only
//! where the path has an id (a random id: 404 or 422, never 403), since an admitted
//! write would change records or end sessions.
//!
//! What an operation requires is its `x-required-role` extension; an
//! authenticated operation without one is a failure.

use atrium_tests::{Reply, Session, TestApp, app_tests, read};
use reqwest::Method;
use serde_json::Value;

app_tests!(every_operation_admits_exactly_its_roles);

const ROLES: [&str; 5] = ["owner", "admin", "member", "billing", "viewer"];

/// The roles a requirement (an `x-required-role` value) admits.
fn admitted(requirement: &str) -> Option<&'static [&'static str]> {
    Some(match requirement {
        "any" => &ROLES,
        "write_records" => &["owner", "admin", "member"],
        "write_billing" => &["owner", "admin", "billing"],
        "manage_organization" => &["owner", "admin"],
        "log_time" => &["owner", "admin", "member", "billing"],
        _ => return None,
    })
}

/// One operation of the document, ready to send.
struct Operation {
    method: Method,
    /// As documented, with `{id}` placeholders.
    template: String,
    requirement: String,
    /// Whether the operation states `x-required-role`.
    declared: bool,
    /// The content type of the request body, when the operation has one.
    body: Option<String>,
}

fn is_public(op: &Value) -> bool {
    op["security"].as_array().is_some_and(|reqs| reqs.iter().all(|r| r.as_object().is_some_and(|o| o.is_empty())))
}

/// The client portal's realm: its portal session cookie, no staff roles (`portal.rs` tests it).
fn is_portal(op: &Value) -> bool {
    op["security"]
        .as_array()
        .is_some_and(|reqs| !reqs.is_empty() && reqs.iter().all(|r| r.get("portal_session").is_some()))
}

fn operations(doc: &Value) -> Vec<Operation> {
    let mut ops = Vec::new();
    for (template, item) in doc["paths"].as_object().expect("paths") {
        for (name, method) in [
            ("get", Method::GET),
            ("post", Method::POST),
            ("put", Method::PUT),
            ("patch", Method::PATCH),
            ("delete", Method::DELETE),
        ] {
            let Some(op) = item.get(name) else { continue };
            if is_public(op) || is_portal(op) {
                continue;
            }
            let declared = op["x-required-role"].as_str();
            let requirement = declared.unwrap_or("(undeclared)").to_owned();
            let body = op["requestBody"]["content"].as_object().map(|content| {
                if content.contains_key("application/json") {
                    "application/json".to_owned()
                } else {
                    content.keys().next().cloned().unwrap_or_else(|| "application/json".to_owned())
                }
            });
            ops.push(Operation { method, template: template.clone(), requirement, declared: declared.is_some(), body });
        }
    }
    ops
}

/// The path with every `{param}` replaced by a fresh UUIDv7.
fn concrete(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').map_or(rest.len(), |e| start + e + 1);
        out.push_str(&uuid::Uuid::now_v7().to_string());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

async fn send(app: &TestApp, op: &Operation, path: &str, token: &str) -> Reply {
    let mut req = app.http.request(op.method.clone(), format!("{}{path}", app.base)).bearer_auth(token);
    if let Some(content_type) = &op.body {
        // `{}` for JSON bodies, an empty document for anything else (CSV).
        let body = if content_type == "application/json" { "{}" } else { "" };
        req = req.header("content-type", content_type.as_str()).body(body);
    }
    read(req.send().await.expect("request")).await
}

fn is_problem(r: &Reply, status: u16) -> bool {
    let ct = r.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
    r.status.as_u16() == status && ct.starts_with("application/problem+json") && r.body["status"] == status
}

fn short(body: &Value) -> String {
    let s = body.to_string();
    if s.chars().count() > 300 { format!("{}…", s.chars().take(300).collect::<String>()) } else { s }
}

async fn every_operation_admits_exactly_its_roles(app: &TestApp) {
    let doc = serde_json::to_value(atrium_gateway::openapi_document().await.expect("document")).expect("json");
    let ops = operations(&doc);

    let owner = app.signup("owner@example.com").await;
    let mut sessions: Vec<(&str, Session)> = vec![("owner", owner.clone())];
    for role in ["admin", "member", "billing", "viewer"] {
        sessions.push((role, app.add_member(&owner, &format!("{role}@example.com"), role).await));
    }

    let mut failures = Vec::new();
    let mut checked = 0usize;
    for op in &ops {
        let Some(roles) = admitted(&op.requirement) else {
            failures.push(format!("{} {}: unknown x-required-role `{}`", op.method, op.template, op.requirement));
            continue;
        };
        let read_only = op.method == Method::GET;
        let has_id = op.template.contains('{');
        for (role, session) in &sessions {
            let allowed = roles.contains(role);
            // Admitted writes are not sent unless a random id keeps them harmless.
            if allowed && !read_only && !has_id {
                continue;
            }
            let path = concrete(&op.template);
            let r = send(app, op, &path, &session.token).await;
            checked += 1;
            let status = r.status.as_u16();
            let what = format!("{role:<7} {} {} (needs {})", op.method, op.template, op.requirement);
            if !allowed {
                if !is_problem(&r, 403) {
                    failures.push(format!("{what} -> {status}, expected a 403 problem; body {}", short(&r.body)));
                }
            } else if read_only {
                if matches!(status, 401 | 403) || status >= 500 {
                    failures
                        .push(format!("{what} -> {status}, expected the read to be admitted; body {}", short(&r.body)));
                }
            } else if !(is_problem(&r, 404) || is_problem(&r, 422)) {
                failures
                    .push(format!("{what} -> {status}, expected 404 or 422 for a random id; body {}", short(&r.body)));
            }
        }
    }

    // The document must really have been walked (a parse slip must not pass vacuously).
    let declared = ops.iter().filter(|o| o.declared).count();
    for op in ops.iter().filter(|o| !o.declared) {
        failures.push(format!("{} {}: no x-required-role", op.method, op.template));
    }
    eprintln!("roles: {} operations ({declared} with x-required-role), {checked} requests", ops.len());
    assert!(ops.len() > 50, "only {} authenticated operations found", ops.len());
    for requirement in ["write_records", "write_billing", "manage_organization", "log_time"] {
        assert!(ops.iter().any(|o| o.requirement == *requirement), "no operation requires {requirement}");
    }
    assert!(failures.is_empty(), "{} role failures:\n{}", failures.len(), failures.join("\n"));
}
