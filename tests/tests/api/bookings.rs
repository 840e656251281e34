//! Inbound booking webhooks on both backends: Cal.com and Calendly deliveries,
//! signed over the raw body, publish `appointment.booked` once per booking and the
//! default rule makes the contact once, however often the provider delivers; every
//! refusal (no, wrong or stale signature, tampered body, unknown, foreign or
//! disabled endpoint, rotated secret) is the same 401 and changes nothing; bad
//! bookings are 422s naming the field; other provider events are 202s. Endpoint
//! management is for owners and admins, and its secrets never leave but once.

use atrium_tests::{Reply, Session, TestApp, app_tests, eventually, read};
use atrium_workflow::booking::{sign_cal_com, sign_calendly};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use serde_json::{Value, json};

app_tests!(
    a_cal_com_booking_delivered_twice_creates_the_contact_once,
    a_calendly_booking_delivered_twice_creates_the_contact_once,
    refused_deliveries_are_the_same_401_and_change_nothing,
    bad_bookings_are_422s_and_other_events_202s,
    a_rotated_secret_replaces_the_old_one,
    endpoints_are_managed_by_admins_and_validated,
);

struct Endpoint {
    id: String,
    path: String,
    secret: String,
}

async fn endpoint(app: &TestApp, s: &Session, provider: &str, secret: Option<&str>) -> Endpoint {
    let mut body = json!({"name": format!("{provider} bookings"), "provider": provider});
    if let Some(secret) = secret {
        body["secret"] = json!(secret);
    }
    let r = app.post("/api/v1/booking-endpoints", &s.token, body).await.expect(201);
    let e = &r.body["endpoint"];
    Endpoint {
        id: e["id"].as_str().expect("id").to_owned(),
        path: e["inbound_path"].as_str().expect("inbound path").to_owned(),
        secret: r.body["secret"].as_str().expect("secret").to_owned(),
    }
}

/// Delivers `body` as the provider would, with the given signature header.
async fn deliver(app: &TestApp, path: &str, header: Option<(&str, String)>, body: &[u8]) -> Reply {
    let mut req =
        app.http.post(format!("{}{path}", app.base)).header("content-type", "application/json").body(body.to_vec());
    if let Some((name, value)) = header {
        req = req.header(name, value);
    }
    read(req.send().await.expect("request")).await
}

/// A signature header (name, value), if any.
type Signed = Option<(&'static str, String)>;
/// A refused delivery: (what, path, signature, body).
type Case<'a> = (&'a str, &'a str, Signed, &'a [u8]);

fn cal_signed(secret: &str, body: &[u8]) -> Signed {
    Some(("X-Cal-Signature-256", sign_cal_com(secret, body)))
}

fn calendly_signed(secret: &str, body: &[u8]) -> Signed {
    Some(("Calendly-Webhook-Signature", sign_calendly(secret, chrono::Utc::now().timestamp(), body)))
}

fn cal_booking(uid: &str, email: &str) -> Vec<u8> {
    json!({"triggerEvent": "BOOKING_CREATED", "createdAt": "2026-12-12T10:00:00.000Z", "payload": {
        "uid": uid, "title": "Intro call between Ada and Lin Wu", "startTime": "2026-12-14T10:00:00Z",
        "endTime": "2026-12-14T10:30:00Z", "attendees": [{"email": email, "name": "Lin Wu", "timeZone": "Europe/Berlin"}],
        "organizer": {"email": "ada@example.com", "name": "Ada"}, "responses": {"email": {"value": email}}}})
    .to_string()
    .into_bytes()
}

fn calendly_booking(invitee: &str, email: &str) -> Vec<u8> {
    json!({"event": "invitee.created", "created_at": "2026-12-12T10:00:00.000000Z", "payload": {
        "email": email, "name": "Kim Park",
        "uri": format!("https://api.calendly.com/scheduled_events/EV1/invitees/{invitee}"),
        "scheduled_event": {"name": "Consultation", "start_time": "2026-12-15T09:30:00.000000Z"}}})
    .to_string()
    .into_bytes()
}

/// Outbox events of the organization of `event_type` (`None`: all of them).
async fn events(app: &TestApp, s: &Session, event_type: Option<&str>) -> i64 {
    let org: uuid::Uuid = s.org_id.parse().expect("org id");
    let mut q = Query::select()
        .expr_as(Func::count(Expr::col(Alias::new("id"))), Alias::new("n"))
        .from(Alias::new("outbox_events"))
        .and_where(Expr::col(Alias::new("organization_id")).eq(org))
        .to_owned();
    if let Some(t) = event_type {
        q.and_where(Expr::col(Alias::new("event_type")).eq(t));
    }
    let row = app.db.conn.query_one(&q).await.expect("query").expect("a row");
    row.try_get::<i64>("", "n").expect("count")
}

