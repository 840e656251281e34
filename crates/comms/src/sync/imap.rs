//! The IMAP side of a sync: connect (implicit TLS by rustls, or plaintext on
//! loopback), sign in, select the folder, search and fetch by UID. Every step has
//! a timeout, so a server that stops answering fails the run instead of hanging it.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::Arc;
use std::time::Duration;

use async_imap::Session;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use crate::service::ImapSettings;

/// A stream async-imap can run on: plain TCP or TLS over it.
pub(crate) trait Io: AsyncRead + AsyncWrite + Unpin + Send + Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + Debug> Io for T {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImapError {
    /// The server refused the credentials.
    Auth(String),
    /// Network, timeout or server trouble: worth retrying later.
    Transient(String),
}

impl std::fmt::Display for ImapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImapError::Auth(m) => write!(f, "the IMAP server refused the credentials: {m}"),
            ImapError::Transient(m) => f.write_str(m),
        }
    }
}

fn transient(what: &str, e: impl std::fmt::Display) -> ImapError {
    ImapError::Transient(format!("IMAP {what}: {e}"))
}

/// One fetched message.
pub(crate) struct Fetched {
    pub uid: u32,
    pub raw: Vec<u8>,
    pub internal_date: Option<DateTime<Utc>>,
}

/// The selected folder's identity.
pub(crate) struct Selected {
    pub uid_validity: u32,
    pub uid_next: Option<u32>,
}

pub(crate) struct ImapClient {
    session: Session<Box<dyn Io>>,
    timeout: Duration,
}

async fn within<T>(
    limit: Duration,
    what: &str,
    fut: impl std::future::Future<Output = Result<T, ImapError>>,
) -> Result<T, ImapError> {
    tokio::time::timeout(limit, fut)
        .await
        .map_err(|_| ImapError::Transient(format!("IMAP {what}: timed out after {limit:?}")))?
}

fn tls_connector() -> tokio_rustls::TlsConnector {
    let roots = tokio_rustls::rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = tokio_rustls::rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|b| b.with_root_certificates(roots).with_no_client_auth());
    match config {
        Ok(c) => tokio_rustls::TlsConnector::from(Arc::new(c)),
        // The ring provider supports the default versions; this cannot fail.
        Err(e) => unreachable!("rustls defaults with ring: {e}"),
    }
}

impl ImapClient {
    /// Connects to `addrs` (what the host guard judged), naming `s.host` for TLS.
    pub async fn connect(
        s: &ImapSettings,
        addrs: &[std::net::SocketAddr],
        password: &str,
        connect_timeout: Duration,
        timeout: Duration,
    ) -> Result<Self, ImapError> {
        let stream: Box<dyn Io> = within(connect_timeout, "connect", async {
            let tcp = TcpStream::connect(addrs).await.map_err(|e| transient("connect", e))?;
            if s.tls {
                let name = tokio_rustls::rustls::pki_types::ServerName::try_from(s.host.clone())
                    .map_err(|e| transient("TLS server name", e))?;
                let tls = tls_connector().connect(name, tcp).await.map_err(|e| transient("TLS handshake", e))?;
                Ok(Box::new(tls) as Box<dyn Io>)
            } else {
                Ok(Box::new(tcp) as Box<dyn Io>)
            }
        })
        .await?;
        let mut client = async_imap::Client::new(stream);
        within(connect_timeout, "greeting", async {
            match client.read_response().await {
                Ok(Some(_)) => Ok(()),
                Ok(None) => Err(ImapError::Transient("IMAP greeting: the server closed the connection".into())),
                Err(e) => Err(transient("greeting", e)),
            }
        })
        .await?;
        let session = within(connect_timeout, "login", async {
            client.login(&s.username, password).await.map_err(|(e, _)| match e {
                async_imap::error::Error::No(m) | async_imap::error::Error::Bad(m) => ImapError::Auth(m),
                other => transient("login", other),
            })
        })
        .await?;
        Ok(Self { session, timeout })
    }

    pub async fn select(&mut self, folder: &str) -> Result<Selected, ImapError> {
        let t = self.timeout;
        let mailbox =
            within(t, "select", async { self.session.select(folder).await.map_err(|e| transient("select", e)) })
                .await?;
        let uid_validity = mailbox
            .uid_validity
            .ok_or_else(|| ImapError::Transient(format!("IMAP select: `{folder}` has no UIDVALIDITY")))?;
        Ok(Selected { uid_validity, uid_next: mailbox.uid_next })
    }

    /// The UIDs matching `query`, ascending.
    pub async fn search(&mut self, query: &str) -> Result<Vec<u32>, ImapError> {
        let t = self.timeout;
        let found =
            within(t, "search", async { self.session.uid_search(query).await.map_err(|e| transient("search", e)) })
                .await?;
        let mut uids: Vec<u32> = found.into_iter().collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// `RFC822.SIZE` of each of `uids` (absent when the message vanished meanwhile).
    pub async fn sizes(&mut self, uids: &[u32]) -> Result<HashMap<u32, u32>, ImapError> {
        let mut out = HashMap::with_capacity(uids.len());
        for chunk in uids.chunks(200) {
            let set = uid_set(chunk);
            let t = self.timeout;
            let fetched: Vec<_> = within(t, "fetch sizes", async {
                let stream =
                    self.session.uid_fetch(&set, "(UID RFC822.SIZE)").await.map_err(|e| transient("fetch", e))?;
                stream.try_collect::<Vec<_>>().await.map_err(|e| transient("fetch", e))
            })
            .await?;
            for f in fetched {
                if let (Some(uid), Some(size)) = (f.uid, f.size) {
                    out.insert(uid, size);
                }
            }
        }
        Ok(out)
    }

    /// The whole messages `uids` (without setting `\Seen`), ascending by UID.
    pub async fn fetch(&mut self, uids: &[u32]) -> Result<Vec<Fetched>, ImapError> {
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        let set = uid_set(uids);
        let t = self.timeout;
        let fetched: Vec<_> = within(t, "fetch", async {
            let stream = self
                .session
                .uid_fetch(&set, "(UID INTERNALDATE BODY.PEEK[])")
                .await
                .map_err(|e| transient("fetch", e))?;
            stream.try_collect::<Vec<_>>().await.map_err(|e| transient("fetch", e))
        })
        .await?;
        let mut out: Vec<Fetched> = fetched
            .into_iter()
            .filter_map(|f| {
                let uid = f.uid?;
                let raw = f.body()?.to_vec();
                Some(Fetched { uid, raw, internal_date: f.internal_date().map(|d| d.with_timezone(&Utc)) })
            })
            .collect();
        out.sort_by_key(|f| f.uid);
        Ok(out)
    }

    pub async fn logout(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.session.logout()).await;
    }
}

fn uid_set(uids: &[u32]) -> String {
    uids.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}
