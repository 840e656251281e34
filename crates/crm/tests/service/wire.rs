//! The module as the gateway mounts it: bad input through the real extractors is a
//! 422 naming the field with nothing written, roles are checked beside the routes
//! and documented on every operation, and every event CRM writes is a catalog type
//! whose stored payload decodes.

use std::sync::Arc;

use atrium_crm::Members;
use atrium_kernel::{Clock, OrgCtx, Principal, Role};
use atrium_outbox::Platform;
use atrium_testkit::{TestDb, backend_tests};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common::{Harness, contact_in, deal_in, harness, snapshot};
use crate::companies::{company_in, new_company};
use crate::contacts::new_contact;
use crate::deals::new_deal;

backend_tests!(
    bad_input_is_422_naming_the_field_and_writes_nothing,
    roles_are_checked_and_documented_on_every_operation,
    every_published_event_is_in_the_catalog_and_decodes,
);

fn app(h: &Harness, ctx: OrgCtx) -> (Router, utoipa::openapi::OpenApi) {
    let platform = Platform::new(h.conn.clone(), h.clock.clone() as Arc<dyn Clock>, b"test secret");
    let module = atrium_crm::module(&platform, h.members.clone() as Arc<dyn Members>);
    assert_eq!(module.tags.first().map(|t| t.0), Some("crm"));
    assert!(module.subscribers.is_empty(), "bookings become contacts through workflow's default rule");
    let (router, docs) = module.router.into_parts();
    let api = docs.openapi(Default::default());
    let cursors = atrium_kernel::CursorKey::derive(&platform.derive_key("cursor"));
    (router.layer(axum::Extension(ctx)).layer(axum::Extension(cursors)), api)
}

async fn call(router: &Router, method: Method, path: &str, body: Value) -> (StatusCode, Value) {
    let req = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .expect("request");
    let res = router.clone().oneshot(req).await.expect("response");
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.expect("body");
    (status, serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into())))
}

