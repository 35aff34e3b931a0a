//! Karpenter manifests (docs/karpenter.md): `NodePool` (karpenter.sh/v1 and v1beta1) and
//! `AKSNodeClass` (karpenter.azure.com/v1beta1 and v1alpha2), plain or multi-document
//! Kubernetes YAML, possibly among other kinds, read with spans.
//!
//! Each NodePool becomes a provisioned pool (`plan::model::ProvisionedPool`) of the estate's
//! node-auto-provisioning cluster: its node bound is its `limits.cpu` over the vCPUs of the
//! smallest VM its requirements allow, likewise its `limits.memory`, the smaller of the two,
//! plus the node Karpenter may launch past a limit; its node class gives its subnet
//! (`vnetSubnetID`, an ID matched like any subnet reference) and `maxPods`. Manifests name no
//! cluster: they attach to the one cluster of the estate they are read with that provisions
//! nodes automatically, and say so in a note when there is none or several.

pub mod sizes;

use crate::diagnostic::{Finding, Rule, Severity, Span, Spanned};
use crate::input::tree::{Node, Value};
use crate::limits;
use crate::plan::model::{Origin, ProvisionedPool};
use crate::plan::Plan;
use crate::source::SourceFile;

/// How much of a file tells a Karpenter manifest from other YAML (the walk reads no more).
pub const SNIFF_BYTES: usize = 4096;

/// Whether a text (or its first [`SNIFF_BYTES`]) is a Karpenter manifest for AKS: a
/// top-level `kind: NodePool` or `kind: AKSNodeClass` with a Karpenter `apiVersion`, and no
/// node class of another cloud (`EC2NodeClass`).
pub fn is_manifest(text: &str) -> bool {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut kind = false;
    let mut api = false;
    // Indented too: a `kind: List` holds its manifests in `items`.
    for line in head.lines() {
        let line = line.trim().trim_start_matches("- ");
        if let Some(value) = line.strip_prefix("kind:") {
            let value = value.trim().trim_matches(['"', '\'']);
            kind |= value == "NodePool" || value == "AKSNodeClass";
        } else if let Some(value) = line.strip_prefix("apiVersion:") {
            let value = value.trim().trim_matches(['"', '\'']);
            api |= value.starts_with("karpenter.sh/") || value.starts_with("karpenter.azure.com/");
        }
    }
    let other_cloud = head.contains("EC2NodeClass") && !head.contains("AKSNodeClass");
    kind && api && !other_cloud
}

/// The NodePools of an estate's manifests, read.
#[derive(Default)]
pub struct Manifests {
    pools: Vec<Read>,
    /// What the reading found wrong or could not read.
    pub notes: Vec<Finding>,
    /// Each manifest document's place, named `NodePool/NAME` or `AKSNodeClass/NAME`.
    pub resources: Vec<crate::input::ResourcePlace>,
}

/// One NodePool read: the pool, and how its bound was found.
struct Read {
    pool: ProvisionedPool,
    /// The cluster `.cniplan.yaml`'s `karpenter:` names for the NodePool's file.
    cluster: Option<String>,
    /// The bound's arithmetic, for the note that shows it; `None` without limits.
    bound: Option<String>,
}

/// An AKSNodeClass: its subnet and max pods, where written.
struct NodeClass {
    name: String,
    subnet: Option<Spanned<String>>,
    max_pods: Option<Spanned<u32>>,
}

