//! Time entries: the approval lifecycle and its lock, members acting only on their
//! own time, validation, every filter (including another organization's ids), and
//! a project with logged time that cannot be deleted.

use atrium_events::projects::{TimeEntryApproved, TimeEntryRejected, TimeEntryUpdated};
use atrium_kernel::{AppError, IfMatch, OrgCtx, PageRequest, Patch, Principal, Role, UserId};
use atrium_projects::TimeService;
use atrium_projects::dto::{
    ApprovalState, AssigneeFilter, RejectIn, TimeEntryFilter, TimeEntryIn, TimeEntryOut, TimeEntryPatch,
};
use atrium_testkit::{TestDb, backend_tests};
use uuid::Uuid;

use crate::assert_err;
use crate::common::{Harness, day, events_of, harness, invalid_field, payload, snapshot, text, types};

backend_tests!(
    entry_lifecycle_locks_after_approval,
    members_act_only_on_their_own_time,
    entries_are_validated,
    filters_narrow_and_refuse_foreign_ids,
    project_with_time_cannot_be_deleted,
);

pub fn entry_in(project: Uuid, d: (i32, u32, u32), minutes: i32) -> TimeEntryIn {
    TimeEntryIn {
        member_id: None,
        project_id: project.into(),
        task_id: None,
        date: day(d.0, d.1, d.2),
        minutes,
        billable: None,
        note: None,
    }
}

pub fn as_role(ctx: &OrgCtx, user: UserId, role: Role) -> OrgCtx {
    OrgCtx { org_id: ctx.org_id, principal: Principal::User(user), role }
}

/// A logged, submitted and approved entry of `member` (by the owner `ctx`).
pub async fn approved(t: &TimeService, ctx: &OrgCtx, input: TimeEntryIn) -> TimeEntryOut {
    let e = t.create_entry(ctx, input).await.expect("create");
    t.submit_entry(ctx, e.id, IfMatch::default()).await.expect("submit");
    t.approve_entry(ctx, e.id, IfMatch::default()).await.expect("approve")
}

fn ids(items: &[TimeEntryOut]) -> Vec<Uuid> {
    items.iter().map(|e| e.id.into_uuid()).collect()
}

async fn setup(h: &Harness) -> (OrgCtx, Uuid) {
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "Relaunch").await;
    (ctx, project)
}

