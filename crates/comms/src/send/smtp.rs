//! One message over SMTP with `lettre` (tokio, rustls): the stored row becomes
//! an RFC 5322 message with its fixed `Message-ID`, `In-Reply-To` and `References`.

use std::time::SystemTime;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::dto::AddressOut;
use crate::entity::message;
use crate::service::CommsConfig;

/// Why a send did not happen. A permanent failure is not retried.
#[derive(Debug)]
pub(crate) struct SendFailure {
    pub permanent: bool,
    pub reason: String,
}

impl SendFailure {
    pub(crate) fn permanent(reason: impl Into<String>) -> Self {
        Self { permanent: true, reason: reason.into() }
    }

    pub(crate) fn transient(reason: impl Into<String>) -> Self {
        Self { permanent: false, reason: reason.into() }
    }
}

fn mailbox(a: &AddressOut) -> Result<Mailbox, SendFailure> {
    let address = a.address.parse().map_err(|e| SendFailure::permanent(format!("address {}: {e}", a.address)))?;
    Ok(Mailbox::new(a.name.clone(), address))
}

fn list(v: &serde_json::Value) -> Result<Vec<AddressOut>, SendFailure> {
    serde_json::from_value(v.clone()).map_err(|e| SendFailure::permanent(format!("stored addresses: {e}")))
}

/// The message as it goes on the wire. `keep_bcc`: a provider API reads the
/// recipients from the headers (SMTP takes them from the envelope instead).
pub(crate) fn build(m: &message::Model, keep_bcc: bool) -> Result<Message, SendFailure> {
    let from = AddressOut { address: m.from_address.clone(), name: m.from_name.clone() };
    let mut b = Message::builder()
        .from(mailbox(&from)?)
        .subject(m.subject.clone())
        .message_id(Some(format!("<{}>", m.message_id_header)))
        .date(SystemTime::from(m.sent_at));
    if keep_bcc {
        b = b.keep_bcc();
    }
    for a in list(&m.to_addresses)? {
        b = b.to(mailbox(&a)?);
    }
    for a in list(&m.cc_addresses)? {
        b = b.cc(mailbox(&a)?);
    }
    for a in list(&m.bcc_addresses)? {
        b = b.bcc(mailbox(&a)?);
    }
    if let Some(r) = &m.in_reply_to {
        b = b.in_reply_to(format!("<{r}>"));
    }
    let refs: Vec<String> = serde_json::from_value(m.references.clone()).unwrap_or_default();
    if !refs.is_empty() {
        b = b.references(refs.iter().map(|r| format!("<{r}>")).collect::<Vec<_>>().join(" "));
    }
    let built = match &m.body_html {
        Some(html) => b.multipart(MultiPart::alternative_plain_html(m.body_text.clone(), html.clone())),
        None => b.singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(m.body_text.clone())),
    };
    built.map_err(|e| SendFailure::permanent(format!("the message cannot be built: {e}")))
}

/// Sends through the configured server (`COMMS_SMTP_URL`).
pub(crate) async fn send(cfg: &CommsConfig, email: Message) -> Result<(), SendFailure> {
    let Some(url) = cfg.smtp_url.as_deref() else {
        return Err(SendFailure::transient("no SMTP server is configured (COMMS_SMTP_URL)"));
    };
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map_err(|e| SendFailure::transient(format!("COMMS_SMTP_URL: {e}")))?
        .timeout(Some(cfg.smtp_timeout))
        .build();
    match transport.send(email).await {
        Ok(_) => Ok(()),
        Err(e) if e.is_permanent() => Err(SendFailure::permanent(format!("the SMTP server refused it: {e}"))),
        Err(e) => Err(SendFailure::transient(format!("SMTP: {e}"))),
    }
}
