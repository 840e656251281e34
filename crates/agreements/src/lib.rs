//! Agreements: proposals, contracts and engagements.
