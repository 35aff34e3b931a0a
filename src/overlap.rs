//! Overlapping address ranges by sorting and sweeping, never by comparing all pairs.

use ipnet::{IpNet, Ipv4Net};
use std::collections::BTreeMap;

/// An address range `[first, last]` and what it belongs to. Addresses are IPv4's `u32`, or
/// [`Address`] where both families are swept at once.
#[derive(Clone, Copy, Debug)]
pub struct Range<T, A = u32> {
    pub first: A,
    pub last: A,
    pub item: T,
}

/// An address of either family, ordered by family first: an IPv4 range and an IPv6 range
/// never overlap, however their numbers compare.
pub type Address = (u8, u128);

impl<T> Range<T> {
    pub fn of(net: Ipv4Net, item: T) -> Self {
        Range {
            first: net.network().into(),
            last: net.broadcast().into(),
            item,
        }
    }
}

impl<T> Range<T, Address> {
    /// A prefix of either family, in the one address order of [`Address`].
    pub fn of_either(net: IpNet, item: T) -> Self {
        let (family, first, last) = match net.trunc() {
            IpNet::V4(n) => (
                4,
                u128::from(u32::from(n.network())),
                u128::from(u32::from(n.broadcast())),
            ),
            IpNet::V6(n) => (6, u128::from(n.network()), u128::from(n.broadcast())),
        };
        Range {
            first: (family, first),
            last: (family, last),
            item,
        }
    }
}

fn sorted<T, A: Ord + Copy>(mut ranges: Vec<Range<T, A>>) -> Vec<Range<T, A>> {
    // Widest first among equal starts, so a container is met before what it contains.
    ranges.sort_by(|a, b| a.first.cmp(&b.first).then(b.last.cmp(&a.last)));
    ranges
}

/// Each range that overlaps an earlier one (in address order), paired with the earlier
/// range that reaches farthest: `(earlier, later)`. Every range that overlaps anything
/// appears in some pair. O(n log n).
pub fn first_overlaps<T: Copy, A: Ord + Copy>(ranges: Vec<Range<T, A>>) -> Vec<(T, T)> {
    let mut out = Vec::new();
    let mut reach: Option<Range<T, A>> = None;
    for range in sorted(ranges) {
        match reach {
            Some(r) if range.first <= r.last => {
                out.push((r.item, range.item));
                if range.last > r.last {
                    reach = Some(range);
                }
            }
            _ => reach = Some(range),
        }
    }
    out
}

