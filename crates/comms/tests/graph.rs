//! Microsoft 365 mailboxes against a local fake of the Microsoft identity
//! platform and Microsoft Graph (`atrium_testkit::graph`), on a real database,
//! both backends: PKCE authorization, delta rounds over the inbox and sent items
//! (`@odata.nextLink` pages until `@odata.deltaLink`), a resync on 410, threading
//! by `conversationId`, refresh-token rotation, a revoked grant, 429 with
//! `Retry-After`, and sending through `/me/sendMail`.

// Tests inspect rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use atrium_comms::dto::{ConnectionOut, OAuthCallbackQuery, OAuthProviderName, OAuthStartIn, ReplyIn, SyncState};
use atrium_comms::entity::{connection, message};
use atrium_comms::{CommsConfig, CommsService, OAuthProvider, RunOutcome, SendOutcome};
use atrium_kernel::{Clock, OrgCtx, Principal, Role, SystemClock, Text};
use atrium_outbox::Platform;
use atrium_outbox::entity::event;
use atrium_testkit::TestDb;
use atrium_testkit::graph::{CLIENT_ID, CLIENT_SECRET, FakeGraph};
use common::{TableContacts, TableEngagements};
use mail_parser::MessageParser;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

mod common;

const ADA: &str = "ada@contoso.example";

fn service(db: &TestDb, fake: &FakeGraph) -> CommsService {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let platform = Platform::new(db.conn.clone(), clock.clone(), b"comms test secret");
    let credentials = platform.protect(&atrium_comms::CREDENTIALS_COLUMN);
    let cfg = CommsConfig {
        microsoft: Some(OAuthProvider {
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
    let user = atrium_testkit::seed_user(&db.conn).await;
    OrgCtx { org_id: org.into(), principal: Principal::User(user.into()), role: Role::Owner }
}

fn mail(from: &str, subject: &str, id: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: Ada <{ADA}>\r\nSubject: {subject}\r\nDate: {}\r\nMessage-ID: <{id}>\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\n{subject}: body\r\n",
        chrono::Utc::now().to_rfc2822()
    )
    .into_bytes()
}

async fn connect(svc: &CommsService, ctx: &OrgCtx) -> ConnectionOut {
    let start = svc
        .start_oauth(ctx, OAuthStartIn { provider: OAuthProviderName::Microsoft, sync_window_days: Some(30) })
        .await
        .expect("start");
    let url = url::Url::parse(&start.authorization_url).expect("url");
    let q = |k: &str| url.query_pairs().find(|(n, _)| n == k).map(|(_, v)| v.into_owned());
    assert_eq!(q("code_challenge_method").as_deref(), Some("S256"));
    assert!(q("scope").is_some_and(|s| s.contains("offline_access") && s.contains("Mail.Send")));
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let res = http.get(url).send().await.expect("authorize");
    assert_eq!(res.status(), 302, "{}", res.text().await.unwrap_or_default());
    let back = url::Url::parse(res.headers()["location"].to_str().expect("location")).expect("redirect");
    let b = |k: &str| back.query_pairs().find(|(n, _)| n == k).map(|(_, v)| v.into_owned());
    let query = OAuthCallbackQuery { code: b("code"), state: b("state").expect("state"), error: None };
    let (out, created) = svc.finish_oauth(ctx, query.clone()).await.expect("callback");
    assert!(created);
    assert_eq!(out.email_address, ADA);
    assert!(svc.finish_oauth(ctx, query).await.is_err(), "the state is single use");
    out
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

async fn delta_rounds_and_resync_on_410(db: &TestDb) {
    let fake = FakeGraph::start(ADA).await;
    fake.set_page_size(2);
    let (_, c1) = fake.deliver(
        &mail("Hank <hank@globex.example>", "Kick-off", "kickoff@globex.example"),
        None,
        chrono::Duration::days(2),
    );
    // Same conversation, another subject, no References: threaded by conversationId.
    fake.deliver(
        &mail("Hank <hank@globex.example>", "Agenda", "agenda@globex.example"),
        Some(&c1),
        chrono::Duration::days(1),
    );
    fake.deliver(
        &mail("Bart <bart@initech.example>", "Invoice", "invoice@initech.example"),
        None,
        chrono::Duration::hours(3),
    );
    fake.deliver(&mail("Old <old@example.org>", "Ancient", "ancient@example.org"), None, chrono::Duration::days(60));
    let svc = service(db, &fake);
    let ctx = org(db).await;
    let conn = connect(&svc, &ctx).await;

    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.outcome.clone(), report.imported), (RunOutcome::Synced, 3), "{report:?}");
    // Inbox: 2 pages (nextLink) then the delta link; sent items: one page.
    assert_eq!(fake.calls("delta"), 3);
    assert_eq!(
        thread_of(&db.conn, &ctx, "kickoff@globex.example").await,
        thread_of(&db.conn, &ctx, "agenda@globex.example").await
    );

    // The next run follows the stored delta links: only what is new.
    fake.deliver(
        &mail("Hank <hank@globex.example>", "Re: Kick-off", "re1@globex.example"),
        Some(&c1),
        chrono::Duration::zero(),
    );
    let values = fake.calls("value");
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.imported, report.duplicates), (1, 0), "{report:?}");
    assert_eq!(fake.calls("value"), values + 1);
    assert_eq!(
        thread_of(&db.conn, &ctx, "re1@globex.example").await,
        thread_of(&db.conn, &ctx, "kickoff@globex.example").await
    );

    // 410 syncStateNotFound: the window is read again, nothing imported twice or fetched again.
    fake.forget_delta_states();
    fake.deliver(&mail("Lisa <lisa@globex.example>", "Hello", "hello@globex.example"), None, chrono::Duration::zero());
    let values = fake.calls("value");
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!(report.outcome, RunOutcome::Synced, "{report:?}");
    assert_eq!((report.imported, report.duplicates), (1, 4), "{report:?}");
    assert_eq!(fake.calls("value"), values + 1);
    assert_eq!(count_messages(&db.conn, &ctx).await, 5);
    assert_eq!(events(&db.conn, &ctx, "comms.message.received").await.len(), 5);
}

