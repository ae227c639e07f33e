//! Reading inputs into [`Article`](crate::model::Article)s: the pipeline's first stage.

mod decode;
mod error;
mod lead;
mod text;

pub use error::Error;
pub use text::{byte_offset, char_offset};
