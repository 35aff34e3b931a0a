//! A plan's `configuration` section: what each resource's arguments refer to. Values that are
//! unknown until apply (a new subnet's `id`) can only be linked this way.
//!
//! Addresses inside a module are relative to it and reach the outside through `var.x` (the
//! module call's argument `x` in the parent), and modules are reached through their outputs
//! (`module.net.subnet_ids`). The tracer follows both, and picks the instance of a `count` or
//! `for_each` resource that an indexed reference means (`azurerm_subnet.pods[count.index]`
//! inside `pool[1]` is `azurerm_subnet.pods[1]`).

use super::address::{self, Key, ModulePath, Step};
use crate::input::tree::Node;
use foldhash::HashMap;

/// One module of the configuration (the root, or a call's `module`).
#[derive(Default)]
pub struct Module<'t, 'a> {
    /// Each resource's `expressions`, by its module-relative address (`azurerm_subnet.pods`,
    /// `data.azurerm_subnet.x`).
    resources: HashMap<String, &'t Node<'a>>,
    calls: HashMap<&'t str, Call<'t, 'a>>,
    /// Each output's `expression`.
    outputs: HashMap<&'t str, &'t Node<'a>>,
}

struct Call<'t, 'a> {
    expressions: Option<&'t Node<'a>>,
    module: Module<'t, 'a>,
}

impl<'t, 'a> Module<'t, 'a> {
    /// The index of `configuration.root_module` (an empty one when the plan has none).
    pub fn root(configuration: Option<&'t Node<'a>>) -> Self {
        configuration
            .and_then(|c| c.get("root_module"))
            .map(Module::build)
            .unwrap_or_default()
    }

    fn build(node: &'t Node<'a>) -> Self {
        let mut module = Module::default();
        for r in node.get("resources").map_or(&[][..], Node::items) {
            let (Some(address), Some(expressions)) =
                (r.get("address").and_then(Node::as_str), r.get("expressions"))
            else {
                continue;
            };
            module.resources.insert(address.to_string(), expressions);
        }
        for call in node.get("module_calls").map_or(&[][..], Node::entries) {
            let module_node = call.value.get("module");
            module.calls.insert(
                &call.key,
                Call {
                    expressions: call.value.get("expressions"),
                    module: module_node.map(Module::build).unwrap_or_default(),
                },
            );
        }
        for output in node.get("outputs").map_or(&[][..], Node::entries) {
            if let Some(expression) = output.value.get("expression") {
                module.outputs.insert(&output.key, expression);
            }
        }
        module
    }

    fn at(&self, path: &[(String, Option<Key>)]) -> Option<&Module<'t, 'a>> {
        let mut module = self;
        for (name, _) in path {
            module = &module.calls.get(name.as_str())?.module;
        }
        Some(module)
    }

    /// The expressions of the resource `relative` (module-relative address without its key)
    /// in the module at `path`.
    pub fn expressions(&self, path: &[(String, Option<Key>)], relative: &str) -> Option<&'t Node<'a>> {
        self.at(path)?.resources.get(relative).copied()
    }
}

/// How many hops through variables and outputs one argument may take: far more than real
/// configurations nest, and a stop for cycles (an input that refers to its module's output).
const MAX_HOPS: usize = 64;

/// Follows references from one resource instance's arguments to the resources they name.
pub struct Tracer<'m, 't, 'a> {
    root: &'m Module<'t, 'a>,
}

/// Where an expression is evaluated: its module instance, and the key `count.index` or
/// `each.key` stands for there.
#[derive(Clone)]
struct Scope<'p> {
    path: &'p [(String, Option<Key>)],
    key: Option<Key>,
    /// A key that applies to whole-resource references even without `count.index` in the
    /// expression: the index written after a module output (`module.net.ids["pods"]`).
    hint: Option<Key>,
}

impl<'m, 't, 'a> Tracer<'m, 't, 'a> {
    pub fn new(root: &'m Module<'t, 'a>) -> Self {
        Tracer { root }
    }

