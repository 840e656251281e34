//! Gmail mailboxes against a local fake of Google's OAuth endpoints and the Gmail
//! REST API (`atrium_testkit::gmail`), on a real database, both backends: the
//! PKCE authorization (single use, bound to the user), first sync by
//! `messages.list` + `format=raw`, incremental by `history.list`, a full resync
//! when the history is gone, threading by Gmail's `threadId`, refreshes, a
//! revoked grant, 429 with `Retry-After`, and sending through `messages.send`.

// Tests inspect rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use atrium_comms::dto::{
    ConnectionOut, OAuthCallbackQuery, OAuthProviderName, OAuthStartIn, ReplyIn, SyncState, ThreadFilter,
};
use atrium_comms::entity::{connection, message, sync_state, thread};
use atrium_comms::{CommsConfig, CommsService, OAuthProvider, RunOutcome, SendOutcome};
use atrium_kernel::{AppError, Clock, OrgCtx, PageRequest, Principal, Role, SystemClock, Text};
use atrium_outbox::Platform;
use atrium_outbox::entity::event;
use atrium_testkit::TestDb;
use atrium_testkit::gmail::{CLIENT_ID, CLIENT_SECRET, FakeGmail};
use common::{TableContacts, TableEngagements};
use mail_parser::MessageParser;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

mod common;

const ADA: &str = "ada@example.com";

fn service(db: &TestDb, fake: &FakeGmail) -> CommsService {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let platform = Platform::new(db.conn.clone(), clock.clone(), b"comms test secret");
    let credentials = platform.protect(&atrium_comms::CREDENTIALS_COLUMN);
    let cfg = CommsConfig {
        gmail: Some(OAuthProvider {
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
            auth_url: fake.auth_url(),
            token_url: fake.token_url(),
            api_base: fake.base.clone(),
        }),
        oauth_redirect_base: "http://127.0.0.1:9".into(),
        ..CommsConfig::default()
    };
    CommsService::new(
        db.conn.clone(),
        clock,
        atrium_comms::Ports {
            engagements: Arc::new(TableEngagements(db.conn.clone())),
            contacts: Arc::new(TableContacts(db.conn.clone())),
            hosts: Arc::new(common::AnyHost),
            attachments: std::sync::Arc::new(common::HeldAttachments::default()),
        },
        (credentials, atrium_comms::token_vaults(&platform)),
        cfg,
        atrium_comms::SyncMetrics::new().expect("metrics"),
    )
}

async fn org(db: &TestDb) -> OrgCtx {
    let org = atrium_testkit::seed_organization(&db.conn).await;
    user_of(db, &OrgCtx { org_id: org.into(), principal: Principal::User(uuid::Uuid::nil().into()), role: Role::Owner })
        .await
}

/// Another signed-in user of the same organization.
async fn user_of(db: &TestDb, ctx: &OrgCtx) -> OrgCtx {
    let user = atrium_testkit::seed_user(&db.conn).await;
    OrgCtx { org_id: ctx.org_id, principal: Principal::User(user.into()), role: Role::Owner }
}

fn mail(from: &str, subject: &str, id: &str, extra: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: Ada <{ADA}>\r\nSubject: {subject}\r\nDate: {}\r\nMessage-ID: <{id}>\r\n{extra}\
Content-Type: text/plain; charset=utf-8\r\n\r\n{subject}: body\r\n",
        chrono::Utc::now().to_rfc2822()
    )
    .into_bytes()
}

/// Follows the authorization URL to the fake (as a browser would) and answers
/// the callback's query.
async fn authorize(svc: &CommsService, ctx: &OrgCtx) -> OAuthCallbackQuery {
    let start = svc
        .start_oauth(ctx, OAuthStartIn { provider: OAuthProviderName::Gmail, sync_window_days: Some(30) })
        .await
        .expect("start");
    let url = url::Url::parse(&start.authorization_url).expect("url");
    let q = |k: &str| url.query_pairs().find(|(n, _)| n == k).map(|(_, v)| v.into_owned());
    assert_eq!(q("code_challenge_method").as_deref(), Some("S256"));
    assert_eq!(q("code_challenge").map(|c| c.len()), Some(43), "a SHA-256 in base64url");
    assert_eq!(q("state").as_deref(), Some(start.state.as_str()));
    assert_eq!(q("access_type").as_deref(), Some("offline"));
    assert_eq!(q("redirect_uri").as_deref(), Some("http://127.0.0.1:9/api/v1/mailbox-connections/oauth/callback"));
    assert!(q("scope").is_some_and(|s| s.contains("gmail.readonly") && s.contains("gmail.send")));
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let res = http.get(url).send().await.expect("authorize");
    assert_eq!(res.status(), 302, "{}", res.text().await.unwrap_or_default());
    let back = url::Url::parse(res.headers()["location"].to_str().expect("location")).expect("redirect");
    let b = |k: &str| back.query_pairs().find(|(n, _)| n == k).map(|(_, v)| v.into_owned());
    OAuthCallbackQuery { code: b("code"), state: b("state").expect("state"), error: None }
}

