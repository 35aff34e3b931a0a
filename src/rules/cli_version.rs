//! cli-version: dynamic allocation needs Azure CLI 2.37.0 or later (the feature article,
//! "Additional prerequisites"); static block allocation needs 2.75.0 or later (AKS docs
//! configure-azure-cni-static-block-allocation.md, "Prerequisites").

use super::static_block_limits::first_static_block_pool;
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::limits::{MIN_CLI_VERSION, STATIC_BLOCK_MIN_CLI_VERSION};
use crate::topology::Topology;

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    for cluster in &topology.clusters {
        let Some(version) = &cluster.cli_version else {
            continue;
        };
        // A cluster with a static-block pool needs that mode's newer minimum.
        let static_block = first_static_block_pool(cluster);
        let (needed, what) = match static_block {
            Some(pool) => (
                STATIC_BLOCK_MIN_CLI_VERSION,
                format!("static block allocation (pool `{}`)", pool.name.value),
            ),
            None => (MIN_CLI_VERSION, "the feature".to_string()),
        };
        let (major, minor, patch) = needed;
        let minimum = format!("{major}.{minor}.{patch}");
        let message = match parse(&version.value) {
            Some(v) if v >= needed => continue,
            Some(_) => format!(
                "cluster `{}` is deployed with Azure CLI {}; {what} needs {minimum} or later",
                cluster.name.value, version.value
            ),
            None => format!(
                "`{}` is not an Azure CLI version (such as {minimum})",
                version.value
            ),
        };
        let mut finding = Finding::new(Rule::CliVersion, version.span, message).help(format!(
            "upgrade with `az upgrade` and set cli_version to {minimum} or later"
        ));
        if let Some(span) = static_block.and_then(|p| p.allocation_mode) {
            finding = finding.related(span, "static block allocation is chosen here");
        }
        out.push(finding);
    }
}

/// `2.37.0`, `2.37` or `v2.37.0` as (major, minor, patch).
fn parse(text: &str) -> Option<(u32, u32, u32)> {
    let text = text.trim();
    let text = text.strip_prefix(['v', 'V']).unwrap_or(text);
    let mut parts = text.split('.').map(|p| p.parse::<u32>().ok());
    let major = parts.next()??;
    let minor = parts.next().unwrap_or(Some(0))?;
    let patch = parts.next().unwrap_or(Some(0))?;
    parts.next().is_none().then_some((major, minor, patch))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn versions_compare_by_number() {
        assert_eq!(parse("2.37.0"), Some((2, 37, 0)));
        assert_eq!(parse("v2.61.1"), Some((2, 61, 1)));
        assert_eq!(parse("2.4"), Some((2, 4, 0)));
        assert!(parse("2.9.0") < parse("2.37.0"));
        assert_eq!(parse("latest"), None);
        assert_eq!(parse("2.37.0.1"), None);
    }
}