async fn entry_lifecycle_locks_after_approval(db: &TestDb) {
    let h = harness(db);
    let (ctx, project) = setup(&h).await;
    let t = h.svc.time();
    let task = h.task(&ctx, project, "Design").await;
    let e = t
        .create_entry(&ctx, TimeEntryIn { task_id: Some(task.into()), ..entry_in(project, (2026, 12, 1), 90) })
        .await
        .expect("create");
    assert_eq!((e.approval_state, e.billable, e.minutes, e.version), (ApprovalState::Draft, true, 90, 1));
    assert_eq!(e.member_id, ctx.user_id().expect("user"), "defaults to the caller");

    let patch = TimeEntryPatch { minutes: Some(120), note: Patch::Value(text("Workshop")), ..Default::default() };
    let stale = t.update_entry(&ctx, e.id, patch.clone(), IfMatch(Some(7))).await;
    assert_err!(stale, AppError::Conflict { .. }, "stale If-Match");
    let e = t.update_entry(&ctx, e.id, patch, IfMatch(Some(1))).await.expect("edit draft");
    assert_eq!((e.minutes, e.note.as_deref(), e.version), (120, Some("Workshop"), 2));

    let e = t.submit_entry(&ctx, e.id, IfMatch::default()).await.expect("submit");
    assert_eq!(e.approval_state, ApprovalState::Submitted);
    let edit = t.update_entry(&ctx, e.id, TimeEntryPatch { minutes: Some(30), ..Default::default() }, IfMatch(None));
    assert_err!(edit.await, AppError::Conflict { .. }, "a submitted entry waits for a decision");

    let reason = RejectIn { reason: Some(text("Split travel")) };
    let e = t.reject_entry(&ctx, e.id, reason, IfMatch::default()).await.expect("reject");
    assert_eq!((e.approval_state, e.rejection_reason.as_deref()), (ApprovalState::Rejected, Some("Split travel")));
    let approve_rejected = t.approve_entry(&ctx, e.id, IfMatch::default()).await;
    assert_err!(approve_rejected, AppError::Conflict { .. }, "only a submitted entry is approved");
    let e = t
        .update_entry(&ctx, e.id, TimeEntryPatch { minutes: Some(60), ..Default::default() }, IfMatch::default())
        .await
        .expect("a rejected entry can be fixed");
    t.submit_entry(&ctx, e.id, IfMatch::default()).await.expect("resubmit");
    let e = t.approve_entry(&ctx, e.id, IfMatch::default()).await.expect("approve");
    assert_eq!(e.approval_state, ApprovalState::Approved);
    assert_eq!((e.decided_by, e.rejection_reason.clone()), (ctx.user_id(), None));

    let before = snapshot(&h.conn).await;
    let edit = t.update_entry(&ctx, e.id, TimeEntryPatch { minutes: Some(30), ..Default::default() }, IfMatch(None));
    assert_err!(edit.await, AppError::Conflict { .. }, "approved is locked");
    assert_err!(t.delete_entry(&ctx, e.id, IfMatch::default()).await, AppError::Conflict { .. }, "no delete");
    assert_err!(t.submit_entry(&ctx, e.id, IfMatch::default()).await, AppError::Conflict { .. }, "no resubmit");
    let reject = t.reject_entry(&ctx, e.id, RejectIn::default(), IfMatch::default()).await;
    assert_err!(reject, AppError::Conflict { .. }, "no reject after approval");
    assert_eq!(snapshot(&h.conn).await, before, "refusals wrote nothing");
    let got = t.get_entry(&ctx, e.id).await.expect("get");
    assert_eq!((got.minutes, got.version), (60, e.version));

    let events = events_of(&h.conn, e.id.into_uuid()).await;
    assert_eq!(
        types(&events),
        [
            "projects.time_entry.created",
            "projects.time_entry.updated",
            "projects.time_entry.submitted",
            "projects.time_entry.rejected",
            "projects.time_entry.updated",
            "projects.time_entry.submitted",
            "projects.time_entry.approved",
        ]
    );
    let updated: TimeEntryUpdated = payload(&events[1]);
    assert_eq!(updated.changed, ["minutes", "note"]);
    let rejected: TimeEntryRejected = payload(&events[3]);
    assert_eq!(rejected.reason.as_deref(), Some("Split travel"));
    let approved: TimeEntryApproved = payload(&events[6]);
    assert_eq!(approved.entry.approval_state, ApprovalState::Approved);

    let draft = t.create_entry(&ctx, entry_in(project, (2026, 12, 2), 15)).await.expect("draft");
    t.delete_entry(&ctx, draft.id, IfMatch(Some(1))).await.expect("delete draft");
    assert_err!(t.get_entry(&ctx, draft.id).await, AppError::NotFound(_), "gone");
    assert_eq!(types(&events_of(&h.conn, draft.id.into_uuid()).await).last(), Some(&"projects.time_entry.deleted"));
}

async fn members_act_only_on_their_own_time(db: &TestDb) {
    let h = harness(db);
    let (owner, project) = setup(&h).await;
    let t = h.svc.time();
    let (alice, bob, carol) =
        (h.member_of(owner.org_id).await, h.member_of(owner.org_id).await, h.member_of(owner.org_id).await);
    let alice_ctx = as_role(&owner, alice, Role::Member);
    let billing = as_role(&owner, carol, Role::Billing);

    let own = t.create_entry(&alice_ctx, entry_in(project, (2026, 12, 1), 60)).await.expect("own time");
    assert_eq!(own.member_id, alice);
    let for_bob = TimeEntryIn { member_id: Some(bob), ..entry_in(project, (2026, 12, 1), 60) };
    assert_err!(t.create_entry(&alice_ctx, for_bob.clone()).await, AppError::Forbidden(_), "member logs for another");
    let bobs = t.create_entry(&billing, for_bob).await.expect("billing logs for a member");
    assert_eq!(bobs.member_id, bob);

    let before = snapshot(&h.conn).await;
    let patch = TimeEntryPatch { minutes: Some(1), ..Default::default() };
    assert_err!(t.update_entry(&alice_ctx, bobs.id, patch, IfMatch(None)).await, AppError::Forbidden(_), "edit");
    assert_err!(t.submit_entry(&alice_ctx, bobs.id, IfMatch(None)).await, AppError::Forbidden(_), "submit");
    assert_err!(t.delete_entry(&alice_ctx, bobs.id, IfMatch(None)).await, AppError::Forbidden(_), "delete");
    assert_eq!(snapshot(&h.conn).await, before, "nothing written");
    assert_eq!(t.get_entry(&alice_ctx, bobs.id).await.expect("members read all time").id, bobs.id);

    t.submit_entry(&alice_ctx, own.id, IfMatch(None)).await.expect("submit own");
    t.approve_entry(&billing, own.id, IfMatch(None)).await.expect("billing approves");

    let stranger = TimeEntryIn { member_id: Some(UserId::new()), ..entry_in(project, (2026, 12, 1), 60) };
    let err = assert_err!(t.create_entry(&owner, stranger).await, AppError::Validation(_), "not a member");
    assert_eq!(invalid_field(&err), "member_id");
}