async fn connect(svc: &CommsService, ctx: &OrgCtx) -> ConnectionOut {
    let (out, created) = svc.finish_oauth(ctx, authorize(svc, ctx).await).await.expect("callback");
    assert!(created);
    out
}

fn refused_field(e: AppError) -> String {
    match e {
        AppError::Validation(errors) => errors.first().map(|f| f.field.clone()).unwrap_or_default(),
        other => panic!("expected a 422, got {other:?}"),
    }
}

async fn events(conn: &DatabaseConnection, ctx: &OrgCtx, t: &str) -> Vec<event::Model> {
    event::Entity::find()
        .filter(event::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
        .filter(event::Column::EventType.eq(t))
        .all(conn)
        .await
        .expect("events")
}

async fn count_messages(conn: &DatabaseConnection, ctx: &OrgCtx) -> u64 {
    message::Entity::find()
        .filter(message::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
        .count(conn)
        .await
        .expect("count")
}

async fn thread_of(conn: &DatabaseConnection, ctx: &OrgCtx, message_id: &str) -> uuid::Uuid {
    message::Entity::find()
        .filter(message::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
        .filter(message::Column::MessageIdHeader.eq(message_id))
        .one(conn)
        .await
        .expect("read")
        .expect("imported")
        .thread_id
}

async fn authorization_is_single_use_and_bound_to_its_user(db: &TestDb) {
    let fake = FakeGmail::start(ADA).await;
    let svc = service(db, &fake);
    let ctx = org(db).await;

    // Another user of the organization cannot finish it, and the state is spent.
    let q = authorize(&svc, &ctx).await;
    let other = user_of(db, &ctx).await;
    assert_eq!(refused_field(svc.finish_oauth(&other, q.clone()).await.expect_err("other user")), "state");
    assert_eq!(refused_field(svc.finish_oauth(&ctx, q).await.expect_err("spent")), "state");

    // Another organization cannot either.
    let q = authorize(&svc, &ctx).await;
    let stranger = org(db).await;
    assert_eq!(refused_field(svc.finish_oauth(&stranger, q.clone()).await.expect_err("other org")), "state");

    // A made-up code is refused by the token endpoint and connects nothing.
    let q = authorize(&svc, &ctx).await;
    let bad = OAuthCallbackQuery { code: Some("4/0Ab-made-up".into()), ..q };
    assert_eq!(refused_field(svc.finish_oauth(&ctx, bad).await.expect_err("bad code")), "code");
    // A declined consent.
    let q = authorize(&svc, &ctx).await;
    let declined = OAuthCallbackQuery { code: None, error: Some("access_denied".into()), ..q };
    assert_eq!(refused_field(svc.finish_oauth(&ctx, declined).await.expect_err("declined")), "error");
    assert_eq!(fake.calls("exchange"), 1, "only the made-up code reached the token endpoint");

    // The real flow: the code with its verifier; the replay of the same state is refused.
    let q = authorize(&svc, &ctx).await;
    let (out, created) = svc.finish_oauth(&ctx, q.clone()).await.expect("callback");
    assert!(created);
    assert_eq!(out.email_address, ADA);
    assert_eq!(serde_json::to_value(out.provider).expect("json"), "gmail");
    assert_eq!(out.sync_window_days, 30);
    assert_eq!(refused_field(svc.finish_oauth(&ctx, q).await.expect_err("replay")), "state");
    assert_eq!(events(&db.conn, &ctx, "comms.connection.created").await.len(), 1);

    // Tokens are sealed, never stored in the clear.
    let row = connection::Entity::find_by_id(out.id.into_uuid()).one(&db.conn).await.expect("read").expect("row");
    for sealed in [&row.access_token_ciphertext, &row.refresh_token_ciphertext] {
        let s = sealed.as_deref().expect("sealed token");
        assert!(s.starts_with("v2:") && !s.contains("ya29") && !s.contains("1//0g"), "{s}");
    }
    assert!(row.token_expires_at.is_some_and(|t| t > chrono::Utc::now() + chrono::Duration::minutes(50)));
    // Creating one without OAuth is refused, naming the way.
    let direct = serde_json::from_value(serde_json::json!({"provider": "gmail", "email_address": ADA})).expect("in");
    assert_eq!(refused_field(svc.create_connection(&ctx, direct).await.expect_err("direct")), "provider");
}

async fn first_sync_history_and_resync(db: &TestDb) {
    let fake = FakeGmail::start(ADA).await;
    fake.set_page_size(2);
    let (_, t1) = fake.deliver(
        &mail("Hank <hank@globex.example>", "Kick-off", "kickoff@globex.example", ""),
        None,
        chrono::Duration::days(2),
    );
    // Same Gmail thread, no References: threaded by Gmail's threadId alone.
    fake.deliver(
        &mail("Hank <hank@globex.example>", "Agenda", "agenda@globex.example", ""),
        Some(&t1),
        chrono::Duration::days(1),
    );
    fake.deliver(
        &mail("Bart <bart@initech.example>", "Invoice", "invoice@initech.example", ""),
        None,
        chrono::Duration::hours(5),
    );
    // Outside the 30-day window.
    fake.deliver(
        &mail("Old <old@example.org>", "Ancient", "ancient@example.org", ""),
        None,
        chrono::Duration::days(60),
    );
    let svc = service(db, &fake);
    let ctx = org(db).await;
    let conn = connect(&svc, &ctx).await;

    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!(report.outcome, RunOutcome::Synced);
    assert_eq!(report.imported, 3, "{report:?}");
    assert!(fake.calls("list") >= 2, "paged: {}", fake.calls("list"));
    assert_eq!(fake.calls("history"), 0);
    assert_eq!(
        thread_of(&db.conn, &ctx, "kickoff@globex.example").await,
        thread_of(&db.conn, &ctx, "agenda@globex.example").await
    );
    assert_ne!(
        thread_of(&db.conn, &ctx, "kickoff@globex.example").await,
        thread_of(&db.conn, &ctx, "invoice@initech.example").await
    );
    let t = thread::Entity::find_by_id(thread_of(&db.conn, &ctx, "kickoff@globex.example").await)
        .one(&db.conn)
        .await
        .expect("read")
        .expect("thread");
    assert_eq!(t.provider_thread_ids, serde_json::json!([t1]));
    let health = svc.connection_health(&ctx, conn.id).await.expect("health");
    assert_eq!((health.state, health.imported_total, health.imported_last_run), (SyncState::Active, 3, 3));
    let state = sync_state::Entity::find_by_id(conn.id.into_uuid()).one(&db.conn).await.expect("read").expect("state");
    assert!(state.cursor_token.is_some());

    // Incremental: the history since the stored historyId, nothing listed again.
    fake.deliver(
        &mail("Hank <hank@globex.example>", "Re: Kick-off", "re1@globex.example", ""),
        Some(&t1),
        chrono::Duration::zero(),
    );
    fake.deliver(
        &mail("Lisa <lisa@globex.example>", "Hello", "hello@globex.example", ""),
        None,
        chrono::Duration::zero(),
    );
    let lists = fake.calls("list");
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.outcome.clone(), report.imported), (RunOutcome::Synced, 2), "{report:?}");
    assert_eq!(fake.calls("list"), lists);
    assert!(fake.calls("history") >= 1);
    assert_eq!(
        thread_of(&db.conn, &ctx, "re1@globex.example").await,
        thread_of(&db.conn, &ctx, "kickoff@globex.example").await
    );
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.imported, report.duplicates), (0, 0), "{report:?}");

    // The history is gone: the window is read again; what is known is not fetched again.
    fake.forget_history();
    fake.deliver(
        &mail("Hank <hank@globex.example>", "Late", "late@globex.example", ""),
        None,
        chrono::Duration::zero(),
    );
    let gets = fake.calls("get");
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!(report.outcome, RunOutcome::Synced, "{report:?}");
    assert_eq!((report.imported, report.duplicates), (1, 5), "{report:?}");
    assert_eq!(fake.calls("get"), gets + 1, "only the new message is fetched");
    assert_eq!(count_messages(&db.conn, &ctx).await, 6);
    assert_eq!(events(&db.conn, &ctx, "comms.message.received").await.len(), 6);
    let page = svc.list_threads(&ctx, &ThreadFilter::default(), PageRequest::default()).await.expect("threads");
    assert_eq!(page.items.len(), 4);
}

