//! Projects and milestones: the engagement's client, filters, If-Match, deletes
//! with their foreign-key effects, tenancy, and refused references writing nothing.

use atrium_events::projects::{MilestoneUpdated, ProjectCreated, ProjectUpdated, TemplateCreated, TemplateUpdated};
use atrium_kernel::{AppError, Clock, IfMatch, OrgCtx, PageRequest, Patch};
use atrium_projects::dto::{
    MilestoneFilter, MilestoneIn, MilestoneOut, MilestonePatch, MilestoneStatus, ProjectFilter, ProjectOut,
    ProjectPatch, ProjectStatus, SaveAsTemplateIn, TaskFilter, TaskIn, TaskMoveIn, TaskPatch, TemplateIn,
    TemplatePatch,
};
use atrium_testkit::{Backend, TestDb, backend_tests};
use chrono::Duration;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use uuid::Uuid;

use crate::assert_err;
use crate::common::{
    Harness, date, day, events_of, harness, invalid_field, order_of, payload, project_in, seed_engagement, snapshot,
    task_in, task_row, text, types,
};

backend_tests!(
    project_takes_the_engagements_client_company,
    foreign_references_are_rejected_and_nothing_written,
    another_orgs_ids_are_not_found,
    deleting_a_project_removes_its_milestones_and_tasks,
    deleting_a_milestone_keeps_its_tasks,
    stale_if_match_is_a_conflict_and_writes_nothing,
);

pub async fn milestone(h: &Harness, ctx: &OrgCtx, project: Uuid, name: &str) -> Uuid {
    let input = MilestoneIn {
        project_id: project.into(),
        name: text(name),
        due_date: None,
        status: None,
        client_visible: None,
    };
    h.svc.create_milestone(ctx, input).await.expect("create milestone").id.into_uuid()
}

async fn project_takes_the_engagements_client_company(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, company) = h.engagement(&ctx).await;
    let t0 = h.clock.now();
    let input = atrium_projects::dto::ProjectIn {
        status: Some(ProjectStatus::Active),
        start_date: Some(day(2026, 12, 1)),
        due_date: Some(day(2027, 3, 31)),
        description: Some(text("Relaunch of globex.example")),
        ..project_in("  Website relaunch ", engagement)
    };
    let out = h.svc.create_project(&ctx, input).await.expect("create");
    assert_eq!(
        (out.name.as_str(), out.engagement_id, out.client_company_id),
        ("Website relaunch", engagement, Some(company))
    );
    assert_eq!((out.status, out.version, out.created_at, out.updated_at), (ProjectStatus::Active, 1, t0, t0));
    assert_eq!(json!(h.svc.get_project(&ctx, out.id).await.expect("get")), json!(out));
    let ev = events_of(&h.conn, out.id).await;
    assert_eq!(types(&ev), ["projects.project.created"]);
    assert_eq!(ev[0].data, json!(out), "the payload keeps the field names webhook consumers know");
    assert_eq!(ProjectOut::from(payload::<ProjectCreated>(&ev[0]).project), out);
    assert_eq!(ev[0].data["engagement_id"], json!(engagement));
    assert_eq!(ev[0].actor, ctx.actor());

    // An engagement without a client gives a project without one; defaults apply.
    let bare_engagement = seed_engagement(&h.conn, ctx.org_id, None).await;
    let bare = h.svc.create_project(&ctx, project_in("Bare", bare_engagement)).await.expect("bare");
    assert_eq!((bare.client_company_id, bare.status, bare.start_date), (None, ProjectStatus::Planned, None));

    // Filters.
    let list = |f: ProjectFilter| {
        let (svc, ctx) = (h.svc.clone(), ctx);
        async move { svc.list_projects(&ctx, &f, PageRequest::default()).await.expect("list").items }
    };
    let ids = |items: Vec<ProjectOut>| items.into_iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(ids(list(ProjectFilter::default()).await), [out.id, bare.id]);
    assert_eq!(ids(list(ProjectFilter { engagement_id: Some(engagement), ..Default::default() }).await), [out.id]);
    assert_eq!(ids(list(ProjectFilter { client_company_id: Some(company), ..Default::default() }).await), [out.id]);
    assert_eq!(
        ids(list(ProjectFilter { status: Some(ProjectStatus::Planned), ..Default::default() }).await),
        [bare.id]
    );
    let page = h.svc.list_projects(&ctx, &ProjectFilter::default(), PageRequest::first(1)).await.expect("page");
    assert_eq!(page.next_after, Some(out.id.into_uuid()));
    let next = PageRequest { limit: 1, after: page.next_after };
    let page = h.svc.list_projects(&ctx, &ProjectFilter::default(), next).await.expect("page 2");
    assert_eq!((ids(page.items), page.next_after), (vec![bare.id], None));

    // PATCH: absent keeps, null clears, stale If-Match is a 409 that writes nothing.
    h.clock.advance(Duration::hours(1));
    let patch = ProjectPatch { status: Some(ProjectStatus::OnHold), due_date: Patch::Null, ..Default::default() };
    let v2 = h.svc.update_project(&ctx, out.id, patch, IfMatch(Some(1))).await.expect("update");
    assert_eq!(
        (v2.version, v2.status, v2.due_date, v2.start_date),
        (2, ProjectStatus::OnHold, None, Some(date(2026, 12, 1)))
    );
    assert_eq!(
        (v2.description.as_deref(), v2.updated_at),
        (Some("Relaunch of globex.example"), t0 + Duration::hours(1))
    );
    let before = snapshot(&h.conn).await;
    let stale = ProjectPatch { name: Some(text("Stale")), ..Default::default() };
    assert_err!(h.svc.update_project(&ctx, out.id, stale, IfMatch(Some(1))).await, AppError::Conflict { .. }, "stale");
    let backwards = ProjectPatch { due_date: Patch::Value(day(2026, 11, 1)), ..Default::default() };
    let err = assert_err!(
        h.svc.update_project(&ctx, out.id, backwards, IfMatch(None)).await,
        AppError::Validation(_),
        "due before start"
    );
    assert_eq!(invalid_field(&err), "due_date");
    assert_eq!(snapshot(&h.conn).await, before, "refused updates write nothing");
    assert_eq!(types(&events_of(&h.conn, out.id).await), ["projects.project.created", "projects.project.updated"]);
    let updated = payload::<ProjectUpdated>(&events_of(&h.conn, out.id).await[1]);
    assert_eq!((ProjectOut::from(updated.project), updated.changed), (v2, vec!["status".into(), "due_date".into()]));
}

