pub mod file_object;
pub mod file_version;
