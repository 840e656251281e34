//! The module as the gateway registers it: its routes state their roles, wire
//! input goes through the kernel's types (a bad value is a 422 naming the field,
//! with nothing written), and signatures sealed by an older build (the `v1` format
//! under the key the gateway derived) still open.

use std::sync::Arc;

use atrium_agreements::dto::{
    BillingModel, ClientCompanyId, ContractId, ContractIn, ContractStatus, EngagementId, EngagementIn, ProposalId,
    SignIn,
};
use atrium_agreements::{SIGNATURE_COLUMN, SIGNATURE_KEY_LABEL, module};
use atrium_kernel::{Clock, CursorKey, FrozenClock, IfMatch, OrgCtx, Role};
use atrium_outbox::Platform;
use atrium_testkit::{TestDb, backend_tests};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common::{
    Harness, TableCrm, all_event_ids, email, eur, new_events, org, proposal_in, seed_company, start_time, text,
};

backend_tests!(
    routes_state_their_roles,
    bad_patch_values_are_422_and_write_nothing,
    signatures_of_older_builds_still_open,
);

const SECRET: &[u8] = b"a server secret of some length";

fn platform(db: &TestDb) -> Platform {
    Platform::new(db.conn.clone(), Arc::new(FrozenClock::at(start_time())) as Arc<dyn Clock>, SECRET)
}

fn app(db: &TestDb) -> Router {
    let m = module(&platform(db), Arc::new(TableCrm(db.conn.clone())));
    m.router.into_parts().0
}

async fn call(app: &Router, ctx: OrgCtx, method: &str, uri: &str, body: Option<Value>) -> (StatusCode, Value) {
    // What the gateway's middleware installs: the caller and the cursor key.
    let mut req = Request::builder().method(method).uri(uri).extension(ctx).extension(CursorKey::derive(SECRET));
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    let resp = app.clone().oneshot(req.body(body).expect("request")).await.expect("response");
    let status = resp.status();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX).await.expect("body");
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| errors.iter().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

async fn routes_state_their_roles(db: &TestDb) {
    let m = module(&platform(db), Arc::new(TableCrm(db.conn.clone())));
    assert_eq!(m.tags, [("agreements", "Proposals, contracts (with signatures) and engagements")]);
    assert_eq!((m.subscribers.len(), m.jobs.len()), (1, 1), "the CRM merge subscriber and the expiry job");
    let (router, docs) = m.router.into_parts();
    let doc = docs.openapi(Default::default());
    let doc = serde_json::to_value(&doc).expect("doc");
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            let want = if method == "get" { "any" } else { "write_records" };
            assert_eq!(op["x-required-role"], want, "{method} {path}");
            operations += 1;
        }
    }
    assert_eq!(operations, 25);

    let h = crate::common::harness(db);
    let member = org(&h).await;
    let viewer = OrgCtx { role: Role::Viewer, ..member };
    let company = seed_company(&h.conn, member.org_id, "Globex").await;
    let body = json!({"title": "Relaunch", "client_company_id": company, "currency": "EUR"});
    let (status, _) = call(&router, viewer, "POST", "/api/v1/proposals", Some(body.clone())).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a viewer does not write");
    let (status, created) = call(&router, member, "POST", "/api/v1/proposals", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let (status, page) = call(&router, viewer, "GET", "/api/v1/proposals", None).await;
    assert_eq!((status, page["items"][0]["id"].clone()), (StatusCode::OK, created["id"].clone()), "a viewer reads");
}

/// A draft proposal, contract and engagement of `a`'s organization.
async fn drafts(h: &Harness, a: &OrgCtx) -> (ProposalId, ContractId, EngagementId) {
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let p = h.svc.create_proposal(a, proposal_in(company)).await.expect("proposal");
    let c = h.svc.create_contract(a, contract_in(company)).await.expect("contract");
    let e = EngagementIn {
        name: text("Delivery"),
        client_company_id: Some(company),
        contract_id: None,
        deal_id: None,
        billing_model: BillingModel::Fixed,
        budget: None,
        start_date: None,
        end_date: None,
        status: None,
    };
    let e = h.svc.create_engagement(a, e).await.expect("engagement");
    (p.id, c.id, e.id)
}

fn contract_in(company: ClientCompanyId) -> ContractIn {
    ContractIn {
        title: text("Retainer"),
        client_company_id: company,
        contact_id: None,
        deal_id: None,
        currency: eur(),
        total: None,
        start_date: None,
        end_date: None,
        terms: None,
    }
}

