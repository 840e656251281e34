//! Keeping projects' copy of the client company true: the CRM merge subscriber and
//! the reconciliation job. Also: every write emits its event.

use std::sync::Arc;

use atrium_events::EventPayload;
use atrium_events::crm::CompanyMerged;
use atrium_events::projects::ReferencesRepointed;
use atrium_kernel::{Clock, IfMatch, OrganizationId};
use atrium_outbox::{Event, EventId, Job, Subscriber};
use atrium_projects::dto::{
    ClientCompanyId, MilestoneIn, MilestonePatch, ProjectPatch, TaskMoveIn, TaskPatch, TaskStatus,
};
use atrium_projects::{CrmMergeSubscriber, ReconcileJob};
use atrium_testkit::{TestDb, backend_tests};
use serde_json::json;
use uuid::Uuid;

use crate::common::{
    events_of, events_of_type, harness, payload, project_row, seed_company, seed_engagement, set_engagement_company,
    snapshot, text, types,
};

backend_tests!(
    merge_subscriber_repoints_idempotently,
    reconciliation_repairs_only_mismatched_projects,
    every_write_emits_its_event,
);

async fn company_of(conn: &sea_orm::DatabaseConnection, id: Uuid) -> Option<ClientCompanyId> {
    project_row(conn, id).await.expect("project").client_company_id.map(Into::into)
}

/// The event CRM publishes, through its typed payload.
fn merged(org: OrganizationId, survivor: ClientCompanyId, merged: &[ClientCompanyId]) -> Event {
    let payload =
        CompanyMerged { survivor_id: survivor, merged_ids: merged.to_vec(), repointed_contacts: 0, repointed_deals: 0 };
    Event {
        id: EventId::new(),
        org_id: org,
        event_type: CompanyMerged::TYPE.into(),
        aggregate_type: CompanyMerged::AGGREGATE.into(),
        aggregate_id: payload.aggregate_id(),
        occurred_at: chrono::Utc::now(),
        actor: "user:x".into(),
        data: serde_json::to_value(&payload).expect("payload"),
    }
}

async fn merge_subscriber_repoints_idempotently(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (h.org().await, h.org().await);
    let survivor = seed_company(&h.conn, a.org_id).await;
    let (dup1, dup2, untouched) = (
        seed_company(&h.conn, a.org_id).await,
        seed_company(&h.conn, a.org_id).await,
        seed_company(&h.conn, a.org_id).await,
    );
    let mk = |org, company| {
        let h = &h;
        async move { seed_engagement(&h.conn, org, Some(company)).await }
    };
    let p1 = h.project(&a, mk(a.org_id, dup1).await, "P1").await;
    let p2 = h.project(&a, mk(a.org_id, dup2).await, "P2").await;
    let p3 = h.project(&a, mk(a.org_id, untouched).await, "P3").await;
    // B's project naming A's company (as a forged row would): another org's event never touches it.
    let pb = h.project(&b, mk(b.org_id, dup1).await, "PB").await;

    let sub = CrmMergeSubscriber::new(h.conn.clone(), h.clock.clone() as Arc<dyn Clock>);
    assert_eq!(sub.name(), "projects.crm_merges");
    assert!(sub.accepts("crm.company.merged") && !sub.accepts("crm.contact.merged"));
    let event = merged(a.org_id, survivor, &[dup1, dup2]);
    sub.deliver("projects.crm_merges", &event).await.expect("deliver");
    assert_eq!(
        (company_of(&h.conn, p1).await, company_of(&h.conn, p2).await, company_of(&h.conn, p3).await),
        (Some(survivor), Some(survivor), Some(untouched))
    );
    assert_eq!(company_of(&h.conn, pb).await, Some(dup1), "org B untouched");
    let repointed = events_of_type(&h.conn, "projects.references.repointed").await;
    assert_eq!(repointed.len(), 1);
    assert_eq!((repointed[0].organization_id, repointed[0].data["count"].clone()), (a.org_id.into_uuid(), json!(2)));
    let out = payload::<ReferencesRepointed>(&repointed[0]);
    let mut moved = out.project_ids.clone();
    moved.sort();
    assert_eq!((out.survivor_id, out.merged_ids, moved), (survivor, vec![dup1, dup2], vec![p1.into(), p2.into()]));
    assert_eq!(out.cause_event_id, event.id.into_uuid());
    assert_eq!(repointed[0].actor, "system:projects.crm_merges");
    let v = h.svc.get_project(&a, p1.into()).await.expect("get");
    assert_eq!(v.version, 2, "the ETag changes with the client");

    // A redelivery changes nothing and emits nothing.
    let before = snapshot(&h.conn).await;
    sub.deliver("projects.crm_merges", &event).await.expect("redeliver");
    assert_eq!(sub.apply(&event).await.expect("apply"), 0);
    assert_eq!(snapshot(&h.conn).await, before);

    let mut bad = merged(a.org_id, survivor, &[]);
    bad.data = json!({"nonsense": true});
    assert!(sub.deliver("projects.crm_merges", &bad).await.is_err(), "a malformed event is retried, not swallowed");
}

