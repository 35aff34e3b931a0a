//! The sizing help of the capacity rules (pod-subnet-exhausted, node-subnet-exhausted,
//! subnet-headroom): the smallest subnet that holds the peak, never one another rule forbids,
//! and only the settings that change that subnet's demand.

use super::free_range::{single_cidr, SubnetPlaces};
use crate::capacity::{pod_cidr_slots, smallest_prefix_for, usable_ips, PoolUse, RangeCapacity, Role};
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::limits::{LARGEST_POD_SUBNET_PREFIX, LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX};
use crate::mode::Mode;
use crate::numbers::thousands;
use crate::topology::Topology;
use std::collections::BTreeMap;

/// "use a /22 or larger …": the smallest prefix whose usable IPs hold the peak within the
/// plan's headroom; for a dynamic-mode pod subnet that would pass a /16, how many /16s instead.
pub fn resize_help(topology: &Topology, c: &RangeCapacity) -> String {
    let headroom = topology.allocation.headroom_warning;
    let percent = (headroom * 100.0).round();
    let settings = &settings_text(topology, c);
    let Some(subnet) = c.subnet() else {
        return pod_cidr_help(c.peak_demand, headroom, settings);
    };
    let reserved = topology.subnets[subnet].reserved_ips.value;
    let peak = thousands(c.peak_demand);
    let smallest = smallest_prefix_for(c.peak_demand, reserved, headroom);
    // Only dynamic allocation stops at a /16; static block takes pod subnets up to a /12.
    let dynamic = c.uses.iter().any(|u| u.mode == Mode::Dynamic);
    if c.role == Role::Pod && dynamic && smallest.is_none_or(|p| p < LARGEST_POD_SUBNET_PREFIX) {
        let lead = match smallest {
            Some(p) => format!("a /{p} would hold the peak of {peak} IPs within the {percent} % headroom"),
            None => format!("no subnet holds the peak of {peak} IPs within the {percent} % headroom"),
        };
        let per_subnet = (usable_ips(LARGEST_POD_SUBNET_PREFIX, reserved) as f64 * headroom).floor() as u64;
        return split_help(topology, c, &lead, per_subnet, settings);
    }
    match smallest {
        Some(p) => format!(
            "use a /{p} or larger: it holds the peak of {peak} IPs within the {percent} % headroom; \
             or lower {settings}"
        ),
        None => format!("no single subnet holds the peak of {peak} IPs; give pools their own subnets, or lower {settings}"),
    }
}

/// The settings that change the range's demand, as a help names them.
fn settings_text(topology: &Topology, c: &RangeCapacity) -> String {
    let settings = demand_settings(c.role);
    // A provisioned pool's bound is its max_nodes (the NodePool's limits).
    let provisioned = c
        .uses
        .iter()
        .any(|u| u.pool_of(topology).is_some_and(|p| p.provisioned));
    if provisioned {
        settings.replace(
            "(max_count or node_count)",
            "(max_count, node_count or max_nodes)",
        )
    } else {
        settings.to_string()
    }
}

/// The subnet grown to hold its peak within the headroom: candidates at its own start, then
/// free ranges of its VNet. None for a range with several prefixes or written `auto`, and for
/// a pod subnet the mode caps below its peak (its pools must be split: see [`resize_help`]).
/// Unsafe: the subnet may exist, and Azure changes the prefix of a subnet in use only by
/// recreating it.
pub fn resize_fix(topology: &Topology, c: &RangeCapacity, places: &mut SubnetPlaces) -> Option<Fix> {
    let s = c.subnet()?;
    let cidr = single_cidr(topology, s)?;
    let reserved = topology.subnets[s].reserved_ips.value;
    let headroom = topology.allocation.headroom_warning;
    let smallest = smallest_prefix_for(c.peak_demand, reserved, headroom)?;
    let pod_mode = |mode| c.role == Role::Pod && c.uses.iter().any(|u| u.mode == mode);
    let limit = if pod_mode(Mode::Dynamic) {
        LARGEST_POD_SUBNET_PREFIX
    } else if pod_mode(Mode::StaticBlock) {
        LARGEST_STATIC_BLOCK_POD_SUBNET_PREFIX
    } else {
        0
    };
    if smallest < limit {
        return None;
    }
    let prefix = smallest.min(cidr.net().prefix_len());
    let vnet = &topology.vnets[topology.subnets[s].vnet].name.value;
    let percent = (headroom * 100.0).round();
    let peak = thousands(c.peak_demand);
    let settings = settings_text(topology, c);
    let fix = places.for_subnet(topology, s, prefix).into_iter().fold(
        Fix::new(Applicability::Unsafe),
        |fix, net| {
            let place = if net.network() == cidr.net().network() {
                "the subnet grown in place".to_string()
            } else {
                format!("a free /{prefix} of VNet `{vnet}`")
            };
            fix.candidate(
                format!("set `cidr: {net}`"),
                format!(
                    "use `{net}`, {place}: it holds the peak of {peak} IPs within the {percent} % headroom; \
                     or lower {settings}"
                ),
                vec![Edit::replace(cidr.span, cidr.written, net)],
            )
        },
    );
    Some(fix)
}