async fn entries_are_validated(db: &TestDb) {
    let h = harness(db);
    let (ctx, project) = setup(&h).await;
    let t = h.svc.time();
    let (engagement2, _) = h.engagement(&ctx).await;
    let other_project = h.project(&ctx, engagement2, "Other").await;
    let foreign_task = h.task(&ctx, other_project, "Elsewhere").await;
    let other = h.org().await;
    let (foreign_engagement, _) = h.engagement(&other).await;
    let foreign_project = h.project(&other, foreign_engagement, "Theirs").await;
    let before = snapshot(&h.conn).await;

    let on_task = TimeEntryIn { task_id: Some(foreign_task.into()), ..entry_in(project, (2026, 12, 1), 60) };
    let err = assert_err!(t.create_entry(&ctx, on_task).await, AppError::Validation(_), "task of another project");
    assert_eq!(invalid_field(&err), "task_id");
    let err =
        assert_err!(t.create_entry(&ctx, entry_in(project, (1999, 12, 31), 60)).await, AppError::Validation(_), "year");
    assert_eq!(invalid_field(&err), "date");
    let err = assert_err!(
        t.create_entry(&ctx, entry_in(Uuid::now_v7(), (2026, 12, 1), 60)).await,
        AppError::Validation(_),
        "unknown project"
    );
    assert_eq!(invalid_field(&err), "project_id");
    let err = assert_err!(
        t.create_entry(&ctx, entry_in(foreign_project, (2026, 12, 1), 60)).await,
        AppError::Validation(_),
        "another org's project"
    );
    assert_eq!(invalid_field(&err), "project_id");
    let by_api_key = OrgCtx { principal: Principal::ApiKey(Default::default()), ..ctx };
    let err = assert_err!(
        t.create_entry(&by_api_key, entry_in(project, (2026, 12, 1), 60)).await,
        AppError::Validation(_),
        "an API key names the member"
    );
    assert_eq!(invalid_field(&err), "member_id");
    assert_eq!(snapshot(&h.conn).await, before, "refusals wrote nothing");
    // Minutes outside 1..=1440 are refused by the wire type's rules; the CHECK holds too.
    let e = t.create_entry(&ctx, entry_in(project, (2026, 12, 1), 1440)).await.expect("a whole day");
    let patch = TimeEntryPatch { minutes: Some(1441), ..Default::default() };
    assert!(t.update_entry(&ctx, e.id, patch, IfMatch(None)).await.is_err(), "the CHECK refuses 1441 minutes");
}

