//! Inbound booking webhooks, without I/O: the providers' signatures over the raw
//! body (checked before anything is parsed) and their payloads reduced to one
//! booking, or to "not a booking" for the events the integration does not act on.
//!
//! - Cal.com: `X-Cal-Signature-256: <hex HMAC-SHA256(secret, body)>`, acts on
//!   `triggerEvent: BOOKING_CREATED`.
//! - Calendly: `Calendly-Webhook-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret,
//!   "<t>.<body>")>`, acts on `event: invitee.created`; a `t` more than
//!   [`TOLERANCE_SECS`] from now is refused, so a captured delivery cannot be replayed later.

use atrium_events::workflow::BookingProvider;
use atrium_kernel::text::text_problem;
use atrium_kernel::{AppError, Email, FieldError};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

/// Cal.com's signature header.
pub const CAL_SIGNATURE: &str = "x-cal-signature-256";
/// Calendly's signature header.
pub const CALENDLY_SIGNATURE: &str = "calendly-webhook-signature";
/// How far a Calendly signature's `t` may be from now.
pub const TOLERANCE_SECS: i64 = 300;
/// The longest provider booking id kept (a Calendly invitee URI is ~100).
pub const MAX_UID: usize = 500;

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &str) -> HmacSha256 {
    HmacSha256::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!("hmac takes any key length"))
}

/// The header `provider` signs its deliveries in.
pub fn signature_header(provider: BookingProvider) -> &'static str {
    match provider {
        BookingProvider::CalCom => CAL_SIGNATURE,
        BookingProvider::Calendly => CALENDLY_SIGNATURE,
    }
}

/// Whether `header` (the value of [`signature_header`]) signs `body` under
/// `secret`; compared in constant time.
pub fn verify(provider: BookingProvider, secret: &str, header: &str, body: &[u8], now: DateTime<Utc>) -> bool {
    match provider {
        BookingProvider::CalCom => hex::decode(header.trim()).is_ok_and(|given| {
            let mut m = mac(secret);
            m.update(body);
            m.verify_slice(&given).is_ok()
        }),
        BookingProvider::Calendly => verify_calendly(secret, header, body, now),
    }
}

fn verify_calendly(secret: &str, header: &str, body: &[u8], now: DateTime<Utc>) -> bool {
    let mut t = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = Some(v),
            Some(("v1", v)) => signatures.push(v),
            _ => {}
        }
    }
    let Some(t) = t else { return false };
    let fresh = t.parse::<i64>().is_ok_and(|at| (now.timestamp() - at).abs() <= TOLERANCE_SECS);
    fresh
        && signatures.iter().any(|s| {
            hex::decode(s).is_ok_and(|given| {
                let mut m = mac(secret);
                m.update(t.as_bytes());
                m.update(b".");
                m.update(body);
                m.verify_slice(&given).is_ok()
            })
        })
}

/// Cal.com's signature of `body` (what a test sender puts in the header).
pub fn sign_cal_com(secret: &str, body: &[u8]) -> String {
    let mut m = mac(secret);
    m.update(body);
    hex::encode(m.finalize().into_bytes())
}

/// Calendly's signature header of `body` sent at unix time `t`.
pub fn sign_calendly(secret: &str, t: i64, body: &[u8]) -> String {
    let mut m = mac(secret);
    m.update(t.to_string().as_bytes());
    m.update(b".");
    m.update(body);
    format!("t={t},v1={}", hex::encode(m.finalize().into_bytes()))
}

/// A booked appointment, as either provider describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Booking {
    /// The provider's id of the booking (Cal.com `uid`, Calendly invitee `uri`).
    pub uid: String,
    pub email: Email,
    pub name: Option<String>,
    pub title: Option<String>,
    pub start_time: Option<DateTime<Utc>>,
}

/// What a signed delivery says.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    Booked(Booking),
    /// An event the integration does not act on (its trigger name).
    NotABooking(String),
}

/// Whether `body` is JSON at all (syntax only, nothing interpreted): a 400 when
/// it is not.
pub fn well_formed(body: &[u8]) -> Result<(), AppError> {
    serde_json::from_slice::<serde::de::IgnoredAny>(body)
        .map(|_| ())
        .map_err(|e| AppError::BadRequest(format!("malformed JSON: {e}")))
}

