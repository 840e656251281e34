//! Redis for tests. [`shared`] is the machine's server (`TEST_REDIS_URL`, default
//! the local one) with a key prefix of the test's own, so tests run in parallel
//! without seeing each other's keys. [`PrivateRedis`] is a `redis-server` process
//! of the test's own, on a free loopback port, for tests that stop and restart it.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use deadpool_redis::redis;

pub const DEFAULT_REDIS_URL: &str = "redis://127.0.0.1:6379/0";

/// A reachable Redis and a key prefix no other test uses.
pub struct TestRedis {
    pub url: String,
    pub prefix: String,
}

/// The shared Redis, or `None` (after a SKIP line) when it is unreachable and not required.
pub async fn shared() -> Option<TestRedis> {
    let url = std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| DEFAULT_REDIS_URL.to_owned());
    match ping(&url).await {
        Ok(()) => Some(TestRedis { url, prefix: format!("atrium-test:{}:", uuid::Uuid::now_v7().simple()) }),
        Err(why) => {
            crate::skip_or_fail("Redis", &url, &why);
            None
        }
    }
}

async fn ping(url: &str) -> Result<(), String> {
    let client = redis::Client::open(url).map_err(|e| e.to_string())?;
    let call = async {
        let mut conn = client.get_multiplexed_async_connection().await?;
        redis::cmd("PING").query_async::<String>(&mut conn).await
    };
    match tokio::time::timeout(Duration::from_secs(2), call).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("timed out".into()),
    }
}

/// A `redis-server` of this test's own; killed when dropped.
pub struct PrivateRedis {
    pub port: u16,
    child: Option<Child>,
}

impl PrivateRedis {
    /// `None` (after a SKIP line) when `redis-server` is not installed and not required.
    pub async fn start() -> Option<PrivateRedis> {
        let port = free_port();
        let mut r = PrivateRedis { port, child: None };
        if let Err(why) = r.spawn().await {
            crate::skip_or_fail("redis-server", &format!("127.0.0.1:{port}"), &why);
            return None;
        }
        Some(r)
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Kills the server (as an outage would).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts it again on the same port, empty.
    pub async fn restart(&mut self) {
        self.stop();
        self.spawn().await.expect("restart redis-server");
    }

    async fn spawn(&mut self) -> Result<(), String> {
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string(), "--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run redis-server: {e}"))?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match ping(&self.url()).await {
                Ok(()) => return Ok(()),
                Err(why) if Instant::now() > deadline => return Err(why),
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}