async fn bad_input_is_422_naming_the_field_and_writes_nothing(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (router, _) = app(&h, ctx);
    let company = new_company(&h, &ctx, "Globex", atrium_crm::dto::CompanyStatus::Active).await;
    let contact = new_contact(&h, &ctx, contact_in("Ada", "Lovelace", Some("ada@example.com"))).await;
    let deal = new_deal(&h, &ctx, deal_in("Relaunch")).await;
    let before = snapshot(&h.conn).await;

    let (companies, contacts, deals) = (
        format!("/api/v1/client-companies/{company}"),
        format!("/api/v1/contacts/{contact}"),
        format!("/api/v1/deals/{deal}"),
    );
    let cases: Vec<(Method, &str, Value, &str)> = vec![
        (Method::PATCH, &contacts, json!({"title": "t".repeat(201)}), "title"),
        (Method::PATCH, &contacts, json!({"title": "   "}), "title"),
        (Method::PATCH, &contacts, json!({"first_name": "   "}), "first_name"),
        (Method::PATCH, &contacts, json!({"last_name": "a\u{0}b"}), "last_name"),
        (Method::PATCH, &contacts, json!({"phone": "p".repeat(51)}), "phone"),
        (Method::PATCH, &contacts, json!({"email": "x".repeat(300) + "@example.com"}), "email"),
        (Method::POST, "/api/v1/contacts", json!({"first_name": " \t "}), "first_name"),
        (Method::POST, "/api/v1/contacts", json!({"first_name": "Eve", "email": " "}), "email"),
        (Method::PATCH, &companies, json!({"domain": "d".repeat(254)}), "domain"),
        (Method::PATCH, &companies, json!({"address": "a".repeat(2001)}), "address"),
        (Method::PATCH, &companies, json!({"notes": "n".repeat(20_001)}), "notes"),
        (Method::PATCH, &companies, json!({"name": "  "}), "name"),
        (Method::PATCH, &companies, json!({"tags": ["t".repeat(101)]}), "tags[0]"),
        (Method::PATCH, &companies, json!({"status": "merged"}), "status"),
        (Method::POST, "/api/v1/client-companies", json!({"name": ""}), "name"),
        (Method::PATCH, &deals, json!({"probability": 101}), "probability"),
        (Method::PATCH, &deals, json!({"name": "n".repeat(201)}), "name"),
        (Method::PATCH, &deals, json!({"expected_close_date": "-10000-01-01"}), "expected_close_date"),
        (Method::POST, "/api/v1/deals", json!({"name": "x", "probability": -1}), "probability"),
    ];
    for (method, path, body, field) in cases {
        let (status, problem) = call(&router, method.clone(), path, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{method} {path} {body}: {problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{method} {path} {body}: {problem}");
    }
    let (status, problem) = call(&router, Method::GET, "/api/v1/contacts?q=%20%20", Value::Null).await;
    assert_eq!((status, &problem["errors"][0]["field"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("q")), "{problem}");
    assert_eq!(snapshot(&h.conn).await, before, "no row and no event for refused input");

    // The same values, valid, go through.
    let (status, out) = call(&router, Method::PATCH, &contacts, json!({"title": "t".repeat(200)})).await;
    assert_eq!((status, out["version"].as_i64()), (StatusCode::OK, Some(2)), "{out}");
}

async fn roles_are_checked_and_documented_on_every_operation(db: &TestDb) {
    let h = harness(db);
    let owner = h.org().await;
    let viewer = OrgCtx { principal: Principal::User(h.member_of(owner.org_id).await), role: Role::Viewer, ..owner };
    let (router, api) = app(&h, viewer);
    let before = snapshot(&h.conn).await;
    let (status, _) = call(&router, Method::POST, "/api/v1/contacts", json!({"first_name": "Vic"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a viewer may not write records");
    let (status, _) = call(&router, Method::POST, "/api/v1/client-companies", json!({"name": "Vic Ltd"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&router, Method::GET, "/api/v1/contacts", Value::Null).await;
    assert_eq!(status, StatusCode::OK, "a viewer reads");
    assert_eq!(snapshot(&h.conn).await, before);

    let doc = serde_json::to_value(&api).expect("openapi");
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let expected = if method == "get" { "any" } else { "write_records" };
            assert_eq!(op["x-required-role"], expected, "{method} {path}");
            operations += 1;
        }
    }
    assert_eq!(operations, 23, "every CRM operation");
    // PATCH fields document the limits their types enforce.
    let schemas = &doc["components"]["schemas"];
    let title = &schemas["ContactPatch"]["properties"]["title"];
    assert!(title.to_string().contains("\"maxLength\":200"), "ContactPatch.title: {title}");
    let name = &schemas["CompanyIn"]["properties"]["name"];
    assert!(name.to_string().contains("\"minLength\":1") && name.to_string().contains("\"maxLength\":200"), "{name}");
}

async fn every_published_event_is_in_the_catalog_and_decodes(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (router, _) = app(&h, ctx);
    let company = new_company(&h, &ctx, "Globex", atrium_crm::dto::CompanyStatus::Active).await;
    let dup = h.svc.create_company(&ctx, company_in("Globex Dup")).await.expect("company").id;
    let a = new_contact(&h, &ctx, contact_in("Ada", "Lovelace", Some("ada@example.com"))).await;
    let b = new_contact(&h, &ctx, contact_in("Ada", "L", None)).await;
    let deal = new_deal(&h, &ctx, deal_in("Relaunch")).await;
    for (path, body) in [
        (format!("/api/v1/client-companies/{company}"), json!({"tags": ["vip"]})),
        (format!("/api/v1/contacts/{a}"), json!({"title": "CTO"})),
        (format!("/api/v1/deals/{deal}"), json!({"stage": "won"})),
    ] {
        assert_eq!(call(&router, Method::PATCH, &path, body).await.0, StatusCode::OK, "{path}");
    }
    let merges = [
        (format!("/api/v1/client-companies/{company}/merge"), json!({"source_ids": [dup]})),
        (format!("/api/v1/contacts/{a}/merge"), json!({"source_ids": [b]})),
    ];
    for (path, body) in merges {
        assert_eq!(call(&router, Method::POST, &path, body).await.0, StatusCode::OK, "{path}");
    }
    for path in [
        format!("/api/v1/deals/{deal}"),
        format!("/api/v1/contacts/{a}"),
        format!("/api/v1/client-companies/{company}"),
    ] {
        assert_eq!(call(&router, Method::DELETE, &path, Value::Null).await.0, StatusCode::NO_CONTENT, "{path}");
    }

    let events = snapshot(&h.conn).await.events;
    let mut types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
    types.sort();
    types.dedup();
    assert_eq!(types.len(), 12, "every CRM event type was published: {types:?}");
    for e in &events {
        let entry =
            atrium_events::find(&e.event_type).unwrap_or_else(|| panic!("{} is not in the catalog", e.event_type));
        assert_eq!(entry.aggregate_type, e.aggregate_type, "{}", e.event_type);
        let facets = entry.facets(&e.data).unwrap_or_else(|err| panic!("{} does not decode: {err}", e.event_type));
        if e.event_type == "crm.deal.stage_changed" {
            assert_eq!(facets.transition, Some(("lead".into(), "won".into())));
        }
        if e.event_type.ends_with(".merged") {
            assert_eq!(facets.merged, Some(1));
        }
    }
}