/// Reads a signed delivery: malformed JSON is a 400, a booking without what it
/// needs a 422 naming the field (`payload.attendees[0].email`).
pub fn parse(provider: BookingProvider, body: &[u8]) -> Result<Delivery, AppError> {
    let doc: Value = serde_json::from_slice(body).map_err(|e| AppError::BadRequest(format!("malformed JSON: {e}")))?;
    let mut f = Fields { doc: &doc, errors: Vec::new() };
    let delivery = match provider {
        BookingProvider::CalCom => cal_com(&mut f),
        BookingProvider::Calendly => calendly(&mut f),
    };
    match delivery {
        Some(d) if f.errors.is_empty() => Ok(d),
        _ => Err(AppError::Validation(f.errors)),
    }
}

fn cal_com(f: &mut Fields<'_>) -> Option<Delivery> {
    let trigger = f.required("triggerEvent", 100)?;
    if trigger != "BOOKING_CREATED" {
        return Some(Delivery::NotABooking(trigger));
    }
    let uid = f.required("payload.uid", MAX_UID);
    let attendee = "payload.attendees[0]";
    if !f.at(attendee).is_some_and(Value::is_object) {
        f.errors.push(FieldError::new("payload.attendees", "must list the attendee who booked"));
    }
    let email = f.email(&format!("{attendee}.email"));
    let name = f.optional(&format!("{attendee}.name"), 200);
    let title = f.optional("payload.title", 500);
    let start_time = f.time("payload.startTime");
    Some(Delivery::Booked(Booking { uid: uid?, email: email?, name, title, start_time }))
}

fn calendly(f: &mut Fields<'_>) -> Option<Delivery> {
    let event = f.required("event", 100)?;
    if event != "invitee.created" {
        return Some(Delivery::NotABooking(event));
    }
    let uid = f.required("payload.uri", MAX_UID);
    let email = f.email("payload.email");
    let name = f.optional("payload.name", 200);
    let title = f.optional("payload.scheduled_event.name", 500);
    let start_time = f.time("payload.scheduled_event.start_time");
    Some(Delivery::Booked(Booking { uid: uid?, email: email?, name, title, start_time }))
}

/// Reads fields by their dotted path, collecting an error per bad one.
struct Fields<'a> {
    doc: &'a Value,
    errors: Vec<FieldError>,
}

impl<'a> Fields<'a> {
    /// `payload.attendees[0].email` in the document.
    fn at(&self, path: &str) -> Option<&'a Value> {
        let mut v = self.doc;
        for part in path.split('.') {
            let (key, index) = match part.split_once('[') {
                Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            v = v.get(key)?;
            if let Some(i) = index {
                v = v.get(i)?;
            }
        }
        Some(v)
    }

    fn text(&mut self, path: &str, max: usize, required: bool) -> Option<String> {
        match self.at(path) {
            Some(Value::String(s)) => match text_problem(s.trim(), 1, max) {
                None => Some(s.trim().to_owned()),
                Some(_) if !required && s.trim().is_empty() => None,
                Some(problem) => {
                    self.errors.push(FieldError::new(path, problem));
                    None
                }
            },
            None | Some(Value::Null) if !required => None,
            None | Some(Value::Null) => {
                self.errors.push(FieldError::new(path, "is required"));
                None
            }
            Some(_) => {
                self.errors.push(FieldError::new(path, "must be a string"));
                None
            }
        }
    }

    fn required(&mut self, path: &str, max: usize) -> Option<String> {
        self.text(path, max, true)
    }

    fn optional(&mut self, path: &str, max: usize) -> Option<String> {
        self.text(path, max, false)
    }

    fn email(&mut self, path: &str) -> Option<Email> {
        let raw = self.required(path, Email::MAX)?;
        Email::parse(&raw).map_err(|e| self.errors.push(FieldError::new(path, e))).ok()
    }

