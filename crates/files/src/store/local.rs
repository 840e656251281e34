//! Blobs in a local directory (the embedded default, `./data/blobs`). Its
//! "presigned" URLs point at Atrium's own `/blobs/{key}` route and carry an HMAC
//! over method, key, expiry and the bound length/disposition, so a tampered or
//! expired URL is refused (403) like S3 refuses one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures::StreamExt;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};
use tokio_util::io::ReaderStream;

use super::{BlobStore, ByteStream, Listing, ObjectMeta, Presigned, StoreError};

/// Where partial uploads are written before they are renamed into place.
const TMP: &str = ".tmp";

#[derive(Clone)]
pub struct LocalStore {
    root: PathBuf,
    key: [u8; 32],
    /// The path prefix of the blob route (`/blobs`).
    route: String,
}

/// What a signed blob URL grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub method: String,
    pub key: String,
    pub expires: i64,
    /// PUT: the exact length; GET: the Content-Disposition to answer with.
    pub bound: String,
}

impl LocalStore {
    pub fn new(root: impl Into<PathBuf>, key: [u8; 32]) -> Self {
        Self { root: root.into(), key, route: "/blobs".into() }
    }

    fn path(&self, key: &str) -> Result<PathBuf, StoreError> {
        if !valid_key(key) {
            return Err(StoreError::Other(format!("invalid blob key `{key}`")));
        }
        Ok(self.root.join(key))
    }

    pub fn sign(&self, g: &Grant) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("hmac takes any key length"));
        mac.update(format!("{}\n{}\n{}\n{}", g.method, g.key, g.expires, g.bound).as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// Checks a grant's signature (in constant time) and expiry.
    pub fn verify(&self, g: &Grant, sig: &str, now: DateTime<Utc>) -> Result<(), &'static str> {
        let Ok(sig) = hex::decode(sig) else { return Err("the URL signature is malformed") };
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("hmac takes any key length"));
        mac.update(format!("{}\n{}\n{}\n{}", g.method, g.key, g.expires, g.bound).as_bytes());
        mac.verify_slice(&sig).map_err(|_| "the URL signature does not match")?;
        if now.timestamp() > g.expires {
            return Err("the URL has expired");
        }
        Ok(())
    }

    fn url(&self, g: &Grant, param: &str) -> String {
        format!(
            "{}/{}?expires={}&{param}={}&signature={}",
            self.route,
            g.key,
            g.expires,
            urlencode(&g.bound),
            self.sign(g)
        )
    }
}

/// Keys are ours (`org/file/uuid`): path segments of `[A-Za-z0-9._-]`, never `.`/`..`.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 300
        && key.split('/').all(|s| {
            !s.is_empty()
                && s != "."
                && s != ".."
                && !s.starts_with('.')
                && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        })
}

pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(b) {
            out.push(char::from(*b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Unavailable { store: "local", detail: e.to_string() }
}

async fn meta(root: &Path, path: &Path) -> Result<Option<ObjectMeta>, StoreError> {
    match tokio::fs::metadata(path).await {
        Ok(m) if m.is_file() => {
            let key = path.strip_prefix(root).map_err(|e| StoreError::Other(e.to_string()))?;
            let key = key.to_string_lossy().replace('\\', "/");
            let modified = m.modified().map(DateTime::<Utc>::from).unwrap_or_else(|_| Utc::now());
            Ok(Some(ObjectMeta { key, size: m.len(), modified }))
        }
        Ok(_) => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(e)),
    }
}

#[async_trait]
impl BlobStore for LocalStore {
    fn name(&self) -> &'static str {
        "local"
    }

    async fn put(&self, key: &str, mut body: ByteStream) -> Result<u64, StoreError> {
        let path = self.path(key)?;
        let tmp_dir = self.root.join(TMP);
        tokio::fs::create_dir_all(&tmp_dir).await.map_err(io)?;
        let tmp = tmp_dir.join(uuid::Uuid::now_v7().to_string());
        let mut file = tokio::fs::File::create(&tmp).await.map_err(io)?;
        let mut n = 0u64;
        let written: Result<(), StoreError> = async {
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(StoreError::Body)?;
                n += chunk.len() as u64;
                file.write_all(&chunk).await.map_err(io)?;
            }
            file.flush().await.map_err(io)?;
            file.sync_all().await.map_err(io)
        }
        .await;
        drop(file);
        if let Err(e) = written {
            let _ = tokio::fs::remove_file(&tmp).await;
            return Err(e);
        }
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await.map_err(io)?;
        }
        // The rename makes the blob appear whole or not at all.
        tokio::fs::rename(&tmp, &path).await.map_err(io)?;
        Ok(n)
    }

    async fn head(&self, key: &str) -> Result<Option<ObjectMeta>, StoreError> {
        meta(&self.root, &self.path(key)?).await
    }

    async fn get(&self, key: &str, range: Option<(u64, u64)>) -> Result<ByteStream, StoreError> {
        let path = self.path(key)?;
        let mut file = match tokio::fs::File::open(&path).await {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StoreError::NotFound),
            Err(e) => return Err(io(e)),
        };
        match range {
            None => Ok(ReaderStream::with_capacity(file, 64 * 1024).boxed()),
            Some((first, last)) => {
                file.seek(std::io::SeekFrom::Start(first)).await.map_err(io)?;
                let reader = file.take(last.saturating_sub(first) + 1);
                Ok(ReaderStream::with_capacity(reader, 64 * 1024).boxed())
            }
        }
    }

    async fn delete(&self, key: &str) -> Result<(), StoreError> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(e)),
        }
    }

    async fn list(&self, after: Option<&str>, limit: usize) -> Result<Listing, StoreError> {
        // Walks the tree in key order; directories before `after` are skipped by
        // their prefix, so a page costs the directories it touches.
        let mut out = Vec::new();
        let mut stack = vec![self.root.clone()];
        let mut all = Vec::new();
        while let Some(dir) = stack.pop() {
            let mut rd = match tokio::fs::read_dir(&dir).await {
                Ok(rd) => rd,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io(e)),
            };
            while let Some(entry) = rd.next_entry().await.map_err(io)? {
                let path = entry.path();
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                let ft = entry.file_type().await.map_err(io)?;
                if ft.is_dir() {
                    stack.push(path);
                } else if ft.is_file() {
                    all.push(path);
                }
            }
        }
        let mut keyed: Vec<(String, PathBuf)> = all
            .into_iter()
            .filter_map(|p| {
                let k = p.strip_prefix(&self.root).ok()?.to_string_lossy().replace('\\', "/");
                Some((k, p))
            })
            .filter(|(k, _)| after.is_none_or(|a| k.as_str() > a))
            .collect();
        keyed.sort();
        let more = keyed.len() > limit;
        for (_, p) in keyed.into_iter().take(limit) {
            if let Some(m) = meta(&self.root, &p).await? {
                out.push(m);
            }
        }
        let next = if more { out.last().map(|m| m.key.clone()) } else { None };
        Ok(Listing { objects: out, next })
    }

    async fn presign_get(&self, key: &str, ttl: Duration, disposition: &str) -> Result<Presigned, StoreError> {
        self.path(key)?;
        let expires_at = Utc::now() + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::MAX);
        let g =
            Grant { method: "GET".into(), key: key.into(), expires: expires_at.timestamp(), bound: disposition.into() };
        Ok(Presigned { method: "GET", url: self.url(&g, "disposition"), headers: Vec::new(), expires_at })
    }

    async fn presign_put(
        &self,
        key: &str,
        ttl: Duration,
        length: u64,
        content_type: &str,
    ) -> Result<Presigned, StoreError> {
        self.path(key)?;
        let expires_at = Utc::now() + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::MAX);
        let g =
            Grant { method: "PUT".into(), key: key.into(), expires: expires_at.timestamp(), bound: length.to_string() };
        Ok(Presigned {
            method: "PUT",
            url: self.url(&g, "length"),
            headers: vec![
                ("content-length".into(), length.to_string()),
                ("content-type".into(), content_type.to_owned()),
            ],
            expires_at,
        })
    }

    async fn ping(&self) -> Result<(), StoreError> {
        tokio::fs::create_dir_all(&self.root).await.map_err(io)
    }
}
