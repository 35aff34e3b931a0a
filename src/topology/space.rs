//! Free address space by sorting and sweeping: the occupied ranges sit sorted in a map, and
//! a search for a free aligned block jumps from one occupied range past its end to the next,
//! so its work grows with the ranges it meets, never with the candidates it could try
//! (a /8 holds 2^21 candidate /29s; a search over it meets only the ranges in its way).

use ipnet::Ipv4Net;
use std::collections::BTreeMap;

/// Address ranges taken, each with the subnet it belongs to when it is exactly one subnet's
/// (so that subnet can look for room as if its own range were free).
#[derive(Clone, Debug, Default)]
pub struct Occupied {
    /// first → (last, owner); entries are disjoint (overlapping ranges are merged, and a
    /// merged entry has no owner).
    ranges: BTreeMap<u64, (u64, Option<usize>)>,
}

/// `[first, last]` of a network, in u64 so that `last + 1` never overflows.
pub fn bounds(net: Ipv4Net) -> (u64, u64) {
    (
        u64::from(u32::from(net.network())),
        u64::from(u32::from(net.broadcast())),
    )
}

impl Occupied {
    /// The ranges, sorted and merged: O(n log n).
    pub fn new(ranges: impl IntoIterator<Item = (Ipv4Net, Option<usize>)>) -> Self {
        let mut sorted: Vec<(u64, u64, Option<usize>)> = ranges
            .into_iter()
            .map(|(net, owner)| {
                let (first, last) = bounds(net);
                (first, last, owner)
            })
            .collect();
        sorted.sort_unstable();
        let mut merged: Vec<(u64, u64, Option<usize>)> = Vec::with_capacity(sorted.len());
        for (first, last, owner) in sorted {
            match merged.last_mut() {
                Some(prev) if first <= prev.1 => {
                    // Overlapping ranges become one entry, owned by neither (unless it is the
                    // same range of the same owner twice).
                    if (prev.0, prev.1, prev.2) != (first, last, owner) {
                        prev.2 = None;
                    }
                    prev.1 = prev.1.max(last);
                }
                _ => merged.push((first, last, owner)),
            }
        }
        Occupied {
            ranges: merged.into_iter().map(|(f, l, o)| (f, (l, o))).collect(),
        }
    }

    /// Takes `net` for `owner`: O(log n) when it is free, as placements are.
    pub fn insert(&mut self, net: Ipv4Net, owner: Option<usize>) {
        let (mut first, mut last) = bounds(net);
        let mut owner = owner;
        // Absorb whatever overlaps it, so entries stay disjoint.
        while let Some((f, l, _)) = self.next_from(first, None).filter(|&(f, _, _)| f <= last) {
            self.ranges.remove(&f);
            first = first.min(f);
            last = last.max(l);
            owner = None;
        }
        self.ranges.insert(first, (last, owner));
    }

    /// The first entry that ends at or after `at`, skipping the one owned by `skip`.
    fn next_from(&self, at: u64, skip: Option<usize>) -> Option<(u64, u64, Option<usize>)> {
        let containing = self
            .ranges
            .range(..=at)
            .next_back()
            .filter(|(_, &(last, _))| last >= at);
        containing
            .into_iter()
            .chain(self.ranges.range(at.saturating_add(1)..))
            .map(|(&f, &(l, o))| (f, l, o))
            .find(|&(_, _, owner)| skip.is_none() || owner != skip)
    }

    /// The end of the entry that overlaps `[first, last]` and ends first, if any.
    fn conflict(&self, first: u64, last: u64, skip: Option<usize>) -> Option<u64> {
        self.next_from(first, skip)
            .filter(|&(f, _, _)| f <= last)
            .map(|(_, l, _)| l)
    }
}

/// The lowest block of `2^(32 - prefix)` addresses, aligned on its size, inside `[lo, hi]`
/// that no layer occupies (`skip` is the subnet looking, whose own range counts as free).
/// Each step either returns or jumps past an occupied range, so the work is bounded by the
/// ranges in `[lo, hi]`.
pub fn first_fit(layers: &[&Occupied], lo: u64, hi: u64, prefix: u8, skip: Option<usize>) -> Option<Ipv4Net> {
    let size = 1u64 << (32 - u32::from(prefix.min(32)));
    let mut at = lo.div_ceil(size) * size;
    loop {
        let end = at + size - 1;
        if end > hi {
            return None;
        }
        let blocked = layers.iter().filter_map(|o| o.conflict(at, end, skip)).max();
        match blocked {
            None => return net_at(at, prefix),
            // Past the blocking range, to the next aligned start.
            Some(last) => at = (last + 1).div_ceil(size) * size,
        }
    }
}

