//! vnet-overlap: address spaces that overlap. Peered VNets, or a VNet and an external
//! network, cannot route to each other (error); unpeered VNets can never be peered or
//! connected later without renumbering (warning).

use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use crate::diagnostic::{Finding, Severity};
use crate::overlap::{overlapping_pairs, Range};
use crate::topology::Topology;
use ipnet::IpNet;
use std::collections::HashMap;

/// Overlapping ranges looked at per range: enough for any real plan, bounded when a hostile
/// one stacks thousands of ranges on one address.
const PAIRS_PER_RANGE: usize = 16;
/// Findings per range: every error up to this many, but one warning (an unpeered overlap says
/// the same thing each time).
const ERRORS_PER_RANGE: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    Vnet(usize, usize),
    External(usize, usize),
}

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    // Every prefix of either family (a dual-stack VNet's IPv6 ones meet only IPv6 ones).
    let spaces: Vec<Vec<(IpNet, Span)>> = topology.vnets.iter().map(|v| v.spaces().collect()).collect();
    let mut ranges = Vec::new();
    for (v, prefixes) in spaces.iter().enumerate() {
        ranges.extend(
            prefixes
                .iter()
                .enumerate()
                .map(|(i, &(net, _))| Range::of_either(net, Owner::Vnet(v, i))),
        );
    }
    for (e, ext) in topology.external_networks.iter().enumerate() {
        ranges.extend(
            ext.cidrs
                .iter()
                .enumerate()
                .map(|(i, c)| Range::of_either(IpNet::V4(c.net()), Owner::External(e, i))),
        );
    }
    let cidr = |owner| prefix(topology, &spaces, owner);
    let peers = topology.peers();
    let mut reported: HashMap<(u8, usize, usize), usize> = HashMap::new();
    for (a, b) in overlapping_pairs(ranges, PAIRS_PER_RANGE) {
        let (severity, why) = match (a, b) {
            (Owner::External(..), Owner::External(..)) => continue,
            (Owner::Vnet(x, _), Owner::Vnet(y, _)) if x == y => (Severity::Error, "within one VNet"),
            (Owner::Vnet(x, _), Owner::Vnet(y, _)) if peers[x].contains(&y) => {
                (Severity::Error, "peered VNets cannot route to overlapping ranges")
            }
            (Owner::Vnet(..), Owner::Vnet(..)) => (
                Severity::Warning,
                "these VNets are not peered, but could never be peered or connected without renumbering",
            ),
            _ => (
                Severity::Error,
                "traffic to the external network's range would stay in the VNet",
            ),
        };
        let (first, second) = {
            let (ca, cb) = (cidr(a), cidr(b));
            if ca.1.start <= cb.1.start {
                ((a, ca), (b, cb))
            } else {
                ((b, cb), (a, ca))
            }
        };
        let count = reported.entry(key(second.0, severity)).or_default();
        let limit = if severity == Severity::Error {
            ERRORS_PER_RANGE
        } else {
            1
        };
        if *count >= limit {
            continue;
        }
        *count += 1;
        out.push(
            Finding::new(
                Rule::VnetOverlap,
                second.1 .1,
                format!(
                    "{} ({}) overlaps {} ({}): {why}",
                    describe(topology, second.0),
                    second.1 .0,
                    describe(topology, first.0),
                    first.1 .0
                ),
            )
            .severity(severity)
            .help("give each network its own address range")
            .related(first.1 .1, format!("{} is here", describe(topology, first.0))),
        );
    }
}

/// The labelled range and severity a finding is counted under.
fn key(owner: Owner, severity: Severity) -> (u8, usize, usize) {
    let tag = u8::from(severity == Severity::Error);
    match owner {
        Owner::Vnet(v, i) => (tag, v, i),
        Owner::External(e, i) => (tag + 2, e, i),
    }
}

/// The prefix an owner names, and where it is written.
fn prefix(topology: &Topology, spaces: &[Vec<(IpNet, Span)>], owner: Owner) -> (IpNet, Span) {
    match owner {
        Owner::Vnet(v, i) => spaces[v][i],
        Owner::External(e, i) => {
            let c = &topology.external_networks[e].cidrs[i];
            (IpNet::V4(c.net()), c.span)
        }
    }
}

fn describe(topology: &Topology, owner: Owner) -> String {
    match owner {
        Owner::Vnet(v, _) => format!("VNet `{}`", topology.vnets[v].name.value),
        Owner::External(e, _) => format!("external network `{}`", topology.external_networks[e].name.value),
    }
}
