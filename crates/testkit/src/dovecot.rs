//! A real IMAP server for tests: Debian's Dovecot (`dovecot-imapd`), one per test,
//! with its own configuration, base and state directories, a maildir and one
//! passwd-file user, listening on a free loopback port with plaintext login
//! allowed (loopback only). No system service: the test starts it and the drop
//! stops it. Run as root (CI), Dovecot's login processes drop to its `dovenull`
//! user and mail is kept as its `dovecot` user; otherwise everything runs as the
//! current user.
//!
//! Without `dovecot` installed a test skips (or fails under `ATRIUM_REQUIRE_SERVICES=1`).

use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = "/usr/sbin/dovecot";
pub const USER: &str = "ada";
pub const PASSWORD: &str = "correct horse battery staple";

pub struct Dovecot {
    child: Child,
    dir: tempfile::TempDir,
    pub port: u16,
    uid: u32,
    gid: u32,
}

static SEQ: AtomicU64 = AtomicU64::new(0);

fn id_of(flag: &str, name: Option<&str>) -> Option<u32> {
    let mut cmd = Command::new("id");
    cmd.arg(flag);
    if let Some(n) = name {
        cmd.arg(n);
    }
    let out = cmd.output().ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

fn name_of(flag: &str) -> Option<String> {
    let out = Command::new("id").arg(flag).output().ok()?;
    Some(String::from_utf8(out.stdout).ok()?.trim().to_owned())
}

impl Dovecot {
    /// Starts a server with an empty INBOX for [`USER`] / [`PASSWORD`], or skips.
    pub fn start() -> Option<Dovecot> {
        if !Path::new(BIN).exists() {
            crate::skip_or_fail("Dovecot", BIN, "not installed (apt-get install dovecot-imapd)");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        // Dovecot's mail processes may run as another user: they must reach the maildir.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let root = id_of("-u", None) == Some(0);
        let (internal_user, internal_group, login_user, uid, gid) = if root {
            let uid = id_of("-u", Some("dovecot")).expect("the dovecot user (created by dovecot-core)");
            let gid = id_of("-g", Some("dovecot")).expect("the dovecot group");
            ("dovecot".to_owned(), "dovecot".to_owned(), "dovenull".to_owned(), uid, gid)
        } else {
            let user = name_of("-un").expect("user name");
            let group = name_of("-gn").expect("group name");
            let uid = id_of("-u", None).expect("uid");
            let gid = id_of("-g", None).expect("gid");
            (user.clone(), group, user, uid, gid)
        };
        let port = crate::oidc::free_port()?;
        let d = dir.path().display().to_string();
        for sub in ["run", "state", "mail", "home"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        }
        std::fs::write(dir.path().join("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}\n")).expect("passwd");
        let mut conf = String::new();
        let _ = write!(
            conf,
            "base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = 1
mail_location = maildir:{d}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
"
        );
        std::fs::write(dir.path().join("dovecot.conf"), conf).expect("config");
        let server = Dovecot {
            child: match Command::new(BIN)
                .arg("-F")
                .arg("-c")
                .arg(dir.path().join("dovecot.conf"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
            {
                Ok(c) => c,
                Err(e) => {
                    crate::skip_or_fail("Dovecot", BIN, &e.to_string());
                    return None;
                }
            },
            dir,
            port,
            uid,
            gid,
        };
        let mut server = server;
        server.inbox();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Some(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                let log = std::fs::read_to_string(server.dir.path().join("dovecot.log")).unwrap_or_default();
                crate::skip_or_fail("Dovecot", BIN, &format!("exited with {status}: {log}"));
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        crate::skip_or_fail("Dovecot", BIN, "did not listen within 20 s");
        None
    }

    fn chown(&self, path: &Path) {
        std::os::unix::fs::chown(path, Some(self.uid), Some(self.gid)).expect("chown");
    }

    /// The user's INBOX maildir (created with its `cur`, `new`, `tmp`).
    pub fn inbox(&self) -> PathBuf {
        let home = self.dir.path().join("home").join(USER);
        let mail = self.dir.path().join("mail").join(USER);
        for p in [home.clone(), mail.clone(), mail.join("cur"), mail.join("new"), mail.join("tmp")] {
            if !p.exists() {
                std::fs::create_dir_all(&p).expect("mkdir");
                self.chown(&p);
            }
        }
        for p in [self.dir.path().join("home"), self.dir.path().join("mail")] {
            self.chown(&p);
        }
        mail
    }

    /// Delivers `raw` (an RFC 5322 message) into the INBOX, as a local delivery
    /// agent would: written under `tmp/`, then moved into `new/`.
    pub fn deliver(&self, raw: &[u8]) {
        let inbox = self.inbox();
        let n = SEQ.fetch_add(1, Ordering::Relaxed);
        let name = format!("{}.M{n}P{}.atrium-test", chrono::Utc::now().timestamp(), std::process::id());
        let tmp = inbox.join("tmp").join(&name);
        std::fs::write(&tmp, raw).expect("write message");
        self.chown(&tmp);
        std::fs::rename(&tmp, inbox.join("new").join(&name)).expect("deliver");
    }

    /// Gives the INBOX a new UIDVALIDITY (as a server does after rebuilding its
    /// index), through `doveadm`.
    pub fn set_uid_validity(&self, value: u32) {
        let out = Command::new("doveadm")
            .arg("-c")
            .arg(self.dir.path().join("dovecot.conf"))
            .args(["mailbox", "update", "-u", USER, "--uid-validity", &value.to_string(), "INBOX"])
            .output()
            .expect("doveadm");
        assert!(out.status.success(), "doveadm mailbox update: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// The server's log (for assertion messages).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its children; SIGKILL is the fallback.
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
