//! Operational endpoints: health, metrics, docs, request ids.

use atrium_tests::{TestApp, app_tests};
use reqwest::Method;

app_tests!(health_metrics_docs_and_request_ids);

async fn health_metrics_docs_and_request_ids(app: &TestApp) {
    let live = app.call(Method::GET, "/health/live", None, None).await.expect(200);
    assert_eq!(live.body["status"], "ok");
    let ready = app.call(Method::GET, "/health/ready", None, None).await.expect(200);
    assert_eq!(ready.body["database"], "ok");

    let ada = app.signup("ada@example.com").await;
    app.get("/api/v1/members", &ada.token).await.expect(200);
    let metrics = app.http.get(format!("{}/metrics", app.base)).send().await.expect("metrics");
    let text = metrics.text().await.expect("text");
    assert!(
        text.contains(r#"atrium_http_requests_total{method="GET",route="/api/v1/members",status="200"} 1"#),
        "metrics count by route template: {text}"
    );
    assert!(text.contains("atrium_http_request_duration_seconds_bucket"));

    let docs = app.http.get(format!("{}/docs/", app.base)).send().await.expect("docs");
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.expect("html").contains("swagger-ui"));
    // The document is built on the first request for it: concurrent first requests
    // all get the whole document, the one `atrium openapi` writes (the test app runs
    // the default configuration, as `atrium openapi` does).
    let committed: serde_json::Value =
        serde_json::from_str(include_str!("../../../openapi/openapi.json")).expect("committed JSON");
    let specs = futures::future::join_all((0..4).map(|_| app.call(Method::GET, "/openapi.json", None, None))).await;
    for spec in specs {
        let spec = spec.expect(200);
        assert_eq!(spec.body["info"]["title"], "Atrium API");
        assert!(spec.body == committed, "the served document is the committed one");
    }

    let res = app
        .http
        .get(format!("{}/api/v1/me", app.base))
        .header("x-request-id", "trace-me-123")
        .send()
        .await
        .expect("request");
    assert_eq!(res.headers()["x-request-id"], "trace-me-123", "the request id is propagated");
    let generated = app.http.get(format!("{}/health/live", app.base)).send().await.expect("request");
    assert!(generated.headers().get("x-request-id").is_some_and(|v| v.len() == 36), "one is generated when absent");
}
