//! Configuration from flags or environment variables (12-factor). Every setting
//! has an embedded default, so `atrium serve` runs with no configuration at all.

use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, ValueEnum};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/atrium.db?mode=rwc";
/// Used when `ATRIUM_SECRET` is unset: fine on a laptop, refused nowhere, warned about.
const DEV_SECRET: &str = "atrium-development-secret-change-me";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database: `sqlite://path?mode=rwc` (embedded default) or `postgres://user@host/db`.
    #[arg(long, global = true, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database_url: String,

    /// Maximum pooled database connections.
    #[arg(long, global = true, env = "DATABASE_MAX_CONNECTIONS", default_value_t = 10)]
    pub database_max_connections: u32,

    /// Address the HTTP server listens on.
    #[arg(long, global = true, env = "BIND_ADDR", default_value = "127.0.0.1:8080")]
    pub bind_addr: SocketAddr,

    /// Secret that signs pagination cursors. Set a long random value in production;
    /// every replica needs the same one.
    #[arg(long, global = true, env = "ATRIUM_SECRET", hide_env_values = true)]
    pub secret: Option<String>,

    /// Encryption keys of the vault (secrets at rest): `kid:base64key,kid:base64key…`,
    /// 32 bytes each (`atrium secrets generate-key`). The first seals, all open.
    /// Unset: one key derived from ATRIUM_SECRET (which always stays readable).
    #[arg(long, global = true, env = "ATRIUM_VAULT_KEYS", hide_env_values = true)]
    pub vault_keys: Option<String>,

    /// `text` for people, `json` for log shippers.
    #[arg(long, global = true, env = "LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,

    /// Origins allowed by CORS, comma-separated (e.g. `https://app.example.com`). Empty: none.
    #[arg(long, global = true, env = "CORS_ALLOWED_ORIGINS", value_delimiter = ',', default_value = "")]
    pub cors_allowed_origins: Vec<String>,

    /// Seconds a request may take before it is answered with 503 (uploads excepted).
    #[arg(long, global = true, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,

    /// Seconds a streamed upload may go without progress before it is cut off (408);
    /// uploads have no total limit, so a large file on a slow link still arrives.
    #[arg(long, global = true, env = "UPLOAD_IDLE_TIMEOUT_SECS", default_value_t = 30)]
    pub upload_idle_timeout_secs: u64,

    /// Largest accepted request body, in bytes.
    #[arg(long, global = true, env = "BODY_LIMIT_BYTES", default_value_t = 1024 * 1024)]
    pub body_limit_bytes: usize,

    /// Hours a session lives without use (each use slides it forward).
    #[arg(long, global = true, env = "SESSION_TTL_HOURS", default_value_t = 24 * 14)]
    pub session_ttl_hours: i64,

    /// Mark the session cookie `Secure` (browsers accept it on http://localhost too).
    #[arg(long, global = true, env = "COOKIE_SECURE", default_value_t = true, action = clap::ArgAction::Set)]
    pub cookie_secure: bool,

    /// Failed logins allowed per email in the throttle window.
    #[arg(long, global = true, env = "LOGIN_FAILURES_PER_EMAIL", default_value_t = 5)]
    pub login_failures_per_email: u32,

    /// Login attempts allowed per client IP in the throttle window.
    #[arg(long, global = true, env = "LOGIN_ATTEMPTS_PER_IP", default_value_t = 50)]
    pub login_attempts_per_ip: u32,

    /// Throttle window for logins, in seconds.
    #[arg(long, global = true, env = "LOGIN_WINDOW_SECS", default_value_t = 900)]
    pub login_window_secs: u64,

    /// Run the outbox dispatcher inside `atrium serve` (turn off when `atrium worker` runs separately).
    #[arg(long, global = true, env = "EMBEDDED_WORKER", default_value_t = true, action = clap::ArgAction::Set)]
    pub embedded_worker: bool,

    /// Idle poll interval of the dispatcher in milliseconds (PostgreSQL also wakes on NOTIFY).
    #[arg(long, global = true, env = "DISPATCH_POLL_MS", default_value_t = 500)]
    pub dispatch_poll_ms: u64,

    /// First retry delay of a failed delivery in milliseconds; doubles per failure (with jitter), up to an hour.
    #[arg(long, global = true, env = "DISPATCH_BACKOFF_MS", default_value_t = 1000)]
    pub dispatch_backoff_ms: u64,

    /// Allow webhook URLs that resolve to loopback/private addresses (SSRF guard off).
    #[arg(long, global = true, env = "WEBHOOK_ALLOW_PRIVATE", default_value_t = false, action = clap::ArgAction::Set)]
    pub webhook_allow_private: bool,

    /// Seconds a webhook receiver has to answer.
    #[arg(long, global = true, env = "WEBHOOK_TIMEOUT_SECS", default_value_t = 10)]
    pub webhook_timeout_secs: u64,

    /// Days delivered events are kept (and served by the change feed) before pruning.
    #[arg(long, global = true, env = "OUTBOX_RETENTION_DAYS", default_value_t = 30)]
    pub outbox_retention_days: i64,

    /// Tries before an event delivery becomes a dead letter.
    #[arg(long, global = true, env = "DISPATCH_MAX_ATTEMPTS", default_value_t = 8)]
    pub dispatch_max_attempts: i32,

    /// How many workflow actions deep a chain of events may go: a rule does not
    /// fire on an event that this many workflow runs in a row caused (the run log says so).
    #[arg(long, global = true, env = "WORKFLOW_MAX_DEPTH", default_value_t = 3)]
    pub workflow_max_depth: i32,

    /// Seconds a claimed delivery stays with its worker; after a worker dies, another takes it over then.
    #[arg(long, global = true, env = "DISPATCH_LEASE_SECS", default_value_t = 60)]
    pub dispatch_lease_secs: u64,

    /// How often the worker looks for due scheduled jobs, in milliseconds.
    #[arg(long, global = true, env = "SCHEDULER_POLL_MS", default_value_t = 15_000)]
    pub scheduler_poll_ms: u64,

    /// Seconds a scheduled job's run stays with its worker; after a worker dies
    /// mid-run, the job runs again (elsewhere or after a restart) once it ends.
    #[arg(long, global = true, env = "JOB_LEASE_SECS", default_value_t = 600)]
    pub job_lease_secs: u64,
    /// Seconds a client has to send a complete request head (counted from its first
    /// byte, or from connecting); slower clients are disconnected.
    #[arg(long, global = true, env = "HEADER_READ_TIMEOUT_SECS", default_value_t = 10)]
    pub header_read_timeout_secs: u64,

    /// Seconds an idle keep-alive connection stays open after its last response.
    #[arg(long, global = true, env = "KEEP_ALIVE_TIMEOUT_SECS", default_value_t = 75)]
    pub keep_alive_timeout_secs: u64,

    /// Connections served at once; further ones wait in the listen backlog.
    #[arg(long, global = true, env = "MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,

    /// Serve `/metrics` on its own listener at this address (and not on the API's).
    #[arg(long, global = true, env = "METRICS_BIND_ADDR")]
    pub metrics_bind_addr: Option<SocketAddr>,

    /// Require `Authorization: Bearer <token>` on `/metrics`.
    #[arg(long, global = true, env = "METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Seconds a running request holds its Idempotency-Key before a retry may run it again
    /// (default: the request timeout + 5 s).
    #[arg(long, global = true, env = "IDEMPOTENCY_LEASE_SECS")]
    pub idempotency_lease_secs: Option<u64>,

    /// Redis for sessions, rate limits and the query cache (`redis://host:6379/0`).
    /// Unset: in-process equivalents (one replica).
    #[arg(long, global = true, env = "REDIS_URL", hide_env_values = true)]
    pub redis_url: Option<String>,

    /// Prefix of every Redis key Atrium writes, so deployments can share a server.
    #[arg(long, global = true, env = "REDIS_KEY_PREFIX", default_value = "atrium:")]
    pub redis_key_prefix: String,

    /// Milliseconds a Redis call may take before Atrium carries on without it.
    #[arg(long, global = true, env = "REDIS_TIMEOUT_MS", default_value_t = 250)]
    pub redis_timeout_ms: u64,

    /// Seconds a resolved session or API key is served from the session cache
    /// (Redis, or in process), never past the session's expiry. Also the longest a
    /// replica can serve a principal invalidated while it could not reach Redis.
    #[arg(long, global = true, env = "SESSION_CACHE_TTL_SECS", default_value_t = 60)]
    pub session_cache_ttl_secs: u64,

    /// Serve the GET routes domains declare (single resources, first pages of
    /// lists) from the query cache (Redis, or in process).
    #[arg(long, global = true, env = "QUERY_CACHE", default_value_t = true, action = clap::ArgAction::Set)]
    pub query_cache: bool,

    /// Seconds a query cache entry is kept. Writes invalidate at once; this only
    /// bounds memory and how long a replica can serve an answer older than a write
    /// whose invalidation could not reach Redis.
    #[arg(long, global = true, env = "QUERY_CACHE_TTL_SECS", default_value_t = 60)]
    pub query_cache_ttl_secs: u64,

    /// Bytes the in-process query cache may hold (`REDIS_URL` unset).
    #[arg(long, global = true, env = "QUERY_CACHE_MAX_BYTES", default_value_t = 64 * 1024 * 1024)]
    pub query_cache_max_bytes: usize,
    /// Proxies whose `X-Forwarded-For` is believed, comma-separated CIDRs or addresses
    /// (e.g. `10.0.0.0/8,127.0.0.1`). Empty: the peer address is the client.
    #[arg(long, global = true, env = "TRUSTED_PROXIES", value_delimiter = ',', default_value = "")]
    pub trusted_proxies: Vec<String>,

    /// Requests per window to sign-in endpoints (`/api/v1/auth/...`), per client IP and
    /// per principal: `N/60s`, `N/1m`, `N/1h`; `0` or `off` disables the class.
    #[arg(long, global = true, env = "RATE_LIMIT_AUTH", default_value = "600/60s")]
    pub rate_limit_auth: String,

    /// Reads (GET/HEAD) per window, per principal (or per IP when unauthenticated).
    #[arg(long, global = true, env = "RATE_LIMIT_READ", default_value = "100000/60s")]
    pub rate_limit_read: String,

    /// Writes (POST/PATCH/PUT/DELETE) per window, per principal (or per IP when unauthenticated).
    #[arg(long, global = true, env = "RATE_LIMIT_WRITE", default_value = "50000/60s")]
    pub rate_limit_write: String,

    /// CSV imports and exports per window, per principal (or per IP).
    #[arg(long, global = true, env = "RATE_LIMIT_BULK", default_value = "600/60s")]
    pub rate_limit_bulk: String,

    /// Refuse sign-in requests (503) when Redis cannot be asked, instead of letting them through.
    #[arg(long, global = true, env = "RATE_LIMIT_AUTH_FAIL_CLOSED", default_value_t = false, action = clap::ArgAction::Set)]
    pub rate_limit_auth_fail_closed: bool,
    /// Directory of the local blob store, used when `S3_BUCKET` is unset.
    #[arg(long, global = true, env = "BLOB_DIR", default_value = "./data/blobs")]
    pub blob_dir: std::path::PathBuf,

    /// S3 endpoint URL (e.g. `http://127.0.0.1:9000`); unset: AWS's for the region.
    #[arg(long, global = true, env = "S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,

    /// S3 bucket for files; set it to store files in S3 instead of `BLOB_DIR`.
    #[arg(long, global = true, env = "S3_BUCKET")]
    pub s3_bucket: Option<String>,

    /// S3 region.
    #[arg(long, global = true, env = "S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,

    /// S3 access key id.
    #[arg(long, global = true, env = "S3_ACCESS_KEY_ID", default_value = "")]
    pub s3_access_key_id: String,

    /// S3 secret access key.
    #[arg(long, global = true, env = "S3_SECRET_ACCESS_KEY", hide_env_values = true, default_value = "")]
    pub s3_secret_access_key: String,

    /// Path-style S3 URLs (`endpoint/bucket/key`), as MinIO-style servers need.
    #[arg(long, global = true, env = "S3_FORCE_PATH_STYLE", default_value_t = true, action = clap::ArgAction::Set)]
    pub s3_force_path_style: bool,

    /// Largest file accepted, in bytes (413 beyond).
    #[arg(long, global = true, env = "FILE_MAX_BYTES", default_value_t = 100 * 1024 * 1024)]
    pub file_max_bytes: u64,

    /// Seconds a presigned download URL stays valid.
    #[arg(long, global = true, env = "FILE_URL_TTL_SECS", default_value_t = 300)]
    pub file_url_ttl_secs: u64,

    /// How many days back a mailbox's first sync reads (a connection may set its own).
    #[arg(long, global = true, env = "COMMS_SYNC_WINDOW_DAYS", default_value_t = 90)]
    pub comms_sync_window_days: i32,

    /// Largest email imported, in bytes; a larger one is skipped with the reason in the connection's health.
    #[arg(long, global = true, env = "COMMS_MAX_MESSAGE_BYTES", default_value_t = 25 * 1024 * 1024)]
    pub comms_max_message_bytes: u64,

    /// Largest body or attachment part kept, in bytes; a larger one is recorded on the message as skipped.
    #[arg(long, global = true, env = "COMMS_MAX_PART_BYTES", default_value_t = 10 * 1024 * 1024)]
    pub comms_max_part_bytes: u64,

    /// The SMTP server replies and new messages are sent through, as a URL:
    /// `smtps://user:password@smtp.example.com` (implicit TLS), `smtp://user:password@host:587?tls=required`
    /// (STARTTLS) or `smtp://127.0.0.1:2525` (plaintext, loopback only). Unset: messages wait as `retrying`.
    #[arg(long, global = true, env = "COMMS_SMTP_URL", hide_env_values = true)]
    pub comms_smtp_url: Option<String>,

    /// Send overdue-invoice reminders as soon as revenue drafts them, instead of
    /// leaving them as draft messages to review and send (`POST /api/v1/messages/{id}/send`).
    #[arg(long, global = true, env = "COMMS_AUTO_SEND_REMINDERS", default_value_t = false)]
    pub comms_auto_send_reminders: bool,

    /// Allow IMAP hosts on loopback or private networks (refused by default: a
    /// mailbox connection must not reach into the operator's network).
    #[arg(long, global = true, env = "COMMS_ALLOW_PRIVATE_HOSTS", default_value_t = false, action = clap::ArgAction::Set)]
    pub comms_allow_private_hosts: bool,

    /// Seconds a worker holds a mailbox connection without renewing its lease (it
    /// renews at each message); after a worker dies mid-sync, the next run continues then.
    #[arg(long, global = true, env = "COMMS_SYNC_LEASE_SECS", default_value_t = 600)]
    pub comms_sync_lease_secs: u64,

    /// Gmail's OAuth client id (Google Cloud console); with the secret, Gmail
    /// mailboxes can be connected (`POST /api/v1/mailbox-connections/oauth/start`).
    #[arg(long, global = true, env = "COMMS_GMAIL_CLIENT_ID")]
    pub comms_gmail_client_id: Option<String>,

    #[arg(long, global = true, env = "COMMS_GMAIL_CLIENT_SECRET", hide_env_values = true)]
    pub comms_gmail_client_secret: Option<String>,

    /// Google's authorization endpoint (the browser is sent there).
    #[arg(
        long,
        global = true,
        env = "COMMS_GMAIL_AUTH_URL",
        default_value = "https://accounts.google.com/o/oauth2/v2/auth"
    )]
    pub comms_gmail_auth_url: String,

    /// Google's token endpoint (codes and refresh tokens are exchanged there).
    #[arg(long, global = true, env = "COMMS_GMAIL_TOKEN_URL", default_value = "https://oauth2.googleapis.com/token")]
    pub comms_gmail_token_url: String,

    /// The Gmail API root.
    #[arg(long, global = true, env = "COMMS_GMAIL_API_URL", default_value = "https://gmail.googleapis.com")]
    pub comms_gmail_api_url: String,

    /// Microsoft's OAuth client id (Entra app registration); with the secret,
    /// Microsoft 365 / Outlook mailboxes can be connected and synced over Graph.
    #[arg(long, global = true, env = "COMMS_MICROSOFT_CLIENT_ID")]
    pub comms_microsoft_client_id: Option<String>,

    #[arg(long, global = true, env = "COMMS_MICROSOFT_CLIENT_SECRET", hide_env_values = true)]
    pub comms_microsoft_client_secret: Option<String>,

    /// The Microsoft identity platform's authorization endpoint.
    #[arg(
        long,
        global = true,
        env = "COMMS_MICROSOFT_AUTH_URL",
        default_value = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
    )]
    pub comms_microsoft_auth_url: String,

    /// The Microsoft identity platform's token endpoint.
    #[arg(
        long,
        global = true,
        env = "COMMS_MICROSOFT_TOKEN_URL",
        default_value = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    )]
    pub comms_microsoft_token_url: String,

    /// The Microsoft Graph root.
    #[arg(long, global = true, env = "COMMS_MICROSOFT_API_URL", default_value = "https://graph.microsoft.com")]
    pub comms_microsoft_api_url: String,

    /// Atrium's public base URL as the mail providers return the browser to it:
    /// `{base}/api/v1/mailbox-connections/oauth/callback` is the redirect URI to register.
    #[arg(long, global = true, env = "COMMS_OAUTH_REDIRECT_BASE", default_value = "http://127.0.0.1:8080")]
    pub comms_oauth_redirect_base: String,
    /// Minutes a client portal sign-in link stays valid (it also works only once).
    #[arg(long, global = true, env = "PORTAL_LINK_TTL_MINUTES", default_value_t = 30)]
    pub portal_link_ttl_minutes: i64,

    /// Minutes a client portal session lasts from sign-in (never past its grant's expiry).
    #[arg(long, global = true, env = "PORTAL_SESSION_TTL_MINUTES", default_value_t = 480)]
    pub portal_session_ttl_minutes: i64,

    /// The public base URL client portal sign-in links start with (`<base>/portal/sign-in?token=…`).
    #[arg(long, global = true, env = "PORTAL_BASE_URL", default_value = "http://127.0.0.1:8080")]
    pub portal_base_url: String,

    /// Single sign-on providers, a JSON object: `{"google": {"issuer": "https://accounts.google.com",
    /// "client_id": "…", "client_secret": "…"}}`. Each is signed in with at
    /// `/api/v1/auth/oidc/<name>/start`. Unset: none.
    #[arg(long, global = true, env = "OIDC_PROVIDERS", hide_env_values = true)]
    pub oidc_providers: Option<String>,

    /// This server's public base URL (e.g. `https://atrium.example.com`): the OIDC callback is
    /// `<base>/api/v1/auth/oidc/<name>/callback`, registered at each provider. Required with OIDC_PROVIDERS.
    #[arg(long, global = true, env = "OIDC_REDIRECT_BASE")]
    pub oidc_redirect_base: Option<String>,

    /// Days a deleted file stays restorable before the collector purges it.
    #[arg(long, global = true, env = "FILE_RETENTION_DAYS", default_value_t = 30)]
    pub file_retention_days: i64,

    /// QuickBooks Online OAuth client id (ledger sync); unset: QuickBooks Online cannot be connected.
    #[arg(long, global = true, env = "QBO_CLIENT_ID")]
    pub qbo_client_id: Option<String>,

    /// QuickBooks Online OAuth client secret.
    #[arg(long, global = true, env = "QBO_CLIENT_SECRET", hide_env_values = true)]
    pub qbo_client_secret: Option<String>,

    /// QuickBooks Online authorization page (default: the provider's production URL).
    #[arg(long, global = true, env = "QBO_AUTHORIZE_URL")]
    pub qbo_authorize_url: Option<String>,

    /// QuickBooks Online OAuth token endpoint (default: the provider's production URL).
    #[arg(long, global = true, env = "QBO_TOKEN_URL")]
    pub qbo_token_url: Option<String>,

    /// QuickBooks Online API root (default: the provider's production URL).
    #[arg(long, global = true, env = "QBO_API_BASE")]
    pub qbo_api_base: Option<String>,

    /// Xero OAuth client id (ledger sync); unset: Xero cannot be connected.
    #[arg(long, global = true, env = "XERO_CLIENT_ID")]
    pub xero_client_id: Option<String>,

    /// Xero OAuth client secret.
    #[arg(long, global = true, env = "XERO_CLIENT_SECRET", hide_env_values = true)]
    pub xero_client_secret: Option<String>,

    /// Xero authorization page (default: the provider's production URL).
    #[arg(long, global = true, env = "XERO_AUTHORIZE_URL")]
    pub xero_authorize_url: Option<String>,

    /// Xero OAuth token endpoint (default: the provider's production URL).
    #[arg(long, global = true, env = "XERO_TOKEN_URL")]
    pub xero_token_url: Option<String>,

    /// Xero API root (default: the provider's production URL).
    #[arg(long, global = true, env = "XERO_API_BASE")]
    pub xero_api_base: Option<String>,

    /// This server's public base URL for the ledger OAuth callback
    /// (`<base>/api/v1/ledger/callback/<provider>`, registered at each provider).
    #[arg(long, global = true, env = "LEDGER_REDIRECT_BASE", default_value = "http://127.0.0.1:8080")]
    pub ledger_redirect_base: String,

    /// Longest `Retry-After` (seconds) a ledger sync waits out before reporting the record as rate limited.
    #[arg(long, global = true, env = "LEDGER_MAX_RETRY_AFTER_SECS", default_value_t = 60)]
    pub ledger_max_retry_after_secs: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: DEFAULT_DATABASE_URL.to_owned(),
            database_max_connections: 10,
            bind_addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            secret: None,
            vault_keys: None,
            log_format: LogFormat::Text,
            cors_allowed_origins: Vec::new(),
            request_timeout_secs: 30,
            upload_idle_timeout_secs: 30,
            body_limit_bytes: 1024 * 1024,
            session_ttl_hours: 24 * 14,
            cookie_secure: true,
            login_failures_per_email: 5,
            login_attempts_per_ip: 50,
            login_window_secs: 900,
            embedded_worker: true,
            dispatch_poll_ms: 500,
            dispatch_max_attempts: 8,
            workflow_max_depth: 3,
            dispatch_lease_secs: 60,
            scheduler_poll_ms: 15_000,
            job_lease_secs: 600,
            dispatch_backoff_ms: 1000,
            webhook_allow_private: false,
            outbox_retention_days: 30,
            webhook_timeout_secs: 10,
            header_read_timeout_secs: 10,
            keep_alive_timeout_secs: 75,
            max_connections: 1024,
            metrics_bind_addr: None,
            metrics_token: None,
            idempotency_lease_secs: None,
            redis_url: None,
            comms_sync_window_days: 90,
            comms_max_message_bytes: 25 * 1024 * 1024,
            comms_max_part_bytes: 10 * 1024 * 1024,
            comms_smtp_url: None,
            comms_auto_send_reminders: false,
            comms_allow_private_hosts: false,
            comms_sync_lease_secs: 600,
            comms_gmail_client_id: None,
            comms_gmail_client_secret: None,
            comms_gmail_auth_url: "https://accounts.google.com/o/oauth2/v2/auth".to_owned(),
            comms_gmail_token_url: "https://oauth2.googleapis.com/token".to_owned(),
            comms_gmail_api_url: "https://gmail.googleapis.com".to_owned(),
            comms_microsoft_client_id: None,
            comms_microsoft_client_secret: None,
            comms_microsoft_auth_url: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize".to_owned(),
            comms_microsoft_token_url: "https://login.microsoftonline.com/common/oauth2/v2.0/token".to_owned(),
            comms_microsoft_api_url: "https://graph.microsoft.com".to_owned(),
            comms_oauth_redirect_base: "http://127.0.0.1:8080".to_owned(),
            portal_link_ttl_minutes: 30,
            portal_session_ttl_minutes: 480,
            portal_base_url: "http://127.0.0.1:8080".to_owned(),
            redis_key_prefix: "atrium:".to_owned(),
            redis_timeout_ms: 250,
            session_cache_ttl_secs: 60,
            query_cache: true,
            query_cache_ttl_secs: 60,
            query_cache_max_bytes: 64 * 1024 * 1024,
            trusted_proxies: Vec::new(),
            rate_limit_auth: "600/60s".to_owned(),
            rate_limit_read: "100000/60s".to_owned(),
            rate_limit_write: "50000/60s".to_owned(),
            rate_limit_bulk: "600/60s".to_owned(),
            rate_limit_auth_fail_closed: false,
            blob_dir: "./data/blobs".into(),
            s3_endpoint: None,
            s3_bucket: None,
            s3_region: "us-east-1".into(),
            s3_access_key_id: String::new(),
            s3_secret_access_key: String::new(),
            s3_force_path_style: true,
            file_max_bytes: 100 * 1024 * 1024,
            file_url_ttl_secs: 300,
            file_retention_days: 30,
            oidc_providers: None,
            oidc_redirect_base: None,
            qbo_client_id: None,
            qbo_client_secret: None,
            qbo_authorize_url: None,
            qbo_token_url: None,
            qbo_api_base: None,
            xero_client_id: None,
            xero_client_secret: None,
            xero_authorize_url: None,
            xero_token_url: None,
            xero_api_base: None,
            ledger_redirect_base: "http://127.0.0.1:8080".to_owned(),
            ledger_max_retry_after_secs: 60,
        }
    }
}

