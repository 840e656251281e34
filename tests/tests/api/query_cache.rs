//! The query cache over HTTP, in process and on Redis, on both databases: a hit
//! answers without the database and byte for byte like the handler; a write is
//! seen by the very next read, on the replica that wrote and on another one;
//! organizations and roles never share an entry; writes made outside a request
//! invalidate too; Redis going away is a bypass, never an error, and the cache
//! serves again once it is back.

use std::time::{Duration, Instant};

use atrium_gateway::Config;
use atrium_testkit::redis::{PrivateRedis, shared};
use atrium_tests::{Backend, Session, TestApp, eventually};
use reqwest::header::HeaderMap;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

/// Where the cache lives.
#[derive(Clone, Copy)]
enum Store {
    InProcess,
    Redis,
}

macro_rules! cache_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                use super::Store;
                use atrium_tests::Backend;

                #[tokio::test]
                async fn sqlite_in_process() {
                    super::$name(Backend::Sqlite, Store::InProcess).await;
                }

                #[tokio::test]
                async fn sqlite_redis() {
                    super::$name(Backend::Sqlite, Store::Redis).await;
                }

                #[tokio::test]
                async fn postgres_in_process() {
                    super::$name(Backend::Postgres, Store::InProcess).await;
                }

                #[tokio::test]
                async fn postgres_redis() {
                    super::$name(Backend::Postgres, Store::Redis).await;
                }
            }
        )*
    };
}

cache_tests!(
    a_hit_answers_without_the_database_and_like_the_handler,
    writes_are_read_at_once_by_the_writer_and_by_others,
    organizations_and_roles_never_share_an_entry,
    writes_outside_requests_invalidate_too,
    merges_invalidate_the_records_they_repoint,
);

macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name(atrium_tests::Backend::Sqlite).await;
                }

                #[tokio::test]
                async fn postgres() {
                    super::$name(atrium_tests::Backend::Postgres).await;
                }
            }
        )*
    };
}

both_backends!(read_your_writes_holds_across_two_replicas_on_one_redis, redis_outage_bypasses_and_recovers);

async fn spawn(backend: Backend, store: Store) -> Option<TestApp> {
    spawn_with(backend, store, |_| {}).await
}

async fn spawn_with(backend: Backend, store: Store, tweak: impl FnOnce(&mut Config)) -> Option<TestApp> {
    match store {
        Store::InProcess => TestApp::spawn_with(backend, tweak).await,
        Store::Redis => {
            let redis = shared().await?;
            TestApp::spawn_with(backend, |c| {
                c.redis_url = Some(redis.url.clone());
                c.redis_key_prefix = redis.prefix.clone();
                tweak(c);
            })
            .await
        }
    }
}

/// Without a dispatcher, only the request's own invalidation can make a write
/// visible to the next read (the dispatcher's, as it sequences the event, would
/// otherwise race it).
fn no_dispatcher(c: &mut Config) {
    c.embedded_worker = false;
}

