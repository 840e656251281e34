//! Tasks: "my work" filters, completion, status events, and reordering that keeps
//! a project's positions dense and its position-ordered pages consistent.

use atrium_events::projects::{TaskStatusChanged, TaskUpdated};
use atrium_kernel::{AppError, Clock, IfMatch, OrgCtx, PageRequest, Patch, Principal, Role};
use atrium_projects::dto::{AssigneeFilter, TaskFilter, TaskIn, TaskMoveIn, TaskOut, TaskPatch, TaskStatus};
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;
use serde_json::json;
use uuid::Uuid;

use crate::assert_err;
use crate::common::{day, text};
use crate::common::{events_of, harness, invalid_field, order_of, payload, snapshot, task_in, types};
use crate::projects::milestone;

backend_tests!(
    tasks_filter_by_project_status_assignee_and_due_date,
    done_sets_completed_at_and_status_changes_have_their_event,
    reorder_keeps_a_consistent_order,
);

fn ids(items: &[TaskOut]) -> Vec<Uuid> {
    items.iter().map(|t| t.id.into_uuid()).collect()
}

async fn tasks_filter_by_project_status_assignee_and_due_date(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let me = ctx.user_id().expect("user");
    let colleague = h.member_of(ctx.org_id).await;
    let (engagement, _) = h.engagement(&ctx).await;
    let (p1, p2) = (h.project(&ctx, engagement, "P1").await, h.project(&ctx, engagement, "P2").await);
    let m = milestone(&h, &ctx, p1, "M").await;
    let mk = |project: Uuid, title: &str, assignee, status, due| TaskIn {
        assignee_id: assignee,
        status,
        due_date: due,
        ..task_in(project, title)
    };
    let a = h.svc.create_task(&ctx, mk(p1, "a", Some(me), None, Some(day(2027, 1, 10)))).await.expect("a");
    let b = h
        .svc
        .create_task(&ctx, mk(p1, "b", Some(colleague), Some(TaskStatus::InProgress), Some(day(2027, 1, 5))))
        .await
        .expect("b");
    let c = h
        .svc
        .create_task(
            &ctx,
            TaskIn { milestone_id: Some(m.into()), ..mk(p1, "c", None, Some(TaskStatus::InProgress), None) },
        )
        .await
        .expect("c");
    let d = h
        .svc
        .create_task(&ctx, mk(p2, "d", Some(me), Some(TaskStatus::Blocked), Some(day(2027, 1, 1))))
        .await
        .expect("d");
    assert_eq!((a.position, b.position, c.position, d.position), (0, 1, 2, 0), "positions per project");
    assert_eq!((a.engagement_id, d.engagement_id), (engagement, engagement));

    let list = |f: TaskFilter| {
        let (svc, ctx) = (h.svc.clone(), ctx);
        async move { svc.list_tasks(&ctx, &f, PageRequest::default()).await.expect("list").items }
    };
    assert_eq!(ids(&list(TaskFilter::default()).await), ids(&[a.clone(), b.clone(), c.clone(), d.clone()]));
    let f = TaskFilter { project_id: Some(p1.into()), status: Some(TaskStatus::InProgress), ..Default::default() };
    assert_eq!(ids(&list(f).await), ids(&[b.clone(), c.clone()]));
    let mine = TaskFilter { assignee_id: Some(AssigneeFilter::Me), ..Default::default() };
    assert_eq!(ids(&list(mine).await), ids(&[a.clone(), d.clone()]), "my work across projects");
    let theirs = TaskFilter { assignee_id: Some(AssigneeFilter::User(colleague)), ..Default::default() };
    assert_eq!(ids(&list(theirs).await), [b.id.into_uuid()]);
    let due =
        TaskFilter { assignee_id: Some(AssigneeFilter::Me), due_before: Some(day(2027, 1, 10)), ..Default::default() };
    assert_eq!(ids(&list(due).await), [d.id.into_uuid()], "strictly before; no due date never matches");
    let due = TaskFilter { due_before: Some(day(2027, 1, 11)), ..Default::default() };
    assert_eq!(ids(&list(due).await), ids(&[a.clone(), b.clone(), d.clone()]));
    let by_milestone = TaskFilter { milestone_id: Some(m.into()), ..Default::default() };
    assert_eq!(ids(&list(by_milestone).await), [c.id.into_uuid()]);

    // `me` needs a user; an API key gets a 422 on the field.
    let key = OrgCtx { principal: Principal::ApiKey(atrium_kernel::ApiKeyId::new()), role: Role::Member, ..ctx };
    let f = TaskFilter { assignee_id: Some(AssigneeFilter::Me), ..Default::default() };
    let err =
        assert_err!(h.svc.list_tasks(&key, &f, PageRequest::default()).await, AppError::Validation(_), "me by key");
    assert_eq!(invalid_field(&err), "assignee_id");
    let parsed: TaskFilter = serde_json::from_value(json!({"assignee_id": "me"})).expect("me parses");
    assert_eq!(parsed.assignee_id, Some(AssigneeFilter::Me));
    assert!(serde_json::from_value::<TaskFilter>(json!({"assignee_id": "you"})).is_err());
}