async fn bad_patch_values_are_422_and_write_nothing(db: &TestDb) {
    let app = app(db);
    let h = crate::common::harness(db);
    let a = org(&h).await;
    let (p, c, e) = drafts(&h, &a).await;
    let before = all_event_ids(&h.conn).await;

    let long = "x".repeat(201);
    let cases = [
        (format!("/api/v1/proposals/{p}"), json!({"title": long}), "title"),
        (format!("/api/v1/proposals/{p}"), json!({"title": "a\u{0}b"}), "title"),
        (format!("/api/v1/proposals/{p}"), json!({"title": "   "}), "title"),
        (format!("/api/v1/proposals/{p}"), json!({"valid_until": "-10000-01-01"}), "valid_until"),
        (
            format!("/api/v1/proposals/{p}"),
            json!({"line_items": [{"description": "x".repeat(1001),
            "quantity": 1, "unit_price": {"amount_minor": 1, "currency": "EUR"}}]}),
            "line_items[0].description",
        ),
        (format!("/api/v1/contracts/{c}"), json!({"terms": "x".repeat(100_001)}), "terms"),
        (format!("/api/v1/contracts/{c}"), json!({"end_date": "10000-01-01"}), "end_date"),
        (format!("/api/v1/engagements/{e}"), json!({"name": ""}), "name"),
        (format!("/api/v1/engagements/{e}"), json!({"start_date": "2027-02-30"}), "start_date"),
    ];
    for (uri, body, field) in cases {
        let (status, problem) = call(&app, a, "PATCH", &uri, Some(body.clone())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
        assert_eq!(fields(&problem), [field], "{body}");
    }
    let (status, problem) = call(
        &app,
        a,
        "POST",
        &format!("/api/v1/contracts/{c}/sign"),
        Some(json!({"signer_name": "Hank",
            "signer_email": "not an email", "signature_data": "s"})),
    )
    .await;
    assert_eq!((status, fields(&problem)), (StatusCode::UNPROCESSABLE_ENTITY, vec!["signer_email".to_owned()]));

    assert!(new_events(&h.conn, &before).await.is_empty(), "nothing was written");
    let p2 = h.svc.get_proposal(&a, p).await.expect("get");
    assert_eq!((p2.version, p2.title.as_str()), (1, "Website relaunch"));
    assert_eq!(h.svc.get_contract(&a, c).await.expect("get").version, 1);
    assert_eq!(h.svc.get_engagement(&a, e).await.expect("get").version, 1);

    // A valid value is trimmed and stored.
    let uri = format!("/api/v1/proposals/{p}");
    let (status, changed) = call(&app, a, "PATCH", &uri, Some(json!({"title": "  Relaunch, phase 1 "}))).await;
    assert_eq!((status, changed["title"].as_str()), (StatusCode::OK, Some("Relaunch, phase 1")));
}

/// What the gateway computed before `module()` derived the key itself.
fn gateway_key(secret: &[u8]) -> [u8; 32] {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(secret).expect("any key length");
    mac.update(b"atrium signature key v1");
    mac.finalize().into_bytes().into()
}

async fn signatures_of_older_builds_still_open(db: &TestDb) {
    use atrium_kernel::Scoped;
    use atrium_kernel::vault::{StoredKey, Vault, legacy};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};

    assert_eq!(legacy::v1_key(SECRET, SIGNATURE_KEY_LABEL), gateway_key(SECRET));
    let p = platform(db);
    let m = module(&p, Arc::new(TableCrm(db.conn.clone())));
    assert!(p.protected_columns().contains(&&SIGNATURE_COLUMN), "registered for rotation");
    let svc = m.service;
    let h = crate::common::harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let c = svc.create_contract(&a, contract_in(company)).await.expect("contract");
    svc.send_contract(&a, c.id, IfMatch(None)).await.expect("send");
    let sign =
        SignIn { signer_name: text("Hank"), signer_email: email("hank@example.com"), signature_data: text("ink") };
    let signed = svc.sign_contract(&a, c.id, sign, None, IfMatch(None)).await.expect("sign");
    assert_eq!(signed.status, ContractStatus::Signed);
    let row = atrium_agreements::entity::contract::Entity::find_in(&h.conn, a.org_id, c.id).await.expect("row");
    let sealed = row.signature_ciphertext.clone().expect("sealed");
    assert_eq!(Vault::key_of_str(&sealed), Ok(StoredKey::Id(p.keys().current_key().to_owned())), "{sealed}");

    // What the agreements' own crypto wrote before the kernel vault: `v1:` under
    // HMAC-SHA256(secret, label), the contract id as associated data.
    let old = legacy::seal_v1_str(gateway_key(SECRET), c.id.into_uuid().as_bytes(), "ink of an older build");
    let mut am = row.into_active_model();
    am.signature_ciphertext = Set(Some(old));
    #[allow(clippy::disallowed_methods)] // a test rewrites the row as an older build left it
    am.update(&h.conn).await.expect("store the old format");
    let read = svc.contract_signature(&a, c.id).await.expect("an old signature opens");
    assert_eq!(read.signature_data, "ink of an older build");
}
