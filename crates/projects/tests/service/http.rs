//! The routes as the gateway mounts them (the caller's context put in the request
//! as its auth layer does): input refused by the wire types is a 422 naming the
//! field with nothing written, and each route admits the roles it documents.

use atrium_kernel::{CursorKey, OrgCtx, Role};
use atrium_testkit::{TestDb, backend_tests};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use tower::ServiceExt;
use uuid::Uuid;

use crate::common::{Harness, harness, snapshot};

backend_tests!(
    patches_refuse_what_creates_refuse_and_write_nothing,
    bad_creates_and_filters_name_the_field,
    routes_admit_the_roles_they_document,
);

fn app(h: &Harness) -> Router {
    let (router, _) = atrium_projects::router(h.svc.clone()).into_parts();
    router
}

/// `(status, body)` of one request by `ctx`.
async fn call(app: &Router, ctx: &OrgCtx, method: Method, uri: &str, body: Option<Value>) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let mut req = req.body(body.map_or_else(Body::empty, |b| Body::from(b.to_string()))).expect("request");
    req.extensions_mut().insert(*ctx);
    req.extensions_mut().insert(CursorKey::derive(b"test"));
    let res = app.clone().oneshot(req).await.expect("response");
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("body");
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// The fields a 422 names.
fn fields(body: &Value) -> Vec<&str> {
    body["errors"].as_array().map(|e| e.iter().filter_map(|f| f["field"].as_str()).collect()).unwrap_or_default()
}

async fn patches_refuse_what_creates_refuse_and_write_nothing(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let app = app(&h);
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "P").await;
    let task = h.task(&ctx, project, "T").await;
    let m = crate::projects::milestone(&h, &ctx, project, "M").await;
    let tpl = h
        .svc
        .create_template(
            &ctx,
            atrium_projects::dto::TemplateIn {
                name: crate::common::text("Tpl"),
                description: None,
                milestones: vec![],
                tasks: vec![],
            },
        )
        .await
        .expect("template")
        .id;

    let before = snapshot(&h.conn).await;
    let long = |n: usize| "x".repeat(n);
    let cases = [
        (format!("/api/v1/projects/{project}"), json!({"name": long(201)}), "name"),
        (format!("/api/v1/projects/{project}"), json!({"name": "a\u{0}b"}), "name"),
        (format!("/api/v1/projects/{project}"), json!({"name": "   "}), "name"),
        (format!("/api/v1/projects/{project}"), json!({"description": long(20_001)}), "description"),
        (format!("/api/v1/projects/{project}"), json!({"description": " "}), "description"),
        (format!("/api/v1/projects/{project}"), json!({"start_date": "-10000-01-01"}), "start_date"),
        (format!("/api/v1/projects/{project}"), json!({"due_date": "+10000-01-01"}), "due_date"),
        (format!("/api/v1/milestones/{m}"), json!({"name": long(201)}), "name"),
        (format!("/api/v1/milestones/{m}"), json!({"due_date": "2026-02-30"}), "due_date"),
        (format!("/api/v1/tasks/{task}"), json!({"title": long(301)}), "title"),
        (format!("/api/v1/tasks/{task}"), json!({"title": "\t"}), "title"),
        (format!("/api/v1/tasks/{task}"), json!({"description": long(20_001)}), "description"),
        (format!("/api/v1/tasks/{task}"), json!({"estimate_minutes": 124_801}), "estimate_minutes"),
        (format!("/api/v1/project-templates/{tpl}"), json!({"name": long(201)}), "name"),
        (
            format!("/api/v1/project-templates/{tpl}"),
            json!({"milestones": [{"key": long(51), "name": "M", "offset_days": 1}]}),
            "milestones[0].key",
        ),
        (
            format!("/api/v1/project-templates/{tpl}"),
            json!({"tasks": [{"title": " ", "offset_days": 1}]}),
            "tasks[0].title",
        ),
    ];
    for (uri, body, field) in cases {
        let (status, problem) = call(&app, &ctx, Method::PATCH, &uri, Some(body.clone())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{uri} {body}: {problem}");
        assert_eq!(fields(&problem), [field], "{uri} {body}");
    }
    assert_eq!(snapshot(&h.conn).await, before, "a refused PATCH writes nothing");

    // What passes the rules is stored trimmed.
    let uri = format!("/api/v1/projects/{project}");
    let (status, out) = call(&app, &ctx, Method::PATCH, &uri, Some(json!({"name": "  Renamed  "}))).await;
    assert_eq!((status, out["name"].as_str()), (StatusCode::OK, Some("Renamed")));
}

