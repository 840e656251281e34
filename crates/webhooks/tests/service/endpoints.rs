//! Endpoint CRUD, tenancy, optimistic locking, the SSRF guard and input rules.

use atrium_events::webhooks::{EndpointCreated, EndpointDeleted, EndpointUpdated};
use atrium_kernel::{AppError, IfMatch, PageRequest};
use atrium_testkit::{TestDb, backend_tests};
use atrium_webhooks::dto::{WebhookEndpointId, WebhookIn, WebhookPatch};
use validator::Validate;

use crate::common::{events_of, fails, harness, invalid_fields, snapshot, webhook_in};

backend_tests!(
    endpoint_crud_publishes_typed_events,
    a_patch_that_changes_nothing_writes_nothing,
    another_orgs_endpoint_is_not_found,
    stale_if_match_conflicts_and_changes_nothing,
    private_and_malformed_urls_are_refused_with_nothing_written,
);

async fn endpoint_crud_publishes_typed_events(db: &TestDb) {
    let h = harness(db, false);
    let ctx = h.org().await;
    let mut input = webhook_in("https://93.184.216.34/hook", &["identity.member.*", "crm.contact.created"]);
    input.description = "HR sync".into();
    let created = h.svc.create(&ctx, input).await.expect("create");
    let id = created.webhook.id;
    assert!(created.secret.starts_with("whsec_"));
    assert_eq!((created.webhook.version, created.webhook.enabled), (1, true));
    assert_eq!(h.svc.get(&ctx, id).await.expect("get").url, "https://93.184.216.34/hook");
    let listed = h.svc.list(&ctx, PageRequest::first(10)).await.expect("list");
    assert_eq!(listed.items.iter().map(|w| w.id).collect::<Vec<_>>(), [id]);

    let patch =
        WebhookPatch { enabled: Some(false), description: Some("HR sync (paused)".into()), ..Default::default() };
    let updated = h.svc.update(&ctx, id, patch, IfMatch(Some(1))).await.expect("update");
    assert_eq!((updated.version, updated.enabled, updated.description.as_str()), (2, false, "HR sync (paused)"));
    h.svc.delete(&ctx, id, IfMatch(Some(2))).await.expect("delete");
    assert!(matches!(h.svc.get(&ctx, id).await, Err(AppError::NotFound("webhook"))));

    let events = events_of(&h.conn, id).await;
    let types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(types, ["webhooks.endpoint.created", "webhooks.endpoint.updated", "webhooks.endpoint.deleted"]);
    assert!(events.iter().all(|e| e.aggregate_type == "webhook" && e.org_id == ctx.org_id));
    assert!(events.iter().all(|e| !e.data.to_string().contains(&created.secret)), "the secret is never in an event");
    let c: EndpointCreated = events[0].payload().expect("created payload");
    assert_eq!(c.endpoint.id, id);
    assert_eq!(c.endpoint.event_types, ["identity.member.*", "crm.contact.created"]);
    assert_eq!(events[0].data["url"], "https://93.184.216.34/hook", "the state is flat in the payload");
    let u: EndpointUpdated = events[1].payload().expect("updated payload");
    assert_eq!(u.changed, ["description", "enabled"]);
    assert!(!u.endpoint.enabled);
    let d: EndpointDeleted = events[2].payload().expect("deleted payload");
    assert_eq!((d.id, d.url.as_str()), (id, "https://93.184.216.34/hook"));
}

async fn a_patch_that_changes_nothing_writes_nothing(db: &TestDb) {
    let h = harness(db, false);
    let ctx = h.org().await;
    let created = h.svc.create(&ctx, webhook_in("https://93.184.216.34/a", &["*"])).await.expect("create");
    let before = snapshot(&h.conn).await;
    let same = WebhookPatch {
        url: Some(atrium_kernel::Text::parse("https://93.184.216.34/a").expect("url")),
        event_types: Some(vec!["*".into()]),
        enabled: Some(true),
        ..Default::default()
    };
    let out = h.svc.update(&ctx, created.webhook.id, same, IfMatch(None)).await.expect("update");
    assert_eq!(out.version, 1);
    assert_eq!(snapshot(&h.conn).await, before, "no version bump, no event");
}

