//! Wire types of the agreements API. These field names are the contract web clients use.

mod contract;
mod engagement;
mod proposal;
mod quantity;

pub use contract::*;
pub use engagement::*;
pub use proposal::*;
pub use quantity::Quantity;

use atrium_kernel::typed_id;

typed_id!(
    /// A proposal.
    ProposalId
);
typed_id!(
    /// A contract.
    ContractId
);
typed_id!(
    /// An engagement.
    EngagementId
);

/// A snake_case wire enum stored as text: `as_str` for the column, `parse` back.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }

            /// The stored text back; an unknown value means a corrupt row.
            pub fn parse(s: &str) -> Result<Self, atrium_kernel::AppError> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| atrium_kernel::AppError::internal(format!("unknown {} `{s}` in storage", stringify!($name))))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;

/// `end_date` may not precede `start_date`.
pub(crate) fn check_dates(
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> Result<(), atrium_kernel::AppError> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => {
            Err(atrium_kernel::AppError::invalid("end_date", "must not be before start_date"))
        }
        _ => Ok(()),
    }
}