/// A pod CIDR holds one node per /24: the smallest prefix whose slots hold the peak nodes
/// within the headroom.
fn pod_cidr_help(peak_nodes: u64, headroom: f64, settings: &str) -> String {
    let percent = (headroom * 100.0).round();
    let node = crate::limits::POD_CIDR_NODE_PREFIX;
    match (0..=node).rev().find(|&p| pod_cidr_slots(p) as f64 * headroom >= peak_nodes as f64) {
        Some(p) => format!(
            "use a /{p} pod CIDR or larger: it holds {} nodes, the peak of {} within the {percent} % headroom              (one /24 per node); or lower {settings}",
            thousands(pod_cidr_slots(p)),
            thousands(peak_nodes)
        ),
        None => format!("no pod CIDR holds {} nodes; lower {settings}", thousands(peak_nodes)),
    }
}

/// The settings that change a subnet's demand: a dynamic-mode node takes 1 node-subnet IP
/// whatever its pods, and a traditional node reserves 1 + max_pods whatever its pods.
fn demand_settings(role: Role) -> &'static str {
    match role {
        Role::Pod => "max_pods, pods_per_node, the node count (max_count or node_count) or max_surge",
        Role::NodePod => "max_pods, the node count (max_count or node_count) or max_surge",
        Role::Node | Role::PodCidr | Role::Unused => "the node count (max_count or node_count) or max_surge",
        Role::VirtualNode => "virtual_node_pods",
        Role::ApiServer => "the clusters sharing it",
        Role::HostedSystem => "nothing of the plan: AKS scales its hosted system nodes",
    }
}

/// A pod subnet stops at a /16 (pod-subnet-too-large) and a pool takes its pod IPs from one
/// subnet: the pools go over several /16s, and a pool that no /16 holds alone is split.
fn split_help(topology: &Topology, c: &RangeCapacity, lead: &str, per_subnet: u64, settings: &str) -> String {
    let limit =
        format!("a dynamic-mode pod subnet stops at a /{LARGEST_POD_SUBNET_PREFIX} (pod-subnet-too-large)");
    let too_large: Vec<&PoolUse> = c.uses.iter().filter(|u| pool_peak(u) > per_subnet).collect();
    let Some(first) = too_large.first() else {
        let subnets = subnets_needed(&c.uses, per_subnet, None);
        return format!(
            "{lead}, but {limit}: split the pools over {} /{LARGEST_POD_SUBNET_PREFIX} pod subnets \
             (each holds {} IPs within the headroom), or lower {settings}",
            thousands(subnets),
            thousands(per_subnet)
        );
    };
    // The fewest nodes per /16 among those pools, so one figure is safe for all of them.
    let most_nodes = too_large
        .iter()
        .map(|u| per_subnet / u.ips_per_node.max(1))
        .min()
        .unwrap_or(0);
    let whose = crate::capacity::owner_phrase(topology, first.cluster, first.pool, first.role);
    let more = match too_large.len() - 1 {
        0 => String::new(),
        n => format!(" (and {n} more)"),
    };
    let peak_nodes = first.full_scale_nodes.saturating_add(first.surge_nodes);
    let which = format!(
        "{whose}{more} peaks at {} IPs ({} nodes × {})",
        thousands(pool_peak(first)),
        thousands(peak_nodes),
        thousands(first.ips_per_node)
    );
    if most_nodes == 0 {
        return format!(
            "{lead}, but {limit}, {} IPs within the headroom, and one node of {which} takes more: lower max_pods \
             or pods_per_node",
            thousands(per_subnet)
        );
    }
    let subnets = subnets_needed(&c.uses, per_subnet, Some(most_nodes));
    format!(
        "{lead}, but {limit}, {} IPs within the headroom, and a pool takes its pod IPs from one subnet: {which}. \
         Split such pools into pools of at most {} nodes at their peak (max_count plus max_surge), over {} \
         /{LARGEST_POD_SUBNET_PREFIX} pod subnets in all; or lower {settings}",
        thousands(per_subnet),
        thousands(most_nodes),
        thousands(subnets)
    )
}

