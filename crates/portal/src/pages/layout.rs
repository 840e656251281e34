//! The frame every portal page shares: language, viewport for phones, the
//! stylesheet, a skip link, the header with sign-out, and headers that keep the
//! page (and a sign-in link in its URL) to itself.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use crate::dto::Permission;

const CSS: &str = include_str!("portal.css");

pub(crate) fn stylesheet() -> &'static str {
    CSS
}

/// A full page; `csrf` is set when a session is signed in (it shows sign-out).
pub(crate) fn page(title: &str, csrf: Option<&str>, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Client portal" }
                link rel="stylesheet" href="/portal/assets/portal.css";
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header {
                    span.brand { "Client portal" }
                    @if let Some(csrf) = csrf {
                        nav aria-label="Portal" {
                            a href="/portal" { "Overview" }
                            " "
                            a href="/portal/projects" { "Projects" }
                            " "
                            a href="/portal/proposals" { "Proposals" }
                            " "
                            a href="/portal/contracts" { "Contracts" }
                            " "
                            a href="/portal/invoices" { "Invoices" }
                            " "
                            a href="/portal/files" { "Files" }
                            " "
                            a href="/portal/messages" { "Messages" }
                        }
                        form method="post" action="/portal/sign-out" {
                            input type="hidden" name="csrf" value=(csrf);
                            button.secondary type="submit" { "Sign out" }
                        }
                    }
                }
                main id="main" tabindex="-1" { (body) }
            }
        }
    };
    let mut res = axum::response::Html(markup.into_string()).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    // The sign-in page's URL holds the link's token: never sent on as a Referer.
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    res
}

pub(crate) fn permission_label(p: Permission) -> &'static str {
    match p {
        Permission::View => "See the engagement, its shared work and files",
        Permission::ApproveProposals => "Accept or decline proposals",
        Permission::SignContracts => "Sign contracts",
        Permission::Invoices => "See invoices and their payment status",
        Permission::ReplyThreads => "Reply to shared messages",
    }
}
