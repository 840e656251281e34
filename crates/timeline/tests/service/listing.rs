//! Reading the timeline: newest first, filters, keyset pages, tenancy.

use atrium_events::agreements::EngagementId;
use atrium_kernel::{AppError, OrgCtx, OrganizationId, PageRequest, Principal, Role, Text, UserId};
use atrium_testkit::{TestDb, backend_tests};
use atrium_timeline::dto::{ActivityOut, TimelineFilter};
use uuid::Uuid;

use crate::common::{Harness, harness, story};

backend_tests!(lists_newest_first_with_filters_and_pages, another_organization_sees_nothing_and_stale_cursors_are_422);

fn ctx(org: OrganizationId) -> OrgCtx {
    OrgCtx { org_id: org, principal: Principal::User(UserId::new()), role: Role::Viewer }
}

async fn list(h: &Harness, org: OrganizationId, filter: TimelineFilter, req: PageRequest) -> Vec<ActivityOut> {
    h.svc.list(&ctx(org), &filter, req).await.expect("list").items
}

fn ids(items: &[ActivityOut]) -> Vec<Uuid> {
    items.iter().map(|a| a.id.into_uuid()).collect()
}

async fn lists_newest_first_with_filters_and_pages(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let e = h.engagement(org).await;
    let events = story(&h, org, e);
    h.deliver(&events).await;
    let newest_first: Vec<Uuid> = events.iter().rev().map(|e| e.id.into_uuid()).collect();

    let all = list(&h, org, TimelineFilter::default(), PageRequest::first(10)).await;
    assert_eq!(ids(&all), newest_first);
    assert!(all.iter().all(|a| a.engagement_id == Some(e)));
    let under = TimelineFilter { engagement_id: Some(e), ..Default::default() };
    assert_eq!(ids(&list(&h, org, under, PageRequest::first(10)).await), newest_first);
    let elsewhere = TimelineFilter { engagement_id: Some(EngagementId::new()), ..Default::default() };
    assert!(list(&h, org, elsewhere, PageRequest::first(10)).await.is_empty());
    let contracts = TimelineFilter { entity_type: Some(Text::parse("contract").expect("text")), ..Default::default() };
    assert_eq!(ids(&list(&h, org, contracts, PageRequest::first(10)).await), [events[1].id.into_uuid()]);
    let one = TimelineFilter { entity_id: Some(events[0].aggregate_id), ..Default::default() };
    assert_eq!(ids(&list(&h, org, one, PageRequest::first(10)).await), [events[0].id.into_uuid()]);

    let first = h.svc.list(&ctx(org), &TimelineFilter::default(), PageRequest::first(2)).await.expect("page 1");
    assert_eq!(ids(&first.items), newest_first[..2]);
    let after = first.next_after.expect("a second page");
    let rest = list(&h, org, TimelineFilter::default(), PageRequest { limit: 2, after: Some(after) }).await;
    assert_eq!(ids(&rest), newest_first[2..]);
}

async fn another_organization_sees_nothing_and_stale_cursors_are_422(db: &TestDb) {
    let h = harness(db);
    let (org, other) = (h.org().await, h.org().await);
    let e = h.engagement(org).await;
    let events = story(&h, org, e);
    h.deliver(&events).await;
    assert!(list(&h, other, TimelineFilter::default(), PageRequest::first(10)).await.is_empty());
    let theirs = TimelineFilter { engagement_id: Some(e), ..Default::default() };
    assert!(list(&h, other, theirs, PageRequest::first(10)).await.is_empty());

    // A cursor at another organization's entry, or at nothing, is not a place to continue from.
    for after in [events[0].id.into_uuid(), Uuid::now_v7()] {
        let req = PageRequest { limit: 10, after: Some(after) };
        match h.svc.list(&ctx(other), &TimelineFilter::default(), req).await {
            Err(AppError::Validation(errors)) => assert_eq!(errors[0].field, "cursor"),
            other => panic!("expected a 422 on the cursor, got {other:?}"),
        }
    }
}