/// A pool's IPs here at its own peak: full scale plus its own surge. A subnet's peak counts
/// one surging pool per cluster, so pools grouped by these figures always fit.
fn pool_peak(u: &PoolUse) -> u64 {
    u.full_scale_nodes
        .saturating_add(u.surge_nodes)
        .saturating_mul(u.ips_per_node)
}

/// How many subnets of `capacity` IPs hold the pools, each pool whole, or cut into pools of at
/// most `most_nodes` nodes when it does not fit one alone: best fit decreasing, a packing
/// that exists (so the count is one a user can follow), in O(n log n).
fn subnets_needed(uses: &[PoolUse], capacity: u64, most_nodes: Option<u64>) -> u64 {
    let mut whole_subnets: u64 = 0;
    let mut items: Vec<u64> = Vec::with_capacity(uses.len());
    for u in uses {
        let peak = pool_peak(u);
        match most_nodes {
            Some(most) if peak > capacity => {
                // Full pieces of `most` nodes: counted, not listed (a pool may have billions).
                let nodes = u.full_scale_nodes.saturating_add(u.surge_nodes);
                whole_subnets = whole_subnets.saturating_add(nodes / most);
                let rest = nodes % most;
                if rest > 0 {
                    items.push(rest.saturating_mul(u.ips_per_node));
                }
            }
            _ => items.push(peak),
        }
    }
    items.sort_unstable_by(|a, b| b.cmp(a));
    // Free IPs of each open subnet → how many subnets have that much free.
    let mut free: BTreeMap<u64, u64> = BTreeMap::new();
    let mut opened: u64 = 0;
    for item in items.into_iter().filter(|&i| i > 0) {
        let room = free.range(item..).next().map(|(&room, _)| room);
        let room = match room {
            Some(room) => {
                take_one(&mut free, room);
                room
            }
            None => {
                opened += 1;
                capacity.max(item)
            }
        };
        *free.entry(room - item).or_default() += 1;
    }
    whole_subnets.saturating_add(opened)
}

fn take_one(free: &mut BTreeMap<u64, u64>, room: u64) {
    if let Some(count) = free.get_mut(&room) {
        *count -= 1;
        if *count == 0 {
            free.remove(&room);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(nodes: u64, surge: u64, ips: u64) -> PoolUse {
        PoolUse {
            cluster: 0,
            pool: Some(0),
            role: Role::Pod,
            mode: Mode::Dynamic,
            ips_per_node: ips,
            stranded_per_node: 0,
            pods_per_node: 0,
            baseline_nodes: 1,
            full_scale_nodes: nodes,
            surge_nodes: surge,
        }
    }

    #[test]
    fn pools_that_fit_alone_are_packed_whole() {
        // 49,049 each: no two share a /16 of 52,424.
        let uses = vec![pool(1000, 1, 49); 3];
        assert_eq!(subnets_needed(&uses, 52_424, None), 3);
        // 10,000 + 20,000 + 30,000 + 40,000 → {40k, 10k}, {30k, 20k}.
        let uses: Vec<PoolUse> = (1..=4).map(|k| pool(k * 1000, 0, 10)).collect();
        assert_eq!(subnets_needed(&uses, 52_424, None), 2);
    }

    #[test]
    fn a_pool_larger_than_a_subnet_is_cut_into_pieces() {
        // 1,001 nodes at 208 per /16: 4 full pieces and one of 169 nodes.
        assert_eq!(subnets_needed(&[pool(1000, 1, 251)], 52_424, Some(208)), 5);
        // Billions of nodes are counted, not listed.
        assert_eq!(
            subnets_needed(&[pool(u64::from(u32::MAX), 0, 1)], 1_000, Some(1_000)),
            u64::from(u32::MAX).div_ceil(1_000)
        );
    }
}
