//! The daily reminder job: each step once, the latest step only on catch-up, safe
//! under two concurrent runs; listing and dismissing.

use atrium_kernel::{IfMatch, PageRequest};
use atrium_revenue::dto::{ReminderFilter, ReminderStatus, SettingsPatch};
use atrium_testkit::{TestDb, backend_tests};
use serde_json::json;

use super::{at, day, harness, money, status_of};

backend_tests!(
    each_step_is_drafted_once_and_a_late_start_drafts_only_the_latest,
    two_concurrent_runs_draft_each_reminder_once,
    reminders_list_by_invoice_and_status_and_dismiss_once,
);

const DRAFTED: &str = "revenue.reminder.drafted";

async fn each_step_is_drafted_once_and_a_late_start_drafts_only_the_latest(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let company = h.company(&ctx, "Globex").await;
    let engagement = h.engagement(&ctx, company).await;
    // Due 2027-01-31 (30 days' terms); default steps 1, 7, 14, 30.
    let late = h.issued(&ctx, engagement, 100_000, day(2027, 1, 1)).await;
    let paid = h.issued(&ctx, engagement, 5_000, day(2027, 1, 1)).await;
    h.pay(&ctx, &paid, 5_000).await;
    let not_due = h.issued(&ctx, engagement, 7_000, day(2027, 1, 15)).await; // due 2027-02-14
    h.draft(&ctx, engagement, "USD", 9_000).await; // drafts are never overdue

    assert_eq!(h.svc.draft_due_reminders(at(2027, 1, 31)).await.expect("run"), 0, "due today is not overdue");
    assert_eq!(h.svc.draft_due_reminders(at(2027, 2, 1)).await.expect("run"), 1);
    assert_eq!(h.svc.draft_due_reminders(at(2027, 2, 1)).await.expect("rerun"), 0, "a rerun drafts nothing");
    // The job missed days 7 and 14 of `late`: it drafts 14 only. `not_due` is 6 days late: step 1.
    assert_eq!(h.svc.draft_due_reminders(at(2027, 2, 20)).await.expect("catch up"), 2);
    let events = h.events(DRAFTED).await;
    let steps: Vec<_> = events.iter().map(|e| (e.data["invoice_id"].clone(), e.data["step_days"].clone())).collect();
    assert_eq!(steps, [(json!(late.id), json!(1)), (json!(late.id), json!(14)), (json!(not_due.id), json!(1)),]);
    let caught_up = &events[1];
    assert_eq!(caught_up.data["days_overdue"], 20);
    assert_eq!(caught_up.data["balance"], json!({"amount_minor": 100_000, "currency": "USD"}));
    assert_eq!(caught_up.data["invoice_number"], json!(late.number));
    assert_eq!(caught_up.data["engagement_id"], json!(engagement));
    assert_eq!(caught_up.data["client_company_id"], json!(company));
    assert_eq!(caught_up.actor, "system:revenue.overdue_reminders");
    assert_eq!(caught_up.organization_id, ctx.org_id.into_uuid());

    // A partial payment lowers the balance the next reminder states.
    h.pay(&ctx, &late, 40_000).await;
    // 31 days for `late` (step 30), 17 for `not_due` (step 14).
    assert_eq!(h.svc.draft_due_reminders(at(2027, 3, 3)).await.expect("run"), 2);
    let last = h.events(DRAFTED).await.into_iter().find(|e| e.data["step_days"] == 30).expect("step 30");
    assert_eq!((last.data["invoice_id"].clone(), last.data["days_overdue"].clone()), (json!(late.id), json!(31)));
    assert_eq!(last.data["balance"]["amount_minor"], 60_000);
    // Past the last step, nothing more for `late`; `not_due` reaches 30 at 44 days.
    assert_eq!(h.svc.draft_due_reminders(at(2027, 3, 30)).await.expect("run"), 1);
    assert_eq!(h.svc.draft_due_reminders(at(2027, 6, 1)).await.expect("run"), 0);
    assert_eq!(h.count("invoice_reminders").await, 6);

    // Steps follow the organization's settings, per organization.
    let other = h.org().await;
    let patch = SettingsPatch { reminder_steps: Some(vec![3]), ..SettingsPatch::default() };
    h.svc.update_settings(&other, patch, IfMatch(None)).await.expect("settings");
    let c2 = h.company(&other, "Initech").await;
    let e2 = h.engagement(&other, c2).await;
    h.issued(&other, e2, 1_000, day(2027, 1, 1)).await;
    assert_eq!(h.svc.draft_due_reminders(at(2027, 2, 2)).await.expect("run"), 0, "2 days: below the only step 3");
    assert_eq!(h.svc.draft_due_reminders(at(2027, 2, 3)).await.expect("run"), 1);
    let mine = h.svc.list_reminders(&other, &ReminderFilter::default(), PageRequest::first(50)).await.expect("list");
    assert_eq!(mine.items.iter().map(|r| r.step_days).collect::<Vec<_>>(), [3]);
}

