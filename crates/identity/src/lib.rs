//! Identity: organizations, users, memberships, sessions, API keys and invitations.

pub mod dto;
pub mod entity;
pub mod http;
pub mod middleware;
pub mod secret;
pub mod service;
pub mod throttle;

pub use http::router;
pub use middleware::{SESSION_COOKIE, SessionRef, authenticate};
pub use service::{Authenticated, IdentityConfig, IdentityService, LoginLimits};
pub use throttle::{InProcessThrottle, Throttle};
