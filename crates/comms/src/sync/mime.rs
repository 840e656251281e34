//! One RFC 5322 message, parsed by `mail-parser` into what a message row keeps:
//! addresses, threading headers, the text body, the HTML body sanitized by
//! `ammonia`, the attachments (kept through the files domain), and the parts not
//! kept (with why).

use chrono::{DateTime, TimeZone, Utc};
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders};
use sha2::{Digest, Sha256};

use crate::dto::{AddressOut, AttachmentOut, AttachmentStatus, SkippedPartOut};

/// The longest subject or address kept (the columns' sizes).
pub(crate) const MAX_HEADER_CHARS: usize = 998;
pub(crate) const MAX_ADDRESS_CHARS: usize = 320;

#[derive(Debug, Clone)]
pub struct ParsedMessage {
    /// Without angle brackets; synthesized from the content's hash when missing,
    /// so a message without one is still imported once.
    pub message_id: String,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    pub from: AddressOut,
    pub to: Vec<AddressOut>,
    pub cc: Vec<AddressOut>,
    pub bcc: Vec<AddressOut>,
    pub subject: String,
    pub sent_at: Option<DateTime<Utc>>,
    pub body_text: String,
    pub body_html: Option<String>,
    pub attachments: Vec<AttachmentOut>,
    /// The bytes of each of `attachments`, in order.
    pub attachment_bytes: Vec<Vec<u8>>,
    pub skipped: Vec<SkippedPartOut>,
}