    /// The addresses `expression` (an argument's `{"references": [...]}`) refers to, for the
    /// instance with `key` in the module instance `path`: absolute, most specific first
    /// (`azurerm_subnet.pods[1]`, then `azurerm_subnet.pods`).
    pub fn references(
        &self,
        expression: &Node<'a>,
        path: &[(String, Option<Key>)],
        key: Option<&Key>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let scope = Scope {
            path,
            key: key.cloned(),
            hint: None,
        };
        let mut hops = MAX_HOPS;
        self.trace(expression, &scope, &mut hops, &mut out);
        out
    }

    fn trace(&self, expression: &Node<'a>, scope: &Scope<'_>, hops: &mut usize, out: &mut Vec<String>) {
        let refs = expression.get("references").map_or(&[][..], Node::items);
        let keyed = refs
            .iter()
            .filter_map(Node::as_str)
            .any(|r| r == "count.index" || r == "each.key" || r.starts_with("each.value"));
        for reference in refs.iter().filter_map(Node::as_str) {
            let Some(steps) = address::steps(reference) else {
                continue;
            };
            let word = |i: usize| match steps.get(i) {
                Some(Step::Name(n)) => Some(*n),
                _ => None,
            };
            let key_at = |i: usize| match steps.get(i) {
                Some(Step::Index(k)) => Some(k.clone()),
                _ => None,
            };
            match word(0) {
                None | Some("count" | "each" | "path" | "terraform" | "self" | "local") => {}
                Some("var") => {
                    if let (Some(name), Some(((call, key), parent))) = (word(1), scope.path.split_last()) {
                        self.variable(name, call, key.clone(), parent, hops, out);
                    }
                }
                Some("module") => {
                    let Some(call) = word(1) else { continue };
                    let (instance, at) = match key_at(2) {
                        Some(k) => (Some(k), 3),
                        None => (keyed.then(|| scope.key.clone()).flatten(), 2),
                    };
                    if let Some(output) = word(at) {
                        self.output(call, instance, output, key_at(at + 1), scope, hops, out);
                    }
                }
                Some("data") => {
                    if let (Some(kind), Some(name)) = (word(1), word(2)) {
                        let relative = format!("data.{kind}.{name}");
                        self.resource(&relative, key_at(3), keyed, scope, out);
                    }
                }
                Some(kind) => {
                    if let Some(name) = word(1) {
                        self.resource(&format!("{kind}.{name}"), key_at(2), keyed, scope, out);
                    }
                }
            }
        }
    }

    /// A resource reference, as its instance when the reference or its scope says which.
    fn resource(
        &self,
        relative: &str,
        key: Option<Key>,
        keyed: bool,
        scope: &Scope<'_>,
        out: &mut Vec<String>,
    ) {
        let prefix = address::module_prefix(scope.path);
        let whole = format!("{prefix}{relative}");
        let instance = key
            .or_else(|| scope.hint.clone())
            .or_else(|| keyed.then(|| scope.key.clone()).flatten());
        if let Some(key) = instance {
            push(out, format!("{whole}{key}"));
        }
        push(out, whole);
    }

    /// `var.name` inside the module instance `call[key]` of `parent`: the call's argument.
    fn variable(
        &self,
        name: &str,
        call: &str,
        key: Option<Key>,
        parent: &[(String, Option<Key>)],
        hops: &mut usize,
        out: &mut Vec<String>,
    ) {
        if *hops == 0 {
            return;
        }
        *hops -= 1;
        let Some(expression) = self
            .root
            .at(parent)
            .and_then(|m| m.calls.get(call))
            .and_then(|c| c.expressions)
            .and_then(|e| e.get(name))
        else {
            return;
        };
        let scope = Scope {
            path: parent,
            key,
            hint: None,
        };
        self.trace(expression, &scope, hops, out);
    }

    /// `module.call[instance].output[hint]`: what the output's expression refers to inside
    /// that module instance.
    #[allow(clippy::too_many_arguments)]
    fn output(
        &self,
        call: &str,
        instance: Option<Key>,
        output: &str,
        hint: Option<Key>,
        scope: &Scope<'_>,
        hops: &mut usize,
        out: &mut Vec<String>,
    ) {
        if *hops == 0 {
            return;
        }
        *hops -= 1;
        let mut path: ModulePath = scope.path.to_vec();
        path.push((call.to_string(), instance));
        let Some(expression) = self.root.at(&path).and_then(|m| m.outputs.get(output)) else {
            return;
        };
        let inner = Scope {
            path: &path,
            key: None,
            hint,
        };
        self.trace(expression, &inner, hops, out);
    }
}

