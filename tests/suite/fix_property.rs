//! The promise of every fix cniplan shows, over generated plans: applied alone, a verified fix
//! removes its finding and adds no error or warning; all of them applied together do too.

use cniplan::diagnostic::{Finding, Rule, Severity};
use cniplan::source::edit::{apply, original_offset, TextEdit};
use cniplan::source::SourceFile;
use proptest::prelude::*;
use std::collections::HashMap;

/// A plan of one VNet, a few subnets (some with host bits, some overlapping, some outside the
/// VNet or too small) and one cluster of a random network mode.
fn plan() -> impl Strategy<Value = String> {
    let subnet = (
        0u32..64,
        20u8..=31,
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.1),
    );
    (
        prop::collection::vec(subnet, 1..5),
        0u8..4,                                 // network mode
        prop::option::of((0u32..4, 12u8..=20)), // service CIDR: where, size
        prop::option::of(0u32..20),             // DNS service IP offset
        prop::option::of((0u32..6, 16u8..=26)), // pod CIDR
        prop::collection::vec((1u32..40, prop::sample::select(vec![5u32, 30, 110, 250, 300]), prop::option::of(1u32..300)), 1..3),
    )
        .prop_map(|(subnets, mode, service, dns, pod_cidr, pools)| {
            let mut text = String::from("version: 1\nvnets:\n  - name: vnet\n    address_space: [10.1.0.0/16]\n    subnets:\n");
            for (i, (block, prefix, host_bits, outside)) in subnets.iter().enumerate() {
                let second = if *outside { 2 } else { 1 };
                let third = (block * 4) % 256;
                let fourth = if *host_bits { 1 } else { 0 };
                text.push_str(&format!(
                    "      - name: s{i}\n        cidr: 10.{second}.{third}.{fourth}/{prefix}\n"
                ));
            }
            text.push_str("clusters:\n  - name: aks\n");
            match mode {
                0 => {}
                1 => text.push_str("    network_plugin: azure\n    network_plugin_mode: overlay\n"),
                2 => text.push_str("    network_plugin: kubenet\n"),
                _ => {}
            }
            if let Some((at, prefix)) = service {
                let base = ["10.1.0.0", "10.0.0.0", "172.16.0.0", "192.168.0.0"][at as usize];
                text.push_str(&format!("    service_cidr: {base}/{prefix}\n"));
            }
            if let (Some(offset), Some((at, _))) = (dns, service) {
                let base = ["10.1.0.", "10.0.0.", "172.16.0.", "192.168.0."][at as usize];
                text.push_str(&format!("    dns_service_ip: {base}{offset}\n"));
            }
            if let (Some((at, prefix)), 1 | 2) = (pod_cidr, mode) {
                let base = ["10.244.0.0", "10.1.0.0", "10.1.8.0", "172.16.0.0", "100.64.0.0", "192.168.0.0"]
                    [at as usize];
                text.push_str(&format!("    pod_cidr: {base}/{prefix}\n"));
            }
            text.push_str("    node_pools:\n");
            for (p, (nodes, max_pods, pods)) in pools.iter().enumerate() {
                text.push_str(&format!(
                    "      - name: p{p}\n        node_count: {nodes}\n        max_pods: {max_pods}\n        vnet_subnet: s0\n"
                ));
                if let Some(pods) = pods {
                    text.push_str(&format!("        pods_per_node: {pods}\n"));
                }
                if mode == 0 && subnets.len() > 1 {
                    text.push_str("        pod_subnet: s1\n");
                }
            }
            text
        })
}

type Key = (Rule, Severity, usize);

fn check(text: &str) -> Vec<Finding> {
    cniplan::check_source(SourceFile::new("plan.yaml", text)).findings
}

/// The errors and warnings of a check, each at its place in the text before `edits`.
fn keys(findings: &[Finding], edits: &[&TextEdit]) -> Vec<Key> {
    findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| {
            let at = f.span.map_or(usize::MAX, |s| original_offset(edits, s.start));
            (f.rule, f.severity, at)
        })
        .collect()
}

fn byte_edits(findings: &[&Finding]) -> Vec<TextEdit> {
    let mut edits: Vec<TextEdit> = findings
        .iter()
        .filter_map(|f| f.fix.as_deref()?.chosen())
        .flat_map(|c| &c.edits)
        .map(|e| TextEdit {
            file: e.span.file,
            start: e.span.start,
            end: e.span.end,
            text: e.new.to_string(),
        })
        .collect();
    edits.sort();
    edits.dedup();
    edits
}

/// `after` holds no error or warning that `before` lacks, and none of `fixed` stays.
fn holds(before: &[Finding], fixed: &[&Finding], edits: &[TextEdit], text: &str) -> Result<(), String> {
    let refs: Vec<&TextEdit> = edits.iter().collect();
    let edited = apply(text, &refs).ok_or("the edits collide")?;
    let after = check(&edited);
    let mut known: HashMap<Key, usize> = HashMap::new();
    for k in keys(before, &[]) {
        *known.entry(k).or_default() += 1;
    }
    for k in keys(&after, &refs) {
        match known.get_mut(&k) {
            Some(n) if *n > 0 => *n -= 1,
            _ => return Err(format!("{k:?} is new in\n{edited}")),
        }
    }
    for f in fixed {
        let at = f.span.map_or(usize::MAX, |s| s.start);
        let stays = after.iter().any(|g| {
            g.rule == f.rule && g.span.map_or(usize::MAX, |s| original_offset(&refs, s.start)) == at
        });
        if stays {
            return Err(format!("{:?} stays in\n{edited}", f.rule));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_verified_fix_removes_its_finding_and_adds_none(text in plan()) {
        let before = check(&text);
        let fixable: Vec<&Finding> = before.iter().filter(|f| f.fix.is_some()).collect();
        for f in &fixable {
            let edits = byte_edits(&[f]);
            if let Err(why) = holds(&before, &[f], &edits, &text) {
                prop_assert!(false, "{:?}: {}\nplan:\n{}", f.rule, why, text);
            }
        }
        let edits = byte_edits(&fixable);
        if let Err(why) = holds(&before, &fixable, &edits, &text) {
            prop_assert!(false, "all fixes together: {}\nplan:\n{}", why, text);
        }
    }
}

/// The generator exercises the fixes: many of its plans have findings with one.
#[test]
fn generated_plans_have_fixes_of_many_rules() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(Config::default().rng_algorithm),
    );
    let mut rules = std::collections::BTreeSet::new();
    let mut with_fix = 0;
    for _ in 0..64 {
        let text = plan().new_tree(&mut runner).expect("a plan").current();
        let findings = check(&text);
        let fixed: Vec<Rule> = findings
            .iter()
            .filter(|f| f.fix.is_some())
            .map(|f| f.rule)
            .collect();
        with_fix += usize::from(!fixed.is_empty());
        rules.extend(fixed);
    }
    assert!(with_fix >= 16, "{with_fix} of 64 plans have a fix");
    assert!(rules.len() >= 5, "{rules:?}");
}
