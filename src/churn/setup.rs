//! What the trials run on, built once from the model: the plan cut into independent parts
//! (pools that share no range, directly or through other pools, never affect each other's
//! figures, so each part runs its trials alone and holds only its own peaks), and per pool
//! what a node takes from which range.

use crate::allocator::Batching;
use crate::capacity::Model;
use crate::capacity::Role;
use crate::mode::Mode;
use crate::topology::churn_settings::ChurnSettings;

/// Nodes one part may reach (full scale plus surge, every pool together): a memory bound, not
/// a time one. A trial holds each node (20 bytes, its pool's list reserved at full scale plus
/// surge) on every thread at once, and a plan's counts may be anything a u32 holds, so this
/// keeps a trial within 4 MB; AKS stops at 5,000 nodes per cluster, so a part beyond it is a
/// plan no cluster can be. How long the trials take is their count
/// ([`crate::topology::churn_settings::MAX_TRIALS`] at most) times the nodes, which `report`
/// bounds on its own.
pub const MAX_NODES_PER_PART: u64 = 200_000;

/// A pool by its cluster's and its own index in the topology; `None` for what the cluster
/// holds itself (its API server's and hosted system nodes' IPs), driven as a pool of no nodes.
type PoolKey = (usize, Option<usize>);

/// Clusters and pools that share ranges, and those ranges.
#[derive(Debug)]
pub struct Part {
    /// Indices into the model's capacity list, ascending.
    pub ranges: Vec<usize>,
    pub usable: Vec<u64>,
    pub pools: Vec<PoolPlan>,
    /// Each cluster's pools (indices into `pools`), clusters in plan order.
    pub clusters: Vec<Vec<usize>>,
}

/// One node pool as the trials drive it.
#[derive(Clone, Debug)]
pub struct PoolPlan {
    /// `cluster/pool`, as the explanation of a range's figures names it.
    pub name: String,
    /// The node agent's batches, for a dynamic-mode pool with a pod subnet; other pools take
    /// fixed IPs per node and their pods are not simulated.
    pub batching: Option<Batching>,
    /// The dynamic pod subnet (an index into the part's ranges).
    pub pod_range: Option<usize>,
    /// Ranges that take a fixed number of IPs (or /24 slots) per node, whatever its pods.
    pub fixed: Vec<(usize, u64)>,
    /// IPs the pool holds whatever its nodes: its pods on virtual nodes, one IP each, or (the
    /// cluster's own part) its API server's and hosted system nodes'.
    pub held: Vec<(usize, u64)>,
    pub baseline: u32,
    pub min: u32,
    pub full: u32,
    pub surge: u32,
    /// A node's pods are drawn from `pods_lo ..= pods_hi` (pods_per_node ± pods_spread), then
    /// clamped at max_pods.
    pub pods_lo: u32,
    pub pods_hi: u32,
    /// The scenario's pods per node, the middle of that range.
    pub pods: u32,
    pub max_pods: u32,
}

impl PoolPlan {
    /// The autoscaler can take nodes away (docs/plan-format.md: min_count below max_count).
    pub fn scales_in(&self) -> bool {
        self.min < self.full
    }
}

