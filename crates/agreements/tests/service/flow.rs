//! Every status change that is not allowed is a 409 whose detail names the
//! current status, and changes nothing.

use atrium_agreements::dto::{
    ContractId, ContractIn, ContractOut, ContractPatch, ContractStatus, ProposalPatch, ProposalStatus, SignIn,
};
use atrium_kernel::{AppError, Clock, Date, IfMatch, OrgCtx};
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;

use crate::assert_err;
use crate::common::{
    Harness, conflict_detail, email, eur, harness, invalid_fields, org, proposal_in, seed_company, text,
};

backend_tests!(proposal_transitions_are_guarded, contract_transitions_are_guarded, lapsed_proposal_cannot_be_accepted);

fn sign_in() -> SignIn {
    SignIn {
        signer_name: text("Hank Scorpio"),
        signer_email: email("hank@globex.example"),
        signature_data: text("data:image/png;base64,AAAA"),
    }
}

fn names(detail: &str, status: &str) -> bool {
    detail.contains(&format!("`{status}`"))
}

async fn proposal_transitions_are_guarded(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let svc = &h.svc;

    let mut empty = proposal_in(company);
    empty.line_items.clear();
    let empty = svc.create_proposal(&a, empty).await.expect("create");
    assert_eq!(invalid_fields(svc.send_proposal(&a, empty.id, IfMatch(None)).await), ["line_items"]);

    let p = svc.create_proposal(&a, proposal_in(company)).await.expect("create");
    for r in [svc.accept_proposal(&a, p.id, IfMatch(None)).await, svc.decline_proposal(&a, p.id, IfMatch(None)).await] {
        assert!(names(&conflict_detail(r), "draft"));
    }
    assert!(names(&conflict_detail(svc.contract_from_proposal(&a, p.id).await), "draft"));
    assert_err!(svc.send_proposal(&a, p.id, IfMatch(Some(7))).await, AppError::Conflict { .. });

    let sent = svc.send_proposal(&a, p.id, IfMatch(Some(1))).await.expect("send");
    assert_eq!((sent.status, sent.version), (ProposalStatus::Sent, 2));
    assert!(sent.sent_at.is_some());
    assert!(names(&conflict_detail(svc.send_proposal(&a, p.id, IfMatch(None)).await), "sent"));
    let patch = ProposalPatch { title: Some(text("Changed")), ..ProposalPatch::default() };
    assert!(names(&conflict_detail(svc.update_proposal(&a, p.id, patch, IfMatch(None)).await), "sent"));
    assert!(names(&conflict_detail(svc.contract_from_proposal(&a, p.id).await), "sent"));

    let accepted = svc.accept_proposal(&a, p.id, IfMatch(None)).await.expect("accept");
    assert_eq!(accepted.status, ProposalStatus::Accepted);
    assert!(accepted.decided_at.is_some());
    for r in [
        svc.accept_proposal(&a, p.id, IfMatch(None)).await,
        svc.decline_proposal(&a, p.id, IfMatch(None)).await,
        svc.send_proposal(&a, p.id, IfMatch(None)).await,
    ] {
        assert!(names(&conflict_detail(r), "accepted"));
    }
    assert!(names(&conflict_detail(svc.delete_proposal(&a, p.id, IfMatch(None)).await), "accepted"));

    let q = svc.create_proposal(&a, proposal_in(company)).await.expect("create");
    svc.send_proposal(&a, q.id, IfMatch(None)).await.expect("send");
    let declined = svc.decline_proposal(&a, q.id, IfMatch(None)).await.expect("decline");
    assert_eq!(declined.status, ProposalStatus::Declined);
    assert!(names(&conflict_detail(svc.accept_proposal(&a, q.id, IfMatch(None)).await), "declined"));
    assert!(names(&conflict_detail(svc.contract_from_proposal(&a, q.id).await), "declined"));
    svc.delete_proposal(&a, q.id, IfMatch(None)).await.expect("a declined proposal may be deleted");
    assert_err!(svc.get_proposal(&a, q.id).await, AppError::NotFound("proposal"));
    assert_eq!(svc.get_proposal(&a, p.id).await.expect("get").version, 3, "failed attempts changed nothing");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Send,
    Sign,
    Activate,
    Complete,
    Terminate,
}

