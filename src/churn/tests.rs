//! The churn held to the deterministic scenario where they must agree, and to its own
//! promises: ordered percentiles, the same figures for the same seed.

use super::*;
use crate::capacity::Model;
use crate::config::Settings;
use crate::input::Input;
use crate::source::SourceFile;
use crate::topology::churn_settings::{Amount, ChurnSettings};
use proptest::prelude::*;

fn model(plan: &str) -> Model {
    let checked = crate::check::run(
        Input::single(SourceFile::new("plan.yaml", plan)),
        &Settings::default(),
    );
    checked.model.expect("the plan loads")
}

/// One cluster whose pools share a node subnet and a pod subnet.
fn plan(pools: &[(u32, u32, u32, u32, u32)], extra: &str) -> String {
    let mut text = String::from(
        "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/8]
    subnets:
      - {name: nodes, cidr: 10.0.0.0/16}
      - {name: pods, cidr: 10.1.0.0/16}
      - {name: blocks, cidr: 10.2.0.0/16}
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    node_pools:
",
    );
    for (i, &(min, max, max_pods, pods, surge)) in pools.iter().enumerate() {
        text.push_str(&format!(
            "      - {{name: p{i}, min_count: {min}, max_count: {max}, max_pods: {max_pods}, pods_per_node: {pods}, \
             max_surge: {surge}, vnet_subnet: nodes, pod_subnet: pods}}\n"
        ));
    }
    text.push_str(extra);
    text
}

fn quiet(trials: u32, seed: u64) -> ChurnSettings {
    ChurnSettings {
        trials,
        seed,
        ..ChurnSettings::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Without spread, rollouts or dips, a trial walks the deterministic scenario node by node
    /// through the allocator: one cluster's peak is exactly the scenario's, on every range.
    #[test]
    fn a_trial_without_churn_is_the_scenario(
        pools in proptest::collection::vec((0u32..6, 0u32..8, 10u32..=250, 0u32..=260, 0u32..4), 1..4),
    ) {
        let pools: Vec<(u32, u32, u32, u32, u32)> = pools
            .into_iter()
            .map(|(min, extra, max_pods, pods, surge)| {
                // AKS's bounds: max_pods × nodes ≥ 30 is a separate rule; surge ≤ nodes keeps
                // the scenario's "surge nodes join full" true (there are old nodes to drain).
                let max = (min + extra).max(1);
                (min, max, max_pods, pods, surge.min(max))
            })
            .collect();
        let model = model(&plan(&pools, ""));
        let settings = ChurnSettings { pods_spread: Amount::Percent(0.0), ..ChurnSettings::default() };
        let parts = setup::parts(&model, &settings).expect("small plan");
        for part in &parts {
            let peaks = trial::run_rounds(
                part,
                settings.rollout_surge,
                rng::Rng::for_trial(0, 0, 0),
                0,
                pool::Stepping::ByCounts,
            );
            for (local, &r) in part.ranges.iter().enumerate() {
                prop_assert_eq!(peaks[local], model.capacity[r].peak_demand, "range {}", r);
            }
        }
    }

    /// Pods moved in one step where the allocation is a function of the pod count give a
    /// trial the same peaks as pods moved one by one through the node agent's reconcile loop,
    /// on every range: over the scaler's settings (bands one batch wide, as the defaults, and
    /// wider or narrower ones that stay pod by pod), pool shapes and seeds.
    #[test]
    fn trials_by_pod_counts_are_trials_pod_by_pod(
        pools in proptest::collection::vec((0u32..5, 0u32..7, 3u32..=120, 0u32..=130, 0u32..4), 1..4),
        (batch, refill, band) in (1u32..=32, 0u32..=20, prop_oneof![3 => Just(0u32), 1 => 1u32..=24]),
        narrower in any::<bool>(),
        spread in 0u32..=60,
        seed in any::<u64>(),
    ) {
        let pools: Vec<(u32, u32, u32, u32, u32)> = pools
            .into_iter()
            .map(|(min, extra, max_pods, pods, surge)| {
                let max = (min + extra).max(1);
                (min, max, max_pods, pods, surge.min(max))
            })
            .collect();
        let release = if narrower { refill + batch.saturating_sub(band) } else { refill + batch + band };
        let extra = format!(
            "allocation:\n  batch_size: {batch}\n  refill_below: {refill}\n  release_at: {release}\n"
        );
        let model = model(&plan(&pools, &extra));
        let settings = ChurnSettings { pods_spread: Amount::Percent(f64::from(spread)), ..quiet(1, seed) };
        let parts = setup::parts(&model, &settings).expect("small plan");
        for (k, part) in parts.iter().enumerate() {
            for t in 0..3 {
                let rng = || rng::Rng::for_trial(seed, k as u64, t);
                let fast = trial::run_rounds(part, settings.rollout_surge, rng(), trial::ROUNDS, pool::Stepping::ByCounts);
                let slow = trial::run_rounds(part, settings.rollout_surge, rng(), trial::ROUNDS, pool::Stepping::PodByPod);
                prop_assert_eq!(fast, slow, "part {} trial {}", k, t);
            }
        }
    }

    /// Percentiles are ordered and nothing passes the maximum, whatever the plan.
    #[test]
    fn percentiles_are_ordered(
        pools in proptest::collection::vec((1u32..4, 0u32..6, 10u32..=250, 0u32..=250, 1u32..3), 1..3),
        seed in any::<u64>(),
    ) {
        let pools: Vec<(u32, u32, u32, u32, u32)> =
            pools.into_iter().map(|(min, extra, mp, pods, s)| (min, min + extra, mp, pods, s)).collect();
        let model = model(&plan(&pools, ""));
        let churn = run(&model, &quiet(40, seed), &Silent).expect("small plan");
        for row in &churn.subnets {
            prop_assert!(row.p50 <= row.p95 && row.p95 <= row.p99 && row.p99 <= row.max, "{row:?}");
            prop_assert!((0.0..=1.0).contains(&row.runs_out_share));
            prop_assert_eq!(row.runs_out_share == 0.0, row.max <= row.usable);
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_figures_and_another_seed_others() {
    let model = model(&plan(&[(2, 9, 110, 30, 1), (1, 4, 60, 40, 2)], ""));
    let a = serde_json::to_string(&run(&model, &quiet(300, 7), &Silent).unwrap()).unwrap();
    let b = serde_json::to_string(&run(&model, &quiet(300, 7), &Silent).unwrap()).unwrap();
    assert_eq!(a, b);
    let c = serde_json::to_string(&run(&model, &quiet(300, 8), &Silent).unwrap()).unwrap();
    assert_ne!(a, c);
    // On one thread as on many: each trial has its own stream, the peaks are kept in order.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let one = pool.install(|| serde_json::to_string(&run(&model, &quiet(300, 7), &Silent).unwrap()).unwrap());
    assert_eq!(a, one);
}

#[test]
fn rollouts_and_hysteresis_take_a_dynamic_subnet_past_the_steady_state() {
    // 30 pods per node hold 48 + 1 IPs; mid-rollout a node holds its pods, a quarter more
    // starting and a quarter terminating, which needs another batch.
    let model = model(&plan(&[(4, 10, 110, 30, 1)], ""));
    let churn = run(&model, &quiet(200, 0), &Silent).unwrap();
    let pods = churn.subnets.iter().find(|r| r.name == "pods").unwrap();
    assert_eq!(pods.scenario_peak, 11 * 49);
    assert!(pods.p95 > pods.scenario_peak, "{pods:?}");
    assert_eq!(pods.per_node, "dynamic");
    // The node subnet follows the node count only: full scale plus the surge node.
    let nodes = churn.subnets.iter().find(|r| r.name == "nodes").unwrap();
    assert_eq!((nodes.per_node, nodes.max), ("fixed", 11));
}

#[test]
fn the_plans_churn_block_is_read_and_bad_values_are_reported() {
    let text = plan(
        &[(1, 2, 30, 10, 1)],
        "churn:\n  trials: 50\n  seed: 42\n  rollout_surge: 5\n  pods_spread: \"10%\"\n",
    );
    let model = model(&text);
    let c = model.topology.churn;
    assert_eq!(
        (c.trials, c.seed, c.rollout_surge, c.pods_spread),
        (50, 42, Amount::Pods(5), Amount::Percent(10.0))
    );
    let bad = plan(
        &[(1, 2, 30, 10, 1)],
        "churn:\n  trials: 0\n  rollout_surge: 0%\n  pods_spread: lots\n",
    );
    let report = crate::check::check_source(SourceFile::new("plan.yaml", bad));
    let messages: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == crate::diagnostic::Rule::PlanSchema)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("`pods_spread` must be")));
    // Billions of trials would hold a CI job for days: refused at the value.
    let absurd = plan(&[(1, 2, 30, 10, 1)], "churn:\n  trials: 4000000000\n");
    let report = crate::check::check_source(SourceFile::new("plan.yaml", absurd));
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message == "`trials` must be from 1 to 100000, not 4000000000"),
        "{:?}",
        report.findings
    );
    let unknown = plan(&[(1, 2, 30, 10, 1)], "churn:\n  trails: 5\n");
    let report = crate::check::check_source(SourceFile::new("plan.yaml", unknown));
    assert!(report.findings.iter().any(|f| f.message.contains("trails")));
}

