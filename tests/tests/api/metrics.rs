//! `/metrics`: a bounded label set whatever clients send, and the access rule
//! (loopback only by default, `METRICS_TOKEN`, `METRICS_BIND_ADDR`).

use std::time::Duration;

use atrium_tests::{TestApp, app_tests};
use reqwest::Method;

app_tests!(invented_methods_and_random_paths_do_not_grow_the_series, metrics_access_follows_the_configuration);

/// The request-counter series in a scrape.
fn series(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with("atrium_http_requests_total{")).collect()
}

async fn scrape(app: &TestApp) -> String {
    let res = app.http.get(format!("{}/metrics", app.base)).send().await.expect("metrics");
    assert_eq!(res.status(), 200);
    res.text().await.expect("text")
}

async fn invented_methods_and_random_paths_do_not_grow_the_series(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    app.get("/api/v1/members", &ada.token).await.expect(200);
    for i in 0..300 {
        let method = Method::from_bytes(format!("M{i}").as_bytes()).expect("method");
        let path = format!("/random/{i}/x{}", i * 7919);
        let _ = app.http.request(method.clone(), format!("{}{path}", app.base)).send().await.expect("odd method");
        let _ = app.http.request(method, format!("{}/api/v1/members", app.base)).send().await.expect("odd method");
        let _ = app.http.get(format!("{}/api/v1/client-companies/{}", app.base, uuid::Uuid::now_v7())).send().await;
    }
    let text = scrape(app).await;
    // The mailbox sync's counters are registered from the start.
    assert!(text.contains("atrium_comms_messages_imported_total 0"), "{text}");
    let lines = series(&text);
    eprintln!("metrics: 900 requests with 300 invented methods and 300 random paths → {} series", lines.len());
    assert!(lines.len() <= 12, "series must stay bounded: {lines:#?}");
    assert!(
        text.contains(r#"atrium_http_requests_total{method="other",route="unmatched",status="#),
        "invented methods count as `other`, unknown paths as `unmatched`: {text}"
    );
    assert!(
        text.contains(
            r#"atrium_http_requests_total{method="GET",route="/api/v1/client-companies/{id}",status="401"} 300"#
        ),
        "by route template: {text}"
    );
    assert!(!text.contains("M12"), "no invented method becomes a label");
    assert!(!text.contains("/random/"), "no raw path becomes a label");
}

async fn metrics_access_follows_the_configuration(app: &TestApp) {
    // Default: local tooling (this loopback client) may scrape; a proxied client may not.
    scrape(app).await;
    let proxied = app
        .http
        .get(format!("{}/metrics", app.base))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .expect("get");
    assert_eq!(proxied.status(), 404, "a request a proxy forwarded is not local");

    // METRICS_TOKEN: a bearer token, checked for every scrape.
    let with_token = TestApp::spawn_with(app.db.backend, |c| c.metrics_token = Some("scrape-secret".into()))
        .await
        .expect("app with a metrics token");
    let url = format!("{}/metrics", with_token.base);
    let none = with_token.http.get(&url).send().await.expect("get");
    assert_eq!(none.status(), 401);
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    let wrong = with_token.http.get(&url).bearer_auth("guess").send().await.expect("get");
    assert_eq!(wrong.status(), 401);
    let right = with_token.http.get(&url).bearer_auth("scrape-secret").send().await.expect("get");
    assert_eq!(right.status(), 200);
    assert!(right.text().await.expect("text").contains("atrium_http_requests_total"));

    // METRICS_BIND_ADDR: served on its own listener only.
    let port = atrium_tests::child::free_port();
    let addr: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().expect("addr");
    let separate = TestApp::spawn_with(app.db.backend, |c| c.metrics_bind_addr = Some(addr))
        .await
        .expect("app with a metrics listener");
    let main = separate.http.get(format!("{}/metrics", separate.base)).send().await.expect("get");
    assert_eq!(main.status(), 404, "not on the API listener");
    let own = format!("http://{addr}");
    let mut scraped = None;
    for _ in 0..100 {
        if let Ok(r) = separate.http.get(format!("{own}/metrics")).send().await {
            scraped = Some(r);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let scraped = scraped.expect("the metrics listener answers");
    assert_eq!(scraped.status(), 200);
    assert!(scraped.text().await.expect("text").contains("atrium_http_requests_total"));
    let other = separate.http.get(format!("{own}/api/v1/me")).send().await.expect("get");
    assert_eq!(other.status(), 404, "the metrics listener serves nothing else");
}
