pub mod attachment;
pub mod connection;
pub mod message;
pub mod oauth_login;
pub mod sync_state;
pub mod thread;
pub mod thread_contact;
pub mod unknown_sender;