fn push(out: &mut Vec<String>, address: String) {
    if !out.contains(&address) {
        out.push(address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::json;
    use crate::source::SourceFile;

    fn traced(configuration: &str, path: &str, resource: &str, key: Option<Key>, arg: &str) -> Vec<String> {
        let src = SourceFile::new("c.json", configuration.to_string());
        let doc = json::parse(&src, 0).unwrap();
        let root = doc.root.unwrap();
        let module = Module::root(Some(&root));
        let path = address::module_path(path).unwrap();
        let expressions = module.expressions(&path, resource).unwrap();
        Tracer::new(&module).references(expressions.get(arg).unwrap(), &path, key.as_ref())
    }

    #[test]
    fn count_index_picks_the_same_instance() {
        let c = r#"{"root_module": {"resources": [{"address": "azurerm_kubernetes_cluster_node_pool.p",
            "expressions": {"vnet_subnet_id": {"references": ["azurerm_subnet.pods", "count.index"]}}}]}}"#;
        assert_eq!(
            traced(
                c,
                "",
                "azurerm_kubernetes_cluster_node_pool.p",
                Some(Key::Int(1)),
                "vnet_subnet_id"
            ),
            ["azurerm_subnet.pods[1]", "azurerm_subnet.pods"]
        );
    }

    #[test]
    fn module_inputs_are_traced_to_the_parent() {
        let c = r#"{"root_module": {"module_calls": {"pool": {
            "expressions": {"subnet_id": {"references": ["azurerm_subnet.nodes[0].id", "azurerm_subnet.nodes[0]", "azurerm_subnet.nodes"]}},
            "module": {"resources": [{"address": "azurerm_kubernetes_cluster_node_pool.this",
                "expressions": {"vnet_subnet_id": {"references": ["var.subnet_id"]}}}]}}}}}"#;
        assert_eq!(
            traced(
                c,
                "module.pool",
                "azurerm_kubernetes_cluster_node_pool.this",
                None,
                "vnet_subnet_id"
            ),
            ["azurerm_subnet.nodes[0]", "azurerm_subnet.nodes"]
        );
    }

    #[test]
    fn module_outputs_and_their_keys_are_followed() {
        let c = r#"{"root_module": {
            "resources": [{"address": "azurerm_kubernetes_cluster.aks", "expressions": {"default_node_pool": [
                {"pod_subnet_id": {"references": ["module.net.subnet_ids[\"pods\"]", "module.net.subnet_ids", "module.net"]}}]}}],
            "module_calls": {"net": {"module": {
                "outputs": {"subnet_ids": {"expression": {"references": ["azurerm_subnet.s"]}}}}}}}}"#;
        let src = SourceFile::new("c.json", c.to_string());
        let doc = json::parse(&src, 0).unwrap();
        let root = doc.root.unwrap();
        let module = Module::root(Some(&root));
        let e = module.expressions(&[], "azurerm_kubernetes_cluster.aks").unwrap();
        let arg = e
            .get("default_node_pool")
            .unwrap()
            .index(0)
            .unwrap()
            .get("pod_subnet_id")
            .unwrap();
        assert_eq!(
            Tracer::new(&module).references(arg, &[], None),
            [
                r#"module.net.azurerm_subnet.s["pods"]"#,
                "module.net.azurerm_subnet.s"
            ]
        );
    }

    #[test]
    fn a_cycle_through_a_module_stops() {
        let c = r#"{"root_module": {"module_calls": {"m": {
            "expressions": {"x": {"references": ["module.m.out"]}},
            "module": {"outputs": {"out": {"expression": {"references": ["var.x"]}}},
                "resources": [{"address": "azurerm_subnet.s", "expressions": {"name": {"references": ["var.x"]}}}]}}}}}"#;
        assert!(traced(c, "module.m", "azurerm_subnet.s", None, "name").is_empty());
    }
}