const STEPS: [Step; 5] = [Step::Send, Step::Sign, Step::Activate, Step::Complete, Step::Terminate];

async fn take(h: &Harness, a: &OrgCtx, id: ContractId, step: Step) -> Result<ContractOut, AppError> {
    let svc = &h.svc;
    match step {
        Step::Send => svc.send_contract(a, id, IfMatch(None)).await,
        Step::Sign => svc.sign_contract(a, id, sign_in(), None, IfMatch(None)).await,
        Step::Activate => svc.activate_contract(a, id, IfMatch(None)).await,
        Step::Complete => svc.complete_contract(a, id, IfMatch(None)).await,
        Step::Terminate => svc.terminate_contract(a, id, IfMatch(None)).await,
    }
}

/// Every step but `allowed` is refused from `status` with a 409 naming it.
async fn only(h: &Harness, a: &OrgCtx, id: ContractId, status: &str, allowed: &[Step]) {
    for step in STEPS.into_iter().filter(|s| !allowed.contains(s)) {
        let detail = conflict_detail(take(h, a, id, step).await);
        assert!(names(&detail, status), "{step:?} from {status}: {detail}");
    }
    assert_eq!(h.svc.get_contract(a, id).await.expect("get").status.as_str(), status, "refusals changed nothing");
}

async fn contract_transitions_are_guarded(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let input = ContractIn {
        title: text("Retainer"),
        client_company_id: company,
        contact_id: None,
        deal_id: None,
        currency: eur(),
        total: None,
        start_date: None,
        end_date: None,
        terms: None,
    };
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(h.svc.create_contract(&a, input.clone()).await.expect("create").id);
    }
    let c = ids[0];
    only(&h, &a, c, "draft", &[Step::Send]).await;
    take(&h, &a, c, Step::Send).await.expect("send");
    let patch = ContractPatch { title: Some(text("Changed")), ..ContractPatch::default() };
    assert!(names(&conflict_detail(h.svc.update_contract(&a, c, patch, IfMatch(None)).await), "sent"));
    only(&h, &a, c, "sent", &[Step::Sign]).await;
    take(&h, &a, c, Step::Sign).await.expect("sign");
    only(&h, &a, c, "signed", &[Step::Activate, Step::Terminate]).await;
    take(&h, &a, c, Step::Activate).await.expect("activate");
    only(&h, &a, c, "active", &[Step::Complete, Step::Terminate]).await;
    let done = take(&h, &a, c, Step::Complete).await.expect("complete");
    assert_eq!(done.status, ContractStatus::Completed);
    only(&h, &a, c, "completed", &[]).await;
    let detail = conflict_detail(h.svc.delete_contract(&a, c, IfMatch(None)).await);
    assert!(names(&detail, "completed") && detail.contains("signed"), "{detail}");

    // Termination, from signed and from active; terminated is final.
    for (id, via) in [(ids[1], &[Step::Send, Step::Sign][..]), (ids[2], &[Step::Send, Step::Sign, Step::Activate][..])]
    {
        for step in via {
            take(&h, &a, id, *step).await.expect("step");
        }
        assert_eq!(take(&h, &a, id, Step::Terminate).await.expect("terminate").status, ContractStatus::Terminated);
        only(&h, &a, id, "terminated", &[]).await;
    }
}

async fn lapsed_proposal_cannot_be_accepted(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let mut input = proposal_in(company);
    input.valid_until = Some(Date::new(h.clock.now().date_naive()).expect("date"));
    let p = h.svc.create_proposal(&a, input).await.expect("create");
    h.svc.send_proposal(&a, p.id, IfMatch(None)).await.expect("send");
    h.clock.advance(Duration::days(1));
    let detail = conflict_detail(h.svc.accept_proposal(&a, p.id, IfMatch(None)).await);
    assert!(names(&detail, "sent") && detail.contains("validity ended"), "{detail}");
}
