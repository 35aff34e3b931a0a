//! Moves findings from the plan JSON to the `.tf` files a user edits (docs/terraform.md: the
//! `.tf` attribute when the configuration is at hand).
//!
//! The plan reader calls [`relocate`] between reading resources and mapping them, so every
//! span of the typed plan (and so of every finding) lands where relocation put it:
//!
//! - `tf_files` are the input's sources after the plan JSON (`Input::sources[1..]`, span
//!   file `1 + i` for `tf_files[i]`), as [`super::files::collect`] lists a configuration: the
//!   directory itself (no text), then its `.tf` and variable files and those of the local
//!   modules it calls. The CLI loads them from `--tf-dir DIR`, else from the plan's directory.
//! - Each resource's span moves to its `resource "TYPE" "NAME"` block, and each value's to the
//!   attribute's expression (a list written literally, item by item); `count` and `for_each`
//!   instances share their block.
//! - Values the configuration does not write (computed, defaulted, set through a variable
//!   the locator does not follow) stay in the JSON, which says what Terraform planned.

use super::{Locator, Resource};
use crate::input::tree::{Node, Value};
use crate::source::SourceFile;

/// Moves each resource's spans into `tf_files` where its configuration is written. Without
/// `.tf` files every span stays in the plan JSON.
pub fn relocate(resources: &mut [Resource<'_>], tf_files: &[SourceFile]) {
    if tf_files.is_empty() {
        return;
    }
    // tf_files[0], the directory, is file 1 of the report; its files follow from 2.
    let locator = Locator::from_sources(tf_files, 2);
    for resource in resources {
        if let Some(span) = locator.resource(&resource.address) {
            resource.span = span;
        }
        let mut path = String::new();
        relocate_values(&mut resource.values, &resource.address, &mut path, &locator);
    }
}

/// Each value under `node` (at dotted `path`) moves to where the configuration writes it.
fn relocate_values(node: &mut Node<'_>, address: &str, path: &mut String, locator: &Locator) {
    if !path.is_empty() {
        if let Some(span) = locator.attribute(address, path) {
            node.span = span;
        }
    }
    let len = path.len();
    match &mut node.value {
        Value::Map(entries) => {
            for entry in entries {
                push_segment(path, &entry.key);
                relocate_values(&mut entry.value, address, path, locator);
                path.truncate(len);
            }
        }
        Value::Seq(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                push_segment(path, &i.to_string());
                relocate_values(item, address, path, locator);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn push_segment(path: &mut String, segment: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(segment);
}