async fn contacts(app: &TestApp, s: &Session, email: &str) -> Vec<Value> {
    let r = app.get(&format!("/api/v1/contacts?email={email}"), &s.token).await.expect(200);
    r.body["items"].as_array().cloned().unwrap_or_default()
}

/// The default rule's runs, once there are `n` settled ones.
async fn booking_runs(app: &TestApp, s: &Session, n: usize) -> Vec<Value> {
    eventually(&format!("{n} runs of the default booking rule"), || async {
        let rules = app.get("/api/v1/workflow-rules", &s.token).await.expect(200);
        let rule = rules.body["items"].as_array()?.iter().find(|r| r["trigger"] == "appointment.booked")?.clone();
        let runs = app.get(&format!("/api/v1/workflow-rules/{}/runs", rule["id"].as_str()?), &s.token).await;
        let items = runs.expect(200).body["items"].as_array().cloned().unwrap_or_default();
        (items.len() >= n && items.iter().all(|r| r["outcome"] != "running")).then_some(items)
    })
    .await
}

/// Delivered twice: one receipt, one event, one contact (made by the default rule).
async fn booked_once(app: &TestApp, ada: &Session, e: &Endpoint, first: Reply, again: Reply, email: &str) {
    let first = first.expect(200);
    assert_eq!(first.body["duplicate"], false, "{}", first.body);
    assert_eq!(first.body["endpoint_id"], e.id.as_str());
    let again = again.expect(200);
    assert_eq!(again.body["duplicate"], true, "{}", again.body);
    assert_eq!((&again.body["id"], &again.body["event_id"]), (&first.body["id"], &first.body["event_id"]));
    assert_eq!(events(app, ada, Some("appointment.booked")).await, 1, "one event for two deliveries");

    let runs = booking_runs(app, ada, 1).await;
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert_eq!(runs[0]["outcome"], "succeeded", "{runs:?}");
    assert_eq!(runs[0]["event_id"], first.body["event_id"]);
    let found = contacts(app, ada, email).await;
    assert_eq!(found.len(), 1, "{found:?}");

    // The event says where it came from.
    let feed = atrium_tests::feed_event(app, &ada.token, "appointment.booked").await;
    assert_eq!(feed["actor"], format!("integration:booking:{}", e.id), "{feed}");
    assert_eq!(feed["data"]["booking"]["endpoint_id"], e.id.as_str(), "{feed}");
    assert_eq!(feed["data"]["appointment_id"], first.body["id"], "{feed}");
}

async fn a_cal_com_booking_delivered_twice_creates_the_contact_once(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let e = endpoint(app, &ada, "cal_com", None).await;
    assert_eq!(e.secret.len(), 64, "256 bits in hex: {}", e.secret);
    assert!(e.path.starts_with("/api/v1/integrations/bookings/") && !e.path.ends_with(&e.id), "{}", e.path);
    let body = cal_booking("bk_lin_1", "Lin@Clinic.example");
    let first = deliver(app, &e.path, cal_signed(&e.secret, &body), &body).await;
    let again = deliver(app, &e.path, cal_signed(&e.secret, &body), &body).await;
    booked_once(app, &ada, &e, first, again, "lin@clinic.example").await;
    let lin = &contacts(app, &ada, "lin@clinic.example").await[0];
    assert_eq!((lin["first_name"].as_str(), lin["last_name"].as_str()), (Some("Lin"), Some("Wu")));
    let feed = atrium_tests::feed_event(app, &ada.token, "appointment.booked").await;
    assert_eq!(feed["data"]["booking"]["provider"], "cal_com");
    assert_eq!(feed["data"]["booking"]["booking_uid"], "bk_lin_1");
    assert_eq!(feed["data"]["booking"]["start_time"], "2026-12-14T10:00:00Z");

    // Another booking of the same person: a second event, still one contact.
    let other = cal_booking("bk_lin_2", "lin@clinic.example");
    deliver(app, &e.path, cal_signed(&e.secret, &other), &other).await.expect(200);
    booking_runs(app, &ada, 2).await;
    assert_eq!(contacts(app, &ada, "lin@clinic.example").await.len(), 1);
}

