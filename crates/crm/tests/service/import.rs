//! CSV import through the service: cells follow the API's rules (the column named
//! in the skip reason), created records say they came from the import, updates
//! name what changed, and a dry run writes nothing.

use atrium_crm::dto::{ContactFilter, ImportOutcome};
use atrium_events::crm::{CompanyCreated, ContactCreated, ContactUpdated, Source};
use atrium_kernel::{AppError, OrgCtx, PageRequest};
use atrium_testkit::{TestDb, backend_tests};

use crate::assert_err;
use crate::common::{Harness, contact_in, email, events_of, harness, invalid_field, snapshot, types};
use crate::contacts::new_contact;

backend_tests!(import_parses_cells_like_the_api_and_marks_its_records, import_refuses_a_bad_file_whole);

async fn import(
    h: &Harness,
    ctx: &OrgCtx,
    csv: &str,
    dry_run: bool,
) -> Result<atrium_crm::dto::ImportReportOut, AppError> {
    h.svc.import_contacts(ctx, csv.as_bytes(), dry_run).await
}

async fn import_parses_cells_like_the_api_and_marks_its_records(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let grace = new_contact(&h, &ctx, contact_in("Grace", "", Some("grace@navy.example"))).await;
    let long_title = "t".repeat(201);
    let csv = format!(
        "first_name,last_name,email,phone,title,company\n\
         Hank,Scorpio,hank@globex.example,+1 555 0100,,Globex\n\
         ,Hopper,GRACE@navy.example,030 1234,Admiral,\n\
         Bad,Title,bad@globex.example,,{long_title},\n\
         Short,Phone,short@globex.example,12,,\n\
         \"  \",Blank,,,,\n"
    );
    let before = snapshot(&h.conn).await;
    let dry = import(&h, &ctx, &csv, true).await.expect("dry run");
    assert_eq!((dry.created, dry.updated, dry.skipped), (1, 1, 3));
    assert_eq!(snapshot(&h.conn).await, before, "a dry run writes nothing");

    let report = import(&h, &ctx, &csv, false).await.expect("import");
    let outcomes: Vec<(ImportOutcome, Option<&str>)> =
        report.rows.iter().map(|r| (r.outcome, r.reason.as_deref())).collect();
    assert_eq!(
        outcomes,
        [
            (ImportOutcome::Created, None),
            (ImportOutcome::Updated, None),
            (ImportOutcome::Skipped, Some("title must be at most 200 characters")),
            (ImportOutcome::Skipped, Some("phone must be at least 3 characters")),
            (ImportOutcome::Skipped, Some("first_name is required for a new contact")),
        ]
    );
    assert_eq!(report.rows[1].contact_id.map(|c| c.into_uuid()), Some(grace));

    let hank = report.rows[0].contact_id.expect("created");
    let created = events_of(&h.conn, hank).await;
    let payload: ContactCreated = serde_json::from_value(created[0].data.clone()).expect("typed payload");
    assert_eq!((payload.source, payload.contact.phone.as_deref()), (Some(Source::CsvImport), Some("+1 555 0100")));
    let company = payload.contact.client_company_id.expect("company from the row");
    let company_events = events_of(&h.conn, company).await;
    let payload: CompanyCreated = serde_json::from_value(company_events[0].data.clone()).expect("typed payload");
    assert_eq!((payload.company.name.as_str(), payload.source), ("Globex", Some(Source::CsvImport)));

    let updates = events_of(&h.conn, grace).await;
    assert_eq!(types(&updates), ["crm.contact.created", "crm.contact.updated"]);
    let payload: ContactUpdated = serde_json::from_value(updates[1].data.clone()).expect("typed payload");
    assert_eq!(payload.changed, ["last_name", "phone", "title"]);
    let f = ContactFilter { email: Some(email("grace@navy.example")), ..ContactFilter::default() };
    let found = h.svc.list_contacts(&ctx, &f, PageRequest::first(5)).await.expect("list");
    assert_eq!(found.items[0].first_name, "Grace", "an empty cell never clears a field");

    let again = import(&h, &ctx, &csv, false).await.expect("again");
    assert_eq!((again.created, again.updated), (0, 0), "the same file again changes nothing");
}

async fn import_refuses_a_bad_file_whole(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let before = snapshot(&h.conn).await;
    let err = assert_err!(import(&h, &ctx, "frist_name\nAda\n", false).await, AppError::Validation(_), "typo");
    assert_eq!(invalid_field(&err), "header");
    let err = assert_err!(import(&h, &ctx, "last_name\nLovelace\n", false).await, AppError::Validation(_), "no key");
    assert_eq!(invalid_field(&err), "header");
    let broken = "first_name,email\nZed,zed@example.com\nYan,yan@example.com,extra\n";
    let err = assert_err!(import(&h, &ctx, broken, false).await, AppError::BadRequest(_), "ragged row");
    assert!(err.to_string().contains("row 2"), "{err}");
    assert_eq!(snapshot(&h.conn).await, before, "nothing half-written");
}
