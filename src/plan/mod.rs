//! The typed plan every input format becomes, each value with its place in its source.

pub mod model;
pub mod reference;
mod shape;
pub mod write;

pub use model::Plan;
pub use shape::{check_shape, check_shape_parts, CountKeys};