impl Config {
    pub fn secret_bytes(&self) -> Vec<u8> {
        match &self.secret {
            Some(s) if !s.is_empty() => s.as_bytes().to_vec(),
            _ => DEV_SECRET.as_bytes().to_vec(),
        }
    }

    /// The vault's key ring (`ATRIUM_VAULT_KEYS`, or derived from the secret).
    pub fn key_ring(&self) -> Result<atrium_kernel::vault::KeyRing, atrium_kernel::vault::KeyRingError> {
        atrium_kernel::vault::KeyRing::from_config(self.vault_keys.as_deref(), &self.secret_bytes())
    }

    pub fn uses_dev_secret(&self) -> bool {
        self.secret.as_deref().is_none_or(str::is_empty)
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }

    pub fn timeouts(&self) -> crate::timeouts::Timeouts {
        crate::timeouts::Timeouts {
            total: self.request_timeout(),
            idle: Duration::from_secs(self.upload_idle_timeout_secs.max(1)),
        }
    }

    pub fn conn_limits(&self) -> crate::server::ConnLimits {
        crate::server::ConnLimits {
            header_read_timeout: Duration::from_secs(self.header_read_timeout_secs.max(1)),
            keep_alive_timeout: Duration::from_secs(self.keep_alive_timeout_secs.max(1)),
            max_connections: self.max_connections.max(1),
            shutdown_grace: self.request_timeout() + Duration::from_secs(5),
        }
    }