async fn foreign_references_are_rejected_and_nothing_written(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (h.org().await, h.org().await);
    let (engagement_a, _) = h.engagement(&a).await;
    let (engagement_b, _) = h.engagement(&b).await;
    let project_a = h.project(&a, engagement_a, "A1").await;
    let other_project_a = h.project(&a, engagement_a, "A2").await;
    let project_b = h.project(&b, engagement_b, "B1").await;
    let milestone_b = milestone(&h, &b, project_b, "B milestone").await;
    let milestone_other = milestone(&h, &a, other_project_a, "Other project's").await;
    let member_of_b = h.member_of(b.org_id).await;
    let task_a = h.task(&a, project_a, "Task").await;

    let before = snapshot(&h.conn).await;
    let cases: Vec<(&str, Result<(), AppError>)> = vec![
        ("engagement_id", h.svc.create_project(&a, project_in("X", engagement_b)).await.map(|_| ())),
        ("engagement_id", h.svc.create_project(&a, project_in("X", Uuid::now_v7().into())).await.map(|_| ())),
        (
            "project_id",
            h.svc
                .create_milestone(
                    &a,
                    MilestoneIn {
                        project_id: project_b.into(),
                        name: text("X"),
                        due_date: None,
                        status: None,
                        client_visible: None,
                    },
                )
                .await
                .map(|_| ()),
        ),
        ("project_id", h.svc.create_task(&a, task_in(project_b, "X")).await.map(|_| ())),
        (
            "milestone_id",
            h.svc
                .create_task(&a, TaskIn { milestone_id: Some(milestone_b.into()), ..task_in(project_a, "X") })
                .await
                .map(|_| ()),
        ),
        (
            "milestone_id",
            h.svc
                .create_task(&a, TaskIn { milestone_id: Some(milestone_other.into()), ..task_in(project_a, "X") })
                .await
                .map(|_| ()),
        ),
        (
            "assignee_id",
            h.svc
                .create_task(&a, TaskIn { assignee_id: Some(member_of_b), ..task_in(project_a, "X") })
                .await
                .map(|_| ()),
        ),
        (
            "milestone_id",
            h.svc
                .update_task(
                    &a,
                    task_a.into(),
                    TaskPatch { milestone_id: Patch::Value(milestone_b.into()), ..Default::default() },
                    IfMatch(None),
                )
                .await
                .map(|_| ()),
        ),
        (
            "assignee_id",
            h.svc
                .update_task(
                    &a,
                    task_a.into(),
                    TaskPatch { assignee_id: Patch::Value(member_of_b), ..Default::default() },
                    IfMatch(None),
                )
                .await
                .map(|_| ()),
        ),
    ];
    for (i, (field, result)) in cases.into_iter().enumerate() {
        let err = assert_err!(result, AppError::Validation(_), &format!("case {i}"));
        assert_eq!(invalid_field(&err), field, "case {i}");
    }
    assert_eq!(snapshot(&h.conn).await, before, "no row and no event for a refused reference");

    // The same references within the organization are accepted.
    let own = milestone(&h, &a, project_a, "Own").await;
    let member = h.member_of(a.org_id).await;
    let t = h
        .svc
        .create_task(
            &a,
            TaskIn { milestone_id: Some(own.into()), assignee_id: Some(member), ..task_in(project_a, "Ok") },
        )
        .await
        .expect("own references");
    assert_eq!((t.milestone_id.map(|m| m.into_uuid()), t.assignee_id), (Some(own), Some(member)));
}