async fn filters_narrow_and_refuse_foreign_ids(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let colleague = h.member_of(ctx.org_id).await;
    let (e1, _) = h.engagement(&ctx).await;
    let (e2, _) = h.engagement(&ctx).await;
    let (p1, p2) = (h.project(&ctx, e1, "P1").await, h.project(&ctx, e2, "P2").await);
    let a = t.create_entry(&ctx, entry_in(p1, (2026, 12, 1), 60)).await.expect("a");
    let b = approved(&t, &ctx, TimeEntryIn { member_id: Some(colleague), ..entry_in(p1, (2026, 12, 5), 30) }).await;
    let c = t
        .create_entry(&ctx, TimeEntryIn { billable: Some(false), ..entry_in(p2, (2026, 12, 10), 45) })
        .await
        .expect("c");
    let d = approved(&t, &ctx, entry_in(p2, (2026, 12, 20), 15)).await;

    let list = |f: TimeEntryFilter| {
        let t = t.clone();
        async move { t.list_entries(&ctx, &f, PageRequest::default()).await }
    };
    let all = list(TimeEntryFilter::default()).await.expect("all");
    assert_eq!(ids(&all.items), ids(&[a.clone(), b.clone(), c.clone(), d.clone()]));
    let by = |f: TimeEntryFilter| async { ids(&list(f).await.expect("list").items) };
    let mine = by(TimeEntryFilter { member_id: Some(AssigneeFilter::Me), ..Default::default() }).await;
    assert_eq!(mine, ids(&[a.clone(), c.clone(), d.clone()]));
    let theirs = by(TimeEntryFilter { member_id: Some(AssigneeFilter::User(colleague)), ..Default::default() }).await;
    assert_eq!(theirs, ids(std::slice::from_ref(&b)));
    assert_eq!(
        by(TimeEntryFilter { project_id: Some(p2.into()), ..Default::default() }).await,
        ids(&[c.clone(), d.clone()])
    );
    assert_eq!(
        by(TimeEntryFilter { engagement_id: Some(e1), ..Default::default() }).await,
        ids(&[a.clone(), b.clone()])
    );
    let range =
        TimeEntryFilter { date_from: Some(day(2026, 12, 5)), date_to: Some(day(2026, 12, 10)), ..Default::default() };
    assert_eq!(by(range).await, ids(&[b.clone(), c.clone()]), "inclusive range");
    assert_eq!(
        by(TimeEntryFilter { billable: Some(false), ..Default::default() }).await,
        ids(std::slice::from_ref(&c))
    );
    let approved_only = TimeEntryFilter { approval_state: Some(ApprovalState::Approved), ..Default::default() };
    assert_eq!(by(approved_only).await, ids(&[b.clone(), d.clone()]));
    let unbilled = TimeEntryFilter { invoiced: Some(false), ..Default::default() };
    assert_eq!(by(unbilled).await.len(), 4, "nothing billed yet");
    assert!(by(TimeEntryFilter { invoiced: Some(true), ..Default::default() }).await.is_empty());

    let first = t.list_entries(&ctx, &TimeEntryFilter::default(), PageRequest::first(3)).await.expect("page 1");
    assert_eq!(first.items.len(), 3);
    let rest = PageRequest { limit: 3, after: first.next_after };
    let second = t.list_entries(&ctx, &TimeEntryFilter::default(), rest).await.expect("page 2");
    assert_eq!((ids(&second.items), second.next_after), (ids(std::slice::from_ref(&d)), None));

    let reversed =
        TimeEntryFilter { date_from: Some(day(2026, 12, 10)), date_to: Some(day(2026, 12, 1)), ..Default::default() };
    let err = assert_err!(list(reversed).await, AppError::Validation(_), "reversed range");
    assert_eq!(invalid_field(&err), "date_to");

    let other = h.org().await;
    let (foreign_engagement, _) = h.engagement(&other).await;
    let foreign_project = h.project(&other, foreign_engagement, "Theirs").await;
    let stranger = h.member_of(other.org_id).await;
    for (what, f) in [
        ("project", TimeEntryFilter { project_id: Some(foreign_project.into()), ..Default::default() }),
        ("engagement", TimeEntryFilter { engagement_id: Some(foreign_engagement), ..Default::default() }),
        ("member", TimeEntryFilter { member_id: Some(AssigneeFilter::User(stranger)), ..Default::default() }),
    ] {
        assert_err!(list(f).await, AppError::NotFound(_), what);
    }
    assert_err!(t.get_entry(&other, a.id).await, AppError::NotFound(_), "another org's entry");
    let foreign_edit = t.update_entry(&other, a.id, TimeEntryPatch::default(), IfMatch(None)).await;
    assert_err!(foreign_edit, AppError::NotFound(_), "another org's entry edit");
    assert_err!(t.approve_entry(&other, b.id, IfMatch(None)).await, AppError::NotFound(_), "approve foreign");
    assert!(
        t.list_entries(&other, &TimeEntryFilter::default(), PageRequest::default()).await.expect("b").items.is_empty()
    );
}

async fn project_with_time_cannot_be_deleted(db: &TestDb) {
    let h = harness(db);
    let (ctx, project) = setup(&h).await;
    let t = h.svc.time();
    let task = h.task(&ctx, project, "Design").await;
    let e = t
        .create_entry(&ctx, TimeEntryIn { task_id: Some(task.into()), ..entry_in(project, (2026, 12, 1), 60) })
        .await
        .expect("create");
    let refused = h.svc.delete_project(&ctx, project.into(), IfMatch::default()).await;
    assert_err!(refused, AppError::Conflict { .. }, "a project with time stays");
    h.svc.delete_task(&ctx, task.into(), IfMatch::default()).await.expect("a task may go");
    let kept = t.get_entry(&ctx, e.id).await.expect("time stays on the project");
    assert_eq!((kept.task_id, kept.project_id.into_uuid()), (None, project));
    t.delete_entry(&ctx, e.id, IfMatch::default()).await.expect("delete draft");
    h.svc.delete_project(&ctx, project.into(), IfMatch::default()).await.expect("now it can go");
}
