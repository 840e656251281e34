//! Mail on the timelines, over HTTP: a message of a thread matched to a CRM
//! contact shows on `GET /timeline?contact_id=`, follows its thread onto the
//! engagement's timeline when the thread is filed, and a CRM contact merge moves
//! the thread's contact links to the survivor (once, however often delivered).

use atrium_outbox::entity::event;
use atrium_tests::{TestApp, app_tests, eventually};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::comms::seed_thread;

app_tests!(matched_mail_is_on_the_contact_and_engagement_timelines_and_follows_merges);

fn imap() -> Value {
    json!({"provider": "imap", "email_address": "ada@example.com",
        "imap": {"host": "127.0.0.1", "port": 1, "tls": false, "username": "ada", "password": "s3cret-password"}})
}

/// Links a contact to a thread as the sync does when an address matches.
async fn link_contact(app: &TestApp, org: &str, thread: &str, contact: &str) {
    let stmt = Query::insert()
        .into_table(Alias::new("thread_contacts"))
        .columns(["id", "organization_id", "thread_id", "contact_id", "created_at"].map(Alias::new))
        .values_panic([
            uuid::Uuid::now_v7().into(),
            org.parse::<uuid::Uuid>().expect("org").into(),
            thread.parse::<uuid::Uuid>().expect("thread").into(),
            contact.parse::<uuid::Uuid>().expect("contact").into(),
            chrono::Utc::now().into(),
        ])
        .to_owned();
    app.db.conn.execute(&stmt).await.expect("link contact");
}

async fn timeline_types(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let page = app.get(&format!("/api/v1/timeline?{query}&limit=200"), token).await.expect(200);
    page.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["event_type"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn matched_mail_is_on_the_contact_and_engagement_timelines_and_follows_merges(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let contact = |first: &str, email: &str| json!({"first_name": first, "last_name": "Scorpio", "email": email});
    let hank = app.post("/api/v1/contacts", &ada.token, contact("Hank", "hank@globex.example")).await.expect(201);
    let hank = hank.body["id"].as_str().expect("id").to_owned();
    let dup = app.post("/api/v1/contacts", &ada.token, contact("Hank", "h.scorpio@globex.example")).await.expect(201);
    let dup = dup.body["id"].as_str().expect("id").to_owned();
    let other = app.post("/api/v1/contacts", &ada.token, contact("Olga", "olga@initech.example")).await.expect(201);
    let other = other.body["id"].as_str().expect("id").to_owned();
    let conn = app.post("/api/v1/mailbox-connections", &ada.token, imap()).await.expect(201);
    let conn_id = conn.body["id"].as_str().expect("id").to_owned();

    // A synced thread matched to Hank; a reply written here names him in its event.
    let thread = seed_thread(app, &ada.org_id, "Kick-off").await;
    link_contact(app, &ada.org_id, &thread, &hank).await;
    let reply = app
        .post(
            &format!("/api/v1/threads/{thread}/reply"),
            &ada.token,
            json!({"connection_id": conn_id, "body_text": "Monday works."}),
        )
        .await
        .expect(202);
    let reply_id = reply.body["id"].as_str().expect("id").to_owned();
    let on_hank = eventually("the reply on Hank's timeline", || async {
        let types = timeline_types(app, &ada.token, &format!("contact_id={hank}")).await;
        types.iter().any(|t| t == "comms.message.queued").then_some(types)
    })
    .await;
    // His own entries are there too; Olga's timeline has none of his mail.
    assert!(on_hank.iter().any(|t| t == "crm.contact.created"), "{on_hank:?}");
    let on_olga = timeline_types(app, &ada.token, &format!("contact_id={other}")).await;
    assert_eq!(on_olga, vec!["crm.contact.created".to_owned()]);
    let page = app.get(&format!("/api/v1/timeline?contact_id={hank}"), &ada.token).await.expect(200);
    let entry = page.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["event_type"] == "comms.message.queued")
        .expect("queued entry")
        .clone();
    assert_eq!(entry["entity_id"], reply_id.as_str());
    assert!(entry["engagement_id"].is_null(), "the thread is not filed yet");
    // A bad contact id is a 422 naming the field.
    let bad = app.get("/api/v1/timeline?contact_id=nope", &ada.token).await.expect_problem(422);
    assert!(bad.field_errors().contains(&"contact_id".to_owned()), "{:?}", bad.body);

    // Filing the thread files its messages' entries under the engagement.
    let engagement = app
        .post("/api/v1/engagements", &ada.token, json!({"name": "Relaunch", "billing_model": "fixed"}))
        .await
        .expect(201);
    let engagement_id = engagement.body["id"].as_str().expect("id").to_owned();
    app.post(&format!("/api/v1/threads/{thread}/file"), &ada.token, json!({"engagement_id": engagement_id}))
        .await
        .expect(200);
    let on_engagement = eventually("the reply on the engagement's timeline", || async {
        let types = timeline_types(app, &ada.token, &format!("engagement_id={engagement_id}")).await;
        types.iter().any(|t| t == "comms.message.queued").then_some(types)
    })
    .await;
    assert!(on_engagement.iter().any(|t| t == "comms.thread.filed"), "{on_engagement:?}");

    // Hank's duplicate was matched to another thread; merging moves its links.
    let second = seed_thread(app, &ada.org_id, "Invoice question").await;
    link_contact(app, &ada.org_id, &second, &dup).await;
    link_contact(app, &ada.org_id, &thread, &dup).await;
    app.post(&format!("/api/v1/contacts/{hank}/merge"), &ada.token, json!({"source_ids": [dup]})).await.expect(200);
    let threads = eventually("the merged contact's threads on the survivor", || async {
        let page = app.get(&format!("/api/v1/threads?contact_id={hank}"), &ada.token).await.expect(200);
        let items = page.body["items"].as_array().cloned().unwrap_or_default();
        (items.len() == 2).then_some(items)
    })
    .await;
    for t in &threads {
        assert_eq!(t["contact_ids"], json!([hank]), "{t}");
    }
    let org: uuid::Uuid = ada.org_id.parse().expect("org");
    let repointed = event::Entity::find()
        .filter(event::Column::OrganizationId.eq(org))
        .filter(event::Column::EventType.eq("comms.contacts.repointed"))
        .all(&app.db.conn)
        .await
        .expect("events");
    assert_eq!(repointed.len(), 1);
    assert_eq!(repointed[0].actor, "system:comms-crm-merges");
    assert_eq!(repointed[0].data["thread_ids"].as_array().map(Vec::len), Some(2), "{}", repointed[0].data);
    let links = app
        .db
        .conn
        .query_all(
            &Query::select()
                .column(Alias::new("contact_id"))
                .from(Alias::new("thread_contacts"))
                .and_where(sea_orm::sea_query::ExprTrait::eq(Expr::col(Alias::new("organization_id")), org))
                .to_owned(),
        )
        .await
        .expect("links");
    assert_eq!(links.len(), 2, "one link per thread, none left on the duplicate");
}