/// Reads the manifests `sources`, the first being file number `first` of the estate;
/// `cluster_for` gives the cluster a configuration names for a manifest's path.
pub fn read(sources: &[SourceFile], first: usize, cluster_for: &dyn Fn(&str) -> Option<String>) -> Manifests {
    let mut out = Manifests::default();
    let mut pools = Vec::new();
    let mut classes = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let file = (first + i) as u32;
        let documents = match crate::input::yaml::parse_documents(source, file) {
            Ok(documents) => documents,
            // A chart's template (`{{ .Values.x }}`) is read once rendered: a note. Anything
            // else Kubernetes would refuse too (or it is a bomb cniplan stopped): an error, so
            // a broken manifest cannot drop its NodePools from the gate.
            Err(e) if source.text.contains("{{") => {
                out.notes.push(
                    Finding::new(
                        Rule::UnresolvedInput,
                        e.span,
                        format!(
                            "this Karpenter manifest is a template, no YAML cniplan reads ({}): its NodePools are not counted",
                            e.message
                        ),
                    )
                    .help("a template (Helm, Kustomize) is read once rendered: check the manifests it writes"),
                );
                continue;
            }
            Err(e) => {
                out.notes.push(
                    Finding::new(
                        Rule::PlanSyntax,
                        e.span,
                        format!("this Karpenter manifest is not YAML cniplan can read: {}", e.message),
                    )
                    .help("Kubernetes refuses a manifest that is not valid YAML; its NodePools are not counted until it reads"),
                );
                continue;
            }
        };
        // A `kind: List` (what `kubectl get -o yaml` writes, and kubectl applies) holds its
        // manifests in `items`.
        let roots = documents.iter().filter_map(|d| d.root.as_ref()).flat_map(|root| {
            let list = root.get("kind").and_then(Node::as_str) == Some("List");
            let items = if list {
                root.get("items").map(Node::items).unwrap_or_default()
            } else {
                &[]
            };
            (!list).then_some(root).into_iter().chain(items)
        });
        for root in roots {
            let text = |key: &str| root.get(key).and_then(Node::as_str).unwrap_or("");
            let (api, kind) = (text("apiVersion"), text("kind"));
            let ours = (kind == "NodePool" && api.starts_with("karpenter.sh/"))
                || (kind == "AKSNodeClass" && api.starts_with("karpenter.azure.com/"));
            let written = root.get("metadata").and_then(|m| m.get("name"));
            let Some(name) = written.and_then(|n| n.as_str().map(|s| Spanned::new(s.to_string(), n.span)))
            else {
                // Kubernetes refuses an object without a name; a chart's `{{ … }}` reads as
                // YAML of another shape, and is read once rendered.
                if ours {
                    out.notes.push(unnamed(source, root, written));
                }
                continue;
            };
            // Kubernetes names its objects in lower case (RFC 1123), and compares them as
            // written: `HUGE` is refused, not taken for `huge`.
            if ours && !is_dns_subdomain(&name.value) {
                out.notes.push(
                    Finding::new(
                        Rule::PlanSchema,
                        name.span,
                        format!(
                            "`{}` is no Kubernetes name: lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit, at most 253 characters",
                            crate::source::visible(&name.value)
                        ),
                    )
                    .help("Kubernetes refuses the manifest; write the name in lower case"),
                );
                continue;
            }
            if kind == "NodePool" && api.starts_with("karpenter.sh/") {
                if let Some((mut pool, class)) = node_pool(root, name.clone(), &mut out.notes) {
                    pool.cluster = cluster_for(&source.path);
                    let pool = (pool, class);
                    out.resources.push(crate::input::ResourcePlace {
                        span: root.place(),
                        address: format!("NodePool/{}", name.value),
                    });
                    pools.push(pool);
                }
            } else if kind == "AKSNodeClass" && api.starts_with("karpenter.azure.com/") {
                out.resources.push(crate::input::ResourcePlace {
                    span: root.place(),
                    address: format!("AKSNodeClass/{}", name.value),
                });
                classes.push(node_class(root, name.value, &mut out.notes));
            }
        }
    }
    for (mut read, class_ref) in pools {
        let Read { pool, .. } = &mut read;
        match classes.iter().find(|c| c.name == class_ref.value) {
            Some(class) => {
                pool.vnet_subnet = class.subnet.clone();
                pool.max_pods = class.max_pods.clone();
            }
            // NAP creates the `default` and `system-surge` AKSNodeClasses itself, with neither
            // a subnet nor max pods of their own (AKS docs node-auto-provisioning-aksnodeclass.md).
            None if ["default", "system-surge"].contains(&class_ref.value.as_str()) => {}
            None => out.notes.push(
                Finding::new(
                    Rule::UnresolvedInput,
                    class_ref.span,
                    format!(
                        "NodePool `{}`: its AKSNodeClass `{}` is not among the manifests read, so its nodes are counted in the cluster's node subnet with the mode's default max pods",
                        pool.name.value, class_ref.value
                    ),
                )
                .help("check the AKSNodeClass manifest with the NodePool"),
            ),
        }
        out.pools.push(read);
    }
    out
}

/// An RFC 1123 subdomain, as Kubernetes requires of a NodePool's and an AKSNodeClass's name.
fn is_dns_subdomain(name: &str) -> bool {
    let ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 253
        && ok(bytes[0])
        && ok(bytes[bytes.len() - 1])
        && bytes.iter().all(|&b| ok(b) || b == b'-' || b == b'.')
}

