//! A real SMTP server for tests: Python's `aiosmtpd` (PyPI, pinned 1.4.6), one per
//! test on a free loopback port. Each message it accepts is written to the
//! test's directory as `NNNNNN.eml` (the bytes received) beside `NNNNNN.json`
//! (the envelope: `mail_from`, `rcpt_tos`). A recipient starting with `reject`
//! is refused with a permanent `550`. Installed by `scripts/test-services.sh` and
//! `.ci/run` into a virtualenv at `$HOME/.cache/atrium-tools/aiosmtpd-1.4.6`
//! (or its interpreter named by `AIOSMTPD_PYTHON`); missing, a test skips (or
//! fails under `ATRIUM_REQUIRE_SERVICES=1`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const VERSION: &str = "1.4.6";

const SCRIPT: &str = r#"
import json, os, sys, time
from aiosmtpd.controller import Controller

out, port = sys.argv[1], int(sys.argv[2])

class Recorder:
    def __init__(self):
        self.n = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("reject"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(out, "%06d" % self.n)
        with open(base + ".json.tmp", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".json.tmp", base + ".json")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 Message accepted for delivery"

c = Controller(Recorder(), hostname="127.0.0.1", port=port)
c.start()
print("ready", flush=True)
while True:
    time.sleep(3600)
"#;

pub struct SmtpServer {
    child: Option<Child>,
    pub port: u16,
    dir: tempfile::TempDir,
}

/// One message the server accepted.
#[derive(Debug, Clone)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
    pub raw: Vec<u8>,
}

fn python() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("AIOSMTPD_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let home = std::env::var("HOME").ok()?;
    let venv = PathBuf::from(home).join(format!(".cache/atrium-tools/aiosmtpd-{VERSION}/bin/python"));
    venv.exists().then_some(venv)
}

impl SmtpServer {
    /// Starts a server with an empty mail directory, or skips (see the module doc).
    pub fn start() -> Option<SmtpServer> {
        let Some(py) = python() else {
            crate::skip_or_fail(
                "aiosmtpd",
                &format!("$HOME/.cache/atrium-tools/aiosmtpd-{VERSION}"),
                "not installed (scripts/test-services.sh installs it)",
            );
            return None;
        };
        let dir = tempfile::tempdir().ok()?;
        std::fs::create_dir_all(dir.path().join("mail")).ok()?;
        std::fs::write(dir.path().join("server.py"), SCRIPT).ok()?;
        let port = crate::oidc::free_port()?;
        let mut s = SmtpServer { child: None, port, dir };
        if let Err(why) = s.spawn(&py) {
            crate::skip_or_fail("aiosmtpd", &s.url(), &why);
            return None;
        }
        Some(s)
    }

    fn spawn(&mut self, py: &Path) -> Result<(), String> {
        let child = Command::new(py)
            .arg(self.dir.path().join("server.py"))
            .arg(self.dir.path().join("mail"))
            .arg(self.port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        Err("did not start listening within 15 s".into())
    }

    /// The URL lettre (and `COMMS_SMTP_URL`) take: plaintext on loopback.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Stops the server (a down server); what it received stays readable.
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts it again on the same port.
    pub fn restart(&mut self) -> Result<(), String> {
        let py = python().ok_or("aiosmtpd not installed")?;
        self.spawn(&py)
    }

    /// Everything received so far, in order.
    pub fn received(&self) -> Vec<Received> {
        let mail = self.dir.path().join("mail");
        let mut names: Vec<PathBuf> =
            std::fs::read_dir(&mail).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
        names.retain(|p| p.extension().is_some_and(|e| e == "eml"));
        names.sort();
        names
            .into_iter()
            .filter_map(|eml| {
                let envelope: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(eml.with_extension("json")).ok()?).ok()?;
                Some(Received {
                    mail_from: envelope["mail_from"].as_str().unwrap_or_default().to_owned(),
                    rcpt_tos: envelope["rcpt_tos"]
                        .as_array()
                        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                        .unwrap_or_default(),
                    raw: std::fs::read(&eml).ok()?,
                })
            })
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}
