//! Filing a proposal's and contract's entries under the engagement made from them,
//! whatever order and batching their events arrive in.

use atrium_events::agreements::{EngagementId, ProposalId, ProposalSent};
use atrium_events::identity::{MemberAdded, MemberId};
use atrium_kernel::{Role, UserId};
use atrium_testkit::{TestDb, backend_tests};

use crate::common::{engagement_created, harness, proposal, story};

backend_tests!(
    origins_delivered_before_the_engagement_are_filed_under_it,
    origins_delivered_after_the_engagement_are_filed_under_it,
    one_batch_in_either_order_files_the_same,
    two_batches_at_once_file_the_same,
    redelivery_writes_nothing_new,
    entries_naming_a_deleted_engagement_go_to_the_organization,
);

async fn origins_delivered_before_the_engagement_are_filed_under_it(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let e = h.engagement(org).await;
    let [sent, contract, created] = story(&h, org, e);
    h.deliver(&[sent.clone(), contract.clone()]).await;
    assert_eq!(h.filed(org, &[&sent, &contract]).await, [None, None], "no engagement yet");
    h.deliver(std::slice::from_ref(&created)).await;
    assert_eq!(h.filed(org, &[&sent, &contract, &created]).await, [Some(e.into_uuid()); 3]);
}

async fn origins_delivered_after_the_engagement_are_filed_under_it(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let e = h.engagement(org).await;
    let [sent, contract, created] = story(&h, org, e);
    h.deliver(&[created.clone(), contract.clone(), sent.clone()]).await;
    assert_eq!(h.filed(org, &[&sent, &contract, &created]).await, [Some(e.into_uuid()); 3]);
}

async fn one_batch_in_either_order_files_the_same(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let (e1, e2) = (h.engagement(org).await, h.engagement(org).await);
    let first = story(&h, org, e1);
    let mut second = story(&h, org, e2).to_vec();
    second.reverse();
    h.deliver_batch(&first).await;
    h.deliver_batch(&second).await;
    assert_eq!(h.filed(org, &first.iter().collect::<Vec<_>>()).await, [Some(e1.into_uuid()); 3]);
    assert_eq!(h.filed(org, &second.iter().collect::<Vec<_>>()).await, [Some(e2.into_uuid()); 3]);
}

async fn two_batches_at_once_file_the_same(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    for round in 0..4 {
        let e = h.engagement(org).await;
        let [sent, contract, created] = story(&h, org, e);
        let origins = [sent.clone(), contract.clone()];
        let engagement = [created.clone()];
        // Two workers, each with its own batch; which one commits first varies.
        if round % 2 == 0 {
            tokio::join!(h.deliver_batch(&origins), h.deliver_batch(&engagement));
        } else {
            tokio::join!(h.deliver_batch(&engagement), h.deliver_batch(&origins));
        }
        assert_eq!(h.filed(org, &[&sent, &contract, &created]).await, [Some(e.into_uuid()); 3], "round {round}");
    }
}

async fn redelivery_writes_nothing_new(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let e = h.engagement(org).await;
    let events = story(&h, org, e);
    h.deliver(&events).await;
    let first = h.entries(org).await;
    assert_eq!(first.len(), 3);
    h.deliver(&events).await;
    h.deliver_batch(&events).await;
    assert_eq!(h.entries(org).await, first, "the entry's id is the event's: redelivery inserts nothing");
}

async fn entries_naming_a_deleted_engagement_go_to_the_organization(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let live = h.engagement(org).await;
    let gone = EngagementId::new();
    let of_gone = h.event(org, 1, &ProposalSent { proposal: proposal(ProposalId::new(), Some(gone), h.start) });
    let of_live = h.event(org, 2, &ProposalSent { proposal: proposal(ProposalId::new(), Some(live), h.start) });
    let joined = h.event(
        org,
        3,
        &MemberAdded {
            id: MemberId::new(),
            user_id: UserId::new(),
            email: "ada@example.com".into(),
            role: Role::Admin,
        },
    );
    h.deliver_batch(&[of_gone.clone(), of_live.clone(), joined.clone()]).await;
    assert_eq!(
        h.filed(org, &[&of_gone, &of_live, &joined]).await,
        [None, Some(live.into_uuid()), None],
        "the rest of the batch keeps its engagement"
    );

    // An engagement deleted before its creation event is delivered files nothing.
    let late = ProposalId::new();
    let origin = h.event(org, 4, &ProposalSent { proposal: proposal(late, None, h.start) });
    let created = h.event(org, 5, &engagement_created(EngagementId::new(), None, Some(late), h.start));
    h.deliver(&[origin.clone(), created.clone()]).await;
    assert_eq!(h.filed(org, &[&origin, &created]).await, [None, None]);
    assert_eq!(h.entries(org).await.len(), 5, "every event has its entry");
}
