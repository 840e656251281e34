//! Member capacities and the utilization report: capacity history and its
//! validation, availability prorated per working day across a capacity change,
//! weekends and the period's edges, a member without capacity, the basis and the
//! filters, pages by member, and another organization's ids as 404.

use atrium_events::projects::{MemberCapacityCreated, MemberCapacityDeleted};
use atrium_kernel::{AppError, OrgCtx, PageRequest, Role, UserId};
use atrium_projects::TimeService;
use atrium_projects::dto::{
    AssigneeFilter, MemberCapacityFilter, MemberCapacityIn, TimeEntryIn, UtilizationBasis, UtilizationQuery,
    UtilizationRow, Weekday,
};
use atrium_testkit::{TestDb, backend_tests};
use uuid::Uuid;

use crate::assert_err;
use crate::common::{date, day, events_of, harness, invalid_field, payload, snapshot, types};
use crate::time::{approved, as_role, entry_in};

backend_tests!(
    capacities_keep_history_and_are_validated,
    availability_prorates_across_a_capacity_change_weekends_and_edges,
    member_without_capacity_has_nothing_available,
    basis_filters_and_pages,
    other_organizations_ids_are_not_found,
);

fn capacity(
    member: UserId,
    from: (i32, u32, u32),
    minutes: Option<i32>,
    days: Option<Vec<Weekday>>,
) -> MemberCapacityIn {
    MemberCapacityIn {
        member_id: member,
        effective_from: day(from.0, from.1, from.2),
        minutes_per_week: minutes,
        working_days: days,
    }
}

fn period(from: (i32, u32, u32), to: (i32, u32, u32)) -> UtilizationQuery {
    UtilizationQuery { from: Some(day(from.0, from.1, from.2)), to: Some(day(to.0, to.1, to.2)), ..Default::default() }
}

/// The report's rows (first page of 200).
async fn report(t: &TimeService, ctx: &OrgCtx, q: &UtilizationQuery) -> Vec<UtilizationRow> {
    let page = t.utilization(ctx, q, PageRequest::first(200)).await.expect("report");
    assert_eq!(page.next_after, None, "one page");
    page.items
}

/// The one row of `member`.
async fn row(t: &TimeService, ctx: &OrgCtx, member: UserId, q: UtilizationQuery) -> UtilizationRow {
    let q = UtilizationQuery { member_id: Some(AssigneeFilter::User(member)), ..q };
    let rows = report(t, ctx, &q).await;
    assert_eq!(rows.len(), 1, "one row for the member: {rows:?}");
    assert_eq!(rows[0].member_id, member);
    rows.into_iter().next().expect("row")
}

