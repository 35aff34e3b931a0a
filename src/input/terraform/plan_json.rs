//! Terraform plan JSON (`terraform show -json tfplan`, format_version 0.x and 1.x) →
//! [`Resource`]s: every resource instance's planned values with their places in the JSON,
//! which values are unknown until apply, and what each argument refers to.
//!
//! Values come from `resource_changes[].change.after` (with `after_unknown`, which says what
//! only apply will know), then `planned_values` for resources without a change entry, then
//! `prior_state` for data sources read while planning. References come from `configuration`
//! (see [`super::references`]).

use super::address::{self, Key};
use super::references::{Module, Tracer};
use super::Resource;
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::json;
use crate::input::tree::{Entry, Node, RepeatedKey, SyntaxError, Value};
use crate::source::SourceFile;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::BTreeMap;

/// What a JSON text is, judged by its content.
pub enum Sniffed<'a> {
    /// A Terraform plan, parsed, with the keys it repeats.
    Plan(Node<'a>, Vec<RepeatedKey>),
    /// JSON that says it is a Terraform plan but does not parse.
    BrokenPlan(SyntaxError),
    /// Anything else: another format's business.
    Other,
}

/// How far into a broken JSON text `"format_version"` may stand for the text to be taken
/// for a plan: Terraform writes it first.
const SNIFF_BYTES: usize = 4096;

/// Recognises a Terraform plan by content (docs/terraform.md): a JSON object with
/// `format_version` and `planned_values` or `resource_changes`. Other JSON that Terraform
/// writes (a state, with `format_version` and `values`) is taken too, so the reader can say
/// what it is instead.
pub fn sniff(source: &SourceFile) -> Sniffed<'_> {
    if !source.text.trim_start().starts_with('{') {
        return Sniffed::Other;
    }
    match json::parse(source, 0) {
        Ok(doc) => match doc.root {
            Some(root) if root.get("format_version").is_some() => Sniffed::Plan(root, doc.repeated),
            _ => Sniffed::Other,
        },
        Err(e) => {
            let mut head = SNIFF_BYTES.min(source.text.len());
            while !source.text.is_char_boundary(head) {
                head -= 1;
            }
            if source.text[..head].contains("\"format_version\"") {
                Sniffed::BrokenPlan(e)
            } else {
                Sniffed::Other
            }
        }
    }
}

/// Whether a text may be a Terraform plan, without parsing it: a JSON object naming
/// `format_version` near its start (Terraform writes it first). For choosing whether to read
/// the `.tf` files beside it.
pub fn looks_like_plan(text: &str) -> bool {
    let mut head = SNIFF_BYTES.min(text.len());
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    text.trim_start().starts_with('{') && text[..head].contains("\"format_version\"")
}

pub fn is_plan(root: &Node<'_>) -> bool {
    root.get("format_version").is_some()
        && (root.get("planned_values").is_some() || root.get("resource_changes").is_some())
}

/// The resources of a plan, and the problems of the plan JSON that did not stop reading.
pub struct Read<'a> {
    pub resources: Vec<Resource<'a>>,
    pub findings: Vec<Finding>,
    /// What is left of the plan's tree: the caller frees it alongside other work (it is
    /// most of the document, and freeing it is a good part of the reading's cost).
    pub rest: Vec<Node<'a>>,
}

fn schema(span: Span, message: impl Into<String>) -> Finding {
    Finding::new(Rule::PlanSchema, span, message)
}

/// What a mapping reads: which resource types, and which arguments' references (dotted
/// paths such as `default_node_pool.vnet_subnet_id`). Tracing every argument of a large plan
/// through its modules would cost more than the rest of the reading.
pub struct Reads<'r> {
    pub wanted: &'r dyn Fn(&str) -> bool,
    pub follows: &'r dyn Fn(&str) -> bool,
}

