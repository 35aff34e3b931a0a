//! `cidr: auto` and `cidr: auto/22`: subnets cniplan sizes and places before anything else
//! reads the topology, so every rule and the scenario see them as if written.
//!
//! Several auto subnets are placed together without overlapping: largest first (a large
//! block is the hardest to fit), then in plan order, each taking the lowest free aligned
//! block of its VNet's address space (written order) before the next one looks. The same
//! plan always gets the same places, and `size --write` writes exactly these.

use super::{peer_spaces, place_in_vnet, size_subnet, vnet_occupied, Sizing};
use crate::capacity::{self, PoolKnobs};
use crate::topology::{Cidr, Topology};
use std::collections::BTreeMap;

/// Sizes and places every auto subnet of `topology`: its `cidr` gets the range found, and its
/// `auto` records the prefix looked for and the peak it was sized for (the `auto-cidr` rule
/// reports both, or that no free range was left).
pub fn place(topology: &mut Topology) {
    let autos: Vec<usize> = (0..topology.subnets.len())
        .filter(|&s| topology.subnets[s].auto.is_some())
        .collect();
    if autos.is_empty() {
        return;
    }
    let uses = capacity::pool_uses(topology, PoolKnobs::of);
    let mut wanted: Vec<(usize, Sizing)> = autos
        .iter()
        .map(|&s| {
            let sized = size_subnet(topology, s, &uses.subnets[s]);
            let fixed = topology.subnets[s].auto.as_ref().and_then(|a| a.prefix);
            match fixed {
                // `auto/22`: the size is the user's; the peak is still worth reporting.
                Some(p) => (
                    s,
                    Sizing {
                        prefix: Some(p),
                        capped: false,
                        ..sized
                    },
                ),
                None => (s, sized),
            }
        })
        .collect();
    // Largest first (the shortest prefix), then plan order; unsizable ones last.
    wanted.sort_by_key(|&(s, sizing)| (sizing.prefix.is_none(), sizing.prefix, s));
    let mut occupied = vnet_occupied(topology);
    let peers = topology.peers();
    let mut peer_layers = BTreeMap::new();
    for (s, sizing) in wanted {
        let vnet = topology.subnets[s].vnet;
        let placed = sizing.prefix.and_then(|prefix| {
            let peer_layer = peer_layers
                .entry(vnet)
                .or_insert_with(|| peer_spaces(topology, &peers, vnet));
            place_in_vnet(topology, vnet, &[&occupied, peer_layer], prefix, None)
        });
        let subnet = &mut topology.subnets[s];
        let Some(auto) = subnet.auto.as_mut() else {
            continue;
        };
        auto.sized = sizing.prefix;
        auto.capped = sizing.capped;
        auto.peak_demand = sizing.peak_demand;
        if let Some(net) = placed {
            occupied.insert(net, Some(s));
            subnet.cidr = Some(Cidr {
                written: net,
                span: auto.span,
                defaulted: true,
            });
        }
    }
}