async fn capacities_keep_history_and_are_validated(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let member = h.member_of(ctx.org_id).await;

    let first = t.create_capacity(&ctx, capacity(member, (2026, 1, 1), None, None)).await.expect("defaults");
    assert_eq!((first.minutes_per_week, first.effective_from), (2400, date(2026, 1, 1)));
    assert_eq!(first.working_days, [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]);
    let days = vec![Weekday::Sat, Weekday::Mon, Weekday::Wed];
    let part_time = t.create_capacity(&ctx, capacity(member, (2026, 7, 1), Some(1200), Some(days))).await;
    let part_time = part_time.expect("part time");
    assert_eq!(part_time.working_days, [Weekday::Mon, Weekday::Wed, Weekday::Sat], "stored Monday first");
    let created = events_of(&h.conn, part_time.id).await;
    assert_eq!(types(&created), ["projects.member_capacity.created"]);
    let event: MemberCapacityCreated = payload(&created[0]);
    assert_eq!((event.capacity.minutes_per_week, event.capacity.member_id), (1200, member));

    let before = snapshot(&h.conn).await;
    let cases = [
        ("minutes_per_week", capacity(member, (2026, 8, 1), Some(10_081), None)),
        ("minutes_per_week", capacity(member, (2026, 8, 1), Some(-1), None)),
        ("minutes_per_week", capacity(member, (2026, 8, 1), Some(1441), Some(vec![Weekday::Fri]))),
        ("working_days", capacity(member, (2026, 8, 1), None, Some(vec![]))),
        ("working_days", capacity(member, (2026, 8, 1), None, Some(vec![Weekday::Tue, Weekday::Tue]))),
        ("member_id", capacity(UserId::new(), (2026, 8, 1), None, None)),
    ];
    for (field, input) in cases {
        let err = assert_err!(t.create_capacity(&ctx, input).await, AppError::Validation(_), field);
        assert_eq!(invalid_field(&err), field);
    }
    let dup = t.create_capacity(&ctx, capacity(member, (2026, 1, 1), Some(1200), None)).await;
    assert_err!(dup, AppError::Conflict { existing_id: Some(_), .. }, "same member and date");
    assert_eq!(snapshot(&h.conn).await, before, "refusals wrote nothing");
    t.create_capacity(&ctx, capacity(member, (2026, 8, 1), Some(1440), Some(vec![Weekday::Fri])))
        .await
        .expect("a full day on one day is the most");

    let other_member = h.member_of(ctx.org_id).await;
    t.create_capacity(&ctx, capacity(other_member, (2026, 1, 1), None, None)).await.expect("other member");
    let f = MemberCapacityFilter { member_id: Some(AssigneeFilter::User(member)) };
    let listed = t.list_capacities(&ctx, &f, PageRequest::default()).await.expect("list");
    assert_eq!(listed.items.len(), 3, "the member's history only");
    assert_eq!(listed.items[..2], [first.clone(), part_time.clone()]);
    let page = t.list_capacities(&ctx, &MemberCapacityFilter::default(), PageRequest::first(2)).await.expect("page");
    assert_eq!((page.items.len(), page.next_after), (2, Some(part_time.id.into_uuid())));

    t.delete_capacity(&ctx, part_time.id).await.expect("delete");
    assert_err!(t.get_capacity(&ctx, part_time.id).await, AppError::NotFound(_), "deleted");
    let deleted = events_of(&h.conn, part_time.id).await;
    assert_eq!(types(&deleted), ["projects.member_capacity.created", "projects.member_capacity.deleted"]);
    let event: MemberCapacityDeleted = payload(&deleted[1]);
    assert_eq!(event.capacity.id, part_time.id);
    assert_eq!(t.get_capacity(&ctx, first.id).await.expect("kept"), first);
}

async fn availability_prorates_across_a_capacity_change_weekends_and_edges(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let member = h.member_of(ctx.org_id).await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "Relaunch").await;
    // 40 h over Monday–Friday (480 a day) until Tuesday 15 December, then 20 h
    // over Monday–Wednesday (400 a day) from Wednesday 16 December.
    t.create_capacity(&ctx, capacity(member, (2026, 11, 1), None, None)).await.expect("full time");
    let wed = vec![Weekday::Mon, Weekday::Tue, Weekday::Wed];
    let change = t.create_capacity(&ctx, capacity(member, (2026, 12, 16), Some(1200), Some(wed))).await;
    let change = change.expect("part time");

    let log = |d, minutes, billable| TimeEntryIn {
        member_id: Some(member),
        billable: Some(billable),
        ..entry_in(project, d, minutes)
    };
    approved(&t, &ctx, log((2026, 12, 1), 480, true)).await; // the first day
    approved(&t, &ctx, log((2026, 12, 31), 240, true)).await; // the last day
    approved(&t, &ctx, log((2026, 12, 12), 120, true)).await; // a Saturday
    approved(&t, &ctx, log((2026, 12, 2), 200, false)).await;
    approved(&t, &ctx, log((2026, 11, 30), 480, true)).await; // the day before
    approved(&t, &ctx, log((2027, 1, 1), 480, true)).await; // the day after
    t.create_entry(&ctx, log((2026, 12, 3), 300, true)).await.expect("a draft");

    let december = row(&t, &ctx, member, period((2026, 12, 1), (2026, 12, 31))).await;
    // 11 weekdays × 480 to the 15th, then 7 Mondays–Wednesdays × 400.
    assert_eq!(december.available_minutes, 11 * 480 + 7 * 400);
    assert_eq!((december.logged_minutes, december.billable_minutes), (1340, 1140));
    assert_eq!((december.approved_minutes, december.approved_billable_minutes), (1040, 840));
    assert_eq!(december.basis, UtilizationBasis::Approved);
    // 840 / 8080 = 10.396 % and 840 / 1040 = 80.769 %.
    assert_eq!((december.utilization_bp, december.billable_share_bp), (Some(1040), Some(8077)));

    let logged = UtilizationQuery { basis: Some(UtilizationBasis::Logged), ..period((2026, 12, 1), (2026, 12, 31)) };
    let logged = row(&t, &ctx, member, logged).await;
    // 1140 / 8080 = 14.109 % and 1140 / 1340 = 85.075 %.
    assert_eq!((logged.utilization_bp, logged.billable_share_bp), (Some(1411), Some(8507)));

    let across = row(&t, &ctx, member, period((2026, 12, 15), (2026, 12, 16))).await;
    assert_eq!(across.available_minutes, 480 + 400, "the change takes over on its day");
    let thursday = row(&t, &ctx, member, period((2026, 12, 17), (2026, 12, 17))).await;
    assert_eq!(thursday.available_minutes, 0, "not a working day any more");
    let weekend = row(&t, &ctx, member, period((2026, 12, 12), (2026, 12, 13))).await;
    assert_eq!((weekend.available_minutes, weekend.approved_billable_minutes), (0, 120));
    assert_eq!((weekend.utilization_bp, weekend.billable_share_bp), (None, Some(10_000)));
    let before_any = row(&t, &ctx, member, period((2026, 10, 1), (2026, 11, 3))).await;
    assert_eq!(before_any.available_minutes, 2 * 480, "Monday 2 and Tuesday 3 November; nothing before the 1st");

    t.delete_capacity(&ctx, change.id).await.expect("delete the change");
    let december = row(&t, &ctx, member, period((2026, 12, 1), (2026, 12, 31))).await;
    assert_eq!(december.available_minutes, 23 * 480, "the earlier capacity applies again");
}