    /// How long a running request holds its Idempotency-Key: a little longer than
    /// the request timeout, after which the request cannot be running any more.
    pub fn idempotency_lease(&self) -> Duration {
        Duration::from_secs(self.idempotency_lease_secs.unwrap_or(self.request_timeout_secs + 5))
    }

    /// Where files are stored: S3 when `S3_BUCKET` is set, else `BLOB_DIR`.
    pub fn storage(&self) -> atrium_files::Storage {
        match self.s3_bucket.as_deref().filter(|b| !b.is_empty()) {
            Some(bucket) => atrium_files::Storage::S3(atrium_files::S3Settings {
                endpoint: self.s3_endpoint.clone().filter(|e| !e.is_empty()),
                bucket: bucket.to_owned(),
                region: self.s3_region.clone(),
                access_key_id: self.s3_access_key_id.clone(),
                secret_access_key: self.s3_secret_access_key.clone(),
                force_path_style: self.s3_force_path_style,
            }),
            None => atrium_files::Storage::Local(self.blob_dir.clone()),
        }
    }

    pub fn files(&self) -> atrium_files::FilesConfig {
        atrium_files::FilesConfig {
            max_bytes: self.file_max_bytes,
            url_ttl: Duration::from_secs(self.file_url_ttl_secs.max(1)),
            retention: chrono::Duration::days(self.file_retention_days.max(0)),
            ..atrium_files::FilesConfig::default()
        }
    }