/// Overlapping pairs `(earlier, later)`, at most `per_range` for each later range (those
/// reaching farthest). Only ranges that overlap are ever compared: O(n log n + n·per_range).
pub fn overlapping_pairs<T: Copy, A: Ord + Copy>(ranges: Vec<Range<T, A>>, per_range: usize) -> Vec<(T, T)> {
    let mut out = Vec::new();
    // Ranges still open at the sweep position, keyed by (last address, arrival).
    let mut active: BTreeMap<(A, usize), Range<T, A>> = BTreeMap::new();
    for (arrival, range) in sorted(ranges).into_iter().enumerate() {
        while let Some(entry) = active.first_entry() {
            if entry.key().0 >= range.first {
                break;
            }
            entry.remove();
        }
        // Everything still active starts at or before `range.first` and ends at or after it.
        out.extend(
            active
                .values()
                .rev()
                .take(per_range)
                .map(|r| (r.item, range.item)),
        );
        active.insert((range.last, arrival), range);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(nets: &[&str]) -> Vec<Range<usize>> {
        nets.iter()
            .enumerate()
            .map(|(i, n)| Range::of(n.parse().unwrap(), i))
            .collect()
    }

    #[test]
    fn first_overlaps_flags_every_overlapping_range() {
        let r = ranges(&[
            "10.0.0.0/16",
            "10.1.0.0/16",
            "10.0.128.0/17",
            "10.1.0.0/24",
            "10.2.0.0/16",
        ]);
        let mut pairs = first_overlaps(r);
        pairs.sort();
        assert_eq!(pairs, vec![(0, 2), (1, 3)]);
    }

    #[test]
    fn overlapping_pairs_finds_all_pairs_up_to_the_cap() {
        let r = ranges(&["10.0.0.0/8", "10.1.0.0/16", "10.1.0.0/24", "11.0.0.0/8"]);
        let mut pairs = overlapping_pairs(r.clone(), 8);
        pairs.sort();
        assert_eq!(pairs, vec![(0, 1), (0, 2), (1, 2)]);
        assert_eq!(overlapping_pairs(r, 1).len(), 2);
    }

    fn brute_force(ranges: &[Range<usize>]) -> std::collections::BTreeSet<(usize, usize)> {
        let mut pairs = std::collections::BTreeSet::new();
        for (i, a) in ranges.iter().enumerate() {
            for b in &ranges[i + 1..] {
                if a.first <= b.last && b.first <= a.last {
                    pairs.insert((a.item.min(b.item), a.item.max(b.item)));
                }
            }
        }
        pairs
    }

    fn arbitrary_ranges() -> impl proptest::strategy::Strategy<Value = Vec<Range<usize>>> {
        use proptest::prelude::*;
        // Prefixes /8–/32 in a small corner of the space, so overlaps are common.
        proptest::collection::vec((0u32..4096, 8u8..=32), 0..60).prop_map(|nets| {
            nets.into_iter()
                .enumerate()
                .map(|(i, (offset, prefix))| {
                    let net = Ipv4Net::new(std::net::Ipv4Addr::from(0x0a00_0000 + offset * 64), prefix)
                        .unwrap()
                        .trunc();
                    Range::of(net, i)
                })
                .collect()
        })
    }

    proptest::proptest! {
        /// With no cap, the sweep finds exactly the pairs a pairwise check finds.
        #[test]
        fn overlapping_pairs_agree_with_brute_force(ranges in arbitrary_ranges()) {
            let expected = brute_force(&ranges);
            let got: std::collections::BTreeSet<(usize, usize)> = overlapping_pairs(ranges.clone(), usize::MAX)
                .into_iter()
                .map(|(a, b)| (a.min(b), a.max(b)))
                .collect();
            proptest::prop_assert_eq!(got, expected);
        }

        /// Every range that overlaps anything is in some reported pair, and every reported
        /// pair overlaps.
        #[test]
        fn first_overlaps_involves_exactly_the_overlapping_ranges(ranges in arbitrary_ranges()) {
            let expected = brute_force(&ranges);
            let pairs = first_overlaps(ranges.clone());
            let involved = |pairs: &mut dyn Iterator<Item = (usize, usize)>| {
                pairs.flat_map(|(a, b)| [a, b]).collect::<std::collections::BTreeSet<usize>>()
            };
            for (a, b) in &pairs {
                proptest::prop_assert!(expected.contains(&((*a).min(*b), (*a).max(*b))));
            }
            proptest::prop_assert_eq!(involved(&mut pairs.into_iter()), involved(&mut expected.into_iter()));
        }
    }

    #[test]
    fn ipv6_ranges_overlap_among_themselves_never_with_ipv4() {
        let nets = [
            "fd00:db8::/48",
            "fd00:db8:0:1::/64",
            "0.0.0.0/0",
            "fd00:db9::/48",
            "::/0",
        ];
        let r: Vec<_> = nets
            .iter()
            .enumerate()
            .map(|(i, n)| Range::of_either(n.parse().unwrap(), i))
            .collect();
        let mut pairs: Vec<(usize, usize)> = overlapping_pairs(r, 8)
            .into_iter()
            .map(|(a, b)| (a.min(b), a.max(b)))
            .collect();
        pairs.sort();
        assert_eq!(pairs, vec![(0, 1), (0, 4), (1, 4), (3, 4)]);
    }

    #[test]
    fn adjacent_ranges_do_not_overlap() {
        assert!(first_overlaps(ranges(&["10.0.0.0/25", "10.0.0.128/25"])).is_empty());
        assert!(overlapping_pairs(ranges(&["0.0.0.0/1", "128.0.0.0/1"]), 4).is_empty());
    }
}

/// The first prefix of length `prefix` inside one of `within` (in order) that overlaps none
/// of `used`: a range to suggest when a value collides. Binary search per candidate.
pub fn first_free(used: &[Ipv4Net], within: &[Ipv4Net], prefix: u8) -> Option<Ipv4Net> {
    let mut taken: Vec<(u32, u32)> = used
        .iter()
        .map(|n| (n.network().into(), n.broadcast().into()))
        .collect();
    taken.sort_unstable();
    // Merge, so the ranges are disjoint and sorted by both ends.
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(taken.len());
    for (first, last) in taken {
        match merged.last_mut() {
            Some(prev) if first <= prev.1.saturating_add(1) => prev.1 = prev.1.max(last),
            _ => merged.push((first, last)),
        }
    }
    let is_free = |first: u32, last: u32| {
        let i = merged.partition_point(|&(_, l)| l < first);
        merged.get(i).is_none_or(|&(f, _)| f > last)
    };
    within.iter().find_map(|space| {
        space
            .subnets(prefix)
            .ok()?
            .find(|candidate| is_free(candidate.network().into(), candidate.broadcast().into()))
    })
}

#[cfg(test)]
mod free_tests {
    use super::first_free;
    use ipnet::Ipv4Net;

    fn nets(s: &[&str]) -> Vec<Ipv4Net> {
        s.iter().map(|n| n.parse().unwrap()).collect()
    }

    #[test]
    fn skips_used_ranges_and_spaces_that_are_full() {
        let used = nets(&["10.0.0.0/8", "172.16.0.0/16"]);
        let within = nets(&["10.0.0.0/8", "172.16.0.0/12"]);
        assert_eq!(
            first_free(&used, &within, 16),
            Some("172.17.0.0/16".parse().unwrap())
        );
        assert_eq!(first_free(&nets(&["0.0.0.0/0"]), &within, 16), None);
    }
}

/// CIDRs sorted by address, answering "which of these overlap this CIDR?" without a pass
/// over all of them. Two CIDRs either nest or are disjoint, so those overlapping a query
/// are the ones starting inside it (one contiguous run of the sorted list, found by binary
/// search) and its supernets starting before it (at most 32 exact look-ups).
#[derive(Debug)]
pub struct CidrIndex<T> {
    /// Sorted by (network address, prefix length).
    sorted: Vec<(Ipv4Net, T)>,
}

impl<T: Copy> CidrIndex<T> {
    pub fn new(mut nets: Vec<(Ipv4Net, T)>) -> Self {
        for (net, _) in &mut nets {
            *net = net.trunc();
        }
        nets.sort_by_key(|(net, _)| (net.network(), net.prefix_len()));
        CidrIndex { sorted: nets }
    }

    /// Every indexed CIDR that shares an address with `query`: supernets that start before
    /// it first (widest first), then, in address order, those that start inside it.
    /// O(log n) to find them, plus what is returned.
    pub fn overlapping(&self, query: Ipv4Net) -> impl Iterator<Item = (Ipv4Net, T)> + '_ {
        let query = query.trunc();
        let (first, last) = (query.network(), query.broadcast());
        let supernets = (0..query.prefix_len()).flat_map(move |prefix| {
            let net = Ipv4Net::new(first, prefix).map(|n| n.trunc()).ok();
            // A supernet starting at `first` itself lies in the run below.
            let slice: &[(Ipv4Net, T)] = match net.filter(|n| n.network() < first) {
                Some(net) => self.exactly(net),
                None => &[],
            };
            slice.iter().copied()
        });
        let start = self.sorted.partition_point(|(n, _)| n.network() < first);
        let end = self.sorted.partition_point(|(n, _)| n.network() <= last);
        supernets.chain(self.sorted[start..end].iter().copied())
    }

    /// The entries whose CIDR is exactly `net`.
    fn exactly(&self, net: Ipv4Net) -> &[(Ipv4Net, T)] {
        let key = (net.network(), net.prefix_len());
        let start = self
            .sorted
            .partition_point(|(n, _)| (n.network(), n.prefix_len()) < key);
        let end = self
            .sorted
            .partition_point(|(n, _)| (n.network(), n.prefix_len()) <= key);
        &self.sorted[start..end]
    }
}