async fn a_calendly_booking_delivered_twice_creates_the_contact_once(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    // Calendly hands out its signing key: the endpoint takes it.
    let key = "calendly-signing-key-3f9a1c7e5b2d";
    let e = endpoint(app, &ada, "calendly", Some(key)).await;
    assert_eq!(e.secret, key);
    let body = calendly_booking("INV1", "kim@clinic.example");
    // Both deliveries at once: one of them records the booking, the other finds it.
    let (a, b) = tokio::join!(
        deliver(app, &e.path, calendly_signed(key, &body), &body),
        deliver(app, &e.path, calendly_signed(key, &body), &body)
    );
    let (first, again) = if a.body["duplicate"] == true { (b, a) } else { (a, b) };
    booked_once(app, &ada, &e, first, again, "kim@clinic.example").await;
    let feed = atrium_tests::feed_event(app, &ada.token, "appointment.booked").await;
    assert_eq!(feed["data"]["booking"]["booking_uid"], "https://api.calendly.com/scheduled_events/EV1/invitees/INV1");
    assert_eq!(feed["data"]["booking"]["title"], "Consultation");
}

async fn refused_deliveries_are_the_same_401_and_change_nothing(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let bob = app.signup("bob@example.com").await;
    let cal = endpoint(app, &ada, "cal_com", None).await;
    let calendly = endpoint(app, &ada, "calendly", Some("calendly-signing-key-3f9a1c7e5b2d")).await;
    let bobs = endpoint(app, &bob, "cal_com", None).await;
    let before = (events(app, &ada, None).await, events(app, &bob, None).await);

    let body = cal_booking("bk_1", "lin@clinic.example");
    let tampered = cal_booking("bk_1", "mallory@evil.example");
    let stale = sign_calendly(&calendly.secret, chrono::Utc::now().timestamp() - 301, &body);
    let future = sign_calendly(&calendly.secret, chrono::Utc::now().timestamp() + 301, &body);
    let cal_body = calendly_booking("INV1", "kim@clinic.example");
    let unknown = format!("/api/v1/integrations/bookings/{}", uuid::Uuid::now_v7());
    let cases: Vec<Case<'_>> = vec![
        ("no signature", &cal.path, None, &body),
        ("wrong secret", &cal.path, cal_signed("not-the-secret-at-all", &body), &body),
        ("tampered body", &cal.path, cal_signed(&cal.secret, &body), &tampered),
        ("garbage signature", &cal.path, Some(("X-Cal-Signature-256", "zz".into())), &body),
        ("the other provider's header", &cal.path, calendly_signed(&cal.secret, &body), &body),
        ("stale Calendly t", &calendly.path, Some(("Calendly-Webhook-Signature", stale)), &cal_body),
        ("future Calendly t", &calendly.path, Some(("Calendly-Webhook-Signature", future)), &cal_body),
        ("unknown endpoint", &unknown, cal_signed(&cal.secret, &body), &body),
        ("not an id", "/api/v1/integrations/bookings/nope", cal_signed(&cal.secret, &body), &body),
        // Bob's endpoint id with Ada's secret: the signature decides, not the id.
        ("another org's endpoint", &bobs.path, cal_signed(&cal.secret, &body), &body),
    ];
    let mut problems = Vec::new();
    for (what, path, header, body) in cases {
        let r = deliver(app, path, header, body).await.expect_problem(401);
        problems.push((what, r.body));
    }
    // Bytes that are not JSON at all are a 400 before the endpoint is looked up, as on every JSON route.
    deliver(app, &unknown, None, b"{oops").await.expect_problem(400);
    deliver(app, &cal.path, None, b"{oops").await.expect_problem(400);
    let (_, first) = &problems[0];
    for (what, body) in &problems {
        assert_eq!(body, first, "{what}: the same answer for every refusal");
    }

    // Disabled: refused like an unknown endpoint; enabled again, accepted.
    let signed = cal_signed(&cal.secret, &body);
    app.patch(&format!("/api/v1/booking-endpoints/{}", cal.id), &ada.token, json!({"enabled": false}))
        .await
        .expect(200);
    let r = deliver(app, &cal.path, signed.clone(), &body).await.expect_problem(401);
    assert_eq!(&r.body, first, "disabled");
    let after_disable = events(app, &ada, None).await;
    assert_eq!(after_disable, before.0 + 1, "only the update's event");
    assert_eq!(events(app, &bob, None).await, before.1, "nothing for Bob");
    assert_eq!(events(app, &ada, Some("appointment.booked")).await, 0);
    app.patch(&format!("/api/v1/booking-endpoints/{}", cal.id), &ada.token, json!({"enabled": true})).await.expect(200);
    deliver(app, &cal.path, signed, &body).await.expect(200);
    assert_eq!(events(app, &ada, Some("appointment.booked")).await, 1);
}

