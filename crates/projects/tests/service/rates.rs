//! Rate cards and billing: an engagement's override beats a member's default, a
//! later card takes over from its date, currencies follow the engagement; the
//! billable time revenue reads; and the invoicing subscriber fed by revenue's
//! events through the outbox, idempotently.

use std::sync::Arc;

use atrium_events::EventPayload;
use atrium_events::projects::{TimeEntriesInvoiced, TimeEntriesUninvoiced, TimeEntryId};
use atrium_events::revenue::{InvoiceId, InvoiceIssued, InvoiceVoided};
use atrium_kernel::{AppError, Clock, Money, OrgCtx, PageRequest, UserId};
use atrium_outbox::entity::event;
use atrium_outbox::{Event, EventId, Subscriber, publish_as};
use atrium_projects::InvoicingSubscriber;
use atrium_projects::dto::{
    ApprovalState, EffectiveRateQuery, EngagementId, RateCardFilter, RateCardIn, RateSource, TimeEntryFilter,
    TimeEntryIn,
};
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::assert_err;
use crate::common::{date, day, events_of_type, harness, invalid_field, payload, snapshot};
use crate::time::{approved, entry_in};

backend_tests!(
    engagement_override_beats_default_and_later_cards_take_over,
    rate_cards_are_validated,
    billable_time_is_approved_unbilled_billable_time_with_rates,
    invoicing_subscriber_marks_and_unmarks_idempotently,
);

fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR".parse().expect("currency"))
}

fn usd(minor: i64) -> Money {
    Money::new(minor, "USD".parse().expect("currency"))
}

fn card(member: UserId, engagement: Option<EngagementId>, from: (i32, u32, u32), b: Money, c: Money) -> RateCardIn {
    RateCardIn {
        member_id: member,
        engagement_id: engagement,
        effective_from: day(from.0, from.1, from.2),
        billing_rate: b,
        cost_rate: c,
    }
}

async fn engagement_override_beats_default_and_later_cards_take_over(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let member = h.member_of(ctx.org_id).await;
    let engagement = h.engagement_in(&ctx, "EUR").await;
    let other_engagement = h.engagement_in(&ctx, "EUR").await;
    let at = |y, m, d| EffectiveRateQuery { member_id: member, engagement_id: engagement, date: day(y, m, d) };

    let none = t.effective_rate(&ctx, &at(2027, 1, 1)).await;
    assert_err!(none, AppError::NotFound(_), "no card yet");
    let default_2026 = t.create_rate_card(&ctx, card(member, None, (2026, 1, 1), eur(10_000), eur(4_000))).await;
    let default_2026 = default_2026.expect("default");
    let default_2027 = t.create_rate_card(&ctx, card(member, None, (2027, 1, 1), eur(12_000), eur(5_000))).await;
    let default_2027 = default_2027.expect("raise");
    let r = t.effective_rate(&ctx, &at(2026, 6, 1)).await.expect("2026");
    assert_eq!((r.billing_rate, r.cost_rate, r.source), (eur(10_000), eur(4_000), RateSource::Default));
    assert_eq!(r.rate_card_id, default_2026.id);
    let r = t.effective_rate(&ctx, &at(2027, 1, 1)).await.expect("from its first day");
    assert_eq!((r.billing_rate, r.rate_card_id), (eur(12_000), default_2027.id));
    assert_err!(t.effective_rate(&ctx, &at(2025, 12, 31)).await, AppError::NotFound(_), "before any card");

    let over = card(member, Some(engagement), (2026, 7, 1), eur(15_000), eur(4_500));
    let over = t.create_rate_card(&ctx, over).await.expect("override");
    let r = t.effective_rate(&ctx, &at(2026, 6, 30)).await.expect("before the override");
    assert_eq!(r.source, RateSource::Default);
    let r = t.effective_rate(&ctx, &at(2027, 3, 1)).await.expect("override beats a later default");
    assert_eq!((r.billing_rate, r.source, r.rate_card_id), (eur(15_000), RateSource::Engagement, over.id));
    let elsewhere = EffectiveRateQuery { engagement_id: other_engagement, ..at(2027, 3, 1) };
    let r = t.effective_rate(&ctx, &elsewhere).await.expect("other engagement");
    assert_eq!((r.billing_rate, r.source), (eur(12_000), RateSource::Default), "overrides are per engagement");

    // A default in another currency does not price an engagement in EUR.
    let dollar_member = h.member_of(ctx.org_id).await;
    t.create_rate_card(&ctx, card(dollar_member, None, (2026, 1, 1), usd(9_000), usd(3_000))).await.expect("usd");
    let q = EffectiveRateQuery { member_id: dollar_member, ..at(2026, 6, 1) };
    assert_err!(t.effective_rate(&ctx, &q).await, AppError::NotFound(_), "currency mismatch");

    t.delete_rate_card(&ctx, over.id).await.expect("delete override");
    let r = t.effective_rate(&ctx, &at(2027, 3, 1)).await.expect("default again");
    assert_eq!(r.rate_card_id, default_2027.id);

    let f = RateCardFilter { member_id: Some(member), ..Default::default() };
    let cards = t.list_rate_cards(&ctx, &f, PageRequest::default()).await.expect("list");
    assert_eq!(cards.items.iter().map(|c| c.id).collect::<Vec<_>>(), [default_2026.id, default_2027.id]);
    assert_eq!(events_of_type(&h.conn, "projects.rate_card.created").await.len(), 4);
    assert_eq!(events_of_type(&h.conn, "projects.rate_card.deleted").await.len(), 1);
}