    fn time(&mut self, path: &str) -> Option<DateTime<Utc>> {
        let raw = self.optional(path, 64)?;
        DateTime::parse_from_rfc3339(&raw)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| self.errors.push(FieldError::new(path, "must be an RFC 3339 date-time")))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_765_000_000, 0).expect("time")
    }

    #[test]
    fn cal_com_signature_matches_an_independent_vector() {
        // HMAC-SHA256 computed with Python's hmac module.
        let body = br#"{"triggerEvent":"BOOKING_CREATED"}"#;
        let expected = "736a54c743b377e781b19a5ca5914074e240b7aaaf5eb6f98c66ed4e8edb073a";
        assert_eq!(sign_cal_com("cal-secret-0123456789", body), expected);
        assert!(verify(BookingProvider::CalCom, "cal-secret-0123456789", expected, body, now()));
        assert!(!verify(BookingProvider::CalCom, "cal-secret-0123456789", expected, b"{}", now()));
        assert!(!verify(BookingProvider::CalCom, "other-secret", expected, body, now()));
        assert!(!verify(BookingProvider::CalCom, "cal-secret-0123456789", "not hex", body, now()));
    }

    #[test]
    fn calendly_signature_matches_an_independent_vector_and_expires() {
        let body = br#"{"event":"invitee.created"}"#;
        let header = "t=1765000000,v1=553624970cc7b66f35c21a012446dacb3dc557965ed5c5bf4ca79d4bf0c0a153";
        assert_eq!(sign_calendly("calendly-key-0123456789", 1_765_000_000, body), header);
        let key = "calendly-key-0123456789";
        assert!(verify(BookingProvider::Calendly, key, header, body, now()));
        let later = now() + chrono::Duration::seconds(TOLERANCE_SECS);
        assert!(verify(BookingProvider::Calendly, key, header, body, later), "at the edge");
        let stale = later + chrono::Duration::seconds(1);
        assert!(!verify(BookingProvider::Calendly, key, header, body, stale), "replayed too late");
        assert!(!verify(BookingProvider::Calendly, key, "v1=553624970cc7", body, now()), "no t");
        let moved = header.replace("t=1765000000", "t=1765000001");
        assert!(!verify(BookingProvider::Calendly, key, &moved, body, now()), "t is signed");
    }

    #[test]
    fn cal_com_booking_and_other_triggers() {
        let body = json!({"triggerEvent": "BOOKING_CREATED", "payload": {"uid": "bk1", "title": "Intro",
            "startTime": "2026-12-14T10:00:00Z", "attendees": [{"email": " Lin@Clinic.example ", "name": "Lin Wu"}]}});
        let Ok(Delivery::Booked(b)) = parse(BookingProvider::CalCom, body.to_string().as_bytes()) else {
            panic!("a booking")
        };
        assert_eq!(
            (b.uid.as_str(), b.email.as_str(), b.name.as_deref()),
            ("bk1", "Lin@Clinic.example", Some("Lin Wu"))
        );
        assert_eq!(b.start_time.map(|t| t.to_rfc3339()), Some("2026-12-14T10:00:00+00:00".into()));
        let other = json!({"triggerEvent": "BOOKING_CANCELLED", "payload": {}});
        let got = parse(BookingProvider::CalCom, other.to_string().as_bytes());
        assert!(matches!(got, Ok(Delivery::NotABooking(ref t)) if t == "BOOKING_CANCELLED"), "{got:?}");
    }

    fn fields(r: Result<Delivery, AppError>) -> Vec<String> {
        match r {
            Err(AppError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected a 422, got {other:?}"),
        }
    }

    #[test]
    fn bad_bookings_name_their_field() {
        let bad = json!({"triggerEvent": "BOOKING_CREATED", "payload": {"uid": "bk1",
            "startTime": "tomorrow", "attendees": [{"email": "not-an-email"}]}});
        let got = fields(parse(BookingProvider::CalCom, bad.to_string().as_bytes()));
        assert_eq!(got, ["payload.attendees[0].email", "payload.startTime"]);
        let none = json!({"triggerEvent": "BOOKING_CREATED", "payload": {"attendees": []}});
        let got = fields(parse(BookingProvider::CalCom, none.to_string().as_bytes()));
        assert_eq!(got, ["payload.uid", "payload.attendees", "payload.attendees[0].email"]);
        let calendly = json!({"event": "invitee.created", "payload": {"email": "x@", "uri": "u"}});
        assert_eq!(fields(parse(BookingProvider::Calendly, calendly.to_string().as_bytes())), ["payload.email"]);
        assert!(matches!(parse(BookingProvider::Calendly, b"{oops"), Err(AppError::BadRequest(_))));
    }

    #[test]
    fn calendly_booking() {
        let body = json!({"event": "invitee.created", "payload": {"email": "kim@clinic.example", "name": "Kim",
            "uri": "https://api.calendly.com/scheduled_events/E1/invitees/I1",
            "scheduled_event": {"name": "Consult", "start_time": "2026-12-15T09:30:00.000000Z"}}});
        let Ok(Delivery::Booked(b)) = parse(BookingProvider::Calendly, body.to_string().as_bytes()) else {
            panic!("a booking")
        };
        assert_eq!(b.uid, "https://api.calendly.com/scheduled_events/E1/invitees/I1");
        assert_eq!((b.title.as_deref(), b.start_time.is_some()), (Some("Consult"), true));
        let cancel = json!({"event": "invitee.canceled", "payload": {}});
        let got = parse(BookingProvider::Calendly, cancel.to_string().as_bytes());
        assert!(matches!(got, Ok(Delivery::NotABooking(ref t)) if t == "invitee.canceled"), "{got:?}");
    }
}
