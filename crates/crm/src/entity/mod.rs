pub mod company;
pub mod contact;
pub mod deal;