async fn rate_cards_are_validated(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let member = h.member_of(ctx.org_id).await;
    let engagement = h.engagement_in(&ctx, "EUR").await;
    t.create_rate_card(&ctx, card(member, None, (2026, 1, 1), eur(100), eur(50))).await.expect("first");
    let before = snapshot(&h.conn).await;

    let cases = [
        ("cost_rate", card(member, None, (2026, 2, 1), eur(100), usd(50))),
        ("billing_rate", card(member, Some(engagement), (2026, 2, 1), usd(100), usd(50))),
        ("billing_rate", card(member, None, (2026, 2, 1), eur(-1), eur(50))),
        ("member_id", card(UserId::new(), None, (2026, 2, 1), eur(100), eur(50))),
        ("engagement_id", card(member, Some(EngagementId::new()), (2026, 2, 1), eur(100), eur(50))),
    ];
    for (field, input) in cases {
        let err = assert_err!(t.create_rate_card(&ctx, input).await, AppError::Validation(_), field);
        assert_eq!(invalid_field(&err), field);
    }
    let dup = t.create_rate_card(&ctx, card(member, None, (2026, 1, 1), eur(200), eur(50))).await;
    assert_err!(dup, AppError::Conflict { existing_id: Some(_), .. }, "same member, default and date");
    assert_eq!(snapshot(&h.conn).await, before, "refusals wrote nothing");
    t.create_rate_card(&ctx, card(member, Some(engagement), (2026, 1, 1), eur(200), eur(50)))
        .await
        .expect("an override on the default's date is another card");

    let other = h.org().await;
    let f = RateCardFilter { member_id: Some(member), ..Default::default() };
    assert_err!(t.list_rate_cards(&other, &f, PageRequest::default()).await, AppError::NotFound(_), "foreign member");
    let f = RateCardFilter { engagement_id: Some(engagement), ..Default::default() };
    assert_err!(
        t.list_rate_cards(&other, &f, PageRequest::default()).await,
        AppError::NotFound(_),
        "foreign engagement"
    );
}