/// Reads the instances of the resource types `types` wants. A text that is no plan of a
/// format version cniplan knows gives the findings that say why.
pub fn read<'a>(root: Node<'a>, types: &Reads<'_>) -> Result<Read<'a>, Vec<Finding>> {
    check_version(&root)?;
    if !is_plan(&root) {
        let mut finding = not_a_plan(root.span);
        if root.get("values").is_some() {
            finding.message = "this is a Terraform state in JSON, not a plan".to_string();
        }
        return Err(vec![finding]);
    }
    let root_span = root.span;
    let Value::Map(entries) = root.value else {
        return Err(vec![not_a_plan(root_span)]);
    };
    let mut parts: HashMap<String, Node<'a>> = HashMap::new();
    let mut rest = Vec::new();
    for e in entries {
        if matches!(
            e.key.as_ref(),
            "configuration" | "resource_changes" | "planned_values" | "prior_state"
        ) {
            parts.insert(e.key.into_owned(), e.value);
        } else {
            rest.push(e.value);
        }
    }
    let configuration = parts.remove("configuration");
    let module = Module::root(configuration.as_ref());
    let mut reader = Reader {
        path: (String::new(), Some(Vec::new())),
        arguments: HashMap::new(),
        rest,
        tracer: Tracer::new(&module),
        module: &module,
        wanted: types.wanted,
        follows: types.follows,
        resources: Vec::new(),
        seen: HashSet::new(),
        changed: HashMap::new(),
        findings: Vec::new(),
    };
    if let Some(mut changes) = parts.remove("resource_changes") {
        reader.changes(&mut changes);
        reader.rest.push(changes);
    }
    if let Some(mut planned) = parts.remove("planned_values") {
        if let Some(root_module) = get_mut(&mut planned, "root_module") {
            reader.module_values(root_module, false, 0);
        }
        reader.rest.push(planned);
    }
    if let Some(mut prior) = parts.remove("prior_state") {
        if let Some(root_module) = get_mut(&mut prior, "values").and_then(|v| get_mut(v, "root_module")) {
            reader.module_values(root_module, true, 0);
        }
        reader.rest.push(prior);
    }
    let Reader {
        mut resources,
        findings,
        mut rest,
        ..
    } = reader;
    drop(module);
    rest.extend(configuration);
    to_instances(&mut resources);
    Ok(Read {
        resources,
        findings,
        rest,
    })
}

fn not_a_plan(span: Span) -> Finding {
    schema(span, "this is not a Terraform plan in JSON")
        .help("make one with `terraform show -json tfplan > tfplan.json`: an object with `format_version` and `planned_values` or `resource_changes`")
}

/// format_version 0.x (Terraform 0.12 to 0.15) and 1.x (Terraform 1.0 on) are read; a later
/// major version may move what cniplan reads, so it is refused rather than misread.
fn check_version(root: &Node<'_>) -> Result<(), Vec<Finding>> {
    let Some(version) = root.get("format_version") else {
        return Err(vec![not_a_plan(root.span)]);
    };
    let help = "cniplan reads format_version 0.x and 1.x (Terraform 0.12 and later); \
                a newer format may have moved what it reads";
    match version.as_str() {
        Some(v) if matches!(v.split('.').next(), Some("0" | "1")) && v.contains('.') => Ok(()),
        Some(v) => Err(vec![schema(
            version.span,
            format!("Terraform plan JSON of format_version \"{v}\" is not read"),
        )
        .help(help)]),
        None => Err(vec![schema(
            version.span,
            format!(
                "`format_version` is {}, not a string such as \"1.2\"",
                version.describe()
            ),
        )
        .help(help)]),
    }
}

fn get_mut<'n, 'a>(node: &'n mut Node<'a>, key: &str) -> Option<&'n mut Node<'a>> {
    match &mut node.value {
        Value::Map(entries) => entries.iter_mut().find(|e| e.key == key).map(|e| &mut e.value),
        _ => None,
    }
}

/// Moves the value of `key` out of an object node in place, leaving null.
fn take_mut<'a>(node: &mut Node<'a>, key: &str) -> Option<Node<'a>> {
    match &mut node.value {
        Value::Map(entries) => entries.iter_mut().find(|e| e.key == key).map(|e| {
            let span = e.value.span;
            std::mem::replace(&mut e.value, Node::new(span, Value::Null))
        }),
        _ => None,
    }
}

/// Modules nest deeper than this only in hostile input; the JSON reader's own depth bound
/// stops far sooner, this is a second guard for the walk itself.
const MAX_MODULE_DEPTH: usize = 200;

/// The followed arguments of one resource's configuration: path and expression.
type Arguments<'t, 'a> = Vec<(String, &'t Node<'a>)>;