async fn failures_back_off_refresh_and_stop_on_a_revoked_grant(db: &TestDb) {
    let fake = FakeGmail::start(ADA).await;
    fake.deliver(
        &mail("Hank <hank@globex.example>", "One", "one@globex.example", ""),
        None,
        chrono::Duration::hours(1),
    );
    let svc = service(db, &fake);
    let ctx = org(db).await;
    let conn = connect(&svc, &ctx).await;

    // 429 with Retry-After: backing off until then, said in the health and an event.
    fake.rate_limit(1, 120);
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert!(matches!(&report.outcome, RunOutcome::Failed(m) if m.contains("429")), "{report:?}");
    let health = svc.connection_health(&ctx, conn.id).await.expect("health");
    assert_eq!(health.state, SyncState::BackingOff);
    assert!(health.last_error.as_deref().is_some_and(|e| e.contains("429")), "{health:?}");
    let wait = health.next_run_at.expect("next run") - chrono::Utc::now();
    assert!(wait > chrono::Duration::seconds(100) && wait <= chrono::Duration::seconds(120), "{wait}");
    assert_eq!(events(&db.conn, &ctx, "comms.connection.sync_failed").await.len(), 1);
    // Not due yet: the scheduled run leaves it alone.
    assert!(svc.sync_due().await.expect("due").is_empty());
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.outcome.clone(), report.imported), (RunOutcome::Synced, 1), "{report:?}");

    // An access token the API no longer takes: refreshed once, the run goes on.
    fake.expire_access_tokens();
    fake.deliver(&mail("Hank <hank@globex.example>", "Two", "two@globex.example", ""), None, chrono::Duration::zero());
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.outcome.clone(), report.imported), (RunOutcome::Synced, 1), "{report:?}");
    assert_eq!(fake.calls("refresh"), 1);

    // Revoked: invalid_grant stops the sync, visibly.
    fake.revoke_refresh_tokens();
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert!(matches!(&report.outcome, RunOutcome::AuthFailed(m) if m.contains("invalid_grant")), "{report:?}");
    let health = svc.connection_health(&ctx, conn.id).await.expect("health");
    assert_eq!((health.state, health.next_run_at), (SyncState::AuthFailed, None));
    let failed = events(&db.conn, &ctx, "comms.connection.auth_failed").await;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].data["state"], "auth_failed");
    assert_eq!(svc.sync_now(&ctx, conn.id).await.expect("sync").outcome, RunOutcome::NotRun);

    // Authorizing the same mailbox again renews its tokens and it syncs again.
    let (again, created) = svc.finish_oauth(&ctx, authorize(&svc, &ctx).await).await.expect("reconnect");
    assert!(!created);
    assert_eq!((again.id, again.health.state), (conn.id, SyncState::Active));
    assert_eq!(events(&db.conn, &ctx, "comms.connection.updated").await.len(), 1);
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!(report.outcome, RunOutcome::Synced, "{report:?}");
}

