//! The OpenAPI document: info, security schemes, and the problem+json error
//! responses every operation can return, added here once so no route forgets them.

use std::sync::Arc;

use atrium_kernel::auth::{AnyRole, Requirement};
use atrium_kernel::error::{PROBLEM_TYPES, ProblemType};
use atrium_kernel::{ApiDocs, AppError, FieldError, Problem};
use axum::body::Bytes;
use serde_json::json;
use tokio::sync::OnceCell;
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
    // Each domain's module brings its own tags; only the gateway's are here.
    tags((name = "operations", description = "Health and metrics")),
    components(schemas(Problem, FieldError))
)]
pub struct ApiDoc;

struct Standard;

/// The shared problem responses, from the list the server sends.
fn problem(name: &str) -> Option<&'static ProblemType> {
    PROBLEM_TYPES.iter().find(|p| p.response == name)
}

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
        components.add_security_scheme(
            "portal_session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "atrium_portal",
                "The client portal's session cookie (path `/portal`), set by `POST /portal/api/v1/session`; \
                 only `/portal` accepts it, and it accepts nothing else",
            ))),
        );
        for p in PROBLEM_TYPES {
            let (name, status, description) = (p.response, &p.status, p.description);
            let mut example = json!({
                "type": p.uri(),
                "title": p.title,
                "status": status,
                "detail": p.example_detail,
            });
            if *status == 422 {
                example["errors"] = json!([{"field": "email", "message": "must be a valid email address"}]);
            }
            let content =
                ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).example(Some(example)).build();
            let mut response =
                ResponseBuilder::new().description(description).content("application/problem+json", content);
            if *status == 429 {
                response = rate_limit_headers(response);
            }
            if *status == 429 || *status == 503 {
                response = response.header(
                    "Retry-After",
                    utoipa::openapi::HeaderBuilder::new()
                        .schema(Some(u64::schema()))
                        .description(Some("Seconds to wait"))
                        .build(),
                );
            }
            components.responses.insert(name.to_owned(), RefOr::T(response.build()));
        }
        document_problem_types(components);
        add_event_catalog(doc);
        let secured = vec![
            SecurityRequirement::new("bearer", Vec::<String>::new()),
            SecurityRequirement::new("cookie", Vec::<String>::new()),
        ];
        doc.security = Some(secured);
        make_operation_ids_unique(doc);

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
                    document_required_role(op);
                    add_standard_responses(op, has_id, writes);
                    add_rate_limit_headers(op);
                    constrain_if_match(op);
                }
            }
        }
    }
}

/// OpenAPI requires unique operation ids, and generated clients key on them. A
/// handler's name (`list`, `create`, …) shared with another operation is
/// prefixed with its resource: `contacts_list`, `deals_list`.
fn make_operation_ids_unique(doc: &mut OpenApi) {
    let mut count = std::collections::HashMap::<String, usize>::new();
    for item in doc.paths.paths.values() {
        for op in operations(item) {
            *count.entry(op.operation_id.clone().unwrap_or_default()).or_default() += 1;
        }
    }
    for (path, item) in doc.paths.paths.iter_mut() {
        let resource = path.strip_prefix("/api/v1").unwrap_or(path).split('/').find(|s| !s.is_empty());
        let resource = resource.unwrap_or_default().replace('-', "_");
        for op in operations_mut(item) {
            if let Some(id) = op.operation_id.as_mut()
                && count.get(id.as_str()).is_some_and(|n| *n > 1)
            {
                *id = format!("{resource}_{id}");
            }
        }
    }
}

fn operations(item: &utoipa::openapi::PathItem) -> impl Iterator<Item = &Operation> {
    [&item.get, &item.put, &item.post, &item.delete, &item.options, &item.head, &item.patch, &item.trace]
        .into_iter()
        .flatten()
}

fn operations_mut(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .flatten()
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
             (`Idempotent-Replayed: true`, `Idempotent-Replay: stored`); with a different request it is a 422. \
             While the first request runs, a retry gets 409 with `Retry-After`; a request that failed before \
             its write committed frees the key, and so does a server that died mid-request, once the key's \
             lease (the request timeout + 5 s) runs out. A write that committed never runs twice: if the \
             server died before storing its response, a retry gets the resource as it is now \
             (`Idempotent-Replay: reread`: 201 with `Location` after a create, 200 after an action; one-time \
             secrets are not shown again), or a 409 naming it in `existing_id` when it cannot be read back. \
             Remembered for 24 hours; stored responses are encrypted.",
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
        if required_role(op).is_some_and(|r| r != AnyRole::NAME) {
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
        let Some(ProblemType { status, .. }) = problem(name) else {
            continue;
        };
        op.responses.responses.entry(status.to_string()).or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
    }
}

fn string_header(description: &str) -> utoipa::openapi::Header {
    utoipa::openapi::HeaderBuilder::new().schema(Some(String::schema())).description(Some(description)).build()
}

const RATELIMIT_POLICY_DOC: &str =
    "The quota of the request's class (draft-ietf-httpapi-ratelimit-headers), e.g. `\"read\";q=600;w=60`";
const RATELIMIT_DOC: &str = "What is left of it: `r` requests, full again in `t` seconds, e.g. `\"read\";r=599;t=1`";

fn rate_limit_headers(response: ResponseBuilder) -> ResponseBuilder {
    response
        .header("RateLimit-Policy", string_header(RATELIMIT_POLICY_DOC))
        .header("RateLimit", string_header(RATELIMIT_DOC))
}

