use atrium_tests::{TestApp, app_tests};
use reqwest::Method;
use serde_json::json;

app_tests!(signup_then_me, logout_revokes_the_token);

async fn signup_then_me(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let me = app.get("/api/v1/me", &ada.token).await.expect(200);
    assert_eq!(me.body["user"]["email"], "ada@example.com");
    assert_eq!(me.body["organization"]["id"], ada.org_id.as_str());
    assert_eq!(me.body["role"], "owner");
}

async fn logout_revokes_the_token(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let login = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "ADA@example.com", "password": "correct horse battery"})),
        )
        .await
        .expect(200);
    let token = login.body["token"].as_str().expect("token").to_owned();
    assert_ne!(token, ada.token);
    app.get("/api/v1/me", &token).await.expect(200);
    app.call(Method::POST, "/api/v1/auth/logout", Some(&token), None).await.expect(204);
    app.get("/api/v1/me", &token).await.expect_problem(401);
    app.get("/api/v1/me", &ada.token).await.expect(200);
}