async fn two_concurrent_runs_draft_each_reminder_once(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let company = h.company(&ctx, "Globex").await;
    let engagement = h.engagement(&ctx, company).await;
    for i in 0..8 {
        h.issued(&ctx, engagement, 1_000 + i, day(2027, 1, 1)).await;
    }
    let now = at(2027, 2, 8);
    let (a, b) = tokio::join!(h.svc.draft_due_reminders(now), h.svc.draft_due_reminders(now));
    let (a, b) = (a.expect("run a"), b.expect("run b"));
    assert_eq!(a + b, 8, "the two runs drafted {a} and {b}");
    assert_eq!(h.count("invoice_reminders").await, 8);
    assert_eq!(h.events(DRAFTED).await.len(), 8, "one event per reminder");
    let steps = h.svc.list_reminders(&ctx, &ReminderFilter::default(), PageRequest::first(50)).await.expect("list");
    assert!(steps.items.iter().all(|r| r.step_days == 7 && r.days_overdue == 8));
}

async fn reminders_list_by_invoice_and_status_and_dismiss_once(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let company = h.company(&ctx, "Globex").await;
    let engagement = h.engagement(&ctx, company).await;
    let first = h.issued(&ctx, engagement, 10_000, day(2027, 1, 1)).await;
    let second = h.issued(&ctx, engagement, 20_000, day(2027, 1, 1)).await;
    h.svc.draft_due_reminders(at(2027, 2, 1)).await.expect("run");
    h.svc.draft_due_reminders(at(2027, 2, 7)).await.expect("run");

    let all = h.svc.list_reminders(&ctx, &ReminderFilter::default(), PageRequest::first(3)).await.expect("list");
    assert_eq!(all.items.len(), 3);
    assert!(all.next_after.is_some());
    let rest = PageRequest { limit: 3, after: all.next_after };
    let rest = h.svc.list_reminders(&ctx, &ReminderFilter::default(), rest).await.expect("page 2");
    assert_eq!((rest.items.len(), rest.next_after), (1, None));

    let of_first = ReminderFilter { invoice_id: Some(first.id), status: None };
    let page = h.svc.list_reminders(&ctx, &of_first, PageRequest::first(50)).await.expect("by invoice");
    assert_eq!(page.items.iter().map(|r| r.step_days).collect::<Vec<_>>(), [1, 7]);
    assert!(page.items.iter().all(|r| r.invoice_number == first.number && r.balance == money(10_000, "USD")));
    let target = page.items[1].clone();
    assert_eq!((target.status, target.version), (ReminderStatus::Drafted, 1));

    let err = h.svc.dismiss_reminder(&ctx, target.id, IfMatch(Some(7))).await.expect_err("stale");
    assert_eq!(status_of(&err), 409);
    let dismissed = h.svc.dismiss_reminder(&ctx, target.id, IfMatch(Some(1))).await.expect("dismiss");
    assert_eq!((dismissed.status, dismissed.version), (ReminderStatus::Dismissed, 2));
    let again = h.svc.dismiss_reminder(&ctx, target.id, IfMatch(None)).await.expect("dismiss twice");
    assert_eq!(again.version, 2, "dismissing twice changes nothing");
    let events = h.events("revenue.reminder.dismissed").await;
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].data["engagement_id"].clone(), events[0].data["step_days"].clone()),
        (json!(engagement), json!(7))
    );

    let dismissed_only = ReminderFilter { invoice_id: None, status: Some(ReminderStatus::Dismissed) };
    let page = h.svc.list_reminders(&ctx, &dismissed_only, PageRequest::first(50)).await.expect("by status");
    assert_eq!(page.items.iter().map(|r| r.id).collect::<Vec<_>>(), [target.id]);
    // A dismissed step is not drafted again.
    assert_eq!(h.svc.draft_due_reminders(at(2027, 2, 8)).await.expect("rerun"), 0);

    // Another organization sees none of it: its filter value and ids are 404.
    let other = h.org().await;
    let err = h.svc.list_reminders(&other, &of_first, PageRequest::first(50)).await.expect_err("foreign filter");
    assert_eq!(status_of(&err), 404);
    let err = h.svc.dismiss_reminder(&other, page.items[0].id, IfMatch(None)).await.expect_err("foreign id");
    assert_eq!(status_of(&err), 404);
    let theirs = h.svc.list_reminders(&other, &ReminderFilter::default(), PageRequest::first(50)).await.expect("list");
    assert!(theirs.items.is_empty());
    let _ = second;
}