async fn done_sets_completed_at_and_status_changes_have_their_event(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "P").await;
    let t = h
        .svc
        .create_task(&ctx, TaskIn { estimate_minutes: Some(90), ..task_in(project, "Wireframes") })
        .await
        .expect("task");
    assert_eq!((t.status, t.completed_at, t.version), (TaskStatus::Todo, None, 1));

    h.clock.advance(Duration::minutes(5));
    let done_at = h.clock.now();
    let patch = TaskPatch { status: Some(TaskStatus::Done), estimate_minutes: Patch::Null, ..Default::default() };
    let v2 = h.svc.update_task(&ctx, t.id, patch, IfMatch(Some(1))).await.expect("done");
    assert_eq!(
        (v2.status, v2.completed_at, v2.estimate_minutes, v2.version),
        (TaskStatus::Done, Some(done_at), None, 2)
    );
    let v3 = h
        .svc
        .update_task(&ctx, t.id, TaskPatch { title: Some(text("Wires")), ..Default::default() }, IfMatch(None))
        .await
        .expect("rename");
    assert_eq!((v3.completed_at, v3.title.as_str()), (Some(done_at), "Wires"), "no status change keeps completed_at");
    let v4 = h
        .svc
        .update_task(
            &ctx,
            t.id,
            TaskPatch { status: Some(TaskStatus::InProgress), ..Default::default() },
            IfMatch(Some(3)),
        )
        .await
        .expect("reopen");
    assert_eq!((v4.status, v4.completed_at), (TaskStatus::InProgress, None), "reopening clears completed_at");
    let born_done = h
        .svc
        .create_task(&ctx, TaskIn { status: Some(TaskStatus::Done), ..task_in(project, "Done") })
        .await
        .expect("done");
    assert_eq!(born_done.completed_at, Some(h.clock.now()));

    let before = snapshot(&h.conn).await;
    let bad = TaskPatch { estimate_minutes: Patch::Value(-5), ..Default::default() };
    let err = assert_err!(
        h.svc.update_task(&ctx, t.id, bad, IfMatch(None)).await,
        AppError::Validation(_),
        "negative estimate"
    );
    assert_eq!(invalid_field(&err), "estimate_minutes");
    let stale = TaskPatch { status: Some(TaskStatus::Blocked), ..Default::default() };
    assert_err!(h.svc.update_task(&ctx, t.id, stale, IfMatch(Some(1))).await, AppError::Conflict { .. }, "stale");
    assert_eq!(snapshot(&h.conn).await, before);

    let ev = events_of(&h.conn, t.id).await;
    assert_eq!(
        types(&ev),
        [
            "projects.task.created",
            "projects.task.updated",
            "projects.task.status_changed",
            "projects.task.updated",
            "projects.task.updated",
            "projects.task.status_changed",
        ]
    );
    let updated = payload::<TaskUpdated>(&ev[1]);
    assert_eq!(TaskOut::from(updated.task), v2);
    assert_eq!(updated.changed, ["status", "estimate_minutes", "completed_at"]);
    let changed = payload::<TaskStatusChanged>(&ev[2]);
    assert_eq!((changed.from, changed.to, changed.engagement_id), (TaskStatus::Todo, TaskStatus::Done, engagement));
    let facets = atrium_events::EventPayload::facets(&changed);
    assert_eq!(facets.transition, Some(("todo".into(), "done".into())));
    assert_eq!(facets.label.as_deref(), Some("Wireframes"));
    assert_eq!(ev[2].data["from"], "todo");
    assert_eq!(ev[2].data["to"], "done");
    assert_eq!(ev[5].data["from"], "done");
    assert_eq!(ev[5].data["to"], "in_progress");
    assert!(ev.iter().all(|e| e.data["engagement_id"] == json!(engagement)), "every task event names the engagement");

    h.svc.delete_task(&ctx, t.id, IfMatch(Some(4))).await.expect("delete");
    let ev = events_of(&h.conn, t.id).await;
    assert_eq!(types(&ev).last(), Some(&"projects.task.deleted"));
    assert_eq!(ev.last().expect("event").data["engagement_id"], json!(engagement));
}

