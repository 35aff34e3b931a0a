//! `cniplan report`: the figures the page shows, each from the function its own command
//! calls, so the page and `simulate` can never disagree.

use crate::capacity::Model;
use crate::churn::{self, Churn};
use crate::simulate::{self, SubnetSteps, Sweep, SweepKind};
use crate::topology::churn_settings::ChurnSettings;

/// Nodes × trials the page's churn runs unless `--trials` says otherwise: a bound on time,
/// kept while a trial costs what it does. A trial's cost follows the pods the scheduler places
/// and stops one by one, a few µs of CPU a node at 110 pods a node (release build): 1,000
/// trials of the walkthrough's 6 nodes take a moment, while the 5,000-node cluster of
/// BENCHMARKS.md (5 pools, 10 to 210 pods a node) takes about 25 to 30 s of CPU at 1,000
/// trials and 2 to 3 s at 100 (issue 24: its full trials within 2 s needs a tenth of that).
pub const CHURN_NODE_TRIALS: u64 = 200_000;
/// Below this many trials P99 would be the maximum by another name.
pub const FEWEST_TRIALS: u32 = 100;

pub struct Figures {
    /// `simulate`'s step tables.
    pub steps: Vec<SubnetSteps>,
    /// `simulate --sweep`, pods per node first, then max_pods and max_count.
    pub sweeps: Vec<Sweep>,
    /// `simulate --churn`, or why it could not run.
    pub churn: Result<Churn, String>,
    /// The plan's own trials, when the page ran fewer.
    pub churn_trials_asked: Option<u32>,
}

/// The churn the page runs: `--trials` and `--seed` when given, else the plan's settings,
/// its trials capped at [`CHURN_NODE_TRIALS`] over the plan's nodes at full scale (never
/// below [`FEWEST_TRIALS`]). Returns the settings, and the plan's trials when they were cut.
pub fn churn_settings(model: &Model, trials: Option<u32>, seed: Option<u64>) -> (ChurnSettings, Option<u32>) {
    let mut settings = model.topology.churn;
    settings.seed = seed.unwrap_or(settings.seed);
    if let Some(trials) = trials {
        settings.trials = trials;
        return (settings, None);
    }
    let nodes: u64 = model
        .topology
        .clusters
        .iter()
        .flat_map(|c| &c.pools)
        .map(|p| u64::from(p.full_scale_nodes.value.max(p.baseline_nodes.value)))
        .sum();
    let affordable = CHURN_NODE_TRIALS / nodes.max(1);
    let affordable = u32::try_from(affordable).unwrap_or(u32::MAX).max(FEWEST_TRIALS);
    if affordable >= settings.trials {
        return (settings, None);
    }
    let asked = settings.trials;
    settings.trials = affordable;
    (settings, Some(asked))
}

/// The steps, the three sweeps and the churn trials; churn (the slow part) beside the rest.
pub fn figures(model: &Model, trials: Option<u32>, seed: Option<u64>) -> Figures {
    let (settings, churn_trials_asked) = churn_settings(model, trials, seed);
    let (churn, (steps, sweeps)) = rayon::join(
        || churn::run(model, &settings, &churn::Silent),
        || {
            let sweeps = [SweepKind::PodsPerNode, SweepKind::MaxPods, SweepKind::MaxCount]
                .map(|kind| simulate::sweep(model, kind));
            (simulate::step_tables(model), Vec::from(sweeps))
        },
    );
    Figures {
        steps,
        sweeps,
        churn,
        churn_trials_asked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::input::Input;
    use crate::source::SourceFile;

    fn model(nodes: u32, trials: u32) -> Model {
        let plan = format!(
            "version: 1\nvnets:\n  - name: v\n    address_space: [10.0.0.0/8]\n    subnets:\n      - name: n\n        cidr: 10.0.0.0/16\nchurn:\n  trials: {trials}\nclusters:\n  - name: c\n    network_plugin: azure\n    node_pools:\n      - name: p\n        node_count: {nodes}\n        max_pods: 30\n        vnet_subnet: n\n"
        );
        let checked = crate::check::run(
            Input::single(SourceFile::new("p.yaml", plan)),
            &Settings::default(),
        );
        checked.model.expect("the plan loads")
    }

    #[test]
    fn a_large_plan_runs_fewer_trials_and_says_how_many_it_asked_for() {
        let (settings, asked) = churn_settings(&model(1000, 1000), None, Some(7));
        assert_eq!((settings.trials, settings.seed, asked), (200, 7, Some(1000)));
        // Never below the fewest that keep P99 apart from the maximum.
        let (settings, asked) = churn_settings(&model(5000, 1000), None, None);
        assert_eq!((settings.trials, asked), (FEWEST_TRIALS, Some(1000)));
    }

    #[test]
    fn a_small_plan_and_an_explicit_count_run_as_asked() {
        let (settings, asked) = churn_settings(&model(6, 1000), None, None);
        assert_eq!((settings.trials, asked), (1000, None));
        let (settings, asked) = churn_settings(&model(5000, 1000), Some(3000), None);
        assert_eq!((settings.trials, asked), (3000, None));
    }
}