async fn reconciliation_repairs_only_mismatched_projects(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (h.org().await, h.org().await);
    let (ea, ca) = h.engagement(&a).await;
    let (eb, _) = h.engagement(&b).await;
    let ok1 = h.project(&a, ea, "ok1").await;
    let drift1 = h.project(&a, ea, "drift1").await;
    let none_engagement = seed_engagement(&h.conn, a.org_id, None).await;
    let ok2 = h.project(&a, none_engagement, "no client").await;
    let drift2 = h.project(&b, eb, "drift2").await;

    let job = ReconcileJob(h.svc.clone());
    assert_eq!(h.svc.reconcile_client_companies().await.expect("reconcile"), 0, "nothing to repair yet");

    // drift1 still names A's old company while its engagement moved on; in B the
    // engagement lost its client.
    let moved_to = seed_company(&h.conn, a.org_id).await;
    let engagement_moved = seed_engagement(&h.conn, a.org_id, Some(ca)).await;
    let drift3 = h.project(&a, engagement_moved, "drift3").await;
    set_engagement_company(&h.conn, engagement_moved, Some(moved_to)).await;
    let forged = seed_company(&h.conn, a.org_id).await;
    sea_orm::ConnectionTrait::execute_raw(
        &h.conn,
        sea_orm::Statement::from_sql_and_values(
            h.conn.get_database_backend(),
            if db.backend == atrium_testkit::Backend::Postgres {
                "UPDATE projects SET client_company_id = $1 WHERE id = $2"
            } else {
                "UPDATE projects SET client_company_id = ? WHERE id = ?"
            },
            [forged.into_uuid().into(), drift1.into()],
        ),
    )
    .await
    .expect("drift");
    set_engagement_company(&h.conn, eb, None).await;

    let report = job.run(chrono::Utc::now()).await.expect("job");
    assert_eq!(report, "repaired 3 projects");
    assert_eq!(company_of(&h.conn, drift1).await, Some(ca));
    assert_eq!(company_of(&h.conn, drift3).await, Some(moved_to));
    assert_eq!(company_of(&h.conn, drift2).await, None);
    assert_eq!((company_of(&h.conn, ok1).await, company_of(&h.conn, ok2).await), (Some(ca), None));
    let ev = events_of_type(&h.conn, "projects.project.reconciled").await;
    assert_eq!(ev.len(), 3, "one event per repair");
    let of = |p: Uuid| ev.iter().find(|e| e.aggregate_id == p).expect("event of project");
    assert_eq!(of(drift1).data, json!({"id": drift1, "engagement_id": ea, "from": forged, "to": ca}));
    assert_eq!(of(drift2).data["to"], json!(null));
    assert_eq!(of(drift2).organization_id, b.org_id.into_uuid());
    assert!(events_of(&h.conn, ok1).await.iter().all(|e| e.event_type != "projects.project.reconciled"));

    let before = snapshot(&h.conn).await;
    assert_eq!(h.svc.reconcile_client_companies().await.expect("again"), 0, "a second run finds nothing");
    assert_eq!(h.svc.reconcile_organization(a.org_id).await.expect("org"), 0);
    assert_eq!(snapshot(&h.conn).await, before);
}

async fn every_write_emits_its_event(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "P").await;
    h.svc
        .update_project(
            &ctx,
            project.into(),
            ProjectPatch { name: Some(text("P2")), ..Default::default() },
            IfMatch(None),
        )
        .await
        .expect("update");
    let m = h
        .svc
        .create_milestone(
            &ctx,
            MilestoneIn {
                project_id: project.into(),
                name: text("M"),
                due_date: None,
                status: None,
                client_visible: None,
            },
        )
        .await
        .expect("milestone")
        .id;
    h.svc
        .update_milestone(&ctx, m, MilestonePatch { name: Some(text("M2")), ..Default::default() }, IfMatch(None))
        .await
        .expect("update");
    let t = h.task(&ctx, project, "T").await;
    h.task(&ctx, project, "U").await;
    h.svc
        .update_task(
            &ctx,
            t.into(),
            TaskPatch { status: Some(TaskStatus::Blocked), ..Default::default() },
            IfMatch(None),
        )
        .await
        .expect("status");
    h.svc
        .move_task(&ctx, t.into(), TaskMoveIn { position: Some(1), ..Default::default() }, IfMatch(None))
        .await
        .expect("move");
    h.svc.delete_task(&ctx, t.into(), IfMatch(None)).await.expect("delete task");
    h.svc.delete_milestone(&ctx, m, IfMatch(None)).await.expect("delete milestone");
    h.svc.delete_project(&ctx, project.into(), IfMatch(None)).await.expect("delete project");

    assert_eq!(
        types(&events_of(&h.conn, project).await),
        ["projects.project.created", "projects.project.updated", "projects.project.deleted"]
    );
    assert_eq!(
        types(&events_of(&h.conn, m).await),
        ["projects.milestone.created", "projects.milestone.updated", "projects.milestone.deleted"]
    );
    assert_eq!(
        types(&events_of(&h.conn, t).await),
        [
            "projects.task.created",
            "projects.task.updated",
            "projects.task.status_changed",
            "projects.task.moved",
            "projects.task.deleted"
        ]
    );
    for id in [project, m.into_uuid(), t] {
        for e in events_of(&h.conn, id).await {
            assert_eq!(e.data["engagement_id"], json!(engagement), "{} carries the engagement", e.event_type);
            // What the timeline reads without knowing the type: it files the entry
            // under the engagement and names the record.
            let facets = atrium_events::find(&e.event_type).expect("in the catalog").facets(&e.data).expect("decodes");
            assert_eq!(facets.engagement_id, Some(engagement.into_uuid()), "{} files under it", e.event_type);
            assert!(facets.label.is_some(), "{} has a label", e.event_type);
            assert_eq!(e.actor, ctx.actor());
            assert_eq!(e.organization_id, ctx.org_id.into_uuid());
        }
    }
}
