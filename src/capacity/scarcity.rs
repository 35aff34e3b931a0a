//! Soft and hard limits of a dynamic pod subnet (docs/capacity.md).
//!
//! The scenario counts whole batches: the exhaustion point is where a node's next batch no
//! longer fits, so pods begin waiting for IPs — the *soft* limit. When the control plane marks
//! the subnet exhausted, the node agent shrinks its batches to 1 (subnet-scarcity mode, ACN
//! `cns/ipampool/monitor.go`): a node then holds one IP per pod plus its primary, and pods
//! still start until those exceed the usable IPs — the *hard* limit, where pods fail. Only the
//! dynamic mode has batches to shrink; static blocks, traditional reservations and /24 slots
//! are taken whole, so their exhaustion point is the only limit.

use super::{scenario, Exhaustion, Phase, RangeCapacity, Role};
use crate::topology::Topology;
use serde::Serialize;

/// One step of the scenario where a limit is reached, with that step's figures.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct LimitPoint {
    #[serde(serialize_with = "phase_name")]
    pub phase: Phase,
    pub step: u64,
    pub nodes: u64,
    pub pods: u64,
    /// IPs the step asks of the subnet: whole batches (soft), or pods plus primaries (hard).
    pub demand: u64,
}

impl LimitPoint {
    fn of(e: &Exhaustion) -> Self {
        LimitPoint {
            phase: e.phase,
            step: e.step,
            nodes: e.nodes,
            pods: e.pods,
            demand: e.demand,
        }
    }

    /// "at baseline (step 0)", "during scale-out, at step 7", "during the upgrade surge (step 12)".
    pub fn when(&self) -> String {
        match self.phase {
            Phase::Baseline => "at baseline (step 0)".to_string(),
            Phase::ScaleOut => format!("during scale-out, at step {}", self.step),
            Phase::Surge => format!("during the upgrade surge (step {})", self.step),
        }
    }
}

/// JSON names a phase as docs/json-output.md does: `baseline`, `scale-out`, `surge`.
fn phase_name<S: serde::Serializer>(phase: &Phase, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(phase.as_str())
}

/// What the limits of a range are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Limits {
    /// Not a dynamic pod subnet: IPs are taken whole, so there is no scarcity mode.
    NotDynamic,
    Dynamic {
        /// The step where a full batch no longer fits (the exhaustion point), if any.
        soft: Option<LimitPoint>,
        /// The step where pods plus primaries pass usable, in scarcity mode, if any.
        hard: Option<LimitPoint>,
        /// Peak of pods plus primaries: what the subnet must hold at the least.
        scarce_peak: u64,
    },
}

impl Limits {
    /// Why a range has no soft and hard limits, for the outputs that list every range.
    pub const NOT_DYNAMIC: &'static str = "Soft and hard limits apply to dynamic pod subnets only: \
        this range's IPs are taken whole (static blocks, traditional reservations, node IPs or /24 \
        slots), so its exhaustion point is its only limit";
}

/// The soft and hard limits of `c` under the plan's own settings.
pub fn limits(topology: &Topology, c: &RangeCapacity) -> Limits {
    let dynamic = c.role == Role::Pod && c.uses.iter().any(|u| u.mode == crate::mode::Mode::Dynamic);
    if !dynamic {
        return Limits::NotDynamic;
    }
    let scarce: Vec<_> = c
        .uses
        .iter()
        .map(|u| {
            // A use's pods are already clamped at max_pods; other modes sharing the subnet
            // (allocation-mode-conflict reports them) keep what they take, as does a cluster's
            // own use.
            let pods = u32::try_from(u.pods_per_node).unwrap_or(u32::MAX);
            let ips = u
                .pool_of(topology)
                .and_then(|pool| {
                    u.mode
                        .scarce_pod_subnet_ips(&topology.allocation, pool.max_pods.value, pods)
                })
                .unwrap_or(u.ips_per_node);
            super::PoolUse {
                ips_per_node: ips,
                ..u.clone()
            }
        })
        .collect();
    let hard = scenario::run(c.range, c.usable, scarce);
    Limits::Dynamic {
        soft: c.exhaustion.as_deref().map(LimitPoint::of),
        hard: hard.exhaustion.as_deref().map(LimitPoint::of),
        scarce_peak: hard.peak_demand,
    }
}
