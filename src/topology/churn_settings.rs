//! The plan's `churn:` block (docs/churn.md), resolved: defaults filled in, bad values reported as
//! `plan-schema` at their place (the plan still loads: only `simulate --churn` reads them).

use crate::diagnostic::{Finding, Rule, Spanned};
use crate::plan::model;

/// Trials when neither the plan nor `--trials` says.
pub const DEFAULT_TRIALS: u32 = 1000;
/// The most trials a run takes: 100,000 trials of a 1,000-node cluster are about 200 s of
/// CPU, so a plan (or a typo) asking for billions cannot hold a CI job for days.
pub const MAX_TRIALS: u32 = 100_000;
pub const DEFAULT_SEED: u64 = 0;
/// Kubernetes' own default maxSurge for a Deployment.
pub const DEFAULT_ROLLOUT_SURGE: Amount = Amount::Percent(25.0);
pub const DEFAULT_PODS_SPREAD: Amount = Amount::Percent(20.0);

/// A number of pods, or a percentage of some number of pods.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    Pods(u32),
    Percent(f64),
}

impl Amount {
    /// `5`, or `"25%"` (spaces allowed around the number and the sign).
    pub fn parse(text: &str) -> Option<Amount> {
        let text = text.trim();
        match text.strip_suffix('%') {
            Some(p) => match p.trim().parse::<f64>() {
                Ok(p) if p.is_finite() && (0.0..=100.0).contains(&p) => Some(Amount::Percent(p)),
                _ => None,
            },
            None => text.parse::<u32>().ok().map(Amount::Pods),
        }
    }

    /// The amount out of `base` pods, in pods (not rounded).
    pub fn of(self, base: f64) -> f64 {
        match self {
            Amount::Pods(n) => f64::from(n),
            Amount::Percent(p) => base * p / 100.0,
        }
    }

    /// Out of `base` pods, rounded up, as Kubernetes rounds a percentage maxSurge.
    pub fn of_rounded_up(self, base: u64) -> u64 {
        match self {
            Amount::Pods(n) => u64::from(n),
            Amount::Percent(p) => (base as f64 * p / 100.0).ceil() as u64,
        }
    }

    pub fn is_zero(self) -> bool {
        match self {
            Amount::Pods(n) => n == 0,
            Amount::Percent(p) => p == 0.0,
        }
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Amount::Pods(1) => f.write_str("1 pod"),
            Amount::Pods(n) => write!(f, "{n} pods"),
            Amount::Percent(p) => write!(f, "{p}%"),
        }
    }
}

/// What `simulate --churn` runs with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChurnSettings {
    pub trials: u32,
    pub seed: u64,
    /// Extra pods a rollout starts before the old ones go (Kubernetes' maxSurge).
    pub rollout_surge: Amount,
    /// How far a node's pods stray from `pods_per_node`, either way.
    pub pods_spread: Amount,
}

impl Default for ChurnSettings {
    fn default() -> Self {
        ChurnSettings {
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
            rollout_surge: DEFAULT_ROLLOUT_SURGE,
            pods_spread: DEFAULT_PODS_SPREAD,
        }
    }
}

/// The plan's settings, each unset or bad value at its default; bad values are reported.
pub fn resolve(churn: Option<&model::Churn>, findings: &mut Vec<Finding>) -> ChurnSettings {
    let mut settings = ChurnSettings::default();
    let Some(churn) = churn else {
        return settings;
    };
    if let Some(trials) = &churn.trials {
        if trials.value == 0 || trials.value > MAX_TRIALS {
            findings.push(
                Finding::new(
                    Rule::PlanSchema,
                    trials.span,
                    format!("`trials` must be from 1 to {MAX_TRIALS}, not {}", trials.value),
                )
                .help("a few hundred trials show the shape of the distribution; 1,000 is the default"),
            );
        } else {
            settings.trials = trials.value;
        }
    }
    if let Some(seed) = &churn.seed {
        settings.seed = seed.value;
    }
    if let Some(surge) = amount(&churn.rollout_surge, "rollout_surge", findings) {
        if surge.is_zero() {
            findings.push(
                Finding::new(Rule::PlanSchema, spanned_at(&churn.rollout_surge), "`rollout_surge` must be more than 0")
                    .help("a rollout without surge is paced by maxUnavailable, which the plan does not give; Kubernetes' default is \"25%\""),
            );
        } else {
            settings.rollout_surge = surge;
        }
    }
    if let Some(spread) = amount(&churn.pods_spread, "pods_spread", findings) {
        settings.pods_spread = spread;
    }
    settings
}

fn spanned_at(value: &Option<Spanned<String>>) -> crate::diagnostic::Span {
    value.as_ref().map(|v| v.span).unwrap_or_default()
}

fn amount(value: &Option<Spanned<String>>, key: &str, findings: &mut Vec<Finding>) -> Option<Amount> {
    let value = value.as_ref()?;
    let parsed = Amount::parse(&value.value);
    if parsed.is_none() {
        findings.push(
            Finding::new(
                Rule::PlanSchema,
                value.span,
                format!(
                    "`{key}` must be a pod count such as 4 or a percentage such as \"20%\", not `{}`",
                    value.value.trim()
                ),
            )
            .help("a percentage goes from 0% to 100%"),
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_counts_or_percentages() {
        assert_eq!(Amount::parse("25%"), Some(Amount::Percent(25.0)));
        assert_eq!(Amount::parse(" 0 % "), Some(Amount::Percent(0.0)));
        assert_eq!(Amount::parse("4"), Some(Amount::Pods(4)));
        assert_eq!(Amount::parse("101%"), None);
        assert_eq!(Amount::parse("-1"), None);
        assert_eq!(Amount::parse("lots"), None);
        // Kubernetes rounds a percentage maxSurge up: 25% of 10 is 3 pods.
        assert_eq!(Amount::Percent(25.0).of_rounded_up(10), 3);
        assert_eq!(Amount::Pods(5).of_rounded_up(10), 5);
    }
}
