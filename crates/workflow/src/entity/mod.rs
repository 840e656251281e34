pub mod booking_endpoint;
pub mod booking_receipt;
pub mod defaults;
pub mod rule;
pub mod run;
pub mod version;