async fn failures_refreshes_and_revocation(db: &TestDb) {
    let fake = FakeGraph::start(ADA).await;
    fake.deliver(&mail("Hank <hank@globex.example>", "One", "one@globex.example"), None, chrono::Duration::hours(1));
    let svc = service(db, &fake);
    let ctx = org(db).await;
    let conn = connect(&svc, &ctx).await;

    fake.rate_limit(1, 90);
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert!(matches!(&report.outcome, RunOutcome::Failed(m) if m.contains("429")), "{report:?}");
    let health = svc.connection_health(&ctx, conn.id).await.expect("health");
    assert_eq!(health.state, SyncState::BackingOff);
    let wait = health.next_run_at.expect("next run") - chrono::Utc::now();
    assert!(wait > chrono::Duration::seconds(70) && wait <= chrono::Duration::seconds(90), "{wait}");
    assert_eq!(events(&db.conn, &ctx, "comms.connection.sync_failed").await.len(), 1);

    // Expired: refreshed once; Microsoft rotates the refresh token, which is kept sealed.
    let before = connection::Entity::find_by_id(conn.id.into_uuid()).one(&db.conn).await.expect("read").expect("row");
    fake.expire_access_tokens();
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.outcome.clone(), report.imported), (RunOutcome::Synced, 1), "{report:?}");
    assert_eq!(fake.calls("refresh"), 1);
    let after = connection::Entity::find_by_id(conn.id.into_uuid()).one(&db.conn).await.expect("read").expect("row");
    assert_ne!(before.refresh_token_ciphertext, after.refresh_token_ciphertext, "the rotated refresh token is stored");
    assert!(after.refresh_token_ciphertext.as_deref().is_some_and(|s| !s.contains("M.C5_BAY")));

    fake.revoke_refresh_tokens();
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert!(matches!(&report.outcome, RunOutcome::AuthFailed(m) if m.contains("invalid_grant")), "{report:?}");
    assert_eq!(svc.connection_health(&ctx, conn.id).await.expect("health").state, SyncState::AuthFailed);
    assert_eq!(events(&db.conn, &ctx, "comms.connection.auth_failed").await.len(), 1);
}

async fn replies_are_sent_with_send_mail(db: &TestDb) {
    let fake = FakeGraph::start(ADA).await;
    fake.deliver(
        &mail("Hank <hank@globex.example>", "Kick-off", "kickoff@globex.example"),
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
        cc: Vec::new(),
        body_text: Text::parse("Monday works.").expect("body"),
        body_html: None,
    };
    let reply = svc.reply(&ctx, thread.into(), input).await.expect("reply");
    assert_eq!(svc.send_message(ctx.org_id, reply.id.into_uuid()).await.expect("send"), SendOutcome::Sent);
    let sent = fake.sent();
    assert_eq!(sent.len(), 1);
    let parsed = MessageParser::default().parse(&sent[0]).expect("rfc 5322");
    let row = message::Entity::find_by_id(reply.id.into_uuid()).one(&db.conn).await.expect("read").expect("row");
    assert_eq!(parsed.message_id(), Some(row.message_id_header.as_str()));
    assert_eq!(parsed.in_reply_to().as_text(), Some("kickoff@globex.example"));
    assert_eq!(row.status, "sent");
    assert_eq!(svc.send_message(ctx.org_id, reply.id.into_uuid()).await.expect("again"), SendOutcome::NothingToDo);
    // The copy in Sent Items is known by its Message-ID: not imported twice.
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.imported, report.duplicates), (0, 1), "{report:?}");
    assert_eq!(count_messages(&db.conn, &ctx).await, 2);
}

atrium_testkit::backend_tests!(
    delta_rounds_and_resync_on_410,
    failures_refreshes_and_revocation,
    replies_are_sent_with_send_mail,
);