async fn bad_bookings_are_422s_and_other_events_202s(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let cal = endpoint(app, &ada, "cal_com", None).await;
    let calendly = endpoint(app, &ada, "calendly", None).await;
    let before = events(app, &ada, None).await;

    let bad = cal_booking("bk_1", "not-an-email");
    let r = deliver(app, &cal.path, cal_signed(&cal.secret, &bad), &bad).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["payload.attendees[0].email"], "{}", r.body);
    let bad = calendly_booking("INV1", "kim@");
    let r = deliver(app, &calendly.path, calendly_signed(&calendly.secret, &bad), &bad).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["payload.email"], "{}", r.body);
    let no_uid =
        json!({"triggerEvent": "BOOKING_CREATED", "payload": {"attendees": [{"email": "lin@clinic.example"}]}});
    let no_uid = no_uid.to_string().into_bytes();
    let r = deliver(app, &cal.path, cal_signed(&cal.secret, &no_uid), &no_uid).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["payload.uid"], "{}", r.body);
    let junk = b"{not json".to_vec();
    deliver(app, &cal.path, cal_signed(&cal.secret, &junk), &junk).await.expect_problem(400);

    let cancelled = json!({"triggerEvent": "BOOKING_CANCELLED", "payload": {"uid": "bk_1"}}).to_string().into_bytes();
    let r = deliver(app, &cal.path, cal_signed(&cal.secret, &cancelled), &cancelled).await.expect(202);
    assert_eq!(r.body["ignored"], "BOOKING_CANCELLED");
    let canceled = json!({"event": "invitee.canceled", "payload": {"email": "kim@clinic.example"}}).to_string();
    let canceled = canceled.into_bytes();
    let r = deliver(app, &calendly.path, calendly_signed(&calendly.secret, &canceled), &canceled).await.expect(202);
    assert_eq!(r.body["ignored"], "invitee.canceled");
    assert_eq!(events(app, &ada, None).await, before, "nothing published");
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let rules = app.get("/api/v1/workflow-rules", &ada.token).await.expect(200);
    assert_eq!(rules.body["items"], json!([]), "no booking reached the workflow engine");
}

async fn a_rotated_secret_replaces_the_old_one(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let e = endpoint(app, &ada, "cal_com", None).await;
    let rotated =
        app.post(&format!("/api/v1/booking-endpoints/{}/rotate-secret", e.id), &ada.token, json!({})).await.expect(200);
    let new = rotated.body["secret"].as_str().expect("secret").to_owned();
    assert_ne!(new, e.secret);
    assert_eq!(rotated.body["endpoint"]["inbound_path"], e.path.as_str(), "the URL stays");
    let body = cal_booking("bk_1", "lin@clinic.example");
    deliver(app, &e.path, cal_signed(&e.secret, &body), &body).await.expect_problem(401);
    deliver(app, &e.path, cal_signed(&new, &body), &body).await.expect(200);

    // A supplied one (Calendly-style) works the same way.
    let given = "a-provider-issued-signing-key-42";
    let r = app
        .post(&format!("/api/v1/booking-endpoints/{}/rotate-secret", e.id), &ada.token, json!({"secret": given}))
        .await
        .expect(200);
    assert_eq!(r.body["secret"], given);
    let body = cal_booking("bk_2", "kim@clinic.example");
    deliver(app, &e.path, cal_signed(&new, &body), &body).await.expect_problem(401);
    deliver(app, &e.path, cal_signed(given, &body), &body).await.expect(200);

    let feed = app.get("/api/v1/events?limit=500", &ada.token).await.expect(200);
    let text = feed.body.to_string();
    assert!(!text.contains(&e.secret) && !text.contains(&new) && !text.contains(given), "no event carries a secret");
    let rotations = eventually("the rotation events in the feed", || async {
        let feed = app.get("/api/v1/events?limit=500", &ada.token).await.expect(200);
        let items = feed.body["items"].as_array().cloned().unwrap_or_default();
        let n = items.iter().filter(|e| e["type"] == "workflow.booking_endpoint.secret_rotated").count();
        (n == 2).then_some(items)
    })
    .await;
    assert!(rotations.iter().any(|e| e["type"] == "workflow.booking_endpoint.created"));
}

