//! Extractors that turn bad input into the right problem: 415 for a wrong media
//! type, 413 for a body over the limit, 400 for malformed JSON, and 422 naming
//! every invalid field (type errors from serde and rule errors from `validator`).

use std::borrow::Cow;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts};
use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::error::{AppError, FieldError};

/// A JSON body that has been parsed and validated.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidatedJson<T>(pub T);

impl<T, S> FromRequest<S> for ValidatedJson<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers().get(header::CONTENT_TYPE)) {
            return Err(AppError::UnsupportedMediaType("expected `Content-Type: application/json`".into()));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| match rejection {
            BytesRejection::FailedToBufferBody(e)
                if e.body_text().contains("length limit") || e.status().as_u16() == 413 =>
            {
                AppError::PayloadTooLarge
            }
            other => AppError::BadRequest(other.body_text()),
        })?;
        let value = parse_json::<T>(&bytes)?;
        validate(&value)?;
        Ok(Self(value))
    }
}

/// Query-string parameters that have been parsed and validated.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidatedQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ValidatedQuery<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        if let Some((name, _)) = form_urlencoded_parse(query).find(|(k, v)| k.contains('\0') || v.contains('\0')) {
            return Err(AppError::invalid(name.replace('\0', ""), "must not contain NUL characters"));
        }
        let de = serde_urlencoded::Deserializer::new(form_urlencoded_parse(query));
        let value: T = serde_path_to_error::deserialize(de).map_err(|e| {
            let (field, message) = (e.path().to_string(), e.inner().to_string());
            // A missing parameter has no path of its own: name it from serde's message.
            let field = match field.as_str() {
                "." => missing_field(&message).unwrap_or("query").to_owned(),
                _ => field,
            };
            AppError::invalid(field, message)
        })?;
        validate(&value)?;
        Ok(Self(value))
    }
}

/// `x` of serde's "missing field `x`".
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next().filter(|f| !f.is_empty())
}

fn form_urlencoded_parse(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.as_bytes())
}

fn is_json(content_type: Option<&axum::http::HeaderValue>) -> bool {
    let Some(ct) = content_type.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mime = ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// Parses JSON: syntax errors are 400, shape errors (missing field, wrong type,
/// unknown enum value) are 422 naming the field.
/// Bytes after the JSON value are a 400, and a NUL character in any string is a 422
/// naming its field, whatever the target type (no column can store it).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    if let Some(field) = nul_field(bytes) {
        return Err(AppError::invalid(field, "must not contain NUL characters"));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let value = deserialize_json(de)?;
    de.end().map_err(|e| AppError::BadRequest(format!("body is not valid JSON: {e}")))?;
    Ok(value)
}

/// The path of the first string (or key) holding a NUL, when the body has one. JSON
/// can carry NUL only as the escape `\u0000`, so bodies without it skip the walk.
fn nul_field(bytes: &[u8]) -> Option<String> {
    let has_escape = bytes.windows(6).any(|w| w[0] == b'\\' && w[1] == b'u' && w[2..].eq_ignore_ascii_case(b"0000"));
    if !has_escape {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    fn walk(v: &serde_json::Value, path: &str) -> Option<String> {
        let join = |k: &str| if path.is_empty() { k.to_owned() } else { format!("{path}.{k}") };
        match v {
            serde_json::Value::String(s) if s.contains('\0') => {
                Some(if path.is_empty() { "body".into() } else { path.into() })
            }
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| walk(item, &format!("{}[{i}]", if path.is_empty() { "body" } else { path }))),
            serde_json::Value::Object(map) => map.iter().find_map(|(k, item)| {
                if k.contains('\0') { Some(join(&k.replace('\0', "\\u0000"))) } else { walk(item, &join(k)) }
            }),
            _ => None,
        }
    }
    walk(&value, "")
}

