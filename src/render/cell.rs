//! A name as the tables and answers show it: escaped (`source::visible`) and cut short.

use std::borrow::Cow;

/// The most characters of one name a table shows; longer names end in `…`. Above every
/// Azure name (subnets take up to 80 characters), so only a name no deployment could carry
/// is cut; JSON and CSV keep the whole name. A table lays out each of its cells character by
/// character, and a name of megabytes made the capacity table take seconds.
pub const LONGEST_NAME: usize = 100;

/// A name from the plan, for a table cell or an answer's line.
pub fn name(text: &str) -> Cow<'_, str> {
    crate::source::visible_shortened(text, LONGEST_NAME)
}

/// A range's label, `vnet/name`, or `name` for a pod CIDR (which has no VNet): each part
/// cut on its own, so that two long names both stay recognisable.
pub fn range(vnet: Option<&str>, range: &str) -> String {
    match vnet {
        Some(vnet) => format!("{}/{}", name(vnet), name(range)),
        None => name(range).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_cut_and_escaped() {
        let long = "n".repeat(1_000_000);
        assert_eq!(name(&long).chars().count(), LONGEST_NAME);
        assert!(name(&long).ends_with('…'));
        assert_eq!(name("pods\u{1b}[2J"), "pods\\u{1b}[2J");
        assert_eq!(range(Some("hub"), "pods"), "hub/pods");
        assert_eq!(range(None, "aks/pod_cidr"), "aks/pod_cidr");
    }
}