async fn another_orgs_ids_are_not_found(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (h.org().await, h.org().await);
    let (engagement_a, _) = h.engagement(&a).await;
    let (engagement_b, _) = h.engagement(&b).await;
    let project = h.project(&a, engagement_a, "A").await;
    let m = milestone(&h, &a, project, "M").await;
    let t = h.task(&a, project, "T").await;
    let tpl = h
        .svc
        .create_template(&a, TemplateIn { name: text("Tpl"), description: None, milestones: vec![], tasks: vec![] })
        .await
        .expect("template")
        .id;

    let before = snapshot(&h.conn).await;
    let nf = |r: Result<(), AppError>, what: &str| {
        assert!(matches!(r, Err(AppError::NotFound(_))), "{what}: {r:?}");
    };
    nf(h.svc.get_project(&b, project.into()).await.map(|_| ()), "get project");
    nf(
        h.svc.update_project(&b, project.into(), ProjectPatch::default(), IfMatch(None)).await.map(|_| ()),
        "patch project",
    );
    nf(h.svc.delete_project(&b, project.into(), IfMatch(None)).await, "delete project");
    nf(
        h.svc
            .save_as_template(&b, project.into(), SaveAsTemplateIn { name: text("X"), description: None })
            .await
            .map(|_| ()),
        "save",
    );
    nf(h.svc.get_milestone(&b, m.into()).await.map(|_| ()), "get milestone");
    nf(
        h.svc.update_milestone(&b, m.into(), MilestonePatch::default(), IfMatch(None)).await.map(|_| ()),
        "patch milestone",
    );
    nf(h.svc.delete_milestone(&b, m.into(), IfMatch(None)).await, "delete milestone");
    nf(h.svc.get_task(&b, t.into()).await.map(|_| ()), "get task");
    nf(h.svc.update_task(&b, t.into(), TaskPatch::default(), IfMatch(None)).await.map(|_| ()), "patch task");
    nf(h.svc.delete_task(&b, t.into(), IfMatch(None)).await, "delete task");
    nf(
        h.svc
            .move_task(&b, t.into(), TaskMoveIn { position: Some(0), ..Default::default() }, IfMatch(None))
            .await
            .map(|_| ()),
        "move",
    );
    nf(h.svc.get_template(&b, tpl).await.map(|_| ()), "get template");
    nf(h.svc.update_template(&b, tpl, TemplatePatch::default(), IfMatch(None)).await.map(|_| ()), "patch template");
    nf(h.svc.delete_template(&b, tpl, IfMatch(None)).await, "delete template");
    let inst = atrium_projects::dto::InstantiateIn {
        engagement_id: engagement_b,
        name: text("X"),
        start_date: day(2027, 1, 1),
    };
    nf(h.svc.instantiate_template(&b, tpl, inst).await.map(|_| ()), "instantiate");
    assert_eq!(snapshot(&h.conn).await, before, "nothing changed");

    // B's lists do not show A's rows, whatever the filter.
    let f = ProjectFilter { engagement_id: Some(engagement_a), ..Default::default() };
    assert!(h.svc.list_projects(&b, &f, PageRequest::default()).await.expect("list").items.is_empty());
    let f = MilestoneFilter { project_id: Some(project.into()), ..Default::default() };
    assert!(h.svc.list_milestones(&b, &f, PageRequest::default()).await.expect("list").items.is_empty());
    let f = TaskFilter { project_id: Some(project.into()), ..Default::default() };
    assert!(h.svc.list_tasks(&b, &f, PageRequest::default()).await.expect("list").items.is_empty());
    assert!(h.svc.list_templates(&b, PageRequest::default()).await.expect("list").items.is_empty());
}