async fn billable_time_is_approved_unbilled_billable_time_with_rates(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let member = h.member_of(ctx.org_id).await;
    let engagement = h.engagement_in(&ctx, "EUR").await;
    let elsewhere = h.engagement_in(&ctx, "EUR").await;
    let project = h.project(&ctx, engagement, "P").await;
    let other_project = h.project(&ctx, elsewhere, "Q").await;
    t.create_rate_card(&ctx, card(member, None, (2026, 1, 1), eur(10_000), eur(4_000))).await.expect("default");
    let over = card(member, Some(engagement), (2026, 12, 10), eur(15_000), eur(4_000));
    t.create_rate_card(&ctx, over).await.expect("override");
    let mine = |d, m| TimeEntryIn { member_id: Some(member), ..entry_in(project, d, m) };

    let early = approved(&t, &ctx, mine((2026, 12, 1), 60)).await;
    let late = approved(&t, &ctx, mine((2026, 12, 15), 90)).await;
    let _beyond = approved(&t, &ctx, mine((2027, 1, 5), 30)).await;
    let _unpriced = approved(&t, &ctx, TimeEntryIn { billable: Some(false), ..mine((2026, 12, 2), 30) }).await;
    let _draft = t.create_entry(&ctx, mine((2026, 12, 3), 30)).await.expect("draft");
    let _other =
        approved(&t, &ctx, TimeEntryIn { member_id: Some(member), ..entry_in(other_project, (2026, 12, 3), 30) }).await;
    let owners = approved(&t, &ctx, entry_in(project, (2026, 12, 4), 45)).await;

    let bill = t.billable_time(&ctx, engagement, date(2026, 12, 31)).await.expect("billable");
    let got: Vec<_> = bill.iter().map(|b| (b.entry_id, b.minutes, b.billing_rate, b.cost_rate)).collect();
    assert_eq!(
        got,
        [
            (early.id, 60, Some(eur(10_000)), Some(eur(4_000))),
            (owners.id, 45, None, None),
            (late.id, 90, Some(eur(15_000)), Some(eur(4_000))),
        ],
        "date order; the override from its date; no card, no rate"
    );
    let other = h.org().await;
    assert_err!(t.billable_time(&other, engagement, date(2026, 12, 31)).await, AppError::NotFound(_), "foreign");
}

/// Revenue's event, published through the outbox as revenue will, read back.
async fn published<E: EventPayload>(conn: &DatabaseConnection, clock: &dyn Clock, org: &OrgCtx, payload: &E) -> Event {
    let id: EventId = publish_as(conn, org.org_id, "user:billing", clock.now(), payload).await.expect("publish");
    event::Entity::find_by_id(id.into_uuid()).one(conn).await.expect("read").expect("stored").into()
}

