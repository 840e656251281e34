//! The real `atrium` binary as a child process, for what an in-process server
//! cannot show: `kill -9` mid-request, a worker dying under load, restarts.
//! `make test` builds the binary before the suites run.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};

/// The `atrium` binary of this build (`target/<profile>/atrium`): next to a test
/// executable's `deps/` directory, or next to a binary (the bench harness).
pub fn atrium_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().expect("executable dir");
    if dir.join("atrium").is_file() {
        return dir.join("atrium");
    }
    // target/<profile>/deps/<test> → target/<profile>/atrium
    let profile_dir = dir.parent().expect("target profile dir");
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
    /// How it was started, for [`ChildServer::restart`].
    command: Vec<String>,
    database_url: String,
    env: Vec<(String, String)>,
    /// Where its stdout (the log) goes, when the test reads it.
    log: Option<PathBuf>,
}

impl ChildServer {
    /// Starts `atrium <command>` (e.g. `["serve", "--migrate"]` or `["worker"]`) on
    /// `database_url` with the test secret and `env` on top, and waits until
    /// `/health/ready` answers 200 (for `serve`).
    pub async fn start(command: &[&str], database_url: &str, env: &[(&str, &str)]) -> ChildServer {
        Self::start_logged(command, database_url, env, None).await
    }

    /// As [`ChildServer::start`], with the server's log (stdout) appended to `log`.
    pub async fn start_logged(
        command: &[&str],
        database_url: &str,
        env: &[(&str, &str)],
        log: Option<&std::path::Path>,
    ) -> ChildServer {
        let command: Vec<String> = command.iter().map(|s| (*s).to_owned()).collect();
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let port = free_port();
        let log = log.map(std::path::Path::to_path_buf);
        let child = spawn(&command, database_url, &env, port, log.as_deref());
        let base = format!("http://127.0.0.1:{port}");
        let server = ChildServer { base, port, child, command, database_url: database_url.to_owned(), env, log };
        if server.command.first().map(String::as_str) == Some("serve") {
            server.wait_ready(Duration::from_secs(30)).await;
        }
        server
    }

    /// Starts the same command again on the same port (after [`ChildServer::kill9`]),
    /// as a supervisor would, and waits for readiness (for `serve`).
    pub async fn restart(&mut self) {
        if self.is_running() {
            self.kill9().await;
        }
        self.child = spawn(&self.command, &self.database_url, &self.env, self.port, self.log.as_deref());
        if self.command.first().map(String::as_str) == Some("serve") {
            self.wait_ready(Duration::from_secs(30)).await;
        }
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

    /// The process id (for `/proc/<pid>/…`), while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

/// The `ATRIUM_SECRET` every child runs with.
pub const CHILD_SECRET: &str = "test-secret-for-child-processes";

fn spawn(command: &[String], database_url: &str, env: &[(String, String)], port: u16, log: Option<&Path>) -> Child {
    let stdout = match log {
        Some(path) => Stdio::from(
            std::fs::OpenOptions::new().create(true).append(true).open(path).expect("open the child's log file"),
        ),
        None if std::env::var_os("ATRIUM_CHILD_LOGS").is_some() => Stdio::inherit(),
        None => Stdio::null(),
    };
    let mut cmd = Command::new(atrium_binary());
    cmd.args(command)
        .env("DATABASE_URL", database_url)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("ATRIUM_SECRET", CHILD_SECRET)
        .env("COOKIE_SECURE", "false")
        .env("RUST_LOG", "warn")
        // The server logs to stdout: `ATRIUM_CHILD_LOGS=1` shows it (with the
        // child's RUST_LOG at `warn`).
        .stdout(stdout)
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().expect("spawn atrium")
}