async fn replies_are_sent_through_gmail(db: &TestDb) {
    let fake = FakeGmail::start(ADA).await;
    let (_, t1) = fake.deliver(
        &mail("Hank <hank@globex.example>", "Kick-off", "kickoff@globex.example", ""),
        None,
        chrono::Duration::hours(1),
    );
    let svc = service(db, &fake);
    let ctx = org(db).await;
    let conn = connect(&svc, &ctx).await;
    svc.sync_now(&ctx, conn.id).await.expect("sync");
    let thread = thread_of(&db.conn, &ctx, "kickoff@globex.example").await;
    let input = ReplyIn {
        connection_id: None,
        to: None,
        cc: vec![atrium_kernel::Email::parse("bart@globex.example").expect("email")],
        body_text: Text::parse("Monday works.").expect("body"),
        body_html: None,
    };
    let reply = svc.reply(&ctx, thread.into(), input).await.expect("reply");
    let outcome = svc.send_message(ctx.org_id, reply.id.into_uuid()).await.expect("send");
    assert_eq!(outcome, SendOutcome::Sent);
    let sent = fake.sent();
    assert_eq!(sent.len(), 1);
    let parsed = MessageParser::default().parse(&sent[0]).expect("rfc 5322");
    let row = message::Entity::find_by_id(reply.id.into_uuid()).one(&db.conn).await.expect("read").expect("row");
    assert_eq!(parsed.message_id(), Some(row.message_id_header.as_str()));
    assert_eq!(parsed.in_reply_to().as_text(), Some("kickoff@globex.example"));
    assert!(parsed.cc().is_some(), "Gmail reads the recipients from the headers");
    assert_eq!(row.status, "sent");
    assert_eq!(row.provider_thread_id.as_deref(), Some(t1.as_str()), "sent in the Gmail thread");
    assert!(row.provider_message_id.is_some());
    // Redelivered: nothing more is sent. Synced back: not imported twice.
    assert_eq!(svc.send_message(ctx.org_id, reply.id.into_uuid()).await.expect("again"), SendOutcome::NothingToDo);
    assert_eq!(fake.sent().len(), 1);
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.imported, report.duplicates), (0, 1), "{report:?}");
    assert_eq!(count_messages(&db.conn, &ctx).await, 2);
}

atrium_testkit::backend_tests!(
    authorization_is_single_use_and_bound_to_its_user,
    first_sync_history_and_resync,
    failures_back_off_refresh_and_stop_on_a_revoked_grant,
    replies_are_sent_through_gmail,
);
