//! Exchange rates from CSV: exact billionths, replace on the same day, all or nothing.

use atrium_kernel::{IfMatch, PageRequest};
use atrium_revenue::dto::{FxImportOut, FxRateFilter, IssueIn};
use atrium_testkit::{TestDb, backend_tests};

use super::{day, fields_of, harness, money, status_of};

backend_tests!(an_import_writes_exact_rates_and_replaces_the_same_day, a_bad_row_is_named_and_nothing_is_written,);

const RECORDED: &str = "revenue.fx_rate.recorded";

async fn an_import_writes_exact_rates_and_replaces_the_same_day(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let csv = "date,from,to,rate\n2027-01-10,EUR,USD,1.0834\n2027-01-10,GBP,USD,1.267123456\n2027-01-11,EUR,USD,1.09\n";
    let out = h.svc.import_fx_rates(&ctx, csv.as_bytes()).await.expect("import");
    assert_eq!(out, FxImportOut { created: 3, replaced: 0, unchanged: 0 });
    let rates = h.svc.list_fx_rates(&ctx, &FxRateFilter::default(), PageRequest::first(50)).await.expect("list");
    let mut got: Vec<_> =
        rates.items.iter().map(|r| (r.currency.code(), r.rate_date.to_string(), r.rate.clone())).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("EUR", "2027-01-10".to_owned(), "1.0834".to_owned()),
            ("EUR", "2027-01-11".to_owned(), "1.09".to_owned()),
            ("GBP", "2027-01-10".to_owned(), "1.267123456".to_owned()),
        ]
    );
    assert_eq!(h.events(RECORDED).await.len(), 3, "one event per rate, as entering them one by one");

    // Same file with one rate changed: one replaced (same id), two unchanged, one event.
    let eur_10 = rates.items.iter().find(|r| r.currency.code() == "EUR" && r.rate == "1.0834").expect("eur").id;
    let csv = "date,from,to,rate\n2027-01-10,EUR,USD,1.1\n2027-01-10,GBP,USD,1.267123456\n2027-01-11,EUR,USD,1.09\n";
    let out = h.svc.import_fx_rates(&ctx, csv.as_bytes()).await.expect("reimport");
    assert_eq!(out, FxImportOut { created: 0, replaced: 1, unchanged: 2 });
    let events = h.events(RECORDED).await;
    assert_eq!(events.len(), 4);
    assert_eq!(
        (events[3].data["id"].clone(), events[3].data["rate"].clone()),
        (serde_json::json!(eur_10), "1.1".into())
    );
    assert_eq!(h.count("fx_rates").await, 3);

    // An invoice issued that day converts at the imported rate.
    let company = h.company(&ctx, "Globex").await;
    let engagement = h.engagement(&ctx, company).await;
    let d = h.draft(&ctx, engagement, "EUR", 100_000).await;
    let input = IssueIn { issue_date: Some(day(2027, 1, 10)) };
    let issued = h.svc.issue_invoice(&ctx, d.id, input, IfMatch(None)).await.expect("issue");
    assert_eq!((issued.fx_rate.as_deref(), issued.base_total), (Some("1.1"), Some(money(110_000, "USD"))));

    // Another organization's rates are its own.
    let other = h.org().await;
    let theirs = h.svc.list_fx_rates(&other, &FxRateFilter::default(), PageRequest::first(50)).await.expect("list");
    assert!(theirs.items.is_empty());
}

async fn a_bad_row_is_named_and_nothing_is_written(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    h.svc.import_fx_rates(&ctx, b"date,from,to,rate\n2027-01-10,EUR,USD,1.08\n").await.expect("seed");
    let before = (h.count("fx_rates").await, h.events(RECORDED).await.len());

    // Good rows around bad ones: none of them is written.
    let csv = "date,from,to,rate\n2027-01-12,EUR,USD,1.1\n2027-13-01,EUR,USD,1.1\n2027-01-12,CHF,EUR,0.95\n\
               2027-01-12,GBP,USD,1.2345678901\n2027-01-10,EUR,USD,1.5\n2027-01-12,EUR,USD,1.2\n";
    let err = h.svc.import_fx_rates(&ctx, csv.as_bytes()).await.expect_err("bad rows");
    assert_eq!(status_of(&err), 422);
    assert_eq!(fields_of(&err), ["rows[2].date", "rows[3].to", "rows[4].rate", "rows[6].date"]);
    assert_eq!((h.count("fx_rates").await, h.events(RECORDED).await.len()), before, "nothing written");
    let eur = h.svc.list_fx_rates(&ctx, &FxRateFilter::default(), PageRequest::first(50)).await.expect("list");
    assert_eq!(eur.items.iter().map(|r| r.rate.as_str()).collect::<Vec<_>>(), ["1.08"], "row 5 did not replace it");

    for (file, field) in [
        ("date,currency,rate\n2027-01-10,EUR,1.1\n", "header"),
        ("date,from,to,rate\n", "rows"),
        ("date,from,to,rate\n2027-01-10,USD,USD,1\n", "rows[1].from"),
        ("date,from,to,rate\n2027-01-10,EUR,USD,0\n", "rows[1].rate"),
        ("date,from,to,rate\n2027-01-10,EUR,USD,1,5\n", "rows[1]"),
    ] {
        let err = h.svc.import_fx_rates(&ctx, file.as_bytes()).await.expect_err(file);
        assert_eq!((status_of(&err), fields_of(&err)), (422, vec![field.to_owned()]), "{file}");
    }
    assert_eq!((h.count("fx_rates").await, h.events(RECORDED).await.len()), before, "nothing written");
}
