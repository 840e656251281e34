//! The query cache as a layer around the handlers: it serves the GET routes
//! domains declared, and it invalidates after every request that wrote.
//!
//! It runs after authentication (the key needs the organization and the role)
//! and inside every layer that adds headers of its own (rate limits, request
//! id, compression), so an entry holds exactly what the handler answered and a
//! hit is byte for byte the same answer, `ETag` and content type included.

use std::collections::{BTreeSet, HashMap};

use atrium_kernel::OrgCtx;
use atrium_outbox::{CachedRoute, Change};
use axum::body::{Body, to_bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body::Body as _;
use sha2::{Digest, Sha256};
use utoipa::openapi::{OpenApi, RefOr};

use super::{Entry, QueryCacheHandle};

/// `hit`, `miss` or `bypass`, on every answer of a cached route the cache was consulted for.
pub const X_CACHE: HeaderName = HeaderName::from_static("x-cache");
/// Larger answers are not kept.
const MAX_ENTRY_BYTES: u64 = 1024 * 1024;

/// The declared routes, by template, and what a write under each resource may touch.
pub struct Routes {
    by_path: HashMap<&'static str, CachedRoute>,
    by_resource: HashMap<&'static str, BTreeSet<&'static str>>,
}

/// `contacts` of `/api/v1/contacts/{id}/…`.
fn resource(path: &str) -> Option<&str> {
    path.strip_prefix("/api/v1/")?.split('/').next().filter(|s| !s.is_empty())
}

impl Routes {
    pub fn new(routes: Vec<CachedRoute>) -> Self {
        let mut by_resource: HashMap<&'static str, BTreeSet<&'static str>> = HashMap::new();
        for r in &routes {
            if let Some(res) = resource(r.path) {
                by_resource.entry(res).or_default().extend(r.depends_on.iter().copied());
            }
        }
        Self { by_path: routes.into_iter().map(|r| (r.path, r)).collect(), by_resource }
    }

    pub fn get(&self, template: &str) -> Option<&CachedRoute> {
        self.by_path.get(template)
    }
}

/// What a cacheable request is looked up under.
struct Plan {
    ctx: OrgCtx,
    deps: &'static [&'static str],
    key: String,
}

/// The request's query pairs, in a canonical order: sorted by name, values of
/// one name in the order given (which may matter to the handler).
fn canonical_query(query: &str) -> Vec<&str> {
    let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
    pairs.sort_by_key(|p| name(p));
    pairs
}

fn name(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(k, _)| k)
}

