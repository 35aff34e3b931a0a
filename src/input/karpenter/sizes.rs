//! The VM sizes a Karpenter NodePool's requirements name, as data: vCPUs and memory of the
//! sizes and families the AKS node auto-provisioning docs and Karpenter's own examples use.
//!
//! Covers: the smallest size Karpenter may launch of the families A, B, D, E and F (at least
//! 2 vCPUs and 3.5 GiB, `limits::KARPENTER_MIN_VCPUS`), and the general-purpose, memory and
//! compute sizes of up to 16 vCPUs that AKS docs and samples name (Dv2, Dsv3, Dsv4, Dv5,
//! Dsv5, Ddsv5, Dasv5, Dlsv5, Dsv6, Esv5, Fsv2, Bs, Av2). A size not listed still gives its
//! vCPUs through its name (Azure's naming convention puts the vCPU count after the family
//! letters: `Standard_D8ds_v5` has 8), and its memory is then counted at Karpenter's floor;
//! a family not listed counts at Karpenter's floor of both. Either way the smallest VM is
//! never taken larger than it is, so the node bound is never too low.
//!
//! Source: Azure VM size pages (learn.microsoft.com/azure/virtual-machines/sizes/, the
//! general-purpose, memory-optimized and compute-optimized series tables), as generated into
//! microsoft/aspire `src/Aspire.Hosting.Azure.Kubernetes/AksNodeVmSizes.cs` from Azure's SKU
//! list ("Standard_D2ls_v5 — 2 vCPUs — 4 GB RAM").

/// A VM size: its vCPUs and memory in MiB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub vcpus: u64,
    pub memory_mib: u64,
}

const GIB: u64 = 1024;

/// Sizes by name (lowercase, without `standard_`).
const SIZES: &[(&str, u64, u64)] = &[
    ("a2_v2", 2, 4 * GIB),
    ("a4_v2", 4, 8 * GIB),
    ("b2s", 2, 4 * GIB),
    ("b2ms", 2, 8 * GIB),
    ("b4ms", 4, 16 * GIB),
    ("d2_v2", 2, 7 * GIB),
    ("d3_v2", 4, 14 * GIB),
    ("ds2_v2", 2, 7 * GIB),
    ("ds3_v2", 4, 14 * GIB),
    ("d2s_v3", 2, 8 * GIB),
    ("d4s_v3", 4, 16 * GIB),
    ("d8s_v3", 8, 32 * GIB),
    ("d16s_v3", 16, 64 * GIB),
    ("d2s_v4", 2, 8 * GIB),
    ("d4s_v4", 4, 16 * GIB),
    ("d8s_v4", 8, 32 * GIB),
    ("d2_v5", 2, 8 * GIB),
    ("d4_v5", 4, 16 * GIB),
    ("d2s_v5", 2, 8 * GIB),
    ("d4s_v5", 4, 16 * GIB),
    ("d8s_v5", 8, 32 * GIB),
    ("d16s_v5", 16, 64 * GIB),
    ("d2ds_v5", 2, 8 * GIB),
    ("d4ds_v5", 4, 16 * GIB),
    ("d8ds_v5", 8, 32 * GIB),
    ("d2as_v5", 2, 8 * GIB),
    ("d4as_v5", 4, 16 * GIB),
    ("d8as_v5", 8, 32 * GIB),
    ("d2ls_v5", 2, 4 * GIB),
    ("d4ls_v5", 4, 8 * GIB),
    ("d8ls_v5", 8, 16 * GIB),
    ("d2s_v6", 2, 8 * GIB),
    ("d4s_v6", 4, 16 * GIB),
    ("e2s_v5", 2, 16 * GIB),
    ("e4s_v5", 4, 32 * GIB),
    ("e8s_v5", 8, 64 * GIB),
    ("e16s_v5", 16, 128 * GIB),
    ("f2s_v2", 2, 4 * GIB),
    ("f4s_v2", 4, 8 * GIB),
    ("f8s_v2", 8, 16 * GIB),
    ("f16s_v2", 16, 32 * GIB),
];

/// The smallest size Karpenter may launch of each family (`karpenter.azure.com/sku-family`),
/// and which size that is.
const FAMILIES: &[(&str, &str, u64, u64)] = &[
    ("a", "Standard_A2_v2", 2, 4 * GIB),
    ("b", "Standard_B2s", 2, 4 * GIB),
    ("d", "Standard_D2ls_v5", 2, 4 * GIB),
    ("e", "Standard_E2s_v5", 2, 16 * GIB),
    ("f", "Standard_F2s_v2", 2, 4 * GIB),
];

/// A size by its name (`Standard_D4s_v5`, any case): from the table, else its vCPUs from the
/// name with memory unknown (`None`); `None` when the name is no Azure size name.
pub fn by_name(name: &str) -> Option<(u64, Option<u64>)> {
    let lower = name.trim().to_ascii_lowercase();
    let short = lower.strip_prefix("standard_").unwrap_or(&lower);
    if let Some(&(_, vcpus, memory)) = SIZES.iter().find(|(n, ..)| *n == short) {
        return Some((vcpus, Some(memory)));
    }
    let letters = short.find(|c: char| !c.is_ascii_alphabetic())?;
    let digits = short[letters..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(short.len() - letters);
    if letters == 0 || digits == 0 || digits > 4 {
        return None;
    }
    let vcpus = short[letters..letters + digits].parse().ok()?;
    Some((vcpus, None))
}

/// The smallest size of a family Karpenter may launch: its name and size.
pub fn family(name: &str) -> Option<(&'static str, Size)> {
    let lower = name.trim().to_ascii_lowercase();
    FAMILIES
        .iter()
        .find(|(f, ..)| *f == lower)
        .map(|&(_, size, vcpus, memory_mib)| (size, Size { vcpus, memory_mib }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_come_from_the_table_or_the_name() {
        assert_eq!(by_name("Standard_D4s_v5"), Some((4, Some(16 * GIB))));
        assert_eq!(by_name("standard_d2ls_v5"), Some((2, Some(4 * GIB))));
        // Not in the table: the vCPUs from the name, memory unknown.
        assert_eq!(by_name("Standard_D32ds_v5"), Some((32, None)));
        assert_eq!(by_name("Standard_NC24ads_A100_v4"), Some((24, None)));
        assert_eq!(by_name("whatever"), None);
        assert_eq!(
            family("D").map(|(n, s)| (n, s.vcpus)),
            Some(("Standard_D2ls_v5", 2))
        );
        assert_eq!(family("NC"), None);
    }
}