#[test]
fn ranges_of_other_modes_follow_the_node_count() {
    // A static-block pool: its blocks are fixed per node, so every trial peaks at full scale
    // plus the surge, as the scenario does.
    let text = "version: 1
vnets:
  - name: v
    address_space: [10.0.0.0/8]
    subnets:
      - {name: nodes, cidr: 10.0.0.0/16}
      - {name: blocks, cidr: 10.2.0.0/16}
clusters:
  - name: c
    service_cidr: 192.168.0.0/16
    dns_service_ip: 192.168.0.10
    kubernetes_version: \"1.30\"
    node_pools:
      - {name: s, min_count: 2, max_count: 5, max_pods: 31, vnet_subnet: nodes, pod_subnet: blocks, pod_ip_allocation_mode: StaticBlock}
";
    let model = model(text);
    let churn = run(&model, &quiet(50, 0), &Silent).unwrap();
    for row in &churn.subnets {
        assert_eq!(row.per_node, "fixed");
        assert_eq!(
            (row.p50, row.max),
            (row.scenario_peak, row.scenario_peak),
            "{row:?}"
        );
    }
}

#[test]
fn nearest_rank_percentiles() {
    let v: Vec<u64> = (1..=1000).collect();
    assert_eq!(
        (percentile(&v, 50), percentile(&v, 95), percentile(&v, 99)),
        (500, 950, 990)
    );
    assert_eq!(percentile(&[7], 50), 7);
    assert_eq!(percentile(&[1, 2], 50), 1);
    assert_eq!(percentile(&[1, 2], 99), 2);
    assert_eq!(percentile(&[], 50), 0);
}