/// A NodePool or AKSNodeClass whose `metadata.name` is no string: an error, or a note in a
/// chart's template, which is read once rendered.
fn unnamed(source: &SourceFile, root: &Node<'_>, written: Option<&Node<'_>>) -> Finding {
    let at = written.map_or(root.place(), |n| n.span);
    if source.text.contains("{{") {
        return Finding::new(
            Rule::UnresolvedInput,
            at,
            "this Karpenter manifest is a template (`{{ }}`): its name is no string until it is rendered, so it is not counted".to_string(),
        )
        .help("a template (Helm, Kustomize) is read once rendered: check the manifests it writes");
    }
    let what = written.map_or_else(
        || "missing".to_string(),
        |n| format!("{}, not a string", n.describe()),
    );
    Finding::new(
        Rule::PlanSchema,
        at,
        format!("this Karpenter manifest's `metadata.name` is {what}"),
    )
    .help("Kubernetes refuses an object without a name; give it one, in lower case")
}

/// A NodePool with its node class's name; `None` for a NodePool of another cloud.
fn node_pool(
    root: &Node<'_>,
    name: Spanned<String>,
    notes: &mut Vec<Finding>,
) -> Option<(Read, Spanned<String>)> {
    let template = root
        .get("spec")
        .and_then(|s| s.get("template"))
        .and_then(|t| t.get("spec"));
    let class = template.and_then(|t| t.get("nodeClassRef"));
    if let Some(kind) = class.and_then(|c| c.get("kind")).and_then(Node::as_str) {
        if kind != "AKSNodeClass" {
            return None;
        }
    }
    let class_ref = class
        .and_then(|c| c.get("name"))
        .and_then(|n| n.as_str().map(|s| Spanned::new(s.to_string(), n.span)))
        .unwrap_or_else(|| Spanned::default_at("default".to_string(), name.span));
    let requirements = template.and_then(|t| t.get("requirements"));
    let smallest = smallest_vm(requirements);
    let limits = root.get("spec").and_then(|s| s.get("limits"));
    let replicas = replicas(root, &name.value, limits, notes);
    let mut bound = limits.and_then(|l| bound(l, &smallest, &name.value, notes));
    if let Some(r) = &replicas {
        bound = Some(static_bound(r, bound.map(|(n, at, _)| Spanned::new(n, at))));
    }
    let pool = ProvisionedPool {
        max_nodes: match &replicas {
            // A static NodePool's bound is `limits.nodes` alone.
            Some(_) => limits
                .and_then(|l| l.get("nodes"))
                .and_then(|n| Some(Spanned::new(u32::try_from(n.as_int()?).ok()?, n.span))),
            None => bound.as_ref().map(|(n, at, _)| Spanned::new(*n, *at)),
        },
        replicas,
        vnet_subnet: None,
        max_pods: None,
        origin: Some(Origin {
            resource: format!("NodePool/{}", name.value),
            resource_group: None,
        }),
        name,
    };
    Some((
        Read {
            pool,
            cluster: None,
            bound: bound.map(|(_, _, how)| how),
        },
        class_ref,
    ))
}

/// A static NodePool's `spec.replicas` (Karpenter's static capacity, alpha: "the desired
/// number of nodes for the NodePool … rather than scaling based on pod demand",
/// kubernetes-sigs/karpenter pkg/apis/v1/nodepool.go): a whole number of nodes. Karpenter
/// refuses any limit but `limits.nodes` beside it, which is said where it is written.
fn replicas(
    root: &Node<'_>,
    pool: &str,
    limits: Option<&Node<'_>>,
    notes: &mut Vec<Finding>,
) -> Option<Spanned<u32>> {
    let node = root.get("spec")?.get("replicas")?;
    let Some(count) = node.as_int().and_then(|v| u32::try_from(v).ok()) else {
        notes.push(
            Finding::new(
                Rule::PlanSchema,
                node.span,
                format!(
                    "NodePool `{pool}`: `replicas` is {}, not a whole number of nodes",
                    node.describe()
                ),
            )
            .help("write replicas as a node count such as 3"),
        );
        return None;
    };
    for key in ["cpu", "memory"] {
        if let Some(limit) = limits.and_then(|l| l.get(key)) {
            notes.push(
                Finding::new(
                    Rule::PlanSchema,
                    limit.span,
                    format!(
                        "NodePool `{pool}` is static (`replicas`), and Karpenter supports only `limits.nodes` on static NodePools, not limits.{key}"
                    ),
                )
                .help("remove the limit, or bound the nodes with `limits.nodes`"),
            );
        }
    }
    Some(Spanned::new(count, node.span))
}

