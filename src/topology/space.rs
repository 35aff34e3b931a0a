//! Free address space by sorting and sweeping: the occupied ranges sit sorted in a map, and
//! a search for a free aligned block jumps from one run of occupied ranges past its end to
//! the next, so its work grows with the runs it meets, never with the candidates it could try
//! (a /8 holds 2^21 candidate /29s; a search over it meets only the runs in its way) nor with
//! the subnets side by side in a run (a thousand adjacent /24s are one jump).

use ipnet::Ipv4Net;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};

/// Address ranges taken, each with the subnet it belongs to when it is exactly one subnet's
/// (so that subnet can look for room as if its own range were free).
#[derive(Clone, Debug, Default)]
pub struct Occupied {
    /// first → (last, owner); entries are disjoint (overlapping ranges are merged, and a
    /// merged entry has no owner).
    ranges: BTreeMap<u64, (u64, Option<usize>)>,
    /// The same addresses as runs, first → last: entries that overlap or touch joined, so a
    /// search jumps past a run of a thousand adjacent subnets in one step, not a thousand.
    runs: BTreeMap<u64, u64>,
    /// (owner, first) of every entry that is exactly one subnet's: the holes its own ranges
    /// make in a run when that subnet looks for room.
    owned: BTreeSet<(usize, u64)>,
}

/// Runs met by free-range searches in this process, for tests that count work
/// (tests/linear_work.rs) instead of timing it.
static STEPS: AtomicU64 = AtomicU64::new(0);

/// Runs met by free-range searches so far ([`first_fit`], [`is_free`]): a count of work.
pub fn steps() -> u64 {
    STEPS.load(Ordering::Relaxed)
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
        let mut occupied = Occupied::default();
        for (first, last, owner) in merged {
            occupied.add(first, last, owner);
        }
        occupied
    }

    /// Adds an entry disjoint from every other: to the map, its owner's holes, and its run
    /// (joined with the runs it touches).
    fn add(&mut self, first: u64, last: u64, owner: Option<usize>) {
        self.ranges.insert(first, (last, owner));
        if let Some(o) = owner {
            self.owned.insert((o, first));
        }
        let (mut run_first, mut run_last) = (first, last);
        // The run that ends right before it, or contains it.
        if let Some((&f, &l)) = self.runs.range(..=first).next_back() {
            if l.saturating_add(1) >= first {
                self.runs.remove(&f);
                run_first = f;
                run_last = run_last.max(l);
            }
        }
        // The runs that start inside it or right after it.
        while let Some((&f, &l)) = self.runs.range(run_first..).next() {
            if f > run_last.saturating_add(1) {
                break;
            }
            self.runs.remove(&f);
            run_last = run_last.max(l);
        }
        self.runs.insert(run_first, run_last);
    }

    /// Takes `net` for `owner`: O(log n) when it is free, as placements are.
    pub fn insert(&mut self, net: Ipv4Net, owner: Option<usize>) {
        let (mut first, mut last) = bounds(net);
        let mut owner = owner;
        // Absorb whatever overlaps it, so entries stay disjoint.
        while let Some((f, l, _)) = self.next_from(first, None).filter(|&(f, _, _)| f <= last) {
            if let Some((_, Some(o))) = self.ranges.remove(&f) {
                self.owned.remove(&(o, f));
            }
            first = first.min(f);
            last = last.max(l);
            owner = None;
        }
        self.add(first, last, owner);
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

    /// Where the first stretch of taken addresses that overlaps `[first, last]` ends, if any
    /// does (`skip`'s own entries counting as free): the end of its run, or of the part of
    /// the run before one of `skip`'s entries. Every address from the overlap to that end is
    /// taken, so a search may jump past it.
    fn conflict(&self, first: u64, last: u64, skip: Option<usize>) -> Option<u64> {
        let start = self
            .runs
            .range(..=first)
            .next_back()
            .filter(|(_, &l)| l >= first)
            .map_or(first, |(&f, _)| f);
        let overlaps = |a: u64, b: u64| a <= b && a <= last && b >= first;
        for (&run_first, &run_last) in self.runs.range(start..) {
            STEPS.fetch_add(1, Ordering::Relaxed);
            if run_first > last {
                return None;
            }
            let mut from = run_first;
            if let Some(o) = skip {
                for &(_, hole) in self.owned.range((o, run_first)..=(o, run_last)) {
                    if hole > from && overlaps(from, hole - 1) {
                        return Some(hole - 1);
                    }
                    from = self.ranges.get(&hole).map_or(hole, |&(l, _)| l) + 1;
                }
            }
            if overlaps(from, run_last) {
                return Some(run_last);
            }
        }
        None
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

    proptest::proptest! {
        /// With runs of adjacent ranges, a subnet's own ranges as holes and ranges taken
        /// afterwards, the search still finds what trying every aligned candidate finds.
        #[test]
        fn first_fit_with_holes_and_inserts_agrees_with_trying_every_candidate(
            taken in proptest::collection::vec((0u32..256, 22u8..=30, 0usize..4), 0..40),
            later in proptest::collection::vec((0u32..256, 22u8..=30), 0..6),
            prefix in 20u8..=30,
            skip in proptest::option::of(0usize..4),
        ) {
            let at = |offset: u32, p: u8| Ipv4Net::new(std::net::Ipv4Addr::from(0x0a00_0000 + offset * 256), p).unwrap().trunc();
            let nets: Vec<(Ipv4Net, Option<usize>)> = taken.iter().map(|&(o, p, owner)| (at(o, p), Some(owner))).collect();
            let mut o = Occupied::new(nets.iter().copied());
            for &(offset, p) in &later {
                o.insert(at(offset, p), None);
            }
            // What counts as taken: the entries as `new` and `insert` merge them, `skip`'s
            // own (unmerged) ranges free.
            let (lo, hi) = within("10.0.0.0/14");
            let spans: Vec<(u64, u64)> = o
                .ranges
                .iter()
                .filter(|(_, &(_, owner))| skip.is_none() || owner != skip)
                .map(|(&f, &(l, _))| (f, l))
                .collect();
            let got = first_fit(&[&o], lo, hi, prefix, skip).map(|n| bounds(n).0);
            proptest::prop_assert_eq!(got, brute(&spans, lo, hi, prefix));
            for &(offset, p, _) in &taken {
                let net = at(offset, p);
                let (f, l) = bounds(net);
                let free = spans.iter().all(|&(a, b)| b < f || a > l);
                proptest::prop_assert_eq!(is_free(&[&o], net, skip), free);
            }
        }
    }
}
