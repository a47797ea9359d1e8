//! placeholder
#[derive(Debug, thiserror::Error)]
#[error("query error")]
pub struct QueryError;