/// One answer, read whole: status, headers, raw body.
struct Raw {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Raw {
    fn cache(&self) -> &str {
        self.headers.get("x-cache").and_then(|v| v.to_str().ok()).unwrap_or("-")
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("json body")
    }
}

async fn get(app: &TestApp, path: &str, token: &str) -> Raw {
    let res = app.http.get(format!("{}{path}", app.base)).bearer_auth(token).send().await.expect("request");
    let (status, headers) = (res.status().as_u16(), res.headers().clone());
    Raw { status, headers, body: res.bytes().await.expect("body").to_vec() }
}

/// Reads `path` until an answer comes from the cache (events of earlier writes
/// may still be sequenced, and each invalidates once more).
async fn until_hit(app: &TestApp, path: &str, token: &str) -> Raw {
    eventually(&format!("a cache hit on {path}"), || async {
        let r = get(app, path, token).await;
        assert_eq!(r.status, 200, "{path}: {}", String::from_utf8_lossy(&r.body));
        (r.cache() == "hit").then_some(r)
    })
    .await
}

async fn contact(app: &TestApp, s: &Session, first_name: &str) -> String {
    let r = app.post("/api/v1/contacts", &s.token, json!({"first_name": first_name})).await.expect(201);
    r.body["id"].as_str().expect("id").to_owned()
}

fn names(list: &Raw) -> Vec<String> {
    let body = list.json();
    let items = body["items"].as_array().cloned().unwrap_or_default();
    items.iter().filter_map(|c| c["first_name"].as_str().map(str::to_owned)).collect()
}

async fn a_hit_answers_without_the_database_and_like_the_handler(backend: Backend, store: Store) {
    let Some(app) = spawn(backend, store).await else { return };
    let ada = app.signup("ada@example.com").await;
    let id = contact(&app, &ada, "Ada").await;
    atrium_tests::feed_event(&app, &ada.token, "crm.contact.created").await;
    let path = format!("/api/v1/contacts/{id}");

    let miss =
        eventually("a miss", || async { Some(get(&app, &path, &ada.token).await).filter(|r| r.cache() == "miss") })
            .await;
    let hit = until_hit(&app, &path, &ada.token).await;
    assert_eq!(hit.body, miss.body, "the same bytes");
    for h in ["content-type", "etag"] {
        assert!(miss.header(h).is_some(), "{h} on the handler's answer");
        assert_eq!(hit.header(h), miss.header(h), "{h}");
    }

    // Behind the application's back: a hit cannot see it, so it did not ask the database.
    app.db
        .conn
        .execute_unprepared("UPDATE contacts SET first_name = 'Sneaky' WHERE first_name = 'Ada'")
        .await
        .expect("update");
    let again = get(&app, &path, &ada.token).await;
    assert_eq!((again.cache(), again.json()["first_name"].as_str()), ("hit", Some("Ada")));
    let list = until_hit(&app, "/api/v1/contacts?limit=10", &ada.token).await;
    assert_eq!(names(&list), ["Sneaky"], "the list was first read after the change");

    // A write through the API invalidates: the next read is the database's.
    app.patch(&path, &ada.token, json!({"last_name": "Lovelace"})).await.expect(200);
    let fresh = get(&app, &path, &ada.token).await;
    assert_eq!(fresh.cache(), "miss");
    assert_eq!(
        (fresh.json()["first_name"].as_str(), fresh.json()["last_name"].as_str()),
        (Some("Sneaky"), Some("Lovelace"))
    );
    assert_eq!(fresh.header("etag"), Some("\"2\""));

    // Later pages are never cached; the metrics count hits and misses.
    contact(&app, &ada, "Grace").await;
    let page = get(&app, "/api/v1/contacts?limit=1", &ada.token).await;
    let cursor = page.json()["next_cursor"].as_str().expect("a second page").to_owned();
    let next = get(&app, &format!("/api/v1/contacts?limit=1&cursor={cursor}"), &ada.token).await;
    assert_eq!((next.status, next.cache()), (200, "-"));
    assert_eq!(names(&next), ["Grace"]);
    let metrics = scrape(&app).await;
    assert!(metric(&metrics, "atrium_query_cache_total{result=\"hit\"}") >= 2.0, "{metrics}");
    assert!(metric(&metrics, "atrium_query_cache_total{result=\"miss\"}") >= 2.0, "{metrics}");
}

/// Reads on `b` (and `a`) right after writes on `a` by the owner and by another member.
async fn check_read_your_writes(a: &TestApp, b: &TestApp) {
    let owner = a.signup("owner@example.com").await;
    let bob = a.add_member(&owner, "bob@example.com", "member").await;
    let id = contact(a, &owner, "Ada").await;
    let one = format!("/api/v1/contacts/{id}");
    let list = "/api/v1/contacts?limit=50";
    for app in [a, b] {
        until_hit(app, &one, &owner.token).await;
        until_hit(app, list, &owner.token).await;
        until_hit(app, list, &bob.token).await;
    }

    a.patch(&one, &owner.token, json!({"first_name": "Augusta"})).await.expect(200);
    for app in [b, a] {
        let r = get(app, &one, &owner.token).await;
        assert_eq!(r.json()["first_name"], "Augusta", "the writer reads its write at once");
        assert_eq!(names(&get(app, list, &bob.token).await), ["Augusta"], "so does another member");
    }

    // Another user's write, on the other replica, reaches the owner's cached list.
    contact(b, &bob, "Grace").await;
    for app in [a, b] {
        assert_eq!(names(&get(app, list, &owner.token).await), ["Augusta", "Grace"]);
    }
    b.delete(&one, &bob.token).await.expect(204);
    for app in [a, b] {
        assert_eq!(get(app, &one, &owner.token).await.status, 404);
        assert_eq!(names(&get(app, list, &owner.token).await), ["Grace"]);
    }
}

async fn writes_are_read_at_once_by_the_writer_and_by_others(backend: Backend, store: Store) {
    let Some(app) = spawn_with(backend, store, no_dispatcher).await else { return };
    check_read_your_writes(&app, &app).await;
}

async fn read_your_writes_holds_across_two_replicas_on_one_redis(backend: Backend) {
    let Some(a) = spawn_with(backend, Store::Redis, no_dispatcher).await else { return };
    let b = a.replica(|_| {}).await;
    check_read_your_writes(&a, &b).await;
    let metrics = scrape(&b).await;
    assert!(metric(&metrics, "atrium_query_cache_total{result=\"hit\"}") > 0.0, "replica B served hits: {metrics}");
}

async fn organizations_and_roles_never_share_an_entry(backend: Backend, store: Store) {
    let Some(app) = spawn(backend, store).await else { return };
    let ada = app.signup("ada@example.com").await;
    let eve = app.signup("eve@example.com").await;
    let viewer = app.add_member(&ada, "vic@example.com", "viewer").await;
    let id = contact(&app, &ada, "Ada").await;
    contact(&app, &eve, "Eve").await;
    let (one, list) = (format!("/api/v1/contacts/{id}"), "/api/v1/contacts?limit=50");
    until_hit(&app, &one, &ada.token).await;
    until_hit(&app, list, &ada.token).await;

    // The same path in another organization: its own answer, never Ada's entry.
    assert_eq!(get(&app, &one, &eve.token).await.status, 404);
    assert_eq!(names(&until_hit(&app, list, &eve.token).await), ["Eve"]);
    assert_eq!(names(&get(&app, list, &ada.token).await), ["Ada"]);
    assert_eq!(get(&app, &one, &eve.token).await.status, 404, "a 404 is not cached as anything else");

    // Another role in the same organization: an entry of its own (the handler runs).
    let first = get(&app, list, &viewer.token).await;
    assert_eq!((first.cache(), names(&first)), ("miss", vec!["Ada".to_owned()]));
    // `assignee_id` makes a task list the caller's own: cached per caller.
    let mine = "/api/v1/tasks?assignee_id=me";
    until_hit(&app, mine, &ada.token).await;
    assert_eq!(get(&app, mine, &viewer.token).await.cache(), "miss");
    let bob = app.add_member(&ada, "bob@example.com", "viewer").await;
    assert_eq!(get(&app, mine, &bob.token).await.cache(), "miss", "same role, another caller");
    assert_eq!(get(&app, "/api/v1/tasks?assignee_id=%6De", &bob.token).await.cache(), "miss");
}

async fn writes_outside_requests_invalidate_too(backend: Backend, store: Store) {
    let Some(app) = spawn(backend, store).await else { return };
    let ada = app.signup("ada@example.com").await;
    contact(&app, &ada, "Ada").await;
    let list = "/api/v1/contacts?limit=50";
    until_hit(&app, list, &ada.token).await;
    // The appointment subscriber creates a contact in the dispatcher, not in a request.
    let org = ada.org_id.parse::<uuid::Uuid>().expect("org id");
    let data = json!({"email": "lin@clinic.example", "name": "Lin Wu"});
    atrium_tests::append_event(&app, org, "appointment.booked", data).await;
    eventually("the booked contact in the cached list", || async {
        let names = names(&get(&app, list, &ada.token).await);
        (names == ["Ada", "Lin"]).then_some(())
    })
    .await;
}

/// A merge publishes events of the survivor's kind only; the records it repoints
/// (deals of a merged contact, contacts of a merged company) are read fresh at once.
async fn merges_invalidate_the_records_they_repoint(backend: Backend, store: Store) {
    let Some(app) = spawn_with(backend, store, no_dispatcher).await else { return };
    let ada = app.signup("ada@example.com").await;
    let id = |r: atrium_tests::Reply| r.body["id"].as_str().expect("id").to_owned();
    let keep_co = id(app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201));
    let dup_co = id(app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex 2"})).await.expect(201));
    let keep = contact(&app, &ada, "Hank").await;
    let dup = id(app
        .post("/api/v1/contacts", &ada.token, json!({"first_name": "Hank", "client_company_id": dup_co}))
        .await
        .expect(201));
    let deal = id(app.post("/api/v1/deals", &ada.token, json!({"name": "Dome", "contact_id": dup})).await.expect(201));
    let (deal_path, dup_path) = (format!("/api/v1/deals/{deal}"), format!("/api/v1/contacts/{dup}"));
    assert_eq!(until_hit(&app, &deal_path, &ada.token).await.json()["contact_id"], dup.as_str());
    assert_eq!(until_hit(&app, &dup_path, &ada.token).await.json()["client_company_id"], dup_co.as_str());

    let path = format!("/api/v1/client-companies/{keep_co}/merge");
    app.post(&path, &ada.token, json!({"source_ids": [dup_co]})).await.expect(200);
    assert_eq!(get(&app, &dup_path, &ada.token).await.json()["client_company_id"], keep_co.as_str());
    app.post(&format!("/api/v1/contacts/{keep}/merge"), &ada.token, json!({"source_ids": [dup]})).await.expect(200);
    assert_eq!(get(&app, &deal_path, &ada.token).await.json()["contact_id"], keep.as_str());
}

async fn redis_outage_bypasses_and_recovers(backend: Backend) {
    let Some(mut redis) = PrivateRedis::start().await else { return };
    let Some(a) = TestApp::spawn_with(backend, |c| {
        c.redis_url = Some(redis.url());
        c.redis_timeout_ms = 200;
    })
    .await
    else {
        return;
    };
    let b = a.replica(|_| {}).await;
    let ada = a.signup("ada@example.com").await;
    let id = contact(&a, &ada, "Ada").await;
    let one = format!("/api/v1/contacts/{id}");
    for app in [&a, &b] {
        until_hit(app, &one, &ada.token).await;
    }

    redis.stop();
    for app in [&a, &b] {
        let started = Instant::now();
        let r = get(app, &one, &ada.token).await;
        assert_eq!((r.status, r.cache(), r.json()["first_name"].as_str()), (200, "bypass", Some("Ada")));
        assert!(started.elapsed() < Duration::from_secs(2), "no hang while Redis is down: {:?}", started.elapsed());
    }
    // A write while Redis is down: correct answers everywhere, now and once it is back.
    a.patch(&one, &ada.token, json!({"first_name": "Augusta"})).await.expect(200);
    for app in [&a, &b] {
        assert_eq!(get(app, &one, &ada.token).await.json()["first_name"], "Augusta");
    }
    let down = scrape(&a).await;
    assert!(metric(&down, "atrium_query_cache_total{result=\"bypass\"}") > 0.0, "{down}");
    assert!(down.contains("atrium_redis_failures_total{op=\"query_cache_"), "{down}");

    redis.restart().await;
    for app in [&b, &a] {
        let r = until_hit(app, &one, &ada.token).await;
        assert_eq!(r.json()["first_name"], "Augusta", "served again after Redis is back, and current");
    }
}

async fn scrape(app: &TestApp) -> String {
    app.http.get(format!("{}/metrics", app.base)).send().await.expect("metrics").text().await.expect("text")
}

fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(series))
        .filter_map(|l| l.rsplit(' ').next().and_then(|v| v.parse::<f64>().ok()))
        .sum()
}
