//! The shared Redis connection: calls work while the server is up, and answer
//! `RedisUnavailable` within the deadline (never hang, never panic) once it is gone.

use std::time::{Duration, Instant};

use atrium_gateway::config::Config;
use atrium_gateway::redis::{Redis, RedisUnavailable};
use atrium_testkit::redis::PrivateRedis;
use deadpool_redis::redis;

#[tokio::test]
async fn calls_fail_fast_while_redis_is_down_and_recover() {
    let Some(mut server) = PrivateRedis::start().await else { return };
    let config = Config { redis_url: Some(server.url()), redis_timeout_ms: 200, ..Config::default() };
    let r = Redis::from_config(&config).expect("config").expect("redis configured");
    let key = r.key("probe");
    assert_eq!(key, "atrium:probe");

    let set: Result<(), _> = r.query("set", redis::cmd("SET").arg(&key).arg("1")).await;
    assert_eq!(set, Ok(()));
    let got: Result<String, _> = r.query("get", redis::cmd("GET").arg(&key)).await;
    assert_eq!(got.as_deref(), Ok("1"));

    server.stop();
    let started = Instant::now();
    let got: Result<String, _> = r.query("get", redis::cmd("GET").arg(&key)).await;
    assert_eq!(got, Err(RedisUnavailable));
    assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    assert!(r.failures().with_label_values(&["get"]).get() >= 1);

    server.restart().await;
    let mut back = Err(RedisUnavailable);
    for _ in 0..50 {
        back = r.query::<()>("set", redis::cmd("SET").arg(&key).arg("2")).await;
        if back.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(back, Ok(()), "recovers once the server is back");
}