struct Reader<'r, 'm, 't, 'a> {
    /// The module address last read and its path (resources come grouped by module).
    path: (String, Option<address::ModulePath>),
    /// Followed arguments per configuration resource (by its `expressions` node).
    arguments: HashMap<usize, Arguments<'t, 'a>>,
    /// Parts of the tree already read, kept to be freed later (see [`Read::rest`]).
    rest: Vec<Node<'a>>,
    tracer: Tracer<'m, 't, 'a>,
    module: &'m Module<'t, 'a>,
    wanted: &'r dyn Fn(&str) -> bool,
    follows: &'r dyn Fn(&str) -> bool,
    resources: Vec<Resource<'a>>,
    /// Addresses already read, from any section.
    seen: HashSet<String>,
    /// Where each address of `resource_changes` is written, to name the first of two.
    changed: HashMap<String, Span>,
    findings: Vec<Finding>,
}

/// What identifies a resource instance in `resource_changes` and `planned_values`.
struct Head {
    address: String,
    kind: String,
    name: String,
    data: bool,
    module: String,
    key: Option<Key>,
}

impl<'t, 'a> Reader<'_, '_, 't, 'a> {
    fn head(&mut self, item: &Node<'a>, module_default: &str) -> Option<Head> {
        let text = |key: &str| item.get(key).and_then(Node::as_str);
        let (Some(address), Some(kind), Some(name)) = (text("address"), text("type"), text("name")) else {
            self.findings.push(
                schema(
                    item.span,
                    "a resource without `address`, `type` or `name` strings",
                )
                .help("this entry is left out; a plan from `terraform show -json` always has them"),
            );
            return None;
        };
        let key = match item.get("index").map(|n| &n.value) {
            Some(Value::Int(n)) => i64::try_from(*n).ok().map(Key::Int),
            Some(Value::Str(s)) => Some(Key::Str(s.to_string())),
            _ => None,
        };
        Some(Head {
            address: address.to_string(),
            kind: kind.to_string(),
            name: name.to_string(),
            data: text("mode") == Some("data"),
            module: text("module_address").unwrap_or(module_default).to_string(),
            key,
        })
    }

    fn changes(&mut self, changes: &mut Node<'a>) {
        let span = changes.span;
        let Value::Seq(items) = &mut changes.value else {
            self.findings
                .push(schema(span, "`resource_changes` is not a list"));
            return;
        };
        for item in items.iter_mut() {
            // Most resources of a plan are of types the mapping does not read: skip them
            // before copying anything out.
            if item
                .get("type")
                .and_then(Node::as_str)
                .is_some_and(|k| !(self.wanted)(k))
            {
                continue;
            }
            let Some(head) = self.head(item, "") else {
                continue;
            };
            // `terraform show -json` lists each instance once; a plan edited or joined by
            // hand may not. The first is read, as before, and the second is not dropped
            // without a word.
            let at = item.get("address").map_or(item.span, |n| n.span);
            if let Some(&first) = self.changed.get(&head.address) {
                self.findings.push(
                    Finding::new(
                        Rule::ConflictingDeclarations,
                        at,
                        format!(
                            "`{}` is in `resource_changes` twice; a plan from `terraform show -json` lists each resource instance once: cniplan reads the first and leaves this one out",
                            head.address
                        ),
                    )
                    .related(first, "the first, which cniplan reads")
                    .help("check the plan with a fresh `terraform show -json`; this one was edited or joined by hand"),
                );
                continue;
            }
            self.changed.insert(head.address.clone(), at);
            if !self.seen.insert(head.address.clone()) {
                continue;
            }
            let Some(change) = get_mut(item, "change") else {
                continue;
            };
            let deleted = change
                .get("actions")
                .is_some_and(|a| a.items().iter().all(|x| x.as_str() == Some("delete")));
            let after = take_mut(change, "after");
            let unknown = take_mut(change, "after_unknown");
            match after {
                Some(after) if !deleted && matches!(after.value, Value::Map(_)) => {
                    self.add(head, item.span, after, unknown);
                }
                Some(after) if !deleted && !after.is_null() => self.findings.push(
                    schema(
                        after.span,
                        format!("`change.after` of {} is not an object", head.address),
                    )
                    .help("this resource is left out"),
                ),
                _ => {}
            }
        }
    }

