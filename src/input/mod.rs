//! Inputs → the typed plan. A span-carrying document tree read from YAML or JSON, and one
//! reader per input format, each producing the same [`crate::plan::Plan`] with every value's
//! place in its source.

pub mod cniplan;
pub mod de;
pub mod json;
pub mod tree;
pub mod yaml;