async fn bad_creates_and_filters_name_the_field(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let app = app(&h);
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "P").await;
    let before = snapshot(&h.conn).await;
    let cases = [
        ("/api/v1/projects", json!({"name": " ", "engagement_id": engagement}), "name"),
        (
            "/api/v1/projects",
            json!({"name": "P", "engagement_id": engagement, "start_date": "0000-12-31"}),
            "start_date",
        ),
        ("/api/v1/projects", json!({"name": "P", "engagement_id": "nope"}), "engagement_id"),
        ("/api/v1/milestones", json!({"project_id": project, "name": "x".repeat(201)}), "name"),
        ("/api/v1/tasks", json!({"project_id": project, "title": "a\u{0}"}), "title"),
        ("/api/v1/tasks", json!({"project_id": project, "title": "T", "due_date": "-10000-01-01"}), "due_date"),
        ("/api/v1/project-templates", json!({"name": ""}), "name"),
    ];
    for (uri, body, field) in cases {
        let (status, problem) = call(&app, &ctx, Method::POST, uri, Some(body.clone())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{uri} {body}: {problem}");
        assert_eq!(fields(&problem), [field], "{uri} {body}");
    }
    let member = ctx.user_id().expect("user");
    let capacity = json!({"member_id": member, "effective_from": "2027-01-01", "minutes_per_week": 10_081});
    let (status, problem) = call(&app, &ctx, Method::POST, "/api/v1/member-capacities", Some(capacity)).await;
    assert_eq!((status, fields(&problem)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["minutes_per_week"]));
    for (uri, field) in [
        ("/api/v1/tasks?due_before=-10000-01-01", "due_before"),
        ("/api/v1/reports/utilization?to=2026-12-31", "from"),
        ("/api/v1/reports/utilization?from=2026-12-01&to=2026-11-30", "to"),
        ("/api/v1/reports/utilization?from=2026-12-01&to=2026-12-31&basis=hoped", "basis"),
    ] {
        let (status, problem) = call(&app, &ctx, Method::GET, uri, None).await;
        assert_eq!((status, fields(&problem)), (StatusCode::UNPROCESSABLE_ENTITY, vec![field]), "{uri}");
    }
    assert_eq!(snapshot(&h.conn).await, before, "a refused create writes nothing");
}

async fn routes_admit_the_roles_they_document(db: &TestDb) {
    let h = harness(db);
    let owner = h.org().await;
    let app = app(&h);
    let (engagement, _) = h.engagement(&owner).await;
    let project = h.project(&owner, engagement, "P").await;
    let viewer = OrgCtx { role: Role::Viewer, ..owner };
    let billing = OrgCtx { role: Role::Billing, ..owner };
    let member = OrgCtx { role: Role::Member, ..owner };

    let before = snapshot(&h.conn).await;
    let writes = [
        (Method::POST, "/api/v1/projects".to_owned(), json!({"name": "X", "engagement_id": engagement})),
        (Method::PATCH, format!("/api/v1/projects/{project}"), json!({"name": "X"})),
        (Method::DELETE, format!("/api/v1/projects/{project}"), Value::Null),
        (Method::POST, "/api/v1/tasks".to_owned(), json!({"project_id": project, "title": "X"})),
        (Method::POST, format!("/api/v1/projects/{project}/template"), json!({"name": "X"})),
        (Method::POST, "/api/v1/project-templates".to_owned(), json!({"name": "X"})),
        (Method::POST, format!("/api/v1/project-templates/{}/instantiate", Uuid::now_v7()), json!({})),
    ];
    for ctx in [&viewer, &billing] {
        for (method, uri, body) in &writes {
            let body = (!body.is_null()).then(|| body.clone());
            let (status, problem) = call(&app, ctx, method.clone(), uri, body).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{} {method} {uri}: {problem}", ctx.role);
        }
    }
    assert_eq!(snapshot(&h.conn).await, before, "a forbidden write writes nothing");

    for ctx in [&viewer, &billing, &member] {
        for uri in [
            "/api/v1/projects".to_owned(),
            format!("/api/v1/projects/{project}"),
            "/api/v1/tasks".to_owned(),
            "/api/v1/milestones".to_owned(),
            "/api/v1/project-templates".to_owned(),
        ] {
            let (status, body) = call(&app, ctx, Method::GET, &uri, None).await;
            assert_eq!(status, StatusCode::OK, "{} GET {uri}: {body}", ctx.role);
        }
    }
    let (status, _) =
        call(&app, &member, Method::POST, "/api/v1/tasks", Some(json!({"project_id": project, "title": "M"}))).await;
    assert_eq!(status, StatusCode::CREATED, "a member writes records");

    // Every operation documents the role it needs, the same one the extractor applies.
    let (_, docs) = atrium_projects::router(h.svc.clone()).into_parts();
    let api = docs.openapi(Default::default());
    let api = serde_json::to_value(&api).expect("openapi");
    for (path, item) in api["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            let role = op["x-required-role"].as_str();
            let want = match (method.as_str(), path.as_str()) {
                // Rates are billing data, and deciding on time is a billing decision.
                (_, p) if p.starts_with("/api/v1/rate-cards") => "write_billing",
                (_, p) if p.ends_with("/approve") || p.ends_with("/reject") => "write_billing",
                ("get", _) => "any",
                // Capacities are staffing: set by those who manage the organization.
                (_, p) if p.starts_with("/api/v1/member-capacities") => "manage_organization",
                (_, p) if p.starts_with("/api/v1/time-entries") => "log_time",
                _ => "write_records",
            };
            assert_eq!(role, Some(want), "{method} {path}");
        }
    }
}
