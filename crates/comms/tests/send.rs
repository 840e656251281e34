//! Sending against a real SMTP server (aiosmtpd, started per test by the testkit)
//! on a real database, both backends: replies and new messages are queued with a
//! fixed `Message-ID`, sent once by the outbox subscriber, and a failure is
//! visible on the message and retried by the dispatcher's backoff.

// Tests inspect rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;
use std::time::Duration;

use atrium_comms::dto::{ComposeIn, ConnectionIn, ImapIn, MessageOut, Provider, ReplyIn, ThreadFilter};
use atrium_comms::entity::message;
use atrium_comms::{CommsConfig, CommsService, RunOutcome, SendOutcome, SendSubscriber};
use atrium_kernel::{AppError, Clock, Email, OrgCtx, PageRequest, Principal, Role, SystemClock, Text};
use atrium_outbox::entity::event;
use atrium_outbox::{Dispatcher, DispatcherConfig, Platform, Subscriber};
use atrium_testkit::TestDb;
use atrium_testkit::dovecot::{Dovecot, PASSWORD, USER};
use atrium_testkit::smtp::SmtpServer;
use common::{TableContacts, TableEngagements};
use mail_parser::MessageParser;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

mod common;

fn service(db: &TestDb, smtp_url: Option<String>, max_send_attempts: i32) -> CommsService {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let platform = Platform::new(db.conn.clone(), clock.clone(), b"comms test secret");
    let credentials = platform.protect(&atrium_comms::CREDENTIALS_COLUMN);
    let cfg =
        CommsConfig { smtp_url, smtp_timeout: Duration::from_secs(10), max_send_attempts, ..CommsConfig::default() };
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

fn imap_in(port: u16) -> ConnectionIn {
    ConnectionIn {
        provider: Provider::Imap,
        email_address: Email::parse("ada@example.com").expect("email"),
        imap: Some(ImapIn {
            host: Text::parse("127.0.0.1").expect("host"),
            port: u32::from(port),
            tls: false,
            username: Text::parse(USER).expect("user"),
            password: Text::parse(PASSWORD).expect("password"),
            folder: None,
        }),
        sync_window_days: None,
    }
}

fn emails(list: &[&str]) -> Vec<Email> {
    list.iter().map(|e| Email::parse(e).expect("email")).collect()
}

fn compose_in(connection: atrium_comms::dto::MailboxConnectionId, to: &[&str]) -> ComposeIn {
    ComposeIn {
        connection_id: connection,
        to: emails(to),
        cc: emails(&["bart@globex.example"]),
        bcc: emails(&["audit@example.com"]),
        subject: Text::parse("Proposal for Q3").expect("subject"),
        body_text: Text::parse("Hello Hank,\nthe proposal is ready.").expect("body"),
        body_html: Some("<p>Hello <b>Hank</b><script>alert(1)</script></p>".into()),
        engagement_id: None,
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

async fn row(conn: &DatabaseConnection, m: &MessageOut) -> message::Model {
    message::Entity::find_by_id(m.id.into_uuid()).one(conn).await.expect("read").expect("message row")
}

fn header(raw: &[u8], name: &str) -> Option<String> {
    let parsed = MessageParser::default().parse(raw)?;
    parsed.header_raw(name).map(|v| v.trim().to_owned())
}

/// A message imported from Dovecot, a reply to it sent over SMTP: headers, body,
/// thread, events; a redelivery of the event sends nothing more.
async fn reply_is_sent_once_with_its_headers(db: &TestDb) {
    let Some(imap) = Dovecot::start() else { return };
    let Some(smtp) = SmtpServer::start() else { return };
    let d = chrono::Utc::now().to_rfc2822();
    imap.deliver(
        format!(
            "From: Hank Scorpio <hank@globex.example>\r\nTo: Ada <ada@example.com>\r\nSubject: Kick-off\r\n\
Date: {d}\r\nMessage-ID: <kickoff@globex.example>\r\nReferences: <earlier@globex.example>\r\n\r\nMonday?\r\n"
        )
        .as_bytes(),
    );
    let svc = service(db, Some(smtp.url()), 8);
    let ctx = org(db).await;
    let conn = svc.create_connection(&ctx, imap_in(imap.port)).await.expect("connection");
    assert_eq!(svc.sync_now(&ctx, conn.id).await.expect("sync").outcome, RunOutcome::Synced);
    let threads = svc.list_threads(&ctx, &ThreadFilter::default(), PageRequest::first(5)).await.expect("threads");
    let thread = threads.items[0].clone();

    let input = ReplyIn {
        connection_id: None,
        to: None,
        cc: Vec::new(),
        body_text: Text::parse("Monday works.\n-- Ada").expect("body"),
        body_html: None,
    };
    let queued = svc.reply(&ctx, thread.id, input).await.expect("reply");
    assert_eq!((queued.status.as_str(), queued.direction.as_str()), ("queued", "outbound"));
    assert_eq!(queued.in_reply_to.as_deref(), Some("kickoff@globex.example"));
    assert_eq!(queued.references, vec!["earlier@globex.example", "kickoff@globex.example"]);
    assert_eq!(queued.subject, "Re: Kick-off");
    assert_eq!(queued.to[0].address, "hank@globex.example");
    assert!(queued.message_id.ends_with("@example.com"), "{}", queued.message_id);
    let queued_events = events(&db.conn, &ctx, "comms.message.queued").await;
    assert_eq!(queued_events.len(), 1);
    assert!(smtp.received().is_empty(), "nothing is sent before the subscriber runs");

    // The subscriber, as the dispatcher calls it, with the stored event; then a redelivery.
    let sub = SendSubscriber(svc.clone());
    let ev: atrium_outbox::Event = queued_events[0].clone().into();
    assert!(sub.accepts(&ev.event_type));
    sub.deliver("comms.sender", &ev).await.expect("deliver");
    sub.deliver("comms.sender", &ev).await.expect("redeliver");
    assert_eq!(svc.send_message(ctx.org_id, queued.id.into_uuid()).await.expect("again"), SendOutcome::NothingToDo);

    let received = smtp.received();
    assert_eq!(received.len(), 1, "sent exactly once");
    let r = &received[0];
    assert_eq!(r.mail_from, "ada@example.com");
    assert_eq!(r.rcpt_tos, vec!["hank@globex.example"]);
    let parsed = MessageParser::default().parse(&r.raw).expect("parse what was received");
    assert_eq!(parsed.message_id(), Some(queued.message_id.as_str()));
    assert_eq!(parsed.subject(), Some("Re: Kick-off"));
    assert_eq!(parsed.from().and_then(|a| a.first()).and_then(|a| a.address()), Some("ada@example.com"));
    assert_eq!(parsed.to().and_then(|a| a.first()).and_then(|a| a.address()), Some("hank@globex.example"));
    assert_eq!(header(&r.raw, "In-Reply-To").as_deref(), Some("<kickoff@globex.example>"));
    assert_eq!(header(&r.raw, "References").as_deref(), Some("<earlier@globex.example> <kickoff@globex.example>"));
    assert_eq!(
        parsed.body_text(0).map(|b| b.replace("\r\n", "\n").trim_end().to_owned()).as_deref(),
        Some("Monday works.\n-- Ada")
    );

    let sent = row(&db.conn, &queued).await;
    assert_eq!((sent.status.as_str(), sent.send_attempts, sent.status_reason.as_deref()), ("sent", 1, None));
    let msgs = svc.list_messages(&ctx, thread.id, PageRequest::first(10)).await.expect("messages");
    assert_eq!(msgs.items.len(), 2, "the sent message stays in its thread");
    assert_eq!(msgs.items[1].status, "sent");
    assert_eq!(svc.get_thread(&ctx, thread.id).await.expect("thread").message_count, 2);
    assert_eq!(events(&db.conn, &ctx, "comms.message.sent").await.len(), 1);

    // Another organization can neither reply in the thread nor send from the connection.
    let other = org(db).await;
    let input = ReplyIn {
        connection_id: None,
        to: None,
        cc: Vec::new(),
        body_text: Text::parse("x").expect("body"),
        body_html: None,
    };
    assert!(matches!(svc.reply(&other, thread.id, input).await, Err(AppError::NotFound(_))));
    let refused = svc.compose(&other, compose_in(conn.id, &["hank@globex.example"])).await;
    assert!(matches!(&refused, Err(AppError::Validation(e)) if e[0].field == "connection_id"), "{refused:?}");
}

/// A new message in a new thread: HTML sanitized, Bcc in the envelope only; a
/// server that is down leaves it `retrying` with the reason, and the dispatcher's
/// retry sends it once the server is back, with the same `Message-ID`.
async fn compose_retries_through_the_dispatcher(db: &TestDb) {
    let Some(mut smtp) = SmtpServer::start() else { return };
    let svc = service(db, Some(smtp.url()), 8);
    let ctx = org(db).await;
    let conn = svc.create_connection(&ctx, imap_in(1)).await.expect("connection");
    let queued = svc.compose(&ctx, compose_in(conn.id, &["Hank@Globex.example"])).await.expect("compose");
    assert_eq!(queued.status, "queued");
    assert_eq!(queued.body_html.as_deref(), Some("<p>Hello <b>Hank</b></p>"));
    let thread = svc.get_thread(&ctx, queued.thread_id).await.expect("new thread");
    assert_eq!((thread.subject.as_str(), thread.message_count), ("Proposal for Q3", 1));
    assert_eq!(events(&db.conn, &ctx, "comms.thread.created").await.len(), 1);

    let config = DispatcherConfig {
        base_backoff: Duration::from_millis(800),
        max_backoff: Duration::from_millis(800),
        ..DispatcherConfig::default()
    };
    let subs: Vec<Arc<dyn Subscriber>> = vec![Arc::new(SendSubscriber(svc.clone()))];
    let dispatcher = Dispatcher::new(db.conn.clone(), Arc::new(SystemClock), subs, config);

    smtp.stop();
    let round = dispatcher.drain().await.expect("drain");
    assert_eq!((round.delivered, round.failed), (0, 1), "{round:?}");
    let failing = row(&db.conn, &queued).await;
    assert_eq!((failing.status.as_str(), failing.send_attempts), ("retrying", 1));
    assert!(failing.status_reason.as_deref().is_some_and(|r| r.contains("SMTP")), "{:?}", failing.status_reason);
    let seen = svc.list_messages(&ctx, thread.id, PageRequest::first(5)).await.expect("messages");
    assert_eq!(seen.items[0].status, "retrying");
    assert!(seen.items[0].status_reason.is_some());
    assert_eq!(events(&db.conn, &ctx, "comms.message.send_failed").await.len(), 1);

    smtp.restart().expect("restart");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let round = dispatcher.drain().await.expect("drain");
    assert_eq!(round.delivered, 1, "{round:?}");
    let sent = row(&db.conn, &queued).await;
    assert_eq!((sent.status.as_str(), sent.send_attempts, sent.status_reason), ("sent", 2, None));

    let received = smtp.received();
    assert_eq!(received.len(), 1);
    let r = &received[0];
    let mut rcpts = r.rcpt_tos.clone();
    rcpts.sort();
    assert_eq!(rcpts, vec!["audit@example.com", "bart@globex.example", "hank@globex.example"]);
    assert_eq!(header(&r.raw, "Bcc"), None, "Bcc is in the envelope only");
    assert_eq!(header(&r.raw, "Message-ID"), Some(format!("<{}>", queued.message_id)));
    assert_eq!(header(&r.raw, "In-Reply-To"), None);
    let parsed = MessageParser::default().parse(&r.raw).expect("parse");
    assert_eq!(parsed.subject(), Some("Proposal for Q3"));
    assert_eq!(
        parsed.body_text(0).map(|b| b.replace("\r\n", "\n").trim_end().to_owned()).as_deref(),
        Some("Hello Hank,\nthe proposal is ready.")
    );
    assert!(parsed.body_html(0).is_some_and(|h| h.contains("<b>Hank</b>") && !h.contains("script")));
}

/// A permanent refusal (550) ends the message `failed` at once; a server that
/// stays down ends it `failed` after the configured attempts.
async fn refusals_and_exhausted_attempts_end_failed(db: &TestDb) {
    let Some(mut smtp) = SmtpServer::start() else { return };
    let svc = service(db, Some(smtp.url()), 2);
    let ctx = org(db).await;
    let conn = svc.create_connection(&ctx, imap_in(1)).await.expect("connection");

    let refused = svc.compose(&ctx, compose_in(conn.id, &["rejected@globex.example"])).await.expect("compose");
    let outcome = svc.send_message(ctx.org_id, refused.id.into_uuid()).await.expect("attempt");
    assert!(matches!(&outcome, SendOutcome::Failed(r) if r.contains("550")), "{outcome:?}");
    let r = row(&db.conn, &refused).await;
    assert_eq!((r.status.as_str(), r.send_attempts), ("failed", 1));
    assert!(r.status_reason.as_deref().is_some_and(|s| s.contains("mailbox unavailable")), "{:?}", r.status_reason);
    assert_eq!(svc.send_message(ctx.org_id, refused.id.into_uuid()).await.expect("again"), SendOutcome::NothingToDo);

    smtp.stop();
    let down = svc.compose(&ctx, compose_in(conn.id, &["hank@globex.example"])).await.expect("compose");
    let first = svc.send_message(ctx.org_id, down.id.into_uuid()).await.expect("first");
    assert!(matches!(first, SendOutcome::Retrying(_)), "{first:?}");
    let second = svc.send_message(ctx.org_id, down.id.into_uuid()).await.expect("second");
    assert!(matches!(second, SendOutcome::Failed(_)), "{second:?}");
    let r = row(&db.conn, &down).await;
    assert_eq!((r.status.as_str(), r.send_attempts), ("failed", 2));
    let failed = events(&db.conn, &ctx, "comms.message.send_failed").await;
    assert_eq!(failed.len(), 3, "one per failed attempt");
    assert!(smtp.received().is_empty());

    // No server configured at all: retried, with the reason saying so.
    let unconfigured = service(db, None, 8);
    let m = unconfigured.compose(&ctx, compose_in(conn.id, &["hank@globex.example"])).await.expect("compose");
    let outcome = unconfigured.send_message(ctx.org_id, m.id.into_uuid()).await.expect("attempt");
    assert!(matches!(&outcome, SendOutcome::Retrying(r) if r.contains("COMMS_SMTP_URL")), "{outcome:?}");
}

atrium_testkit::backend_tests!(
    reply_is_sent_once_with_its_headers,
    compose_retries_through_the_dispatcher,
    refusals_and_exhausted_attempts_end_failed,
);