/// The app's SQLite connections enforce foreign keys; the cascades below rely on it.
async fn assert_foreign_keys_on(db: &TestDb) {
    if db.backend == Backend::Sqlite {
        let row = db
            .conn
            .query_one_raw(Statement::from_string(db.conn.get_database_backend(), "PRAGMA foreign_keys"))
            .await
            .expect("pragma")
            .expect("row");
        assert_eq!(row.try_get_by_index::<i32>(0).expect("value"), 1, "PRAGMA foreign_keys is on");
    }
}

async fn deleting_a_project_removes_its_milestones_and_tasks(db: &TestDb) {
    assert_foreign_keys_on(db).await;
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "Doomed").await;
    let keep = h.project(&ctx, engagement, "Kept").await;
    let m = milestone(&h, &ctx, project, "M").await;
    let t1 = h
        .svc
        .create_task(&ctx, TaskIn { milestone_id: Some(m.into()), ..task_in(project, "T1") })
        .await
        .expect("t1")
        .id;
    let t2 = h.task(&ctx, project, "T2").await;
    let kept_task = h.task(&ctx, keep, "Kept task").await;

    assert_err!(h.svc.delete_project(&ctx, project.into(), IfMatch(Some(7))).await, AppError::Conflict { .. }, "stale");
    h.svc.delete_project(&ctx, project.into(), IfMatch(Some(1))).await.expect("delete");
    let after = snapshot(&h.conn).await;
    assert_eq!(after.projects.iter().map(|p| p.id).collect::<Vec<_>>(), [keep]);
    assert!(after.milestones.is_empty(), "milestones cascade");
    assert_eq!(after.tasks.iter().map(|t| t.id).collect::<Vec<_>>(), [kept_task], "tasks cascade");
    let ev = events_of(&h.conn, project).await;
    assert_eq!(types(&ev).last(), Some(&"projects.project.deleted"));
    let data = &ev.last().expect("event").data;
    assert_eq!(data["engagement_id"], json!(engagement));
    assert_eq!(data["deleted_milestone_ids"], json!([m]));
    let mut deleted: Vec<Uuid> = serde_json::from_value(data["deleted_task_ids"].clone()).expect("ids");
    deleted.sort();
    assert_eq!(deleted, [t1.into_uuid(), t2]);
    assert!(matches!(h.svc.get_project(&ctx, project.into()).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.get_task(&ctx, t1).await, Err(AppError::NotFound(_))));
}

async fn deleting_a_milestone_keeps_its_tasks(db: &TestDb) {
    assert_foreign_keys_on(db).await;
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "P").await;
    let m = milestone(&h, &ctx, project, "Design").await;
    let other = milestone(&h, &ctx, project, "Build").await;
    let t1 =
        h.svc.create_task(&ctx, TaskIn { milestone_id: Some(m.into()), ..task_in(project, "T1") }).await.expect("t1");
    let t2 = h
        .svc
        .create_task(&ctx, TaskIn { milestone_id: Some(other.into()), ..task_in(project, "T2") })
        .await
        .expect("t2");

    let got = h.svc.get_milestone(&ctx, m.into()).await.expect("get");
    assert_eq!((got.engagement_id, got.status, got.version), (engagement, MilestoneStatus::Open, 1));
    let patch = MilestonePatch {
        status: Some(MilestoneStatus::Done),
        due_date: Patch::Value(day(2027, 1, 15)),
        ..Default::default()
    };
    let v2 = h.svc.update_milestone(&ctx, m.into(), patch, IfMatch(Some(1))).await.expect("update");
    assert_eq!((v2.status, v2.due_date, v2.version), (MilestoneStatus::Done, Some(date(2027, 1, 15)), 2));
    let f =
        MilestoneFilter { project_id: Some(project.into()), status: Some(MilestoneStatus::Done), ..Default::default() };
    assert_eq!(h.svc.list_milestones(&ctx, &f, PageRequest::default()).await.expect("list").items, vec![v2.clone()]);

    h.svc.delete_milestone(&ctx, m.into(), IfMatch(Some(2))).await.expect("delete");
    let row = task_row(&h.conn, t1.id).await.expect("task remains");
    assert_eq!(row.milestone_id, None, "the foreign key set it null");
    assert_eq!(task_row(&h.conn, t2.id).await.expect("other").milestone_id, Some(other), "other milestone untouched");
    assert_eq!(order_of(&h.conn, project).await.0, [t1.id.into_uuid(), t2.id.into_uuid()]);
    let ev = events_of(&h.conn, m).await;
    // Open → done also says the milestone was completed (revenue bills milestone schedules on it).
    assert_eq!(
        types(&ev),
        [
            "projects.milestone.created",
            "projects.milestone.updated",
            "projects.milestone.completed",
            "projects.milestone.deleted"
        ]
    );
    assert_eq!(ev[2].data["status"], json!("done"));
    assert_eq!(ev[3].data["detached_task_ids"], json!([t1.id]));
    assert_eq!(ev[3].data["engagement_id"], json!(engagement));
    assert_eq!(ev[0].data["engagement_id"], json!(engagement));
}

