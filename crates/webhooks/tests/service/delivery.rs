//! Deliveries: which endpoints an event goes to, the signed POST to a local
//! receiver, recorded attempts, failures, and the guard at delivery time.

use atrium_kernel::{IfMatch, PageRequest};
use atrium_outbox::{Event, Subscriber};
use atrium_testkit::{TestDb, backend_tests};
use atrium_webhooks::dto::WebhookPatch;
use atrium_webhooks::signature::verify;

use crate::common::{events_of, harness, receiver, secrets, subscriber, webhook_in};

backend_tests!(
    delivers_a_signed_event_to_a_local_receiver,
    a_failing_receiver_is_an_error_with_its_attempt_recorded,
    targets_follow_patterns_enabled_flag_creation_time_and_tenant,
    the_guard_is_checked_again_at_delivery,
    a_name_is_judged_where_the_connection_resolves_it,
    a_redirect_is_a_failed_delivery_and_is_not_followed,
    secrets_are_sealed_at_rest_and_legacy_plaintext_is_sealed_by_the_job,
);

async fn delivers_a_signed_event_to_a_local_receiver(db: &TestDb) {
    let h = harness(db, true);
    let ctx = h.org().await;
    let rx = receiver(vec![]).await;
    let created = h.svc.create(&ctx, webhook_in(&rx.url, &["webhooks.*"])).await.expect("create");
    let id = created.webhook.id;
    // The endpoint's own creation is the event it receives.
    let event = events_of(&h.conn, id).await.remove(0);
    let target = format!("webhooks:{id}");
    assert_eq!(h.subscriber.targets(&event).await.expect("targets"), std::slice::from_ref(&target));
    h.subscriber.deliver(&target, &event).await.expect("delivered");

    let got = rx.received();
    assert_eq!(got.len(), 1);
    let (headers, body) = &got[0];
    let header = |name: &str| headers[name].to_str().expect("ascii header").to_owned();
    assert_eq!(header("webhook-id"), event.id.to_string());
    assert_eq!(header("content-type"), "application/json");
    let ts: i64 = header("webhook-timestamp").parse().expect("unix seconds");
    let sig = header("webhook-signature");
    assert!(verify(&created.secret, &header("webhook-id"), ts, body, &sig), "signed with the endpoint's secret");
    assert!(!verify(&created.secret, &header("webhook-id"), ts + 1, body, &sig), "bound to the timestamp");
    assert!(!verify("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &header("webhook-id"), ts, body, &sig));
    let sent: Event = serde_json::from_slice(body).expect("the body is the event envelope");
    assert_eq!(sent, event);

    let attempts = h.svc.attempts(&ctx, id, PageRequest::first(10)).await.expect("attempts");
    assert_eq!(attempts.items.len(), 1);
    let a = &attempts.items[0];
    assert_eq!(
        (a.event_id, a.event_type.as_str(), a.status_code, a.error.as_deref()),
        (event.id, "webhooks.endpoint.created", Some(200), None)
    );
}

async fn a_failing_receiver_is_an_error_with_its_attempt_recorded(db: &TestDb) {
    let h = harness(db, true);
    let ctx = h.org().await;
    let rx = receiver(vec![500, 503]).await;
    let id = h.svc.create(&ctx, webhook_in(&rx.url, &["*"])).await.expect("create").webhook.id;
    let event = events_of(&h.conn, id).await.remove(0);
    let target = format!("webhooks:{id}");
    let first = h.subscriber.deliver(&target, &event).await.expect_err("500 is a failed delivery");
    assert!(first.to_string().contains("500"), "{first}");
    assert!(h.subscriber.deliver(&target, &event).await.is_err(), "503 too");
    h.subscriber.deliver(&target, &event).await.expect("the receiver recovered");
    assert_eq!(rx.received().len(), 3, "every try reached the receiver");
    let attempts = h.svc.attempts(&ctx, id, PageRequest::first(10)).await.expect("attempts");
    let codes: Vec<Option<i32>> = attempts.items.iter().map(|a| a.status_code).collect();
    assert_eq!(codes, [Some(200), Some(503), Some(500)], "newest first");
    assert!(attempts.items[2].error.as_deref().is_some_and(|e| e.contains("500")));

    // No receiver at all: no status, the error names the failure.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let dead_url = format!("http://{}/hook", closed.local_addr().expect("addr"));
    drop(closed);
    let patch = WebhookPatch { url: Some(atrium_kernel::Text::parse(&dead_url).expect("url")), ..Default::default() };
    h.svc.update(&ctx, id, patch, IfMatch(None)).await.expect("point at nothing");
    assert!(h.subscriber.deliver(&target, &event).await.is_err());
    let newest = h.svc.attempts(&ctx, id, PageRequest::first(1)).await.expect("attempts").items.remove(0);
    assert_eq!(newest.status_code, None);
    assert!(newest.error.as_deref().is_some_and(|e| e.contains("request failed")), "{newest:?}");
}

async fn targets_follow_patterns_enabled_flag_creation_time_and_tenant(db: &TestDb) {
    let h = harness(db, true);
    let (a, b) = (h.org().await, h.org().await);
    let rx = receiver(vec![]).await;
    let crm = h.svc.create(&a, webhook_in(&rx.url, &["crm.*"])).await.expect("crm endpoint").webhook.id;
    let all = h.svc.create(&a, webhook_in(&rx.url, &["*"])).await.expect("catch-all").webhook.id;
    let off = h.svc.create(&a, webhook_in(&rx.url, &["*"])).await.expect("to disable").webhook.id;
    h.svc
        .update(&a, off, WebhookPatch { enabled: Some(false), ..Default::default() }, IfMatch(None))
        .await
        .expect("disable");
    let theirs = h.svc.create(&b, webhook_in(&rx.url, &["*"])).await.expect("B's endpoint").webhook.id;

    let event = events_of(&h.conn, all).await.remove(0);
    assert_eq!(
        h.subscriber.targets(&event).await.expect("targets"),
        [format!("webhooks:{all}")],
        "not the crm.* one, not the disabled one, not B's"
    );
    let mut backlog = event.clone();
    backlog.occurred_at -= chrono::Duration::seconds(1);
    assert!(h.subscriber.targets(&backlog).await.expect("targets").is_empty(), "nothing from before an endpoint");

    // A target that no longer applies delivers nothing and succeeds.
    h.svc.delete(&a, crm, IfMatch(None)).await.expect("delete");
    for gone in [off, theirs, crm] {
        h.subscriber.deliver(&format!("webhooks:{gone}"), &event).await.expect("nothing to do");
    }
    assert!(rx.received().is_empty(), "disabled, other tenant's and deleted endpoints get nothing");
    assert!(h.subscriber.deliver("webhooks:not-a-uuid", &event).await.is_err(), "a malformed target is an error");
}

async fn the_guard_is_checked_again_at_delivery(db: &TestDb) {
    // Saved while private addresses were allowed; delivered by a strict subscriber.
    let h = harness(db, true);
    let ctx = h.org().await;
    let rx = receiver(vec![]).await;
    let id = h.svc.create(&ctx, webhook_in(&rx.url, &["*"])).await.expect("create").webhook.id;
    let event = events_of(&h.conn, id).await.remove(0);
    let strict = subscriber(db, false);
    let refused = strict.deliver(&format!("webhooks:{id}"), &event).await.expect_err("refused");
    assert!(refused.to_string().contains("private"), "{refused}");
    assert!(rx.received().is_empty(), "no request left the guard");
    let attempt = h.svc.attempts(&ctx, id, PageRequest::first(1)).await.expect("attempts").items.remove(0);
    assert_eq!(attempt.status_code, None);
    assert!(attempt.error.as_deref().is_some_and(|e| e.starts_with("url ")), "{attempt:?}");
}

async fn a_name_is_judged_where_the_connection_resolves_it(db: &TestDb) {
    // Saved while private addresses were allowed, by name; the strict subscriber
    // does not look the name up beforehand: the connection's one DNS answer is
    // judged by the guarded resolver, and only an allowed address is dialled.
    let h = harness(db, true);
    let ctx = h.org().await;
    let rx = receiver(vec![]).await;
    let by_name = rx.url.replace("127.0.0.1", "localhost");
    let id = h.svc.create(&ctx, webhook_in(&by_name, &["*"])).await.expect("create").webhook.id;
    let event = events_of(&h.conn, id).await.remove(0);
    let strict = subscriber(db, false);
    let refused = strict.deliver(&format!("webhooks:{id}"), &event).await.expect_err("refused");
    assert!(refused.to_string().contains("private or reserved"), "{refused}");
    assert!(rx.received().is_empty(), "no request reached the receiver");
    h.subscriber.deliver(&format!("webhooks:{id}"), &event).await.expect("the open subscriber delivers by name");
    assert_eq!(rx.received().len(), 1);
}

async fn a_redirect_is_a_failed_delivery_and_is_not_followed(db: &TestDb) {
    let h = harness(db, true);
    let ctx = h.org().await;
    let inner = receiver(vec![]).await;
    let location = inner.url.clone();
    let redirector = axum::Router::new().route(
        "/hook",
        axum::routing::post(move || {
            let location = location.clone();
            async move { (axum::http::StatusCode::TEMPORARY_REDIRECT, [(axum::http::header::LOCATION, location)]) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, redirector).await;
    });
    let id = h.svc.create(&ctx, webhook_in(&url, &["*"])).await.expect("create").webhook.id;
    let event = events_of(&h.conn, id).await.remove(0);
    let failed = h.subscriber.deliver(&format!("webhooks:{id}"), &event).await.expect_err("a 307 is not delivered");
    assert!(failed.to_string().contains("307"), "{failed}");
    assert!(inner.received().is_empty(), "the redirect was not followed");
    let attempt = h.svc.attempts(&ctx, id, PageRequest::first(1)).await.expect("attempts").items.remove(0);
    assert_eq!(attempt.status_code, Some(307));
}

async fn secrets_are_sealed_at_rest_and_legacy_plaintext_is_sealed_by_the_job(db: &TestDb) {
    use atrium_outbox::Job;
    use atrium_webhooks::SealSecretsJob;
    use atrium_webhooks::entity::endpoint;
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let h = harness(db, true);
    let ctx = h.org().await;
    let rx = receiver(vec![]).await;
    let created = h.svc.create(&ctx, webhook_in(&rx.url, &["webhooks.*"])).await.expect("create");
    let other = h.svc.create(&ctx, webhook_in(&rx.url, &["nothing.*"])).await.expect("create");
    let id = created.webhook.id;
    let stored = |id: atrium_webhooks::dto::WebhookEndpointId| {
        let conn = h.conn.clone();
        async move { endpoint::Entity::find_by_id(id.into_uuid()).one(&conn).await.expect("row").expect("exists").secret }
    };
    let sealed = stored(id).await;
    assert!(sealed.starts_with("v2:secret-") && !sealed.contains(&created.secret), "sealed at rest: {sealed}");
    let event = events_of(&h.conn, id).await.remove(0);
    let target = format!("webhooks:{id}");
    let set_secret = |value: String| {
        let conn = h.conn.clone();
        async move {
            endpoint::Entity::update_many()
                .col_expr(endpoint::Column::Secret, Expr::value(value))
                .filter(endpoint::Column::Id.eq(id.into_uuid()))
                .exec(&conn)
                .await
                .expect("set secret");
        }
    };
    let last_verifies = || {
        let got = rx.received();
        let (headers, body) = got.last().expect("a delivery").clone();
        let header = |name: &str| headers[name].to_str().expect("ascii header").to_owned();
        let ts: i64 = header("webhook-timestamp").parse().expect("unix seconds");
        verify(&created.secret, &header("webhook-id"), ts, &body, &header("webhook-signature"))
    };

    // A row from before encryption at rest: still signs, then the job seals it.
    set_secret(created.secret.clone()).await;
    h.subscriber.deliver(&target, &event).await.expect("delivered with the legacy secret");
    assert!(last_verifies());
    let job = SealSecretsJob { db: h.conn.clone(), secrets: secrets() };
    assert_eq!(job.run(chrono::Utc::now()).await.expect("job"), "sealed 1 webhook signing secrets");
    let resealed = stored(id).await;
    assert!(resealed.starts_with("v2:secret-") && !resealed.contains(&created.secret));
    assert_eq!(job.run(chrono::Utc::now()).await.expect("job"), "sealed 0 webhook signing secrets");
    h.subscriber.deliver(&target, &event).await.expect("delivered with the sealed secret");
    assert!(last_verifies());

    // A sealed secret is bound to its endpoint: copied onto another row it does not open.
    set_secret(stored(other.webhook.id).await).await;
    let err = h.subscriber.deliver(&target, &event).await.expect_err("a foreign ciphertext");
    assert!(err.0.contains("signing secret") && err.0.contains(&format!("row {id}")), "{err:?}");
    assert!(!err.0.contains(&created.secret), "{err:?}");
}