async fn invoicing_subscriber_marks_and_unmarks_idempotently(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let t = h.svc.time();
    let engagement = h.engagement_in(&ctx, "EUR").await;
    let project = h.project(&ctx, engagement, "P").await;
    let a = approved(&t, &ctx, entry_in(project, (2026, 12, 1), 60)).await;
    let b = approved(&t, &ctx, entry_in(project, (2026, 12, 2), 30)).await;
    let draft = t.create_entry(&ctx, entry_in(project, (2026, 12, 3), 30)).await.expect("draft");
    let other = h.org().await;
    let (foreign_engagement, _) = h.engagement(&other).await;
    let foreign_project = h.project(&other, foreign_engagement, "Theirs").await;
    let foreign = approved(&t, &other, entry_in(foreign_project, (2026, 12, 1), 60)).await;

    let sub = InvoicingSubscriber::new(h.conn.clone(), h.clock.clone() as Arc<dyn Clock>);
    assert_eq!(sub.name(), "projects.invoicing");
    assert!(sub.accepts("revenue.invoice.issued") && sub.accepts("revenue.invoice.voided"));
    assert!(!sub.accepts("projects.time_entry.invoiced"));
    let invoice = InvoiceId::new();
    let issued = InvoiceIssued {
        invoice_id: invoice,
        engagement_id: engagement,
        number: "INV-2026-0001".into(),
        client_company_id: None,
        issue_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
        due_date: chrono::NaiveDate::from_ymd_opt(2027, 1, 30).expect("date"),
        total: atrium_kernel::Money::new(9000, "EUR".parse().expect("EUR")),
        base_total: atrium_kernel::Money::new(9000, "EUR".parse().expect("EUR")),
        fx_rate: "1".into(),
        time_entry_ids: vec![a.id, b.id, draft.id, foreign.id, TimeEntryId::new()],
    };
    let issued = published(&h.conn, h.clock.as_ref(), &ctx, &issued).await;
    let marked = sub.apply(&issued).await.expect("deliver");
    let mut expected = vec![a.id, b.id];
    expected.sort();
    assert_eq!(marked, expected, "only approved billable time of this org and engagement");
    for e in [a.id, b.id] {
        let got = t.get_entry(&ctx, e).await.expect("entry");
        assert_eq!((got.invoiced_by, got.approval_state), (Some(invoice), ApprovalState::Approved));
    }
    assert_eq!(t.get_entry(&ctx, draft.id).await.expect("draft").invoiced_by, None);
    assert_eq!(t.get_entry(&other, foreign.id).await.expect("foreign").invoiced_by, None);
    let unbilled = TimeEntryFilter { invoiced: Some(false), ..Default::default() };
    let left = t.list_entries(&ctx, &unbilled, PageRequest::default()).await.expect("unbilled");
    assert_eq!(left.items.iter().map(|e| e.id).collect::<Vec<_>>(), [draft.id]);
    assert!(t.billable_time(&ctx, engagement, date(2026, 12, 31)).await.expect("billable").is_empty());

    let before = snapshot(&h.conn).await;
    assert!(sub.apply(&issued).await.expect("redeliver").is_empty(), "a redelivery changes nothing");
    sub.deliver("projects.invoicing", &issued).await.expect("deliver again");
    assert_eq!(snapshot(&h.conn).await, before, "and publishes nothing");
    let marks = events_of_type(&h.conn, TimeEntriesInvoiced::TYPE).await;
    assert_eq!(marks.len(), 1);
    let mark: TimeEntriesInvoiced = payload(&marks[0]);
    assert_eq!(
        (mark.invoice_id, mark.cause_event_id, mark.time_entry_ids),
        (invoice, issued.id.into_uuid(), expected.clone())
    );

    // Another invoice naming billed time does not steal it; its void frees nothing of ours.
    let second = InvoiceId::new();
    let steal = InvoiceIssued {
        invoice_id: second,
        number: "INV-2".into(),
        ..serde_json::from_value(issued.data.clone()).expect("payload")
    };
    let steal = published(&h.conn, h.clock.as_ref(), &ctx, &steal).await;
    assert!(sub.apply(&steal).await.expect("deliver").is_empty());
    let void_second = InvoiceVoided {
        invoice_id: second,
        engagement_id: engagement,
        number: "INV-2".into(),
        time_entry_ids: vec![a.id],
    };
    let void_second = published(&h.conn, h.clock.as_ref(), &ctx, &void_second).await;
    assert!(sub.apply(&void_second).await.expect("deliver").is_empty());
    assert_eq!(t.get_entry(&ctx, a.id).await.expect("a").invoiced_by, Some(invoice));

    let voided = InvoiceVoided {
        invoice_id: invoice,
        engagement_id: engagement,
        number: "INV-2026-0001".into(),
        time_entry_ids: vec![a.id, b.id],
    };
    let voided = published(&h.conn, h.clock.as_ref(), &ctx, &voided).await;
    assert_eq!(sub.apply(&voided).await.expect("void"), expected);
    assert_eq!(t.get_entry(&ctx, a.id).await.expect("a").invoiced_by, None);
    let before = snapshot(&h.conn).await;
    assert!(sub.apply(&voided).await.expect("redeliver void").is_empty());
    assert_eq!(snapshot(&h.conn).await, before, "a redelivered void changes nothing");
    let unmarks = events_of_type(&h.conn, TimeEntriesUninvoiced::TYPE).await;
    assert_eq!(unmarks.len(), 1);
    let unmark: TimeEntriesUninvoiced = payload(&unmarks[0]);
    assert_eq!((unmark.cause_event_id, unmark.time_entry_ids), (voided.id.into_uuid(), expected));
    assert_eq!(
        t.billable_time(&ctx, engagement, date(2026, 12, 31)).await.expect("billable").len(),
        2,
        "billable again"
    );
}
