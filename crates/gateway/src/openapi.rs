//! The OpenAPI document: info, security schemes, and the problem+json error
//! responses every operation can return, added here once so no route forgets them.

use atrium_kernel::{FieldError, Problem};
use serde_json::json;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi as _, PartialSchema};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Atrium API",
        version = "1.0.0",
        description = "Atrium: the backend of a professional-services firm — CRM, agreements, projects, \
            revenue, communications, files, client portal and activity timeline — for many organizations \
            on one deployment.\n\nAuthenticate with `Authorization: Bearer <token>` (a session token from \
            login or an organization API key) or the `atrium_session` cookie. Errors are \
            `application/problem+json` (RFC 9457). Lists are cursor-paginated: pass `next_cursor` back as `cursor`.",
        license(name = "Apache-2.0", identifier = "Apache-2.0")
    ),
    tags(
        (name = "auth", description = "Sign-up, sign-in, sessions"),
        (name = "organizations", description = "The caller's organizations"),
        (name = "members", description = "Members of the active organization and their roles"),
        (name = "invitations", description = "Invitations to join the active organization"),
        (name = "api-keys", description = "Organization API keys"),
        (name = "crm", description = "The golden record: client companies, contacts, deals; dedup and merge"),
        (name = "agreements", description = "Proposals, contracts (with signatures) and engagements"),
        (name = "projects", description = "Projects, milestones, tasks and project templates"),
        (name = "events", description = "The change feed and dead-lettered deliveries"),
        (name = "timeline", description = "The activity timeline, built from events"),
        (name = "webhooks", description = "Signed event deliveries to the organization's URLs"),
        (name = "operations", description = "Health and metrics")
    ),
    components(schemas(Problem, FieldError))
)]
pub struct ApiDoc;

struct Standard;

/// (name, status, description, example detail)
const RESPONSES: &[(&str, u16, &str, &str)] = &[
    ("BadRequest", 400, "Malformed request (e.g. invalid JSON)", "body is not valid JSON: EOF while parsing"),
    ("Unauthenticated", 401, "Missing, expired or revoked credentials", "authentication required"),
    (
        "Forbidden",
        403,
        "The caller's role does not allow this",
        "role `viewer` may not change records (owner, admin or member)",
    ),
    ("NotFound", 404, "No such resource in the caller's organization", "member not found"),
    (
        "Conflict",
        409,
        "Conflicts with the current state, or a stale If-Match",
        "an organization must keep at least one owner",
    ),
    ("PayloadTooLarge", 413, "Request body over the limit", "request body too large"),
    (
        "UnsupportedMediaType",
        415,
        "Body is not application/json",
        "unsupported media type: expected `Content-Type: application/json`",
    ),
    ("ValidationFailed", 422, "Invalid fields, listed in `errors`", "1 field is invalid"),
    ("TooManyRequests", 429, "Rate limited; see Retry-After", "rate limit exceeded; retry after 60 s"),
    (
        "InternalError",
        500,
        "Unexpected error; logged with the request id",
        "an unexpected error occurred; it has been logged",
    ),
    (
        "Unavailable",
        503,
        "A backing service is down or the request timed out",
        "a backing service is unavailable; retry later",
    ),
];

