//! The portal's server-rendered pages (`maud`: HTML built and escaped at compile
//! time in Rust, no template files, nothing fetched at run time): sign in by link,
//! the overview, invoices, sign-out; documents and projects have their own modules. Every form works without JavaScript (POST, then a 303
//! redirect); the session cookie is `SameSite=Strict` and each form also carries a
//! CSRF token derived from the session. The sign-in page only shows a button: a
//! GET never spends the single-use link, so a mail scanner opening it cannot
//! either.

mod documents;
mod layout;
mod projects;

pub(crate) use documents::{accept, contracts, decline, files, messages, proposals, reply, sign, thread};
pub(crate) use projects::{project, projects};

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use atrium_kernel::AppError;

use crate::dto::PortalMeOut;
use crate::http::{PortalHttp, cleared_cookie, cookie_token, session_cookie};
use crate::token::digest;

pub(crate) use layout::stylesheet;

#[derive(Debug, Deserialize)]
pub(crate) struct SignInQuery {
    token: Option<String>,
    signed_out: Option<bool>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SignInForm {
    token: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CsrfForm {
    csrf: String,
}

/// The CSRF token of a session: a hash of its token under its own label, so it
/// is stable for the session, unknown to other sites, and needs no storage.
pub(super) fn csrf_of(session_token: &str) -> String {
    digest(&format!("atrium-portal-csrf:{session_token}"))
}

/// `GET /portal/sign-in?token=…`: a button that spends the link.
pub(crate) async fn sign_in_page(Query(q): Query<SignInQuery>) -> Response {
    let body = match q.token.filter(|t| !t.trim().is_empty()) {
        Some(token) => html! {
            h1 { "Sign in to your client portal" }
            p { "This link works once. Continue to open your portal." }
            form method="post" action="/portal/sign-in" {
                input type="hidden" name="token" value=(token);
                button type="submit" { "Continue to the portal" }
            }
        },
        None => html! {
            h1 { "Sign in to your client portal" }
            @if q.signed_out == Some(true) {
                p.notice role="status" { "You are signed out." }
            }
            p { "Open the sign-in link from the email we sent you. Each link works once and expires soon; ask your contact at the firm for a new one." }
        },
    };
    layout::page("Sign in", None, body).into_response()
}

/// `POST /portal/sign-in`: spends the link, sets the cookie, goes to the overview;
/// a refused link shows why (401).
pub(crate) async fn sign_in(State(st): State<PortalHttp>, Form(form): Form<SignInForm>) -> Response {
    match st.svc.exchange(form.token.trim()).await {
        Ok(started) => {
            let cookie = session_cookie(&started.token, started.me.session_expires_at, st.cookies.secure);
            (AppendHeaders([cookie]), Redirect::to("/portal")).into_response()
        }
        Err(AppError::SignInRefused(reason)) => {
            let body = html! {
                h1 { "This link cannot be used" }
                p.error role="alert" { (reason) }
                p { "Ask your contact at the firm to send you a new sign-in link." }
            };
            (StatusCode::UNAUTHORIZED, layout::page("Sign-in refused", None, body)).into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// `GET /portal`: the overview, or the sign-in page without a live session.
pub(crate) async fn overview(State(st): State<PortalHttp>, headers: HeaderMap) -> Response {
    let Some(token) = cookie_token(&headers) else {
        return Redirect::to("/portal/sign-in").into_response();
    };
    let ctx = match st.svc.authenticate(&token).await {
        Ok(Some(ctx)) => ctx,
        Ok(None) => return Redirect::to("/portal/sign-in").into_response(),
        Err(e) => return e.into_response(),
    };
    match st.svc.me(&ctx).await {
        Ok(me) => layout::page("Overview", Some(&csrf_of(&token)), overview_body(&me)).into_response(),
        Err(e) => e.into_response(),
    }
}

fn overview_body(me: &PortalMeOut) -> Markup {
    html! {
        h1 { "Welcome, " (me.contact_name) }
        h2 { "Your engagement" }
        dl {
            dt { "Engagement" }
            dd { (me.engagement.name) }
            dt { "Signed in until" }
            dd { time datetime=(me.session_expires_at.to_rfc3339()) { (me.session_expires_at.format("%Y-%m-%d %H:%M UTC")) } }
        }
        h2 { "What you can do here" }
        ul.permissions {
            @for p in &me.permissions {
                li { (layout::permission_label(*p)) }
            }
        }
    }
}

/// `GET /portal/invoices`: the engagement's issued invoices, each with its PDF.
pub(crate) async fn invoices(State(st): State<PortalHttp>, headers: HeaderMap) -> Response {
    let Some(token) = cookie_token(&headers) else {
        return Redirect::to("/portal/sign-in").into_response();
    };
    let ctx = match st.svc.authenticate(&token).await {
        Ok(Some(ctx)) => ctx,
        Ok(None) => return Redirect::to("/portal/sign-in").into_response(),
        Err(e) => return e.into_response(),
    };
    let body = match st.svc.invoices(&ctx, atrium_kernel::PageRequest::first(50)).await {
        Ok(page) => html! {
            h1 { "Invoices" }
            @if page.items.is_empty() {
                p { "No invoices yet." }
            } @else {
                ul.invoices {
                    @for i in &page.items {
                        li {
                            h2 { "Invoice " (i.number) }
                            dl {
                                dt { "Issued" } dd { (i.issue_date.map(|d| d.to_string()).unwrap_or_default()) }
                                dt { "Due" } dd { (i.due_date.map(|d| d.to_string()).unwrap_or_default()) }
                                dt { "Total" } dd { (i.total) }
                                dt { "Paid" } dd { (i.paid) }
                                dt { "Balance" } dd { (i.balance) }
                                dt { "Status" } dd { (status_label(&i.status, i.overdue)) }
                            }
                            a href={ "/portal/api/v1/invoices/" (i.id) "/pdf" } download {
                                "Download invoice " (i.number) " (PDF)"
                            }
                        }
                    }
                }
            }
        },
        Err(AppError::Forbidden(_)) => html! {
            h1 { "Invoices" }
            p.notice { "Your portal access does not include invoices." }
        },
        Err(e) => return e.into_response(),
    };
    layout::page("Invoices", Some(&csrf_of(&token)), body).into_response()
}

fn status_label(status: &str, overdue: bool) -> String {
    let s = match status {
        "paid" => "Paid",
        "partially_paid" => "Partially paid",
        _ => "Open",
    };
    if overdue { format!("{s}, overdue") } else { s.to_owned() }
}

/// `POST /portal/sign-out`: ends the session (CSRF-checked) and goes to the sign-in page.
pub(crate) async fn sign_out(State(st): State<PortalHttp>, headers: HeaderMap, Form(form): Form<CsrfForm>) -> Response {
    let Some(token) = cookie_token(&headers) else {
        return Redirect::to("/portal/sign-in").into_response();
    };
    if form.csrf != csrf_of(&token) {
        return AppError::Forbidden("the form's CSRF token does not match this session; reload the page".into())
            .into_response();
    }
    match st.svc.authenticate(&token).await {
        Ok(Some(ctx)) => {
            if let Err(e) = st.svc.sign_out(&ctx).await {
                return e.into_response();
            }
        }
        Ok(None) => {}
        Err(e) => return e.into_response(),
    }
    (AppendHeaders([cleared_cookie(st.cookies.secure)]), Redirect::to("/portal/sign-in?signed_out=true"))
        .into_response()
}

/// "More …" below a list page that has a next one: the same page from its cursor
/// (the API's lists page the same way).
pub(super) fn more(path: &str, label: &str, next: Option<&str>) -> Markup {
    html! {
        @if let Some(c) = next {
            p { a href={ (path) "?cursor=" (c) } { "More " (label) } }
        }
    }
}

/// `GET /portal/assets/portal.css`.
pub(crate) async fn css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], stylesheet())
}