impl ParsedMessage {
    /// Lower-case addresses of sender and recipients, sorted, without duplicates.
    pub fn participants(&self) -> Vec<String> {
        let mut all: Vec<String> = std::iter::once(&self.from)
            .chain(&self.to)
            .chain(&self.cc)
            .chain(&self.bcc)
            .map(|a| a.address.clone())
            .filter(|a| !a.is_empty())
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

/// Text a database column can hold: no NUL (PostgreSQL refuses it), at most `max` characters.
pub(crate) fn clean(s: &str, max: usize) -> String {
    s.chars().filter(|c| *c != '\0').take(max).collect()
}

fn id_of(raw: &str) -> Option<String> {
    let id = clean(raw.trim().trim_start_matches('<').trim_end_matches('>').trim(), MAX_HEADER_CHARS);
    (!id.is_empty()).then_some(id)
}

fn ids_of(v: &HeaderValue<'_>) -> Vec<String> {
    match v {
        HeaderValue::Text(t) => t.split_whitespace().filter_map(id_of).collect(),
        HeaderValue::TextList(list) => list.iter().filter_map(|t| id_of(t)).collect(),
        _ => Vec::new(),
    }
}

fn addresses(a: Option<&Address<'_>>) -> Vec<AddressOut> {
    let Some(a) = a else { return Vec::new() };
    a.iter()
        .filter_map(|addr| {
            let address = clean(addr.address()?.trim(), MAX_ADDRESS_CHARS).to_lowercase();
            (!address.is_empty()).then(|| AddressOut {
                address,
                name: addr.name().map(|n| clean(n.trim(), MAX_HEADER_CHARS)).filter(|n| !n.is_empty()),
            })
        })
        .collect()
}

/// Subjects compared for threading: reply and forward prefixes off, lower-case,
/// whitespace collapsed.
pub fn normalize_subject(subject: &str) -> String {
    let mut s = subject.trim().to_lowercase();
    loop {
        let before = s.len();
        for prefix in ["re:", "fw:", "fwd:", "aw:", "wg:", "sv:", "vs:", "antw:", "réf:", "tr:"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.trim_start().to_owned();
            }
        }
        // `[list] Re: …` style tags stay: they tell lists apart.
        if s.len() == before {
            break;
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `None` when nothing in the bytes reads as a message at all.
pub fn parse(raw: &[u8], max_part_bytes: u64) -> Option<ParsedMessage> {
    let msg = MessageParser::default().parse(raw)?;
    if msg.headers().is_empty() {
        return None;
    }
    let message_id = msg.message_id().and_then(id_of).unwrap_or_else(|| {
        let digest = Sha256::digest(raw);
        format!("{}@atrium.invalid", hex::encode(&digest[..16]))
    });
    let mut skipped = Vec::new();
    let too_big = |len: usize| len as u64 > max_part_bytes;
    let reason = format!("larger than the {max_part_bytes} bytes allowed for a part");

    let body_text = match msg.text_part(0) {
        Some(part) if too_big(part.len()) => {
            skipped.push(SkippedPartOut {
                part: "text".into(),
                media_type: media_type(part),
                size: part.len() as u64,
                reason: reason.clone(),
            });
            String::new()
        }
        Some(_) => msg.body_text(0).map(|t| clean(&t, usize::MAX)).unwrap_or_default(),
        None => String::new(),
    };
    let body_html = match msg.html_part(0) {
        Some(part) if part.is_text_html() && too_big(part.len()) => {
            skipped.push(SkippedPartOut {
                part: "html".into(),
                media_type: media_type(part),
                size: part.len() as u64,
                reason: reason.clone(),
            });
            None
        }
        Some(part) if part.is_text_html() => msg.body_html(0).map(|h| clean(&ammonia::clean(&h), usize::MAX)),
        _ => None,
    };
    let mut attachments = Vec::new();
    let mut attachment_bytes = Vec::new();
    for part in msg.attachments() {
        let size = part.len() as u64;
        if too_big(part.len()) {
            skipped.push(SkippedPartOut {
                part: "attachment".into(),
                media_type: media_type(part),
                size,
                reason: reason.clone(),
            });
        } else {
            attachments.push(AttachmentOut {
                filename: part.attachment_name().map(|n| clean(n, MAX_HEADER_CHARS)),
                media_type: media_type(part),
                size,
                status: AttachmentStatus::Pending,
                file_id: None,
                reason: None,
            });
            attachment_bytes.push(part.contents().to_vec());
        }
    }
    let sent_at = msg
        .date()
        .and_then(|d| Utc.timestamp_opt(d.to_timestamp(), 0).single())
        .filter(|d| (1971..=2200).contains(&chrono::Datelike::year(d)));
    Some(ParsedMessage {
        message_id,
        in_reply_to: ids_of(msg.in_reply_to()).into_iter().next(),
        references: ids_of(msg.references()),
        from: addresses(msg.from()).into_iter().next().unwrap_or(AddressOut { address: String::new(), name: None }),
        to: addresses(msg.to()),
        cc: addresses(msg.cc()),
        bcc: addresses(msg.bcc()),
        subject: clean(msg.subject().unwrap_or_default().trim(), MAX_HEADER_CHARS),
        sent_at,
        body_text,
        body_html,
        attachments,
        attachment_bytes,
        skipped,
    })
}

fn media_type(part: &mail_parser::MessagePart<'_>) -> String {
    match part.content_type() {
        Some(ct) => match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub).to_lowercase(),
            None => ct.ctype().to_lowercase(),
        },
        None => "text/plain".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_normalize_for_threading() {
        assert_eq!(normalize_subject("Re: RE: Fwd:  Kick-off   next week"), "kick-off next week");
        assert_eq!(normalize_subject("AW: Angebot"), "angebot");
        assert_eq!(normalize_subject("Budget"), "budget");
    }

    #[test]
    fn html_is_sanitized_and_ids_are_bare() {
        let raw =
            b"From: Eve <EVE@evil.example>\r\nTo: ada@example.com\r\nSubject: hi\r\nMessage-ID: <x1@evil.example>\r\n\
References: <a@x> <b@x>\r\nContent-Type: text/html\r\n\r\n<p onclick=\"steal()\">Hi<script>alert(1)</script>\
<a href=\"javascript:alert(2)\">click</a></p>\r\n";
        let m = parse(raw, 1 << 20).expect("parses");
        assert_eq!(m.message_id, "x1@evil.example");
        assert_eq!(m.references, vec!["a@x".to_owned(), "b@x".to_owned()]);
        assert_eq!(m.from.address, "eve@evil.example");
        let html = m.body_html.expect("html");
        assert!(!html.contains("script") && !html.contains("javascript:") && !html.contains("onclick"), "{html}");
        assert!(html.contains("click"), "{html}");
    }
}