    pub fn comms(&self) -> atrium_comms::CommsConfig {
        atrium_comms::CommsConfig {
            default_window_days: self.comms_sync_window_days.clamp(1, 3650),
            max_message_bytes: self.comms_max_message_bytes,
            max_part_bytes: self.comms_max_part_bytes,
            smtp_url: self.comms_smtp_url.clone(),
            auto_send_reminders: self.comms_auto_send_reminders,
            gmail: match (&self.comms_gmail_client_id, &self.comms_gmail_client_secret) {
                (Some(id), Some(secret)) => Some(atrium_comms::OAuthProvider {
                    client_id: id.clone(),
                    client_secret: secret.clone(),
                    auth_url: self.comms_gmail_auth_url.clone(),
                    token_url: self.comms_gmail_token_url.clone(),
                    api_base: self.comms_gmail_api_url.clone(),
                }),
                _ => None,
            },
            microsoft: match (&self.comms_microsoft_client_id, &self.comms_microsoft_client_secret) {
                (Some(id), Some(secret)) => Some(atrium_comms::OAuthProvider {
                    client_id: id.clone(),
                    client_secret: secret.clone(),
                    auth_url: self.comms_microsoft_auth_url.clone(),
                    token_url: self.comms_microsoft_token_url.clone(),
                    api_base: self.comms_microsoft_api_url.clone(),
                }),
                _ => None,
            },
            oauth_redirect_base: self.comms_oauth_redirect_base.clone(),
            lease: chrono::Duration::seconds(i64::try_from(self.comms_sync_lease_secs.clamp(1, 86_400)).unwrap_or(600)),
            ..atrium_comms::CommsConfig::default()
        }
    }