/// A static NodePool's nodes and the arithmetic of the note that shows them: `replicas`, no
/// more than `limits.nodes`; drifted nodes are replaced new-before-old within the disruption
/// budget (10 % rounded up by default) and never past `limits.nodes`
/// (kubernetes-sigs/karpenter pkg/controllers/disruption/staticdrift.go, `ReserveNodeCount`).
fn static_bound(replicas: &Spanned<u32>, limit: Option<Spanned<u32>>) -> (u32, Span, String) {
    let budget = crate::plan::model::MaxSurge::Percent(limits::DEFAULT_MAX_SURGE_PERCENT);
    let nodes = limit
        .as_ref()
        .map_or(replicas.value, |l| replicas.value.min(l.value));
    let surge = budget.nodes_at(nodes);
    let mut how = format!("spec.replicas {}", replicas.value);
    match limit.as_ref() {
        Some(l) if l.value < replicas.value => {
            how.push_str(&format!(", no more than limits.nodes {}", l.value))
        }
        Some(l) => how.push_str(&format!(" within limits.nodes {}", l.value)),
        None => {}
    }
    let room = limit.as_ref().map_or(u64::MAX, |l| u64::from(l.value - nodes));
    how.push_str(&format!(
        "; Karpenter replaces drifted nodes new-before-old, {} at a time (its default disruption budget, 10 % rounded up)",
        surge.min(room)
    ));
    if surge > room {
        how.push_str(&format!(", as limits.nodes leaves room for {room}"));
    }
    (nodes, replicas.span, how)
}

fn node_class(root: &Node<'_>, name: String, notes: &mut Vec<Finding>) -> NodeClass {
    let spec = root.get("spec");
    let subnet = spec.and_then(|s| s.get("vnetSubnetID")).and_then(|n| {
        let text = n.as_str()?;
        if let Some(hole) = crate::input::placeholder::find(text, &crate::input::placeholder::process_env) {
            notes.push(
                Finding::new(
                    Rule::UnresolvedInput,
                    n.span,
                    format!(
                        "AKSNodeClass `{name}`: `vnetSubnetID` holds the placeholder {}, so its nodes are counted in the cluster's node subnet",
                        crate::source::visible(hole)
                    ),
                )
                .help("write the subnet's resource ID to count the nodes where they go"),
            );
            return None;
        }
        Some(Spanned::new(text.to_string(), n.span))
    });
    let max_pods = spec
        .and_then(|s| s.get("maxPods"))
        .and_then(|n| match n.as_int() {
            Some(v) if (i128::from(limits::MAX_PODS_MIN)..=i128::from(limits::MAX_PODS_MAX)).contains(&v) => {
                Some(Spanned::new(v as u32, n.span))
            }
            // The AKSNodeClass CRD holds maxPods to 10..=250 (karpenter-provider-azure,
            // `+kubebuilder:validation:Minimum:=10`, `Maximum:=250`): the API server refuses
            // the manifest.
            Some(v) => {
                notes.push(
                    Finding::new(
                        Rule::PlanSchema,
                        n.span,
                        format!(
                            "AKSNodeClass `{name}`: `maxPods` {v} is outside {}..{}, which the AKSNodeClass allows",
                            limits::MAX_PODS_MIN,
                            limits::MAX_PODS_MAX
                        ),
                    )
                    .help("the Kubernetes API server refuses the manifest; write maxPods from 10 to 250"),
                );
                None
            }
            None => {
                notes.push(
                    Finding::new(
                        Rule::PlanSchema,
                        n.span,
                        format!(
                            "AKSNodeClass `{name}`: `maxPods` is {}, not a whole number",
                            n.describe()
                        ),
                    )
                    .help("write maxPods as an integer such as 110"),
                );
                None
            }
        });
    NodeClass {
        name,
        subnet,
        max_pods,
    }
}

/// The smallest VM a NodePool's requirements allow: each requirement gives a lower bound of
/// vCPUs and memory, and the VM must meet them all; Karpenter's own minimum is the floor.
/// A requirement that only excludes (NotIn, Lt, DoesNotExist) leaves the bound where it is,
/// so the VM is never taken larger than the smallest one allowed.
struct Smallest {
    vcpus: u64,
    memory_mib: u64,
    /// Why, for the note: the requirement that set each.
    vcpus_why: String,
    memory_why: String,
}