fn deserialize_json<'de, T: DeserializeOwned>(
    de: &mut serde_json::Deserializer<serde_json::de::SliceRead<'de>>,
) -> Result<T, AppError> {
    serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let inner = e.inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let path = e.path().to_string();
                let field = if path == "." { "body".to_owned() } else { path };
                AppError::invalid(field, strip_position(&inner.to_string()))
            }
            _ => AppError::BadRequest(format!("body is not valid JSON: {inner}")),
        }
    })
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

pub fn validate<T: Validate>(value: &T) -> Result<(), AppError> {
    value.validate().map_err(|e| {
        let mut out = Vec::new();
        flatten(&e, "", &mut out);
        out.sort_by(|a, b| a.field.cmp(&b.field));
        AppError::Validation(out)
    })
}

fn flatten(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for err in list {
                    out.push(FieldError::new(path.clone(), describe(err)));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    flatten(inner, &format!("{path}[{i}]"), out);
                }
            }
        }
    }
}

fn describe(err: &validator::ValidationError) -> String {
    if let Some(msg) = &err.message {
        return msg.to_string();
    }
    let param = |k: &str| err.params.get(k).map(|v| v.to_string());
    match err.code.as_ref() {
        "email" => "must be a valid email address".into(),
        "url" => "must be a valid URL".into(),
        "required" => "is required".into(),
        "length" => match (param("min"), param("max"), param("equal")) {
            (_, _, Some(eq)) => format!("length must be exactly {eq}"),
            (Some(min), Some(max), _) => format!("length must be between {min} and {max}"),
            (Some(min), None, _) => format!("length must be at least {min}"),
            (None, Some(max), _) => format!("length must be at most {max}"),
            _ => "has an invalid length".into(),
        },
        "range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            (Some(min), None) => format!("must be at least {min}"),
            (None, Some(max)) => format!("must be at most {max}"),
            _ => "is out of range".into(),
        },
        code => Cow::from(code).replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Validate)]
    struct Signup {
        #[validate(email)]
        email: String,
        #[validate(length(min = 12, max = 128))]
        password: String,
    }

    #[test]
    fn syntax_error_is_400_and_shape_error_is_422_with_field() {
        let err = parse_json::<Signup>(b"{\"email\": ").err().map(|e| e.status().as_u16());
        assert_eq!(err, Some(400));
        match parse_json::<Signup>(br#"{"email": "a@b.co", "password": 5}"#) {
            Err(AppError::Validation(fields)) => assert_eq!(fields[0].field, "password"),
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn trailing_bytes_are_400_and_nul_is_422_naming_the_field() {
        let status = |r: Result<Signup, AppError>| r.err().map(|e| e.status().as_u16());
        assert_eq!(status(parse_json(br#"{"email": "a@b.co", "password": "x"} junk"#)), Some(400));
        assert!(parse_json::<Signup>(b"{\"email\": \"a@b.co\", \"password\": \"x\"} \n").is_ok());
        match parse_json::<serde_json::Value>(br#"{"a": {"b": ["ok", "x\u0000y"]}}"#) {
            Err(AppError::Validation(fields)) => assert_eq!(fields[0].field, "a.b[1]"),
            other => panic!("expected 422, got {other:?}"),
        }
        assert!(
            parse_json::<serde_json::Value>(br#"{"a": "\\u0000 is text"}"#).is_ok(),
            "an escaped backslash is not NUL"
        );
    }

    #[test]
    fn rule_errors_name_each_field() {
        let value = Signup { email: "nope".into(), password: "short".into() };
        match validate(&value) {
            Err(AppError::Validation(fields)) => {
                let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
                assert_eq!(names, ["email", "password"]);
                assert_eq!(fields[1].message, "length must be between 12 and 128");
            }
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn json_media_types() {
        let v = |s: &'static str| axum::http::HeaderValue::from_static(s);
        assert!(is_json(Some(&v("application/json; charset=utf-8"))));
        assert!(is_json(Some(&v("application/merge-patch+json"))));
        assert!(!is_json(Some(&v("text/plain"))));
        assert!(!is_json(None));
    }
}