async fn member_without_capacity_has_nothing_available(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let busy = h.member_of(ctx.org_id).await;
    let idle = h.member_of(ctx.org_id).await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "Relaunch").await;
    approved(&t, &ctx, TimeEntryIn { member_id: Some(busy), ..entry_in(project, (2026, 12, 7), 90) }).await;
    t.create_capacity(&ctx, capacity(idle, (2026, 12, 1), None, None)).await.expect("capacity");

    let rows = report(&t, &ctx, &period((2026, 12, 7), (2026, 12, 11))).await;
    let mut expected = [busy, idle];
    expected.sort_by_key(|m| m.into_uuid());
    assert_eq!(rows.iter().map(|r| r.member_id).collect::<Vec<_>>(), expected, "by member id");
    let busy_row = rows.iter().find(|r| r.member_id == busy).expect("busy");
    assert_eq!((busy_row.available_minutes, busy_row.utilization_bp), (0, None), "no capacity");
    assert_eq!((busy_row.approved_billable_minutes, busy_row.billable_share_bp), (90, Some(10_000)));
    let idle_row = rows.iter().find(|r| r.member_id == idle).expect("idle");
    assert_eq!((idle_row.available_minutes, idle_row.logged_minutes), (2400, 0));
    assert_eq!((idle_row.utilization_bp, idle_row.billable_share_bp), (Some(0), None));

    // A capacity starting after the period does not list its member.
    let later = h.member_of(ctx.org_id).await;
    t.create_capacity(&ctx, capacity(later, (2027, 1, 1), None, None)).await.expect("later");
    let rows = report(&t, &ctx, &period((2026, 12, 7), (2026, 12, 11))).await;
    assert!(rows.iter().all(|r| r.member_id != later), "not in force in the period");
}

