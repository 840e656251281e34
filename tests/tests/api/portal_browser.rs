//! The client portal in a real browser: Debian's chromium, driven by playwright-core
//! (npm, pinned in `crates/testkit/browser/package-lock.json`) through
//! `crates/testkit/browser/portal.mjs`. The client's whole journey: a magic link
//! opens the sign-in page, the button spends it and lands on the overview
//! (keyboard only); the projects page and a project's page show the visible work
//! only; the invoices page downloads the issued invoice's PDF; the client accepts
//! the proposal, signs the contract and replies to the shared thread (and the
//! staff side sees the decision, the signature and the reply as a comms
//! message); phone width; sign-out ends the session; the same link again, an
//! expired link and a revoked grant's link each show why they are refused. One
//! browser, pages in sequence; the run time is printed. Every page is saved as a
//! screenshot under `$CARGO_TARGET_DIR/portal-shots/<backend>/`. Without chromium,
//! node or playwright-core the test prints SKIP (a failure with
//! `ATRIUM_REQUIRE_SERVICES=1`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use atrium_tests::{TestApp, app_tests};
use serde_json::json;

use crate::portal::{client, grant, link};
use crate::portal_documents::{ALL, documents, mailbox};
use crate::portal_projects::{milestone, project, task};

app_tests!(the_clients_whole_journey_and_refused_links_in_chromium);

const CHROMIUM: &str = "/usr/bin/chromium";

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/testkit/browser")
}

/// Whether chromium, node and playwright-core are there; prints SKIP (or fails in CI) if not.
fn browser_available() -> bool {
    let missing = if !Path::new(CHROMIUM).exists() {
        Some(("chromium", CHROMIUM, "not installed (apt-get install chromium)"))
    } else if std::process::Command::new("node").arg("--version").output().is_err() {
        Some(("node", "PATH", "not installed"))
    } else if !browser_dir().join("node_modules/playwright-core").exists() {
        Some(("playwright-core", "crates/testkit/browser", "not installed (npm ci there; make test does it)"))
    } else {
        None
    };
    match missing {
        Some((what, at, why)) => {
            atrium_testkit::skip_or_fail(what, at, why);
            false
        }
        None => true,
    }
}

fn shots_dir(backend: &str) -> PathBuf {
    let base =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")), PathBuf::from);
    base.join("portal-shots").join(backend)
}

async fn the_clients_whole_journey_and_refused_links_in_chromium(app: &TestApp) {
    if !browser_available() {
        return;
    }
    let backend = format!("{:?}", app.db.backend).to_lowercase();
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let id = grant(app, &c, json!(ALL)).await;
    let t = &c.ada.token;
    let mb = mailbox(app, t).await;
    let docs = documents(app, &c, &c.engagement_id.clone(), &c.contact_id.clone(), &mb).await;
    let shown = project(app, t, &c.engagement_id, "Relaunch", true).await;
    project(app, t, &c.engagement_id, "Margins review", false).await;
    milestone(app, t, &shown, "Design signed off", true).await;
    milestone(app, t, &shown, "Internal QA", false).await;
    let done = task(app, t, &shown, "Wireframes", true).await;
    app.patch(&format!("/api/v1/tasks/{done}"), t, json!({"status": "done"})).await.expect(200);
    task(app, t, &shown, "Copy for the home page", true).await;
    task(app, t, &shown, "Price the extras", false).await;
    let invoice = crate::portal::invoice(app, &c.ada.token, &c.engagement_id, false).await;
    app.post(
        &format!("/api/v1/invoices/{invoice}/payments"),
        &c.ada.token,
        json!({"amount": {"amount_minor": 1000, "currency": "USD"}, "received_on": "2027-01-05"}),
    )
    .await
    .expect(201);

    // A link that expires before it is used (every link so far is moved into the past).
    let expired = link(app, &c.ada.token, &id).await;
    crate::portal::expire_links(app).await;
    let good = link(app, &c.ada.token, &id).await;
    // A second engagement's grant, revoked after its link went out.
    let support = app
        .post("/api/v1/engagements", &c.ada.token, json!({"name": "Support", "billing_model": "fixed"}))
        .await
        .expect(201);
    let support_id = support.body["id"].as_str().expect("id");
    let revoked_grant = app
        .post("/api/v1/portal-access", &c.ada.token, json!({"engagement_id": support_id, "contact_id": c.contact_id}))
        .await
        .expect(201);
    let revoked_grant = revoked_grant.body["id"].as_str().expect("id").to_owned();
    let revoked = link(app, &c.ada.token, &revoked_grant).await;
    app.post(&format!("/api/v1/portal-access/{revoked_grant}/revoke"), &c.ada.token, json!({})).await.expect(200);

    let url = |token: &str| format!("{}/portal/sign-in?token={token}", app.base);
    let shots = shots_dir(&backend);
    let started = Instant::now();
    let out = tokio::process::Command::new("node")
        .arg("portal.mjs")
        .current_dir(browser_dir())
        .env("PORTAL_BASE", &app.base)
        .env("PORTAL_GOOD_URL", url(&good))
        .env("PORTAL_EXPIRED_URL", url(&expired))
        .env("PORTAL_REVOKED_URL", url(&revoked))
        .env("PORTAL_SHOTS", &shots)
        .env("CHROMIUM", CHROMIUM)
        .kill_on_drop(true)
        .output()
        .await
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!(
        "portal browser run ({backend}) took {:.1} s; screenshots in {}",
        started.elapsed().as_secs_f64(),
        shots.display()
    );
    assert!(out.status.success(), "the browser run failed:\n{stdout}\n{stderr}");
    for name in [
        "01-sign-in",
        "02-overview",
        "03-projects",
        "04-project",
        "05-invoices",
        "06-proposal-accepted",
        "07-contract-signed",
        "08-thread-replied",
        "09-overview-phone",
        "10-projects-phone",
        "11-signed-out",
        "12-reused-link",
        "13-expired-link",
        "14-revoked-grant",
    ] {
        let shot = shots.join(format!("{name}.png"));
        let len = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        assert!(len > 1000, "screenshot {} missing or empty", shot.display());
    }
    // The browser's sign-in and actions show on the staff side as the contact's.
    let actor = format!("portal:contact:{}", c.contact_id);
    let started = atrium_tests::feed_event(app, t, "portal.session.started").await;
    assert_eq!(started["actor"], actor);
    let p = app.get(&format!("/api/v1/proposals/{}", docs.proposal), t).await.expect(200);
    assert_eq!(p.body["status"], "accepted");
    let k = app.get(&format!("/api/v1/contracts/{}", docs.contract), t).await.expect(200);
    assert_eq!(k.body["status"], "signed");
    assert_eq!(atrium_tests::feed_event(app, t, "agreements.contract.signed").await["actor"], actor);
    // The reply arrives as a comms message in the shared thread, to the firm's mailbox.
    let staff = app.get(&format!("/api/v1/threads/{}/messages", docs.shared_thread), t).await.expect(200);
    let reply = staff.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|m| m["body_text"].as_str().is_some_and(|b| b.contains("Monday works for the kick-off.")))
        .cloned()
        .expect("the client's reply in the thread");
    assert!(reply["body_text"].as_str().expect("body").contains("Ann Lee (client) wrote"), "{reply}");
    assert_eq!(reply["to"][0]["address"], "ada@example.com");
    let untouched = app.get(&format!("/api/v1/threads/{}/messages", docs.unshared_thread), t).await.expect(200);
    assert_eq!(untouched.body["items"].as_array().expect("items").len(), 1, "the unshared thread got nothing");
}
