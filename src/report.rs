//! `cniplan report`: the figures the page shows, each from the function its own command
//! calls, so the page and `simulate` can never disagree.

use crate::check::Model;
use crate::churn::settings::ChurnSettings;
use crate::churn::{self, Churn};
use crate::simulate::{self, SubnetSteps, Sweep, SweepKind};

pub struct Figures {
    /// `simulate`'s step tables.
    pub steps: Vec<SubnetSteps>,
    /// `simulate --sweep`, pods per node first, then max_pods and max_count.
    pub sweeps: Vec<Sweep>,
    /// `simulate --churn` with `settings`, or why it could not run.
    pub churn: Result<Churn, String>,
}

/// The steps, the three sweeps and the churn trials; churn (the slow part) beside the rest.
pub fn figures(model: &Model, settings: &ChurnSettings) -> Figures {
    let (churn, (steps, sweeps)) = rayon::join(
        || churn::run(model, settings, &churn::Silent),
        || {
            let sweeps = [SweepKind::PodsPerNode, SweepKind::MaxPods, SweepKind::MaxCount]
                .map(|kind| simulate::sweep(model, kind));
            (simulate::step_tables(model), Vec::from(sweeps))
        },
    );
    Figures { steps, sweeps, churn }
}
