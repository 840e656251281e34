//! The cost of approved time, for revenue's profitability report: minutes summed
//! per engagement, member and day, each priced by the card in force that day.

use atrium_kernel::{Money, UserId};
use atrium_projects::dto::{EngagementId, EngagementTimeCost, RateCardIn, TimeEntryIn};
use atrium_testkit::{TestDb, backend_tests};

use crate::common::{date, day, harness};
use crate::time::{approved, entry_in};

backend_tests!(approved_time_is_costed_at_the_card_of_its_day);

fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR".parse().expect("currency"))
}

fn card(member: UserId, engagement: Option<EngagementId>, from: (i32, u32, u32), cost: Money) -> RateCardIn {
    RateCardIn {
        member_id: member,
        engagement_id: engagement,
        effective_from: day(from.0, from.1, from.2),
        billing_rate: cost,
        cost_rate: cost,
    }
}

async fn approved_time_is_costed_at_the_card_of_its_day(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let (ann, bob) = (h.member_of(ctx.org_id).await, h.member_of(ctx.org_id).await);
    let engagement = h.engagement_in(&ctx, "EUR").await;
    let quiet = h.engagement_in(&ctx, "EUR").await;
    let project = h.project(&ctx, engagement, "P").await;
    // Ann costs 40.01/h, then 50.00/h on this engagement from 2026-12-10; Bob has no card.
    t.create_rate_card(&ctx, card(ann, None, (2026, 1, 1), eur(4_001))).await.expect("default");
    t.create_rate_card(&ctx, card(ann, Some(engagement), (2026, 12, 10), eur(5_000))).await.expect("override");
    let of = |member, d, m| TimeEntryIn { member_id: Some(member), ..entry_in(project, d, m) };

    approved(&t, &ctx, of(ann, (2026, 12, 1), 45)).await;
    approved(&t, &ctx, of(ann, (2026, 12, 1), 30)).await;
    approved(&t, &ctx, TimeEntryIn { billable: Some(false), ..of(ann, (2026, 12, 12), 90) }).await;
    approved(&t, &ctx, of(bob, (2026, 12, 12), 60)).await;
    approved(&t, &ctx, of(ann, (2027, 2, 1), 60)).await;
    t.create_entry(&ctx, of(ann, (2026, 12, 2), 600)).await.expect("a draft costs nothing");

    let eur_cur = Some("EUR".parse().expect("currency"));
    let all = [(engagement, eur_cur), (quiet, eur_cur)];
    let got = t.cost_of_time(&ctx, &all, Some(date(2026, 12, 1)), Some(date(2026, 12, 31))).await.expect("costs");
    // 75 min × 40.01 = 50.0125 (exact products summed) + 90 min × 50.00 = 75.00 → 125.0125 → 125.01.
    assert_eq!(
        got,
        [
            EngagementTimeCost {
                engagement_id: engagement,
                minutes: 225,
                unpriced_minutes: 60,
                costs: vec![eur(12_501)]
            },
            EngagementTimeCost { engagement_id: quiet, minutes: 0, unpriced_minutes: 0, costs: vec![] },
        ]
    );
    let open = t.cost_of_time(&ctx, &all[..1], None, None).await.expect("no period");
    assert_eq!((open[0].minutes, open[0].costs.clone()), (285, vec![eur(17_501)]), "February at the override");

    let other = h.org().await;
    let theirs = t.cost_of_time(&other, &all[..1], None, None).await.expect("another organization");
    assert_eq!((theirs[0].minutes, theirs[0].costs.len()), (0, 0), "another organization's time is not seen");
}