async fn stale_if_match_is_a_conflict_and_writes_nothing(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "P").await;
    let m = milestone(&h, &ctx, project, "M").await;
    let t = h.task(&ctx, project, "T").await;
    let tpl = h
        .svc
        .create_template(&ctx, TemplateIn { name: text("Tpl"), description: None, milestones: vec![], tasks: vec![] })
        .await
        .expect("template")
        .id;
    let stale = IfMatch(Some(7));

    let before = snapshot(&h.conn).await;
    let conflict = |r: Result<(), AppError>, what: &str| {
        assert!(matches!(r, Err(AppError::Conflict { .. })), "{what}: {r:?}");
    };
    let rename = ProjectPatch { name: Some(text("X")), ..Default::default() };
    conflict(h.svc.update_project(&ctx, project.into(), rename, stale).await.map(|_| ()), "patch project");
    conflict(h.svc.delete_project(&ctx, project.into(), stale).await, "delete project");
    let rename = MilestonePatch { name: Some(text("X")), ..Default::default() };
    conflict(h.svc.update_milestone(&ctx, m.into(), rename, stale).await.map(|_| ()), "patch milestone");
    conflict(h.svc.delete_milestone(&ctx, m.into(), stale).await, "delete milestone");
    let rename = TaskPatch { title: Some(text("X")), ..Default::default() };
    conflict(h.svc.update_task(&ctx, t.into(), rename, stale).await.map(|_| ()), "patch task");
    conflict(h.svc.delete_task(&ctx, t.into(), stale).await, "delete task");
    let to_front = TaskMoveIn { position: Some(0), ..Default::default() };
    conflict(h.svc.move_task(&ctx, t.into(), to_front, stale).await.map(|_| ()), "move task");
    let rename = TemplatePatch { name: Some(text("X")), ..Default::default() };
    conflict(h.svc.update_template(&ctx, tpl, rename, stale).await.map(|_| ()), "patch template");
    conflict(h.svc.delete_template(&ctx, tpl, stale).await, "delete template");
    assert_eq!(snapshot(&h.conn).await, before, "a stale If-Match writes nothing");

    // The current version passes, and only what changed is listed.
    let rename = MilestonePatch { name: Some(text("Renamed")), ..Default::default() };
    let v2 = h.svc.update_milestone(&ctx, m.into(), rename, IfMatch(Some(1))).await.expect("current version");
    assert_eq!((v2.version, v2.name.as_str()), (2, "Renamed"));
    let updated = payload::<MilestoneUpdated>(events_of(&h.conn, m).await.last().expect("event"));
    assert_eq!((MilestoneOut::from(updated.milestone), updated.changed), (v2, vec!["name".to_owned()]));
    let rename = TemplatePatch { name: Some(text("Tpl 2")), ..Default::default() };
    h.svc.update_template(&ctx, tpl, rename, IfMatch(Some(1))).await.expect("template v2");
    let updated = payload::<TemplateUpdated>(events_of(&h.conn, tpl).await.last().expect("event"));
    assert_eq!((updated.template.version, updated.changed), (2, vec!["name".to_owned()]));
    let created = payload::<TemplateCreated>(&events_of(&h.conn, tpl).await[0]);
    assert_eq!((created.source_project_id, created.engagement_id), (None, None));
    assert!(events_of(&h.conn, tpl).await[0].data.get("source_project_id").is_none(), "absent, as before");
}
