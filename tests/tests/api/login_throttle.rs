//! Login throttling under parallel guesses: the attempt is counted before the
//! password is checked, so parallel requests cannot all slip under the limit.

use std::time::Duration;

use atrium_tests::{TestApp, app_tests};
use futures::future::join_all;
use reqwest::Method;
use serde_json::json;

app_tests!(parallel_wrong_passwords_get_exactly_the_limit, right_password_behind_parallel_guesses_is_refused);

/// The default `LOGIN_FAILURES_PER_EMAIL`.
const LIMIT: usize = 5;

async fn login(app: &TestApp, email: &str, password: &str) -> u16 {
    app.call(Method::POST, "/api/v1/auth/login", None, Some(json!({"email": email, "password": password})))
        .await
        .status
        .as_u16()
}

async fn parallel_wrong_passwords_get_exactly_the_limit(app: &TestApp) {
    app.signup("ada@example.com").await;
    let guesses = (0..20).map(|i| {
        let pw = format!("guess number {i}");
        async move { login(app, "ada@example.com", &pw).await }
    });
    let statuses = join_all(guesses).await;
    let unauthorized = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    eprintln!("20 parallel wrong passwords: {unauthorized} × 401, {throttled} × 429");
    assert_eq!((unauthorized, throttled), (LIMIT, 20 - LIMIT), "{statuses:?}");
    assert_eq!(login(app, "ada@example.com", "correct horse battery").await, 429, "the email stays locked");
}

async fn right_password_behind_parallel_guesses_is_refused(app: &TestApp) {
    app.signup("ada@example.com").await;
    // 14 wrong guesses in flight (each takes a password hash to judge), then the
    // right password: the guesses already hold every slot of the window.
    let guesses = join_all((0..14).map(|i| {
        let pw = format!("guess number {i}");
        async move { login(app, "ada@example.com", &pw).await }
    }));
    let right = async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        login(app, "ada@example.com", "correct horse battery").await
    };
    let (statuses, right) = tokio::join!(guesses, right);
    let unauthorized = statuses.iter().filter(|s| **s == 401).count();
    eprintln!("14 parallel wrong + the right one: wrong {statuses:?}, right {right}");
    assert_eq!(unauthorized, LIMIT, "{statuses:?}");
    assert_eq!(right, 429, "the right password past the limit is refused");

    // Another email is not affected; a success does not use up the limit.
    app.signup("grace@example.com").await;
    for _ in 0..LIMIT + 2 {
        assert_eq!(login(app, "grace@example.com", "correct horse battery").await, 200);
    }
}