fn plan(routes: &Routes, req: &Request) -> Option<Plan> {
    if req.method() != Method::GET {
        return None;
    }
    let route = routes.get(req.extensions().get::<MatchedPath>()?.as_str())?;
    let ctx = *req.extensions().get::<OrgCtx>()?;
    let pairs = canonical_query(req.uri().query().unwrap_or(""));
    // Later pages are fetched once each and expire with the cursor's list.
    if pairs.iter().any(|p| name(p) == "cursor") {
        return None;
    }
    // Whatever the parameter says (`me`, or `me` spelled with escapes), the
    // answer may be the caller's own.
    let caller = match route.caller_param {
        Some(param) if pairs.iter().any(|p| name(p) == param) => ctx.actor(),
        _ => String::new(),
    };
    let material = format!("{}\n{caller}\n{}?{}", ctx.role.as_str(), req.uri().path(), pairs.join("&"));
    let key = Sha256::digest(material.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    Some(Plan { ctx, deps: route.depends_on, key })
}

pub async fn layer(State(qc): State<QueryCacheHandle>, req: Request, next: Next) -> Response {
    let Some(plan) = plan(&qc.routes, &req) else {
        return run(&qc, req, next).await;
    };
    let org = plan.ctx.org_id;
    let generations = match qc.cache.lookup(org, plan.deps, &plan.key).await.map(super::Lookup::fresh) {
        Ok(Ok(entry)) => {
            qc.count("hit");
            return respond(entry, "hit");
        }
        Ok(Err(generations)) => generations,
        Err(_) => {
            qc.count("bypass");
            let mut res = run(&qc, req, next).await;
            res.headers_mut().insert(X_CACHE, HeaderValue::from_static("bypass"));
            return res;
        }
    };
    qc.count("miss");
    let res = run(&qc, req, next).await;
    let Some(cacheable) = keepable(&res) else {
        return with_x_cache(res, "miss");
    };
    let (parts, body) = res.into_parts();
    let Ok(body) = to_bytes(body, usize::MAX).await else {
        return with_x_cache(Response::from_parts(parts, Body::empty()), "miss");
    };
    let entry = Entry { generations, status: parts.status.as_u16(), headers: cacheable, body: body.clone() };
    qc.cache.store(org, &plan.key, &entry, qc.ttl).await;
    with_x_cache(Response::from_parts(parts, Body::from(body)), "miss")
}

/// Runs the handler, then invalidates what it wrote before the answer leaves.
async fn run(qc: &QueryCacheHandle, req: Request, next: Next) -> Response {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let org = req.extensions().get::<OrgCtx>().map(|c| c.org_id);
    let resource_deps =
        if writes { resource(req.uri().path()).and_then(|r| qc.routes.by_resource.get(r)).cloned() } else { None };
    let (res, mut changes) = atrium_outbox::collecting(next.run(req)).await;
    // A write that published nothing (a pending upload) still invalidates the
    // answers of its resource.
    if writes
        && res.status().is_success()
        && let (Some(org), Some(deps)) = (org, resource_deps)
    {
        changes.extend(deps.into_iter().map(|d| Change { org, aggregate_type: d.to_owned() }));
        changes.sort();
        changes.dedup();
    }
    if !changes.is_empty() {
        qc.cache.bump(&changes).await;
    }
    res
}

/// The headers to keep, when the answer may be kept at all: a 200 of known,
/// small size that sets no cookie.
fn keepable(res: &Response) -> Option<Vec<(String, String)>> {
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) {
        return None;
    }
    if res.body().size_hint().upper().is_none_or(|n| n > MAX_ENTRY_BYTES) {
        return None;
    }
    res.headers().iter().map(|(n, v)| v.to_str().ok().map(|v| (n.as_str().to_owned(), v.to_owned()))).collect()
}

fn respond(entry: Entry, outcome: &'static str) -> Response {
    let mut res = Response::new(Body::from(entry.body));
    *res.status_mut() = StatusCode::from_u16(entry.status).unwrap_or(StatusCode::OK);
    for (name, value) in entry.headers {
        if let (Ok(n), Ok(v)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            res.headers_mut().append(n, v);
        }
    }
    with_x_cache(res, outcome)
}

fn with_x_cache(mut res: Response, outcome: &'static str) -> Response {
    res.headers_mut().insert(X_CACHE, HeaderValue::from_static(outcome));
    res
}

/// Documents `X-Cache` on the 200 answer of every cached route.
pub fn document(doc: &mut OpenApi, routes: &Routes) {
    for (path, item) in &mut doc.paths.paths {
        let Some(op) = item.get.as_mut().filter(|_| routes.get(path).is_some()) else {
            continue;
        };
        if let Some(RefOr::T(ok)) = op.responses.responses.get_mut("200") {
            ok.headers.entry("X-Cache".to_owned()).or_insert_with(|| {
                RefOr::T(
                    utoipa::openapi::HeaderBuilder::new()
                        .schema(Some(utoipa::openapi::schema::ObjectBuilder::new().schema_type(
                            utoipa::openapi::schema::Type::String,
                        ).enum_values(Some(["hit", "miss", "bypass"]))))
                        .description(Some(
                            "Whether the query cache served this answer (`hit`), stored it (`miss`), or could not be asked (`bypass`); absent when it was not consulted (a later page). The body and other headers are the same either way",
                        ))
                        .build(),
                )
            });
        }
    }
}
