//! The hook that moves findings from the plan JSON to the `.tf` files a user edits
//! (SPEC §6: "the `.tf` attribute when the configuration is at hand").
//!
//! The plan reader calls [`relocate`] between reading resources and mapping them, so every
//! span of the typed plan (and so of every finding) lands where relocation put it. The
//! `.tf` reader (branch terraform-hcl) implements it with a span-preserving HCL parser:
//!
//! - `tf_files` are the input's sources after the plan JSON (`Input::sources[1..]`, span
//!   file `1 + i` for `tf_files[i]`): the `.tf` files of `--tf-dir DIR`, else of the plan's
//!   directory, and of the local modules its `configuration` calls; the CLI loads them.
//! - For each resource, find its `resource "TYPE" "NAME"` block in the module directory its
//!   address names (`module.net.azurerm_subnet.pods[0]` → the `net` call's `source`), set
//!   [`Resource::span`] to the block, and each value node's span to the attribute's
//!   expression (a nested block's value to the block; a `count` instance's values to the one
//!   shared block). Values written through variables stay where they are in the JSON,
//!   unless the HCL reader resolves them to a `.tf` place of their own.
//! - Spans of values the configuration does not write (computed, defaulted) are left in
//!   the JSON: a finding about them points at the plan, which says what Azure computed.

use super::Resource;
use crate::source::SourceFile;

/// Moves each resource's spans into `tf_files` where its configuration is written. Without
/// `.tf` files (or until the HCL reader implements it) every span stays in the plan JSON.
pub fn relocate(resources: &mut [Resource<'_>], tf_files: &[SourceFile]) {
    // The HCL reader fills this in; the plan reader's findings are correct without it.
    let _ = (resources, tf_files);
}