    pub fn portal(&self) -> atrium_portal::PortalConfig {
        atrium_portal::PortalConfig {
            link_ttl: chrono::Duration::minutes(self.portal_link_ttl_minutes.clamp(1, 7 * 24 * 60)),
            session_ttl: chrono::Duration::minutes(self.portal_session_ttl_minutes.clamp(1, 30 * 24 * 60)),
            base_url: self.portal_base_url.clone(),
        }
    }

    /// Ledger sync: each provider whose client id and secret are set, at its
    /// production endpoints unless overridden.
    pub fn ledger(&self) -> atrium_revenue::LedgerConfig {
        use atrium_revenue::{Provider, ProviderConfig};
        let provider = |p: Provider, id: &Option<String>, secret: &Option<String>, urls: [&Option<String>; 3]| {
            let (id, secret) = (id.clone()?, secret.clone()?);
            let mut cfg = ProviderConfig::production(p, id, secret);
            if let Some(u) = urls[0] {
                cfg.authorize_url = u.clone();
            }
            if let Some(u) = urls[1] {
                cfg.token_url = u.clone();
            }
            if let Some(u) = urls[2] {
                cfg.api_base = u.clone();
            }
            Some(cfg)
        };
        atrium_revenue::LedgerConfig {
            quickbooks: provider(
                Provider::Quickbooks,
                &self.qbo_client_id,
                &self.qbo_client_secret,
                [&self.qbo_authorize_url, &self.qbo_token_url, &self.qbo_api_base],
            ),
            xero: provider(
                Provider::Xero,
                &self.xero_client_id,
                &self.xero_client_secret,
                [&self.xero_authorize_url, &self.xero_token_url, &self.xero_api_base],
            ),
            redirect_base: self.ledger_redirect_base.clone(),
            max_retry_after: Duration::from_secs(self.ledger_max_retry_after_secs),
        }
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}
