//! subnet-headroom: a subnet that holds the peak, but with less spare than
//! `allocation.headroom_warning` leaves; IP release lags pod deletion and upgrades surge.

use super::free_range::{PodCidrPlaces, SubnetPlaces};
use super::pod_cidr_exhausted;
use super::sizing::{resize_fix, resize_help};
use crate::capacity::{RangeCapacity, Role};
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::numbers::thousands;
use crate::topology::Topology;

pub fn check(topology: &Topology, capacity: &[RangeCapacity], out: &mut Vec<Finding>) {
    let headroom = topology.allocation.headroom_warning;
    // An API server subnet holds a fixed 9 IPs per cluster, with no surge to leave room
    // for: AKS's minimum /28 is 82 % full by design (api-server-subnet checks it).
    let (mut subnets, mut pod_cidrs) = (SubnetPlaces::default(), PodCidrPlaces::default());
    for c in capacity
        .iter()
        .filter(|c| c.exhaustion.is_none() && !c.uses.is_empty() && c.role != Role::ApiServer)
    {
        let Some(utilization) = c.utilization() else {
            continue;
        };
        if utilization <= headroom {
            continue;
        }
        let Some(cidr) = c.cidr(topology) else { continue };
        let fix = match c.subnet() {
            Some(_) => resize_fix(topology, c, &mut subnets),
            None => pod_cidr_exhausted::resize_fix(topology, c, capacity, &mut pod_cidrs),
        };
        let finding = Finding::new(
            Rule::SubnetHeadroom,
            cidr.span,
            format!(
                "{} ({}) peaks at {} of {} usable {} ({:.0} %), above the {:.0} % headroom",
                c.describe(topology),
                cidr.net(),
                thousands(c.peak_demand),
                thousands(c.usable),
                c.unit(),
                utilization * 100.0,
                headroom * 100.0
            ),
        )
        // A pod CIDR is sized in /24 node slots, not IPs.
        .help(pod_cidr_exhausted::resize_help(topology, c).unwrap_or_else(|| resize_help(topology, c)));
        out.push(match fix {
            Some(fix) => finding.fix(fix),
            None => finding,
        });
    }
}