fn smallest_vm(requirements: Option<&Node<'_>>) -> Smallest {
    let mut s = Smallest {
        vcpus: limits::KARPENTER_MIN_VCPUS,
        memory_mib: limits::KARPENTER_MIN_MEMORY_MIB,
        vcpus_why: "Karpenter's minimum".into(),
        memory_why: "Karpenter's minimum".into(),
    };
    let Some(items) = requirements.map(Node::items) else {
        return s;
    };
    for item in items {
        let key = item.get("key").and_then(Node::as_str).unwrap_or("");
        let operator = item.get("operator").and_then(Node::as_str).unwrap_or("");
        let values: Vec<String> = item
            .get("values")
            .map(|v| v.items().iter().filter_map(scalar).collect())
            .unwrap_or_default();
        let numbers: Vec<u64> = values.iter().filter_map(|v| v.trim().parse().ok()).collect();
        let said = format!("{key} {operator} [{}]", values.join(", "));
        // The least of the values an `In` allows, the first above a `Gt`.
        let least = || match operator {
            "In" => numbers.iter().min().copied(),
            "Gt" => numbers.iter().min().map(|n| n + 1),
            "Gte" => numbers.iter().min().copied(),
            _ => None,
        };
        let mut raise = |vcpus: Option<u64>, memory: Option<u64>, why: &str| {
            if let Some(v) = vcpus.filter(|v| *v > s.vcpus) {
                s.vcpus = v;
                s.vcpus_why = why.to_string();
            }
            if let Some(m) = memory.filter(|m| *m > s.memory_mib) {
                s.memory_mib = m;
                s.memory_why = why.to_string();
            }
        };
        match key {
            // AKS documents both label prefixes for the same value.
            "karpenter.azure.com/sku-cpu" | "kubernetes.azure.com/sku-cpu" => raise(least(), None, &said),
            "karpenter.azure.com/sku-memory" | "kubernetes.azure.com/sku-memory" => {
                raise(None, least(), &said)
            }
            "karpenter.azure.com/sku-family" if operator == "In" && !values.is_empty() => {
                // The smallest of the families: an unknown family may hold Karpenter's minimum.
                let sizes: Vec<Option<sizes::Size>> =
                    values.iter().map(|f| sizes::family(f).map(|(_, s)| s)).collect();
                if sizes.iter().all(Option::is_some) {
                    let vcpus = sizes.iter().flatten().map(|s| s.vcpus).min();
                    let memory = sizes.iter().flatten().map(|s| s.memory_mib).min();
                    let names: Vec<&str> = values
                        .iter()
                        .filter_map(|f| sizes::family(f).map(|(n, _)| n))
                        .collect();
                    raise(vcpus, memory, &format!("{said}: {}", names.join(", ")));
                }
            }
            "karpenter.azure.com/sku-name" | "node.kubernetes.io/instance-type"
                if operator == "In" && !values.is_empty() =>
            {
                let sizes: Vec<Option<(u64, Option<u64>)>> =
                    values.iter().map(|n| sizes::by_name(n)).collect();
                if sizes.iter().all(Option::is_some) {
                    let vcpus = sizes.iter().flatten().map(|s| s.0).min();
                    // Memory only when every size's is known.
                    let memory = sizes
                        .iter()
                        .flatten()
                        .map(|s| s.1)
                        .collect::<Option<Vec<u64>>>()
                        .and_then(|m| m.into_iter().min());
                    raise(vcpus, memory, &said);
                }
            }
            _ => {}
        }
    }
    s
}

fn scalar(node: &Node<'_>) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.to_string()),
        Value::Int(n) => Some(n.to_string()),
        Value::Float(f) => Some(f.to_string()),
        _ => None,
    }
}