    /// A `planned_values` or `prior_state` module: its resources, then its child modules.
    fn module_values(&mut self, module: &mut Node<'a>, data_only: bool, depth: usize) {
        if depth > MAX_MODULE_DEPTH {
            return;
        }
        let module_address = module
            .get("address")
            .and_then(Node::as_str)
            .unwrap_or("")
            .to_string();
        let Value::Map(entries) = &mut module.value else {
            return;
        };
        for e in entries.iter_mut() {
            match (e.key.as_ref(), &mut e.value.value) {
                ("resources", Value::Seq(items)) => {
                    for item in items.iter_mut() {
                        let text = |key: &str| item.get(key).and_then(Node::as_str);
                        let skip = text("type").is_some_and(|k| !(self.wanted)(k))
                            || (data_only && text("mode") != Some("data"))
                            || text("address").is_some_and(|a| self.seen.contains(a));
                        if skip {
                            continue;
                        }
                        let Some(head) = self.head(item, &module_address) else {
                            continue;
                        };
                        self.seen.insert(head.address.clone());
                        if let Some(values) =
                            take_mut(item, "values").filter(|v| matches!(v.value, Value::Map(_)))
                        {
                            self.add(head, item.span, values, None);
                        }
                    }
                }
                ("child_modules", Value::Seq(children)) => {
                    for child in children.iter_mut() {
                        self.module_values(child, data_only, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn add(&mut self, head: Head, span: Span, mut values: Node<'a>, unknown: Option<Node<'a>>) {
        let mut unknown_paths = Vec::new();
        if let Some(unknown) = unknown {
            mark_unknown(&mut values, &unknown, "", &mut unknown_paths, 0);
            self.rest.push(unknown);
        }
        if self.path.0 != head.module {
            self.path = (head.module.clone(), address::module_path(&head.module));
        }
        let mut references = BTreeMap::new();
        if let Some(path) = &self.path.1 {
            let relative = if head.data {
                format!("data.{}.{}", head.kind, head.name)
            } else {
                format!("{}.{}", head.kind, head.name)
            };
            if let Some(expressions) = self.module.expressions(path, &relative) {
                // Every instance of a count, a for_each or a module shares its arguments.
                let follows = self.follows;
                let arguments = self
                    .arguments
                    .entry(std::ptr::from_ref(expressions) as usize)
                    .or_insert_with(|| {
                        let mut all = Vec::new();
                        arguments_of(expressions, String::new(), &mut all, 0);
                        all.retain(|(a, _)| follows(a));
                        all
                    });
                for (argument, expression) in arguments.iter() {
                    let found = self.tracer.references(expression, path, head.key.as_ref());
                    if !found.is_empty() {
                        references
                            .entry(argument.clone())
                            .or_insert_with(Vec::new)
                            .extend(found);
                    }
                }
            }
        }
        self.resources.push(Resource {
            address: head.address,
            kind: head.kind,
            data: head.data,
            module: head.module,
            span,
            values,
            unknown: unknown_paths,
            references: references.into(),
            from_configuration: false,
        });
    }
}

/// Every argument of a resource's `expressions` that has references, by dotted path
/// (nested blocks are lists of objects, or an object for a single block).
fn arguments_of<'t, 'a>(node: &'t Node<'a>, prefix: String, out: &mut Arguments<'t, 'a>, depth: usize) {
    if depth > MAX_MODULE_DEPTH {
        return;
    }
    for e in node.entries() {
        let path = if prefix.is_empty() {
            e.key.to_string()
        } else {
            format!("{prefix}.{}", e.key)
        };
        match &e.value.value {
            Value::Map(_) if e.value.get("references").is_some() => out.push((path, &e.value)),
            Value::Map(_) if e.value.get("constant_value").is_some() => {}
            Value::Map(_) => arguments_of(&e.value, path, out, depth + 1),
            Value::Seq(blocks) => {
                for block in blocks {
                    arguments_of(block, path.clone(), out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// Records the paths `after_unknown` marks, and gives each unknown value a null in `values`
/// at the place `after_unknown` marks it, so a note about it can point there.
fn mark_unknown<'a>(
    values: &mut Node<'a>,
    unknown: &Node<'a>,
    prefix: &str,
    paths: &mut Vec<String>,
    depth: usize,
) {
    if depth > MAX_MODULE_DEPTH {
        return;
    }
    // Nulls for the unknown values `after` leaves out, added at the end in one go: the
    // object's Vec has exactly its own length, and pushing one at a time reallocated it.
    let mut added = Vec::new();
    for e in unknown.entries() {
        // Most marks are `false` or empty: nothing unknown below them.
        let marks_something = match &e.value.value {
            Value::Bool(b) => *b,
            Value::Map(m) => !m.is_empty(),
            Value::Seq(s) => !s.is_empty(),
            _ => false,
        };
        if !marks_something {
            continue;
        }
        let path = if prefix.is_empty() {
            e.key.to_string()
        } else {
            format!("{prefix}.{}", e.key)
        };
        let Value::Map(entries) = &mut values.value else {
            return;
        };
        let existing = entries.iter_mut().find(|v| v.key == e.key);
        match (&e.value.value, existing) {
            (Value::Bool(true), None) => {
                added.push(Entry {
                    key: e.key.clone(),
                    key_span: e.key_span,
                    value: Node::new(e.value.span, Value::Null),
                });
                paths.push(path);
            }
            (Value::Bool(true), Some(v)) => {
                if v.value.is_null() {
                    v.value.span = e.value.span;
                }
                paths.push(path);
            }
            (Value::Map(_), Some(v)) => mark_unknown(&mut v.value, &e.value, &path, paths, depth + 1),
            (Value::Seq(marks), Some(v)) => {
                if let Value::Seq(items) = &mut v.value.value {
                    for (item, mark) in items.iter_mut().zip(marks) {
                        match mark.value {
                            Value::Bool(true) => paths.push(path.clone()),
                            Value::Map(_) => mark_unknown(item, mark, &path, paths, depth + 1),
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if let (Value::Map(entries), false) = (&mut values.value, added.is_empty()) {
        entries.extend(added);
    }
}

/// References the tracer could not pin to an instance (`azurerm_subnet.pods` of a resource
/// with `count = 1`, `module.m.azurerm_subnet.s` of a counted module) become the one instance
/// that matches them, when exactly one does. A list is settled at its first known address:
/// the mapping reads no further, and expanding every whole-resource reference of a large
/// plan would cost a search per reference.
fn to_instances(resources: &mut [Resource<'_>]) {
    let settled = {
        let known: HashSet<&str> = resources.iter().map(|r| r.address.as_str()).collect();
        // Instances by their address without its own key (`module.m["a"].azurerm_subnet.s`
        // for `…s[0]`); by their address without any key (for references into counted
        // modules) only when some reference needs it.
        let mut by_resource: HashMap<&str, Vec<&str>> = HashMap::new();
        for r in resources.iter() {
            let resource = match r
                .address
                .strip_suffix(']')
                .and_then(|a| a.rfind('[').map(|i| &a[..i]))
            {
                Some(without_key) => without_key,
                None => r.address.as_str(),
            };
            by_resource.entry(resource).or_default().push(&r.address);
        }
        let mut by_skeleton: Option<HashMap<String, Vec<&str>>> = None;
        let mut single = |candidate: &str| -> Option<String> {
            if let Some([only]) = by_resource.get(candidate).map(Vec::as_slice) {
                return Some(only.to_string());
            }
            let index = by_skeleton.get_or_insert_with(|| {
                let mut index: HashMap<String, Vec<&str>> = HashMap::new();
                for r in resources.iter() {
                    if let Some(s) = address::skeleton(&r.address) {
                        index.entry(s).or_default().push(&r.address);
                    }
                }
                index
            });
            let all = index.get(&address::skeleton(candidate)?)?;
            let mut matching = all.iter().filter(|a| address::instance_of(a, candidate));
            match (matching.next(), matching.next()) {
                (Some(only), None) => Some(only.to_string()),
                _ => None,
            }
        };
        let mut settled: Vec<Option<Vec<String>>> = Vec::new();
        for r in resources.iter() {
            for list in r.references.values() {
                // Settled at its first known address: the mapping reads no further.
                if known.contains(list.first().map_or("", String::as_str)) {
                    settled.push(None);
                    continue;
                }
                let mut out: Vec<String> = Vec::with_capacity(list.len());
                let mut found = false;
                for candidate in list {
                    let resolved = if found || known.contains(candidate.as_str()) {
                        candidate.clone()
                    } else {
                        single(candidate).unwrap_or_else(|| candidate.clone())
                    };
                    found |= known.contains(resolved.as_str());
                    if !out.contains(&resolved) {
                        out.push(resolved);
                    }
                }
                settled.push(Some(out));
            }
        }
        settled
    };
    let mut settled = settled.into_iter();
    for r in resources.iter_mut() {
        for list in r.references.values_mut() {
            if let Some(Some(out)) = settled.next() {
                *list = out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Reads<'static> = Reads {
        wanted: &|_: &str| true,
        follows: &|_: &str| true,
    };

    /// Address, unknown paths and references of each resource read.
    type Summary = (String, Vec<String>, BTreeMap<String, Vec<String>>);

    fn resources(text: &str) -> Vec<Summary> {
        let src = SourceFile::new("p.json", text.to_string());
        let Sniffed::Plan(root, _) = sniff(&src) else {
            panic!("not a plan")
        };
        let types = Reads {
            wanted: &|k: &str| k.starts_with("azurerm_"),
            follows: &|_: &str| true,
        };
        let read = read(root, &types).unwrap_or_else(|f| panic!("{f:?}"));
        read.resources
            .into_iter()
            .map(|r| {
                let references = r.references.iter().map(|(p, a)| (p.to_string(), a.clone()));
                (r.address, r.unknown, references.collect())
            })
            .collect()
    }

    #[test]
    fn unknown_values_become_nulls_where_after_unknown_marks_them() {
        let text = r#"{"format_version": "1.2", "resource_changes": [{"address": "azurerm_kubernetes_cluster.a",
            "mode": "managed", "type": "azurerm_kubernetes_cluster", "name": "a",
            "change": {"actions": ["create"], "after": {"default_node_pool": [{"name": "x"}]},
                       "after_unknown": {"default_node_pool": [{"max_pods": true}], "network_profile": true}}}]}"#;
        let src = SourceFile::new("p.json", text.to_string());
        let Sniffed::Plan(root, _) = sniff(&src) else {
            panic!()
        };
        let read = read(root, &ALL).unwrap();
        let r = &read.resources[0];
        assert_eq!(r.unknown, ["default_node_pool.max_pods", "network_profile"]);
        let max_pods = r
            .values
            .get("default_node_pool")
            .unwrap()
            .index(0)
            .unwrap()
            .get("max_pods")
            .unwrap();
        assert!(max_pods.is_null());
        assert_eq!(&text[max_pods.span.start..max_pods.span.end], "true");
    }

    #[test]
    fn counted_modules_resolve_to_their_single_instance() {
        let text = r#"{"format_version": "1.2",
          "resource_changes": [
            {"address": "module.net[0].azurerm_subnet.s", "module_address": "module.net[0]", "mode": "managed",
             "type": "azurerm_subnet", "name": "s", "change": {"actions": ["create"], "after": {}}},
            {"address": "azurerm_kubernetes_cluster_node_pool.p", "mode": "managed",
             "type": "azurerm_kubernetes_cluster_node_pool", "name": "p", "change": {"actions": ["create"], "after": {}}}],
          "configuration": {"root_module": {
            "resources": [{"address": "azurerm_kubernetes_cluster_node_pool.p",
              "expressions": {"vnet_subnet_id": {"references": ["module.net.id", "module.net"]}}}],
            "module_calls": {"net": {"count_expression": {"constant_value": 1}, "module": {
              "outputs": {"id": {"expression": {"references": ["azurerm_subnet.s.id", "azurerm_subnet.s"]}}}}}}}}}"#;
        let got = resources(text);
        assert_eq!(got[1].2["vnet_subnet_id"], ["module.net[0].azurerm_subnet.s"]);
    }

    #[test]
    fn versions_other_than_0_and_1_are_refused_at_the_value() {
        for (version, ok) in [
            ("\"0.1\"", true),
            ("\"1.2\"", true),
            ("\"2.0\"", false),
            ("1.0", false),
            ("\"1\"", false),
        ] {
            let text = format!(r#"{{"format_version": {version}, "planned_values": {{}}}}"#);
            let src = SourceFile::new("p.json", text.clone());
            let Sniffed::Plan(root, _) = sniff(&src) else {
                panic!()
            };
            match read(root, &ALL) {
                Ok(_) => assert!(ok, "{version}"),
                Err(f) => {
                    assert!(!ok, "{version}");
                    assert_eq!(f[0].rule, Rule::PlanSchema);
                    assert_eq!(f[0].span.unwrap().start, text.find(version).unwrap());
                }
            }
        }
    }

    #[test]
    fn sniffing_tells_plans_from_other_json_and_yaml() {
        let src = SourceFile::new("p", "version: 1\n");
        assert!(matches!(sniff(&src), Sniffed::Other));
        let src = SourceFile::new("p", "{\"version\": 1}");
        assert!(matches!(sniff(&src), Sniffed::Other));
        let src = SourceFile::new("p", "{\"format_version\": \"1.2\", \"planned_values\": {");
        assert!(matches!(sniff(&src), Sniffed::BrokenPlan(_)));
    }
}