async fn endpoints_are_managed_by_admins_and_validated(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let member = app.add_member(&ada, "mo@example.com", "member").await;
    let e = endpoint(app, &ada, "cal_com", None).await;
    let item = format!("/api/v1/booking-endpoints/{}", e.id);
    let body = json!({"name": "Mine", "provider": "cal_com"});
    app.post("/api/v1/booking-endpoints", &member.token, body).await.expect_problem(403);
    app.get("/api/v1/booking-endpoints", &member.token).await.expect_problem(403);
    app.get(&item, &member.token).await.expect_problem(403);
    app.patch(&item, &member.token, json!({"enabled": false})).await.expect_problem(403);
    app.post(&format!("{item}/rotate-secret"), &member.token, json!({})).await.expect_problem(403);
    app.delete(&item, &member.token).await.expect_problem(403);

    for (body, field) in [
        (json!({"name": "x", "provider": "zoom"}), "provider"),
        (json!({"name": "  ", "provider": "cal_com"}), "name"),
        (json!({"name": "x", "provider": "calendly", "secret": "short"}), "secret"),
        (json!({"name": "x", "provider": "calendly", "secret": " padded-secret-with-spaces "}), "secret"),
        (json!({"name": "x", "provider": "calendly", "secret": "a".repeat(257)}), "secret"),
    ] {
        let r = app.post("/api/v1/booking-endpoints", &ada.token, body.clone()).await.expect_problem(422);
        assert!(r.field_errors().iter().any(|f| f == field), "{body} → {}", r.body);
    }
    // A missing field is reported as the kernel reports it for every body: on `body`, naming it.
    let r = app.post("/api/v1/booking-endpoints", &ada.token, json!({"provider": "cal_com"})).await;
    assert!(r.expect_problem(422).body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("`name`")));
    let r = app.patch(&item, &ada.token, json!({"name": "a".repeat(201)})).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["name"]);
    let r = app.post(&format!("{item}/rotate-secret"), &ada.token, json!({"secret": "short"})).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["secret"]);

    // List, get (no secret anywhere), rename, delete.
    let list = app.get("/api/v1/booking-endpoints?limit=1", &ada.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1));
    assert!(list.body.get("next_cursor").is_some());
    let got = app.get(&item, &ada.token).await.expect(200);
    assert_eq!(got.headers["etag"], "\"1\"");
    assert!(!got.body.to_string().contains(&e.secret) && !list.body.to_string().contains(&e.secret));
    let renamed = app.patch(&item, &ada.token, json!({"name": "Intro calls"})).await.expect(200);
    assert_eq!((&renamed.body["name"], &renamed.body["version"]), (&json!("Intro calls"), &json!(2)));
    let body = cal_booking("bk_1", "lin@clinic.example");
    deliver(app, &e.path, cal_signed(&e.secret, &body), &body).await.expect(200);
    app.delete(&item, &ada.token).await.expect(204);
    app.get(&item, &ada.token).await.expect_problem(404);
    deliver(app, &e.path, cal_signed(&e.secret, &body), &body).await.expect_problem(401);
    let deleted = eventually("the deletion event", || async {
        let feed = app.get("/api/v1/events?limit=500", &ada.token).await.expect(200);
        feed.body["items"].as_array()?.iter().find(|e| e["type"] == "workflow.booking_endpoint.deleted").cloned()
    })
    .await;
    assert_eq!(deleted["data"]["name"], "Intro calls");
}

/// The inbound route spends its client IP's write budget, as every
/// unauthenticated route does: a flood of deliveries is cut off before any
/// signature is checked.
#[tokio::test]
async fn deliveries_are_rate_limited_per_client_ip() {
    let app = TestApp::spawn_with(atrium_tests::Backend::Sqlite, |c| c.rate_limit_write = "3/60s".into())
        .await
        .expect("sqlite app");
    let ada = app.signup("ada@example.com").await;
    let e = endpoint(&app, &ada, "cal_com", None).await;
    let body = cal_booking("bk_1", "lin@clinic.example");
    for _ in 0..3 {
        deliver(&app, &e.path, None, &body).await.expect_problem(401);
    }
    let limited = deliver(&app, &e.path, cal_signed(&e.secret, &body), &body).await.expect_problem(429);
    assert!(limited.headers.get("retry-after").is_some(), "{:?}", limited.headers);
    assert_eq!(events(&app, &ada, Some("appointment.booked")).await, 0);
    // The signed-in owner has a budget of their own.
    app.get(&format!("/api/v1/booking-endpoints/{}", e.id), &ada.token).await.expect(200);
    app.patch(&format!("/api/v1/booking-endpoints/{}", e.id), &ada.token, json!({"name": "Renamed"})).await.expect(200);
}