/// The node bound of a NodePool's `limits`: (nodes, where the limit that decides is
/// written, the arithmetic), the least that cpu, memory and nodes allow. `None` when none
/// of them is limited.
fn bound(
    limits_node: &Node<'_>,
    smallest: &Smallest,
    pool: &str,
    notes: &mut Vec<Finding>,
) -> Option<(u32, Span, String)> {
    let mut quantity = |key: &str| -> Option<(Quantity, Span, String)> {
        let node = limits_node.get(key)?;
        // A list or a map is no quantity: Kubernetes refuses it, and it is no missing limit.
        let Some(text) = scalar(node) else {
            notes.push(
                Finding::new(
                    Rule::PlanSchema,
                    node.span,
                    format!(
                        "NodePool `{pool}`: limits.{key} must be a quantity, not {}",
                        node.describe()
                    ),
                )
                .help("write a quantity such as `100`, `1500m` or `400Gi`, as Kubernetes does"),
            );
            return None;
        };
        match Quantity::parse(&text) {
            Some(q) => Some((q, node.span, text)),
            None => {
                notes.push(
                    Finding::new(
                        Rule::PlanSchema,
                        node.span,
                        format!(
                            "NodePool `{pool}`: limits.{key} `{}` is no Kubernetes quantity",
                            crate::source::visible(&text)
                        ),
                    )
                    .help("write a quantity such as `100`, `1500m` or `400Gi`, as Kubernetes does"),
                );
                None
            }
        }
    };
    let cpu = quantity("cpu").map(|(q, span, text)| {
        let nodes = q.floor_div(u128::from(smallest.vcpus));
        let how = format!(
            "limits.cpu {text} ÷ {} vCPUs ({}) = {nodes}",
            smallest.vcpus, smallest.vcpus_why
        );
        (nodes, span, how)
    });
    let memory = quantity("memory").map(|(q, span, text)| {
        // What Karpenter counts of a VM: its whole GiB, less its memory overhead.
        let gib = u128::from(smallest.memory_mib / 1024).max(1) << 30;
        let counted = gib - (gib * u128::from(limits::KARPENTER_VM_MEMORY_OVERHEAD_PERMILLE)).div_ceil(1000);
        let nodes = q.floor_div(counted);
        let how = format!(
            "limits.memory {text} ÷ {:.3} GiB Karpenter counts of a {} GiB VM ({}) = {nodes}",
            counted as f64 / f64::from(1u32 << 30),
            smallest.memory_mib as f64 / 1024.0,
            smallest.memory_why
        );
        (nodes, span, how)
    });
    // A cpu or memory limit is checked before a launch, so one node more may come.
    let over = u128::from(limits::KARPENTER_LIMIT_OVERSHOOT_NODES);
    let past = |(nodes, span, how): (u128, Span, String)| {
        (
            nodes.saturating_add(over),
            span,
            format!("{how}, + {over} node Karpenter may launch past the limit"),
        )
    };
    // `limits.nodes` caps the node count itself (AKS docs node-auto-provisioning-node-pools.md,
    // "Static node pools").
    // A quantity like the others (`10`, `1e3`): one not read is said where it is written,
    // never taken for no limit.
    let nodes =
        quantity("nodes").map(|(q, span, text)| (q.floor_div(1), span, format!("limits.nodes {text}")));
    let (count, span, how) = [cpu.map(past), memory.map(past), nodes]
        .into_iter()
        .flatten()
        .min_by_key(|(n, ..)| *n)?;
    Some((u32::try_from(count).unwrap_or(u32::MAX), span, how))
}

/// A Kubernetes resource quantity (`100`, `1500m`, `400Gi`, `1e3`), as an exact fraction of
/// its base unit (cores, bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Quantity {
    numerator: u128,
    denominator: u128,
}

impl Quantity {
    fn parse(text: &str) -> Option<Quantity> {
        let text = text.trim();
        let end = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(text.len());
        let (number, suffix) = text.split_at(end);
        if number.is_empty() || number.len() > 24 {
            return None;
        }
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if fraction.contains('.') || (whole.is_empty() && fraction.is_empty()) {
            return None;
        }
        let digits = format!("{whole}{fraction}");
        let mut numerator: u128 = digits.parse().ok()?;
        let mut denominator: u128 = 10u128.checked_pow(fraction.len() as u32)?;
        let binary = |power: u32| 1u128 << (10 * power);
        let decimal = |power: u32| 10u128.pow(power);
        let (times, over) = match suffix {
            "" => (1, 1),
            "Ki" => (binary(1), 1),
            "Mi" => (binary(2), 1),
            "Gi" => (binary(3), 1),
            "Ti" => (binary(4), 1),
            "Pi" => (binary(5), 1),
            "Ei" => (binary(6), 1),
            "k" => (decimal(3), 1),
            "M" => (decimal(6), 1),
            "G" => (decimal(9), 1),
            "T" => (decimal(12), 1),
            "P" => (decimal(15), 1),
            "E" => (decimal(18), 1),
            "m" => (1, decimal(3)),
            "u" => (1, decimal(6)),
            "n" => (1, decimal(9)),
            _ => {
                let exponent: u32 = suffix.strip_prefix(['e', 'E'])?.parse().ok()?;
                (10u128.checked_pow(exponent)?, 1)
            }
        };
        numerator = numerator.checked_mul(times)?;
        denominator = denominator.checked_mul(over)?;
        Some(Quantity {
            numerator,
            denominator,
        })
    }

    /// floor(self ÷ per), in whole units of `per`.
    fn floor_div(self, per: u128) -> u128 {
        match self.denominator.checked_mul(per) {
            Some(d) if d > 0 => self.numerator / d,
            _ => 0,
        }
    }
}