async fn reorder_keeps_a_consistent_order(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "P").await;
    let other = h.project(&ctx, engagement, "Other").await;
    let mut t = Vec::new();
    for title in ["t0", "t1", "t2", "t3", "t4"] {
        t.push(h.task(&ctx, project, title).await);
    }
    let foreign = h.task(&ctx, other, "elsewhere").await;
    let mv = |id: Uuid, input: TaskMoveIn| {
        let (svc, ctx) = (h.svc.clone(), ctx);
        async move { svc.move_task(&ctx, id.into(), input, IfMatch(None)).await }
    };
    let expect = |order: &[usize]| order.iter().map(|i| t[*i]).collect::<Vec<_>>();
    let dense = |n: i32| (0..n).collect::<Vec<_>>();

    let out = mv(t[4], TaskMoveIn { position: Some(0), ..Default::default() }).await.expect("to front");
    assert_eq!((out.position, out.version), (0, 2));
    assert_eq!(order_of(&h.conn, project).await, (expect(&[4, 0, 1, 2, 3]), dense(5)));
    mv(t[0], TaskMoveIn { after_id: Some(t[2].into()), ..Default::default() }).await.expect("after");
    assert_eq!(order_of(&h.conn, project).await, (expect(&[4, 1, 2, 0, 3]), dense(5)));
    mv(t[3], TaskMoveIn { before_id: Some(t[4].into()), ..Default::default() }).await.expect("before");
    assert_eq!(order_of(&h.conn, project).await, (expect(&[3, 4, 1, 2, 0]), dense(5)));
    mv(t[3], TaskMoveIn { position: Some(99), ..Default::default() }).await.expect("past the end is last");
    assert_eq!(order_of(&h.conn, project).await, (expect(&[4, 1, 2, 0, 3]), dense(5)));
    let same = mv(t[3], TaskMoveIn { position: Some(4), ..Default::default() }).await.expect("no-op");
    assert_eq!(same.version, 3, "a move to where it is changes nothing");

    let before = snapshot(&h.conn).await;
    for (input, field) in [
        (TaskMoveIn::default(), "position"),
        (TaskMoveIn { position: Some(1), after_id: Some(t[1].into()), ..Default::default() }, "position"),
        (TaskMoveIn { after_id: Some(t[1].into()), before_id: Some(t[2].into()), ..Default::default() }, "position"),
        (TaskMoveIn { after_id: Some(t[0].into()), ..Default::default() }, "after_id"),
        (TaskMoveIn { before_id: Some(foreign.into()), ..Default::default() }, "before_id"),
        (TaskMoveIn { after_id: Some(Uuid::now_v7().into()), ..Default::default() }, "after_id"),
    ] {
        let err = assert_err!(mv(t[0], input.clone()).await, AppError::Validation(_), &format!("{input:?}"));
        assert_eq!(invalid_field(&err), field, "{input:?}");
    }
    assert_err!(
        h.svc
            .move_task(&ctx, t[0].into(), TaskMoveIn { position: Some(0), ..Default::default() }, IfMatch(Some(1)))
            .await,
        AppError::Conflict { .. },
        "stale move"
    );
    assert_eq!(snapshot(&h.conn).await, before, "refused moves write nothing");

    // Deleting closes the gap; a new task goes last.
    h.svc.delete_task(&ctx, t[1].into(), IfMatch(None)).await.expect("delete");
    assert_eq!(order_of(&h.conn, project).await, (expect(&[4, 2, 0, 3]), dense(4)));
    let new = h.svc.create_task(&ctx, task_in(project, "t5")).await.expect("t5");
    assert_eq!(new.position, 4);
    assert_eq!(order_of(&h.conn, other).await, (vec![foreign], dense(1)), "the other project is untouched");

    // Pages of a project come in position order, and the cursor follows it.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let f = TaskFilter { project_id: Some(project.into()), ..Default::default() };
        let page = h.svc.list_tasks(&ctx, &f, PageRequest { limit: 2, after }).await.expect("page");
        seen.extend(ids(&page.items));
        match page.next_after {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    let mut want = expect(&[4, 2, 0, 3]);
    want.push(new.id.into_uuid());
    assert_eq!(seen, want);

    let ev = events_of(&h.conn, t[4]).await;
    assert_eq!(types(&ev), ["projects.task.created", "projects.task.moved"]);
    assert_eq!((ev[1].data["from_position"].clone(), ev[1].data["position"].clone()), (json!(4), json!(0)));
    assert_eq!(ev[1].data["engagement_id"], json!(engagement));
}
