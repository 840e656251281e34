//! The real `atrium` binary as a child process, for what an in-process server
//! cannot show: `kill -9` mid-request, a worker dying under load, restarts.
//! `make test` builds the binary before the suites run.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};

/// The `atrium` binary next to this test executable (`target/<profile>/atrium`).
pub fn atrium_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> → target/<profile>/atrium
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("target profile dir");
    let bin = profile_dir.join("atrium");
    assert!(bin.exists(), "{} is missing: run `cargo build --workspace --bin atrium` (make test does)", bin.display());
    bin
}

/// A free loopback port (bound, then released for the child to take).
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// A running `atrium` process.
pub struct ChildServer {
    pub base: String,
    pub port: u16,
    child: Child,
}

impl ChildServer {
    /// Starts `atrium <command>` (e.g. `["serve", "--migrate"]` or `["worker"]`) on
    /// `database_url` with the test secret and `env` on top, and waits until
    /// `/health/ready` answers 200 (for `serve`).
    pub async fn start(command: &[&str], database_url: &str, env: &[(&str, &str)]) -> ChildServer {
        let port = free_port();
        let mut cmd = Command::new(atrium_binary());
        cmd.args(command)
            .env("DATABASE_URL", database_url)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("ATRIUM_SECRET", "test-secret-for-child-processes")
            .env("COOKIE_SECURE", "false")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("spawn atrium");
        let server = ChildServer { base: format!("http://127.0.0.1:{port}"), port, child };
        if command.first() == Some(&"serve") {
            server.wait_ready(Duration::from_secs(30)).await;
        }
        server
    }

    pub async fn wait_ready(&self, within: Duration) {
        let http = reqwest::Client::new();
        let started = Instant::now();
        while started.elapsed() < within {
            if let Ok(r) = http.get(format!("{}/health/ready", self.base)).send().await
                && r.status() == 200
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("atrium on port {} was not ready within {within:?}", self.port);
    }

    /// SIGKILL: no shutdown, no draining, no flushing — a crash.
    pub async fn kill9(&mut self) {
        self.child.start_kill().expect("kill -9");
        let _ = self.child.wait().await;
    }

    /// SIGTERM (a graceful stop); the exit status if the process ended within `within`.
    pub async fn terminate(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let pid = self.child.id().expect("running child").to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().await.expect("kill -TERM");
        assert!(sent.success(), "kill -TERM {pid}");
        tokio::time::timeout(within, self.child.wait()).await.ok().and_then(Result::ok)
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}