/// Attaches the NodePools to the one cluster of `plan` that provisions nodes automatically
/// (node provisioning mode Auto, or a plan's `provisioned_pools`); with none or several, each
/// NodePool is named in an `unresolved-input` note and not counted. The bound of each
/// NodePool is shown in an `assumed-value` note; a NodePool without limits checked alone gets
/// `node-provisioning-limits`' warning here (attached, the rule reports it).
pub fn attach(plan: &mut Plan, manifests: Manifests, notes: &mut Vec<Finding>) {
    notes.extend(manifests.notes);
    let auto: Vec<usize> = plan
        .clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.auto_provisioning().is_some())
        .map(|(i, _)| i)
        .collect();
    for read in &manifests.pools {
        let pool = &read.pool;
        if let Some(how) = &read.bound {
            let at = match &pool.replicas {
                Some(r) => r.span,
                None => pool.max_nodes.as_ref().map_or(pool.name.span, |m| m.span),
            };
            notes.push(
                Finding::new(
                    Rule::AssumedValue,
                    at,
                    match &pool.replicas {
                        Some(r) => format!(
                            "NodePool `{}` keeps {} nodes: {how}",
                            pool.name.value,
                            pool.max_nodes.as_ref().map_or(r.value, |m| r.value.min(m.value))
                        ),
                        None => format!(
                            "NodePool `{}` bounds its nodes at {}: {how}",
                            pool.name.value,
                            pool.max_nodes.as_ref().map_or(0, |m| m.value)
                        ),
                    },
                )
                .help("the smallest VM the requirements allow is assumed; name sizes (karpenter.azure.com/sku-cpu, sku-name) to bound the nodes more tightly"),
            );
        }
    }
    for read in manifests.pools {
        // The cluster `.cniplan.yaml` names (by name, Terraform address or resource ID),
        // else the one cluster that provisions nodes automatically.
        let named: Vec<usize> = match &read.cluster {
            Some(wanted) => plan
                .clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.name.value.eq_ignore_ascii_case(wanted)
                        || c.origin
                            .as_ref()
                            .is_some_and(|o| o.resource.eq_ignore_ascii_case(wanted))
                })
                .map(|(i, _)| i)
                .collect(),
            None => auto.clone(),
        };
        if let [one] = named[..] {
            let cluster = &mut plan.clusters[one];
            if let Some(on) = cluster.node_provisioning {
                drop_unread_note(notes, on);
            }
            cluster.provisioned_pools.push(read.pool);
            continue;
        }
        let why = match (&read.cluster, named.is_empty()) {
            (Some(wanted), true) => format!(
                "`.cniplan.yaml` runs it in cluster `{}`, which is not in the estate read with it",
                crate::source::visible(wanted)
            ),
            (Some(wanted), false) => format!(
                "`.cniplan.yaml` runs it in cluster `{}`, and {} clusters of the estate have that name",
                crate::source::visible(wanted),
                named.len()
            ),
            (None, true) => {
                "no cluster read with it provisions nodes automatically (node provisioning mode Auto)"
                    .to_string()
            }
            (None, false) => {
                let names: Vec<String> = named
                    .iter()
                    .map(|&i| format!("`{}`", plan.clusters[i].name.value))
                    .collect();
                format!(
                    "the clusters {} all provision nodes automatically, and a manifest names none of them",
                    names.join(", ")
                )
            }
        };
        let help = match (&read.cluster, named.is_empty(), plan.clusters.len()) {
            // Manifests alone: the cluster they run in is in another input.
            (None, true, 0) => "check the manifests with the input that declares the cluster they run in (its plan, \
                 Terraform, Bicep or ARM template, with node auto-provisioning on), as one estate"
                .to_string(),
            // Clusters, none of them with NAP: NodePools run only where it is on.
            (None, true, clusters) => format!(
                "none of the {} read with it has node auto-provisioning on, and Karpenter runs only where it is: \
                 turn it on in the cluster the NodePools run in (`node_provisioning_mode: Auto` in a plan, \
                 `nodeProvisioningProfile.mode` `Auto` in ARM or Bicep, `node_provisioning_profile {{ mode = \"Auto\" }}` \
                 in Terraform), or name that cluster under `karpenter:` in .cniplan.yaml \
                 (`- {{manifests: GLOB, cluster: NAME}}`)",
                if clusters == 1 { "1 cluster".to_string() } else { format!("{clusters} clusters") }
            ),
            _ => "name the cluster the manifests run in under `karpenter:` in .cniplan.yaml \
                  (`- {manifests: GLOB, cluster: NAME}`), or check them with the one estate they belong to"
                .to_string(),
        };
        let pool = read.pool;
        if pool.max_nodes.is_none() && pool.replicas.is_none() {
            notes.push(unbounded(&pool));
        }
        notes.push(
            Finding::new(
                Rule::UnresolvedInput,
                pool.name.span,
                format!(
                    "NodePool `{}`: {why}, so its nodes are counted in no subnet",
                    pool.name.value
                ),
            )
            .help(help),
        );
    }
}

