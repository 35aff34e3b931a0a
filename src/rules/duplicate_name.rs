//! duplicate-name: two VNets, subnets of one VNet, external networks, clusters, or pools of
//! one cluster share a name. Azure names are unique in their scope and compared without case;
//! references would be ambiguous.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Spanned;
use crate::topology::Topology;
use foldhash::HashMap;

/// A name and the resource group it lives in; `None` when the plan does not say.
type Scoped<'a> = (&'a Spanned<String>, Option<&'a str>);

pub fn check(topology: &Topology, out: &mut Vec<Finding>) {
    let vnets = topology
        .vnets
        .iter()
        .map(|v| (&v.name, v.resource_group.as_deref()));
    report(vnets, "VNet", out);
    for vnet in &topology.vnets {
        let subnets = vnet.subnets.iter().map(|&s| (&topology.subnets[s].name, None));
        report(subnets, &format!("subnet of VNet `{}`", vnet.name.value), out);
    }
    let externals = topology.external_networks.iter().map(|e| (&e.name, None));
    report(externals, "external network", out);
    let clusters = topology
        .clusters
        .iter()
        .map(|c| (&c.name, c.resource_group.as_deref()));
    report(clusters, "cluster", out);
    for cluster in &topology.clusters {
        let pools = cluster.pools.iter().map(|p| (&p.name, None));
        report(
            pools,
            &format!("node pool of cluster `{}`", cluster.name.value),
            out,
        );
    }
}

/// Azure compares names and resource groups without case.
fn folded(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Two resource groups are one scope when they are equal, or when either is not written
/// (the plan does not say the objects live apart).
fn same_scope(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => folded(a) == folded(b),
        _ => true,
    }
}

fn report<'a>(names: impl Iterator<Item = Scoped<'a>>, what: &str, out: &mut Vec<Finding>) {
    let mut earlier: HashMap<String, Vec<Scoped<'a>>> = HashMap::default();
    for (name, group) in names {
        let same_name = earlier.entry(folded(&name.value)).or_default();
        // Plan order decides which one is "first", so the finding lands on the later one.
        if let Some(&(first, _)) = same_name.iter().find(|(_, g)| same_scope(*g, group)) {
            out.push(duplicate(name, first, group, what));
        }
        same_name.push((name, group));
    }
}

fn duplicate(name: &Spanned<String>, first: &Spanned<String>, group: Option<&str>, what: &str) -> Finding {
    let scope = group.map_or(String::new(), |g| format!(" in resource group `{g}`"));
    let message = if name.value == first.value {
        format!("a second {what}{scope} is named `{}`", name.value)
    } else {
        format!(
            "a second {what}{scope} is named `{}`, which Azure takes for `{}` (names ignore case)",
            name.value, first.value
        )
    };
    let help = if matches!(what, "VNet" | "cluster") {
        "give each one its own name, or set each one's `resource_group` if they live in \
         different resource groups"
    } else {
        "give each one its own name"
    };
    Finding::new(Rule::DuplicateName, name.span, message)
        .help(help)
        .related(first.span, "first declared here")
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    /// (line:column, message, help) of each duplicate-name finding of a plan.
    fn duplicates(plan: &str) -> Vec<(String, String, String)> {
        let report = crate::check_source(SourceFile::new("plan.yaml", plan.to_string()));
        report
            .findings
            .iter()
            .filter(|f| f.rule.name() == "duplicate-name")
            .map(|f| {
                let at = f.span.map(|s| report.source.position(s.start).to_string());
                (
                    at.unwrap_or_default(),
                    f.message.clone(),
                    f.help.as_deref().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn names_that_differ_only_in_case_are_one_name() {
        let plan = "version: 1\nvnets:\n  - name: v\n    address_space: [10.1.0.0/16]\n    subnets:\n      - name: podsubnet\n        cidr: 10.1.0.0/20\n      - name: PodSubnet\n        cidr: 10.1.16.0/20\n";
        assert_eq!(
            duplicates(plan),
            vec![(
                "8:15".to_string(),
                "a second subnet of VNet `v` is named `PodSubnet`, which Azure takes for \
                 `podsubnet` (names ignore case)"
                    .to_string(),
                "give each one its own name".to_string()
            )]
        );
    }

    #[test]
    fn vnets_compare_within_their_resource_group() {
        let vnet = |name: &str, group: &str, n: u8| {
            format!("  - name: {name}\n    resource_group: {group}\n    address_space: [10.{n}.0.0/16]\n")
        };
        let plan = format!(
            "version: 1\nvnets:\n{}{}{}",
            vnet("hub", "rg-east", 1),
            vnet("hub", "rg-west", 2),
            vnet("Hub", "RG-West", 3)
        );
        let found = duplicates(&plan);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "9:11");
        assert_eq!(
            found[0].1,
            "a second VNet in resource group `RG-West` is named `Hub`, which Azure takes for \
             `hub` (names ignore case)"
        );
        assert!(
            found[0].2.contains("set each one's `resource_group`"),
            "{}",
            found[0].2
        );
    }
}