/// The plan's used ranges cut into parts, in the order of their first range.
pub fn parts(model: &Model, settings: &ChurnSettings) -> Result<Vec<Part>, String> {
    let capacity = &model.capacity;
    let used: Vec<usize> = (0..capacity.len())
        .filter(|&r| !capacity[r].uses.is_empty())
        .collect();
    // Pools, each with its uses (range, index among the range's uses), first seen first.
    let mut pools: Vec<(PoolKey, Vec<(usize, usize)>)> = Vec::new();
    let mut index: std::collections::HashMap<PoolKey, usize> = std::collections::HashMap::new();
    for &r in &used {
        for (k, u) in capacity[r].uses.iter().enumerate() {
            let i = *index.entry((u.cluster, u.pool)).or_insert_with(|| {
                pools.push(((u.cluster, u.pool), Vec::new()));
                pools.len() - 1
            });
            pools[i].1.push((r, k));
        }
    }
    // Union-find over ranges: a pool joins every range it uses.
    let mut parent: Vec<usize> = (0..capacity.len()).collect();
    fn root(parent: &mut [usize], mut r: usize) -> usize {
        while parent[r] != r {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        r
    }
    for (_, uses) in &pools {
        for pair in uses.windows(2) {
            let (a, b) = (root(&mut parent, pair[0].0), root(&mut parent, pair[1].0));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut part_of_root: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &r in &used {
        let root = root(&mut parent, r);
        let p = *part_of_root.entry(root).or_insert_with(|| {
            parts.push(Part {
                ranges: Vec::new(),
                usable: Vec::new(),
                pools: Vec::new(),
                clusters: Vec::new(),
            });
            parts.len() - 1
        });
        parts[p].ranges.push(r);
        parts[p].usable.push(capacity[r].usable);
    }
    // Pools in cluster, then pool order, so clusters list their pools as the plan does.
    pools.sort_by_key(|(key, _)| *key);
    let mut cluster_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); parts.len()];
    for ((cluster, pool), uses) in &pools {
        let Some(&(first, _)) = uses.first() else {
            continue;
        };
        let p = part_of_root[&root(&mut parent, first)];
        let plan = pool_plan(model, &parts[p].ranges, (*cluster, *pool), uses, settings);
        let at = parts[p].pools.len();
        parts[p].pools.push(plan);
        match cluster_of[p].iter_mut().find(|(c, _)| c == cluster) {
            Some((_, i)) => parts[p].clusters[*i].push(at),
            None => {
                cluster_of[p].push((*cluster, parts[p].clusters.len()));
                parts[p].clusters.push(vec![at]);
            }
        }
    }
    for part in &parts {
        let nodes = part
            .pools
            .iter()
            .map(|p| u64::from(p.full) + u64::from(p.surge))
            .fold(0u64, u64::saturating_add);
        if nodes > MAX_NODES_PER_PART {
            return Err(format!(
                "cannot run churn trials: pools that share ranges reach {nodes} nodes together, more than the {MAX_NODES_PER_PART} a trial holds (AKS stops at 5,000 per cluster)"
            ));
        }
    }
    Ok(parts)
}

/// A pool as the trials drive it: its node counts and spread, and what a node takes where.
fn pool_plan(
    model: &Model,
    ranges: &[usize],
    (cluster, pool): PoolKey,
    uses: &[(usize, usize)],
    settings: &ChurnSettings,
) -> PoolPlan {
    let topology = &model.topology;
    let local = |r: usize| ranges.binary_search(&r).ok();
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let Some(p) = pool.map(|p| &topology.clusters[cluster].pools[p]) else {
        // The cluster's own IPs: held from the baseline on, by a part of no nodes.
        let mut names: Vec<String> = Vec::new();
        let mut held = Vec::new();
        for &(r, k) in uses {
            let u = &model.capacity[r].uses[k];
            let name = crate::capacity::owner_name(topology, cluster, None, u.role);
            if !names.contains(&name) {
                names.push(name);
            }
            if let Some(at) = local(r) {
                held.push((at, u.baseline_nodes * u.ips_per_node));
            }
        }
        return PoolPlan {
            name: format!("{}/{}", topology.clusters[cluster].name.value, names.join(" ")),
            batching: None,
            pod_range: None,
            fixed: Vec::new(),
            held,
            baseline: 0,
            min: 0,
            full: 0,
            surge: 0,
            pods_lo: 0,
            pods_hi: 0,
            pods: 0,
            max_pods: 0,
        };
    };
    let mut plan = PoolPlan {
        name: format!("{}/{}", topology.clusters[cluster].name.value, p.name.value),
        batching: None,
        pod_range: None,
        fixed: Vec::new(),
        held: Vec::new(),
        baseline: clamp(u64::from(p.baseline_nodes.value)),
        min: p.min_nodes.value.min(p.baseline_nodes.value),
        full: 0,
        surge: 0,
        pods_lo: 0,
        pods_hi: 0,
        pods: 0,
        max_pods: p.max_pods.value,
    };
    for &(r, k) in uses {
        let u = &model.capacity[r].uses[k];
        {
            let Some(at) = local(r) else { continue };
            if u.role == Role::VirtualNode {
                plan.held.push((at, u.baseline_nodes * u.ips_per_node));
                continue;
            }
            plan.full = clamp(u.full_scale_nodes);
            plan.surge = clamp(u.surge_nodes);
            let pods = clamp(u.pods_per_node);
            plan.pods = pods;
            let spread = settings.pods_spread.of(f64::from(pods));
            plan.pods_lo = (f64::from(pods) - spread).round().max(0.0) as u32;
            // Not clamped here: a node draws from the whole range, then stops at max_pods.
            plan.pods_hi = ((f64::from(pods) + spread).round() as u32).max(plan.pods_lo);
            // Only a dynamic pool's pod-subnet IPs follow its pods; everything else is per node.
            if u.role == Role::Pod && u.mode == Mode::Dynamic {
                plan.batching = Some(Batching::new(&topology.allocation, p.max_pods.value));
                plan.pod_range = Some(at);
            } else {
                plan.fixed.push((at, u.ips_per_node));
            }
        }
    }
    plan
}