/// `node-provisioning-limits`' warning for a NodePool without limits read alone; attached
/// to a cluster, the rule itself reports it.
fn unbounded(pool: &ProvisionedPool) -> Finding {
    Finding::new(
        Rule::NodeProvisioningLimits,
        pool.name.span,
        format!(
            "NodePool `{}` has no limits: Karpenter adds nodes until its subnet runs out, so its subnet demand is unbounded",
            pool.name.value
        ),
    )
    .severity(Severity::Warning)
    .help("set the NodePool's `spec.limits` (cpu, memory) so that its nodes have a bound the subnet can be sized for")
}

/// The readers' note that NAP's nodes are not counted, for a cluster whose NodePools are
/// read after all: that part of the note goes.
fn drop_unread_note(notes: &mut Vec<Finding>, at: Span) {
    const UNREAD: &str = "node auto-provisioning is on: the nodes Karpenter adds are not counted";
    notes.retain_mut(|note| {
        if note.rule != Rule::UnresolvedInput || note.span != Some(at) {
            return true;
        }
        let Some(start) = note.message.find(UNREAD) else {
            return true;
        };
        let end = note.message[start..]
            .find("in a cniplan plan")
            .map_or(note.message.len(), |e| start + e + "in a cniplan plan".len());
        let (before, after) = (&note.message[..start], &note.message[end..]);
        let rest = format!(
            "{}{}",
            before.trim_end_matches("; "),
            after.trim_start_matches("; ")
        );
        // `label: ` alone is left when the note said nothing else.
        if rest.trim_end().ends_with(':') {
            return false;
        }
        note.message = rest;
        true
    });
}

/// An estate of Karpenter manifests alone: no VNet, no cluster, each NodePool validated and
/// its bound noted.
pub fn alone(sources: &[SourceFile], cluster_for: &dyn Fn(&str) -> Option<String>) -> crate::input::Loaded {
    let manifests = read(sources, 0, cluster_for);
    let mut plan = Plan {
        version: Spanned::default_at(1, Span::default()),
        vnets: Vec::new(),
        external_networks: Vec::new(),
        allocation: Default::default(),
        clusters: Vec::new(),
        churn: None,
    };
    let mut notes = Vec::new();
    let places: Vec<crate::input::ResourcePlace> = manifests
        .resources
        .iter()
        .map(|r| crate::input::ResourcePlace {
            span: r.span,
            address: r.address.clone(),
        })
        .collect();
    attach(&mut plan, manifests, &mut notes);
    crate::input::Loaded {
        plan,
        aliases: Vec::new(),
        notes,
        resources: places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_exact() {
        let q = |t: &str| Quantity::parse(t).map(|q| q.floor_div(1));
        assert_eq!(q("100"), Some(100));
        assert_eq!(q("1500m"), Some(1));
        assert_eq!(q("2.5"), Some(2));
        assert_eq!(q("1Gi"), Some(1 << 30));
        assert_eq!(q("1G"), Some(1_000_000_000));
        assert_eq!(q("1e3"), Some(1000));
        assert_eq!(q("lots"), None);
        assert_eq!(q("1.2.3"), None);
        assert_eq!(Quantity::parse("1000").map(|q| q.floor_div(3)), Some(333));
    }

    #[test]
    fn manifests_are_told_by_kind_and_api_version() {
        assert!(is_manifest("apiVersion: karpenter.sh/v1\nkind: NodePool\n"));
        assert!(is_manifest(
            "---\nkind: \"AKSNodeClass\"\napiVersion: karpenter.azure.com/v1beta1\n"
        ));
        assert!(!is_manifest("apiVersion: apps/v1\nkind: Deployment\n"));
        assert!(!is_manifest("version: 1\nclusters: []\n"));
        assert!(!is_manifest(
            "apiVersion: karpenter.sh/v1\nkind: NodePool\nspec:\n  template:\n    spec:\n      nodeClassRef:\n        kind: EC2NodeClass\n"
        ));
    }
}