/// Every response of every operation carries the rate-limit headers (the 429
/// component has them, with `Retry-After`, from [`Standard`]).
fn add_rate_limit_headers(op: &mut Operation) {
    for response in op.responses.responses.values_mut() {
        if let RefOr::T(r) = response {
            r.headers
                .entry("RateLimit-Policy".to_owned())
                .or_insert_with(|| RefOr::T(string_header(RATELIMIT_POLICY_DOC)));
            r.headers.entry("RateLimit".to_owned()).or_insert_with(|| RefOr::T(string_header(RATELIMIT_DOC)));
        }
    }
}

/// The requirement an operation states with `x-required-role` (see `kernel::auth`).
fn required_role(op: &Operation) -> Option<&str> {
    op.extensions.as_ref()?.get("x-required-role")?.as_str()
}

/// Says in the description who may call the operation, from its `x-required-role`.
fn document_required_role(op: &mut Operation) {
    let Some(name) = required_role(op).map(str::to_owned) else {
        return;
    };
    let Some((_, roles)) = atrium_kernel::auth::requirements().into_iter().find(|(n, _)| *n == name) else {
        return;
    };
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let line = if name == AnyRole::NAME {
        "Required role: any member of the organization (`any`).".to_owned()
    } else {
        format!("Required role: {} (`{name}`); other roles get 403.", names.join(", "))
    };
    let description = op.description.get_or_insert_with(String::new);
    if !description.is_empty() {
        description.push_str("\n\n");
    }
    description.push_str(&line);
}

/// `Problem.type` lists every problem type URI the server sends.
fn document_problem_types(components: &mut utoipa::openapi::Components) {
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
    let Some(RefOr::T(Schema::Object(problem))) = components.schemas.get_mut("Problem") else {
        return;
    };
    let uris: Vec<String> = PROBLEM_TYPES.iter().map(ProblemType::uri).collect();
    let kind = ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(uris))
        .description(Some("The problem type; one of the documented URIs"))
        .build();
    problem.properties.insert("type".into(), RefOr::T(Schema::Object(kind)));
}

/// The event catalog: every payload schema in the components, and one OpenAPI
/// webhook per event type (what a webhook endpoint receives for it).
fn add_event_catalog(doc: &mut OpenApi) {
    use utoipa::openapi::HttpMethod;
    use utoipa::openapi::path::{OperationBuilder, PathItem, Paths};
    use utoipa::openapi::request_body::RequestBodyBuilder;
    use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, Type};
    let components = doc.components.get_or_insert_with(Default::default);
    let mut hooks = Paths::new();
    for t in atrium_events::catalog() {
        for (name, schema) in &t.schemas {
            components.schemas.entry(name.clone()).or_insert_with(|| schema.clone());
        }
        let envelope = AllOfBuilder::new().item(Ref::from_schema_name("Event")).item(
            ObjectBuilder::new()
                .property("type", ObjectBuilder::new().schema_type(Type::String).enum_values(Some([t.name])))
                .property(
                    "aggregate_type",
                    ObjectBuilder::new().schema_type(Type::String).enum_values(Some([t.aggregate_type])),
                )
                .property("data", Ref::from_schema_name(t.schema_name.clone())),
        );
        let body = RequestBodyBuilder::new()
            .content("application/json", ContentBuilder::new().schema(Some(envelope)).build())
            .required(Some(utoipa::openapi::Required::True))
            .build();
        let op = OperationBuilder::new()
            .operation_id(Some(t.name))
            .summary(Some(t.description))
            .description(Some(format!(
                "Delivered for `{}` events (aggregate `{}`), signed per Standard Webhooks \
                 (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Also in the change feed \
                 `GET /api/v1/events` and the catalog `GET /api/v1/event-types`.",
                t.name, t.aggregate_type
            )))
            .tag("events")
            .request_body(Some(body))
            .response("2XX", ResponseBuilder::new().description("Any 2xx acknowledges the delivery"));
        hooks.paths.insert(t.name.to_owned(), PathItem::new(HttpMethod::Post, op));
    }
    doc.webhooks = Some(hooks);
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

/// The whole document — the routes' operations, the domains' tags, the query
/// cache's headers and the standard responses — built and serialized on the first
/// request for it. Building it runs every operation's and schema's utoipa builder
/// in every crate: a server nobody asks for its document should not pay that at
/// start (idle RSS, bench/RESULTS.md, issue 12).
pub struct Document {
    docs: ApiDocs,
    tags: Vec<(&'static str, &'static str)>,
    cached: Option<Arc<crate::cache::layer::Routes>>,
    json: OnceCell<Bytes>,
}

impl Document {
    pub fn new(
        docs: ApiDocs,
        tags: Vec<(&'static str, &'static str)>,
        cached: Option<Arc<crate::cache::layer::Routes>>,
    ) -> Self {
        Self { docs, tags, cached, json: OnceCell::new() }
    }

    pub fn build(&self) -> OpenApi {
        let mut doc = self.docs.openapi(base());
        crate::registry::add_tags(&mut doc, &self.tags);
        if let Some(routes) = &self.cached {
            crate::cache::layer::document(&mut doc, routes);
        }
        finish(doc)
    }

    /// The document as served at `/openapi.json`, built once, off the async workers.
    pub async fn json(self: Arc<Self>) -> Result<Bytes, AppError> {
        let this = self.clone();
        let json = self
            .json
            .get_or_try_init(|| async move {
                tokio::task::spawn_blocking(move || serde_json::to_vec(&this.build()).map(Bytes::from))
                    .await
                    .map_err(AppError::internal)?
                    .map_err(AppError::internal)
            })
            .await?;
        Ok(json.clone())
    }
}