impl Modify for Standard {
    fn modify(&self, doc: &mut OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("Session token (`atr_s_…`) or organization API key (`atr_k_…`)"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "atrium_session",
                "HttpOnly session cookie set by signup and login",
            ))),
        );
        for (name, status, description, detail) in RESPONSES {
            let mut example = json!({
                "type": format!("/problems/{}", name.to_lowercase()),
                "title": description,
                "status": status,
                "detail": detail,
            });
            if *status == 422 {
                example["errors"] = json!([{"field": "email", "message": "must be a valid email address"}]);
            }
            let content = ContentBuilder::new().schema(Some(Problem::schema())).example(Some(example)).build();
            let mut response =
                ResponseBuilder::new().description(*description).content("application/problem+json", content);
            if *status == 429 {
                response = response.header(
                    "Retry-After",
                    utoipa::openapi::HeaderBuilder::new()
                        .schema(Some(u64::schema()))
                        .description(Some("Seconds to wait"))
                        .build(),
                );
            }
            components.responses.insert((*name).to_owned(), RefOr::T(response.build()));
        }
        let secured = vec![
            SecurityRequirement::new("bearer", Vec::<String>::new()),
            SecurityRequirement::new("cookie", Vec::<String>::new()),
        ];
        doc.security = Some(secured);

        for (path, item) in doc.paths.paths.iter_mut() {
            let has_id = path.contains('{');
            if let Some(post) = item.post.as_mut() {
                add_idempotency_key(post);
            }
            let ops = [
                (&mut item.get, false),
                (&mut item.post, true),
                (&mut item.put, true),
                (&mut item.patch, true),
                (&mut item.delete, true),
            ];
            for (op, writes) in ops {
                if let Some(op) = op.as_mut() {
                    add_standard_responses(op, has_id, writes);
                    constrain_if_match(op);
                }
            }
        }
    }
}

/// Documents `Idempotency-Key` on authenticated POSTs (the gateway honours it on all of them).
fn add_idempotency_key(op: &mut Operation) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    let public = op.security.as_ref().is_some_and(|reqs| reqs.iter().all(|r| *r == SecurityRequirement::default()));
    if public {
        return;
    }
    let param = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(utoipa::openapi::Required::False)
        .description(Some(
            "Makes the POST safe to retry: the same key with the same request replays the first response \
             (`Idempotent-Replayed: true`); with a different request it is a 422. Remembered for 24 hours.",
        ))
        .schema(Some(String::schema()))
        .example(Some(json!("3f2e1d0c-retry-1")))
        .build();
    op.parameters.get_or_insert_with(Vec::new).push(RefOr::T(param));
}

/// `If-Match` takes what `ETag` gave: `"<version>"` (weak or strong) or `*`.
fn constrain_if_match(op: &mut Operation) {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    for param in op.parameters.iter_mut().flatten() {
        if let RefOr::T(p) = param
            && p.name == "If-Match"
        {
            let schema = ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(r#"^(\*|(W/)?"[0-9]+")$"#))
                .examples([json!("\"3\"")]);
            p.schema = Some(RefOr::T(utoipa::openapi::Schema::Object(schema.build())));
        }
    }
}

fn add_standard_responses(op: &mut Operation, has_id: bool, writes: bool) {
    let public = op.security.as_ref().is_some_and(|reqs| reqs.iter().all(|r| *r == SecurityRequirement::default()));
    let has_body = op.request_body.is_some();
    let has_query = op.parameters.as_ref().is_some_and(|ps| !ps.is_empty());
    let mut wanted = vec!["InternalError", "Unavailable", "TooManyRequests"];
    if !public {
        wanted.push("Unauthenticated");
        let managed = ["api-keys", "invitations", "events", "webhooks"];
        if writes || op.tags.as_ref().is_some_and(|t| t.iter().any(|t| managed.contains(&t.as_str()))) {
            wanted.push("Forbidden");
        }
        if writes {
            // A stale If-Match, a rule of the resource's state, or a POST whose
            // Idempotency-Key is still in progress.
            wanted.push("Conflict");
        }
    }
    if has_id {
        wanted.push("NotFound");
    }
    if has_body {
        wanted.extend(["BadRequest", "PayloadTooLarge", "UnsupportedMediaType", "ValidationFailed"]);
    } else if has_query || has_id {
        wanted.extend(["BadRequest", "ValidationFailed"]);
    }
    for name in wanted {
        let Some((_, status, ..)) = RESPONSES.iter().find(|(n, ..)| *n == name) else {
            continue;
        };
        op.responses.responses.entry(status.to_string()).or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
    }
}

/// The base document the routers' operations are merged into.
pub fn base() -> OpenApi {
    ApiDoc::openapi()
}

/// Applies the standard responses after all routers are merged.
pub fn finish(mut doc: OpenApi) -> OpenApi {
    Standard.modify(&mut doc);
    doc
}
