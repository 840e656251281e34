//! A real S3 server for tests: `s3s-fs` (which checks signatures and presigned
//! expiry), one instance per test on a free loopback port with its own directory.
//! Installed by `scripts/test-services.sh` into `$HOME/.cache/atrium-tools/bin`
//! (or named by `S3S_FS_BIN`); a missing binary is a skip, or a failure under
//! `ATRIUM_REQUIRE_SERVICES=1`.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const ACCESS_KEY: &str = "atrium-test-access";
pub const SECRET_KEY: &str = "atrium-test-secret-key-0123456789";
pub const BUCKET: &str = "atrium";
pub const REGION: &str = "us-east-1";

pub struct S3Server {
    child: Option<Child>,
    pub endpoint: String,
    pub port: u16,
    dir: tempfile::TempDir,
}

fn binary() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("S3S_FS_BIN") {
        return Some(PathBuf::from(p));
    }
    let home = std::env::var("HOME").ok()?;
    let cached = PathBuf::from(home).join(".cache/atrium-tools/bin/s3s-fs");
    if cached.exists() {
        return Some(cached);
    }
    std::env::var("PATH").ok()?.split(':').map(|d| PathBuf::from(d).join("s3s-fs")).find(|p| p.exists())
}

impl S3Server {
    /// Starts a fresh server with an empty bucket, or skips (see module doc).
    pub fn start() -> Option<S3Server> {
        let Some(bin) = binary() else {
            crate::skip_or_fail("s3s-fs", "$HOME/.cache/atrium-tools/bin/s3s-fs", "binary not installed");
            return None;
        };
        let dir = tempfile::tempdir().ok()?;
        if std::fs::create_dir_all(dir.path().join(BUCKET)).is_err() {
            crate::skip_or_fail("s3s-fs", "tempdir", "cannot create the bucket directory");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
        let mut s = S3Server { child: None, endpoint: format!("http://127.0.0.1:{port}"), port, dir };
        if let Err(why) = s.spawn(&bin) {
            crate::skip_or_fail("s3s-fs", &s.endpoint, &why);
            return None;
        }
        Some(s)
    }

    fn spawn(&mut self, bin: &PathBuf) -> Result<(), String> {
        let child = Command::new(bin)
            .args(["--host", "127.0.0.1", "--port", &self.port.to_string()])
            .args(["--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY])
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err("did not start listening within 10 s".into())
    }

    /// Stops the server (the S3-down tests); the directory stays.
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.stop();
    }
}