/// Whether `net` is free in every layer (`skip`'s own range counting as free).
pub fn is_free(layers: &[&Occupied], net: Ipv4Net, skip: Option<usize>) -> bool {
    let (first, last) = bounds(net);
    layers.iter().all(|o| o.conflict(first, last, skip).is_none())
}

fn net_at(first: u64, prefix: u8) -> Option<Ipv4Net> {
    let address = std::net::Ipv4Addr::from(u32::try_from(first).ok()?);
    Ipv4Net::new(address, prefix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }

    fn occupied(nets: &[&str]) -> Occupied {
        Occupied::new(nets.iter().enumerate().map(|(i, n)| (net(n), Some(i))))
    }

    fn within(s: &str) -> (u64, u64) {
        bounds(net(s))
    }

    #[test]
    fn finds_the_lowest_aligned_gap() {
        let o = occupied(&["10.0.0.0/24", "10.0.1.0/25", "10.0.4.0/22"]);
        let (lo, hi) = within("10.0.0.0/16");
        // /24s: 10.0.0 taken, 10.0.1 half taken, 10.0.2 free.
        assert_eq!(first_fit(&[&o], lo, hi, 24, None), Some(net("10.0.2.0/24")));
        // /25: the second half of 10.0.1.0/24.
        assert_eq!(first_fit(&[&o], lo, hi, 25, None), Some(net("10.0.1.128/25")));
        // /22: 10.0.0.0/22 blocked by the first two, 10.0.4.0/22 taken → 10.0.8.0/22.
        assert_eq!(first_fit(&[&o], lo, hi, 22, None), Some(net("10.0.8.0/22")));
        // Its own range is free to a subnet: the /24 at 10.0.0.0 for subnet 0.
        assert_eq!(first_fit(&[&o], lo, hi, 24, Some(0)), Some(net("10.0.0.0/24")));
        // Nothing larger than the space.
        assert_eq!(first_fit(&[&o], lo, hi, 15, None), None);
    }

    #[test]
    fn a_full_space_has_no_room_and_layers_add_up() {
        let o = occupied(&["10.0.0.0/17"]);
        let peers = occupied(&["10.0.128.0/17"]);
        let (lo, hi) = within("10.0.0.0/16");
        assert_eq!(first_fit(&[&o, &peers], lo, hi, 29, None), None);
        assert_eq!(first_fit(&[&o], lo, hi, 17, None), Some(net("10.0.128.0/17")));
        let (lo, hi) = within("0.0.0.0/0");
        assert_eq!(
            first_fit(&[&Occupied::default()], lo, hi, 0, None),
            Some(net("0.0.0.0/0"))
        );
    }

    #[test]
    fn insert_keeps_entries_disjoint() {
        let mut o = occupied(&["10.0.0.0/24"]);
        o.insert(net("10.0.1.0/24"), Some(7));
        o.insert(net("10.0.0.0/23"), None);
        let (lo, hi) = within("10.0.0.0/16");
        assert_eq!(first_fit(&[&o], lo, hi, 24, Some(7)), Some(net("10.0.2.0/24")));
        assert!(!is_free(&[&o], net("10.0.1.0/24"), Some(7)));
    }

    fn brute(o: &[(u64, u64)], lo: u64, hi: u64, prefix: u8) -> Option<u64> {
        let size = 1u64 << (32 - prefix);
        let mut at = lo.div_ceil(size) * size;
        while at + size - 1 <= hi {
            if o.iter().all(|&(f, l)| l < at || f > at + size - 1) {
                return Some(at);
            }
            at += size;
        }
        None
    }

    proptest::proptest! {
        /// The jumping search finds what trying every aligned candidate finds.
        #[test]
        fn first_fit_agrees_with_trying_every_candidate(
            taken in proptest::collection::vec((0u32..1024, 22u8..=30), 0..40),
            prefix in 20u8..=30,
        ) {
            let nets: Vec<Ipv4Net> = taken
                .iter()
                .map(|&(offset, p)| Ipv4Net::new(std::net::Ipv4Addr::from(0x0a00_0000 + offset * 256), p).unwrap().trunc())
                .collect();
            let o = Occupied::new(nets.iter().map(|&n| (n, None)));
            let (lo, hi) = within("10.0.0.0/14");
            let spans: Vec<(u64, u64)> = nets.iter().map(|&n| bounds(n)).collect();
            let got = first_fit(&[&o], lo, hi, prefix, None).map(|n| bounds(n).0);
            proptest::prop_assert_eq!(got, brute(&spans, lo, hi, prefix));
        }
    }
}