async fn another_orgs_endpoint_is_not_found(db: &TestDb) {
    let h = harness(db, false);
    let (a, b) = (h.org().await, h.org().await);
    let id = h.svc.create(&a, webhook_in("https://93.184.216.34/a", &["*"])).await.expect("create").webhook.id;
    let before = snapshot(&h.conn).await;
    let patch = || WebhookPatch { enabled: Some(false), ..Default::default() };
    assert!(matches!(h.svc.get(&b, id).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.update(&b, id, patch(), IfMatch(None)).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.update(&b, id, patch(), IfMatch(Some(1))).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.delete(&b, id, IfMatch(None)).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.attempts(&b, id, PageRequest::first(10)).await, Err(AppError::NotFound(_))));
    assert!(h.svc.list(&b, PageRequest::first(10)).await.expect("list").items.is_empty());
    assert!(matches!(h.svc.get(&a, WebhookEndpointId::new()).await, Err(AppError::NotFound(_))));
    assert_eq!(snapshot(&h.conn).await, before, "nothing of A's changed, no event was written");
}

async fn stale_if_match_conflicts_and_changes_nothing(db: &TestDb) {
    let h = harness(db, false);
    let ctx = h.org().await;
    let id = h.svc.create(&ctx, webhook_in("https://93.184.216.34/a", &["*"])).await.expect("create").webhook.id;
    let patch = WebhookPatch { enabled: Some(false), ..Default::default() };
    h.svc.update(&ctx, id, patch.clone(), IfMatch(Some(1))).await.expect("first update");
    let before = snapshot(&h.conn).await;
    let enable = WebhookPatch { enabled: Some(true), ..Default::default() };
    let stale = fails(h.svc.update(&ctx, id, enable, IfMatch(Some(1))).await, "stale update");
    assert!(matches!(stale, AppError::Conflict { .. }), "{stale:?}");
    let stale = fails(h.svc.delete(&ctx, id, IfMatch(Some(1))).await, "stale delete");
    assert!(matches!(stale, AppError::Conflict { .. }), "{stale:?}");
    assert_eq!(snapshot(&h.conn).await, before);
    h.svc.delete(&ctx, id, IfMatch(Some(2))).await.expect("current version deletes");
}

async fn private_and_malformed_urls_are_refused_with_nothing_written(db: &TestDb) {
    let h = harness(db, false);
    let ctx = h.org().await;
    let id = h.svc.create(&ctx, webhook_in("https://93.184.216.34/a", &["*"])).await.expect("create").webhook.id;
    let before = snapshot(&h.conn).await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
        "http://10.0.0.7/x",
        "ftp://93.184.216.34/x",
        "http://user:pw@93.184.216.34/x",
        "not a url",
    ] {
        let refused = fails(h.svc.create(&ctx, webhook_in(url, &["*"])).await, url);
        assert_eq!(invalid_fields(&refused), ["url"], "{url}");
        let patch = WebhookPatch { url: Some(atrium_kernel::Text::parse(url).expect("text")), ..Default::default() };
        let refused = fails(h.svc.update(&ctx, id, patch, IfMatch(None)).await, url);
        assert_eq!(invalid_fields(&refused), ["url"], "{url}");
    }
    assert_eq!(snapshot(&h.conn).await, before, "nothing was written");

    // The wire rules, checked before the service runs.
    let parse = |v: serde_json::Value| serde_json::from_value::<WebhookIn>(v);
    assert!(parse(serde_json::json!({"url": "   ", "event_types": ["*"]})).is_err(), "blank url");
    assert!(parse(serde_json::json!({"url": "x".repeat(2001), "event_types": ["*"]})).is_err(), "over-long url");
    let bad_patterns = parse(serde_json::json!({"url": "https://a.example", "event_types": ["Crm"]})).expect("parses");
    assert!(bad_patterns.validate().is_err(), "patterns are lower-case dotted names");
    let long =
        parse(serde_json::json!({"url": "https://a.example", "event_types": ["*"], "description": "d".repeat(501)}))
            .expect("parses");
    assert!(long.validate().is_err(), "description is at most 500 characters");
}