#[cfg(test)]
mod index_tests {
    use super::CidrIndex;
    use ipnet::Ipv4Net;
    use std::collections::BTreeSet;

    fn net(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }

    #[test]
    fn finds_supernets_subnets_and_equals_but_not_neighbours() {
        let nets = [
            "10.0.0.0/8",
            "10.244.0.0/16",
            "10.244.1.0/24",
            "10.245.0.0/16",
            "10.244.0.0/14",
            "11.0.0.0/8",
        ];
        let index = CidrIndex::new(nets.iter().enumerate().map(|(i, n)| (net(n), i)).collect());
        let hits: BTreeSet<usize> = index.overlapping(net("10.244.0.0/16")).map(|(_, i)| i).collect();
        assert_eq!(hits, BTreeSet::from([0, 1, 2, 4]));
        assert_eq!(index.overlapping(net("12.0.0.0/8")).count(), 0);
    }

    fn arbitrary() -> impl proptest::strategy::Strategy<Value = Vec<Ipv4Net>> {
        use proptest::prelude::*;
        proptest::collection::vec((0u32..4096, 8u8..=32), 0..60).prop_map(|nets| {
            nets.into_iter()
                .map(|(offset, prefix)| {
                    Ipv4Net::new(std::net::Ipv4Addr::from(0x0a00_0000 + offset * 64), prefix)
                        .unwrap()
                        .trunc()
                })
                .collect()
        })
    }

    proptest::proptest! {
        /// Exactly the CIDRs a pairwise check finds, each once.
        #[test]
        fn agrees_with_brute_force(nets in arbitrary(), queries in arbitrary()) {
            let index = CidrIndex::new(nets.iter().copied().enumerate().map(|(i, n)| (n, i)).collect());
            for q in queries {
                let mut got: Vec<usize> = index.overlapping(q).map(|(_, i)| i).collect();
                got.sort_unstable();
                let want: Vec<usize> = nets
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.contains(&q.network()) || q.contains(&n.network()))
                    .map(|(i, _)| i)
                    .collect();
                proptest::prop_assert_eq!(got, want);
            }
        }
    }
}