async fn basis_filters_and_pages(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let ada = h.member_of(ctx.org_id).await;
    let bob = h.member_of(ctx.org_id).await;
    let (site_engagement, _) = h.engagement(&ctx).await;
    let (app_engagement, _) = h.engagement(&ctx).await;
    let site = h.project(&ctx, site_engagement, "Site").await;
    let app = h.project(&ctx, app_engagement, "App").await;
    for m in [ada, bob] {
        t.create_capacity(&ctx, capacity(m, (2026, 1, 1), None, None)).await.expect("capacity");
    }
    approved(&t, &ctx, TimeEntryIn { member_id: Some(ada), ..entry_in(site, (2026, 12, 7), 240) }).await;
    t.create_entry(&ctx, TimeEntryIn { member_id: Some(ada), ..entry_in(app, (2026, 12, 8), 60) })
        .await
        .expect("draft");
    let week = || period((2026, 12, 7), (2026, 12, 11));

    let on_site = report(&t, &ctx, &UtilizationQuery { project_id: Some(site.into()), ..week() }).await;
    assert_eq!(on_site.len(), 1, "only members with time on the project");
    assert_eq!((on_site[0].member_id, on_site[0].logged_minutes, on_site[0].available_minutes), (ada, 240, 2400));
    assert_eq!(on_site[0].utilization_bp, Some(1000), "240 of 2400");
    let on_app = UtilizationQuery { engagement_id: Some(app_engagement), ..week() };
    let on_app = report(&t, &ctx, &on_app).await;
    assert_eq!(on_app.len(), 1);
    assert_eq!((on_app[0].logged_minutes, on_app[0].approved_minutes), (60, 0));
    assert_eq!((on_app[0].utilization_bp, on_app[0].billable_share_bp), (Some(0), None), "nothing approved");
    let live =
        UtilizationQuery { engagement_id: Some(app_engagement), basis: Some(UtilizationBasis::Logged), ..week() };
    let live = report(&t, &ctx, &live).await;
    assert_eq!((live[0].utilization_bp, live[0].billable_share_bp), (Some(250), Some(10_000)));

    // A member reads every row, as with time entries, and `me` is their own.
    let bob_ctx = as_role(&ctx, bob, Role::Member);
    let all = report(&t, &bob_ctx, &week()).await;
    assert_eq!(all.len(), 2, "ada and bob; the owner has neither time nor capacity");
    let mine = UtilizationQuery { member_id: Some(AssigneeFilter::Me), ..week() };
    let mine = report(&t, &bob_ctx, &mine).await;
    assert_eq!((mine.len(), mine[0].member_id, mine[0].logged_minutes), (1, bob, 0));

    // Pages by member id, stable and complete.
    let mut seen = Vec::new();
    let mut req = PageRequest::first(1);
    loop {
        let page = t.utilization(&ctx, &week(), req).await.expect("page");
        assert!(page.items.len() <= 1);
        seen.extend(page.items.iter().map(|r| r.member_id.into_uuid()));
        match page.next_after {
            Some(after) => req = PageRequest { limit: 1, after: Some(after) },
            None => break,
        }
    }
    let mut expected: Vec<Uuid> = [ada, bob].map(UserId::into_uuid).to_vec();
    expected.sort_unstable();
    assert_eq!(seen, expected);

    let reversed = period((2026, 12, 11), (2026, 12, 7));
    let err =
        assert_err!(t.utilization(&ctx, &reversed, PageRequest::default()).await, AppError::Validation(_), "reversed");
    assert_eq!(invalid_field(&err), "to");
    for (field, q) in
        [("from", UtilizationQuery { from: None, ..week() }), ("to", UtilizationQuery { to: None, ..week() })]
    {
        let err = assert_err!(t.utilization(&ctx, &q, PageRequest::default()).await, AppError::Validation(_), field);
        assert_eq!(invalid_field(&err), field);
    }
}

async fn other_organizations_ids_are_not_found(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let member = h.member_of(ctx.org_id).await;
    let (engagement, _) = h.engagement(&ctx).await;
    let project = h.project(&ctx, engagement, "Relaunch").await;
    let cap = t.create_capacity(&ctx, capacity(member, (2026, 1, 1), None, None)).await.expect("capacity");
    approved(&t, &ctx, TimeEntryIn { member_id: Some(member), ..entry_in(project, (2026, 12, 7), 60) }).await;
    let week = || period((2026, 12, 7), (2026, 12, 11));

    let other = h.org().await;
    let before = snapshot(&h.conn).await;
    assert!(report(&t, &other, &week()).await.is_empty(), "B sees none of A's members");
    let foreign = [
        UtilizationQuery { member_id: Some(AssigneeFilter::User(member)), ..week() },
        UtilizationQuery { project_id: Some(project.into()), ..week() },
        UtilizationQuery { engagement_id: Some(engagement), ..week() },
    ];
    for q in foreign {
        assert_err!(t.utilization(&other, &q, PageRequest::default()).await, AppError::NotFound(_), "foreign filter");
    }
    assert_err!(t.get_capacity(&other, cap.id).await, AppError::NotFound(_), "foreign capacity");
    assert_err!(t.delete_capacity(&other, cap.id).await, AppError::NotFound(_), "foreign delete");
    let f = MemberCapacityFilter { member_id: Some(AssigneeFilter::User(member)) };
    assert_err!(t.list_capacities(&other, &f, PageRequest::default()).await, AppError::NotFound(_), "foreign member");
    assert!(
        t.list_capacities(&other, &MemberCapacityFilter::default(), PageRequest::default())
            .await
            .expect("list")
            .items
            .is_empty()
    );
    let dup = t.create_capacity(&other, capacity(member, (2026, 2, 1), None, None)).await;
    let err = assert_err!(dup, AppError::Validation(_), "A's member for B");
    assert_eq!(invalid_field(&err), "member_id");
    assert_eq!(snapshot(&h.conn).await, before, "B changed nothing");
}
