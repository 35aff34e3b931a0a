//! Where a resource and its attributes are written in the `.tf` files of a configuration, so a
//! finding read from a plan's JSON can point at the line a user edits (docs/terraform.md), and
//! SARIF and GitHub annotations land on the `.tf` file in a pull request.
//!
//! Nothing is evaluated: `count` and `for_each` instances share their block, and an address's
//! instance keys are ignored (`module.m["a"].azurerm_subnet.s[0]` is in the block of
//! `module.m.azurerm_subnet.s`).

use super::config::{self, block_header, span_of, Module};
use super::files;
use crate::diagnostic::Span;
use crate::source::SourceFile;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Body, Structure};
use std::collections::HashMap;
use std::path::Path;

/// The `.tf` files of a directory and its local modules, and the place of every resource
/// block and attribute in them.
pub struct Locator {
    blocks: HashMap<String, Located>,
}

struct Located {
    /// The block's `resource "type" "name"` line.
    header: Span,
    /// Each attribute and nested block by dotted path: with list indices for the n-th block
    /// of a name (`default_node_pool.0.vnet_subnet_id`) and without (`...vnet_subnet_id`,
    /// the first); for a list written literally, each element (`address_prefixes.0`).
    paths: HashMap<String, Span>,
}

/// Reads the configuration in `dir` for locating, with its sources as [`files::collect`]
/// lists them; spans number its files from `first_file` (1 when the plan's JSON is file 0 of
/// the report), so a span of file `first_file + i - 1` points into source `i`.
pub fn locate(dir: &Path, first_file: u32) -> Result<(Locator, Vec<SourceFile>), String> {
    let sources = files::collect(dir, &[])?;
    Ok((Locator::from_sources(&sources, first_file), sources))
}

impl Locator {
    /// From sources as [`files::collect`] lists them (0 the directory, then files). Files
    /// that do not parse locate nothing.
    pub fn from_sources(sources: &[SourceFile], first_file: u32) -> Locator {
        let root = sources
            .first()
            .map(|s| files::normalize(&s.path))
            .unwrap_or_default();
        let (parsed, _) = config::parse(sources);
        let (manifest, _) = super::manifest::of(sources);
        let (modules, _) = config::modules(&root, &parsed, manifest.as_ref());
        let maps: HashMap<u32, &super::tfjson::SpanMap> = parsed
            .iter()
            .filter_map(|p| p.map.as_ref().map(|m| (p.file, m)))
            .collect();
        // Source i (i >= 1) of the listing is file first_file + i - 1 of the report; a
        // `.tf.json` file's places go back to its JSON.
        let renumber = |span: Span| {
            let (start, end) = match maps.get(&span.file) {
                Some(map) => {
                    let r = map.range(span.start, span.end);
                    (r.start, r.end)
                }
                None => (span.start, span.end),
            };
            Span::in_file(span.file + first_file - 1, start, end)
        };
        let mut blocks = HashMap::new();
        let mut stack = vec![(0usize, String::new(), vec![0usize])];
        while let Some((index, prefix, ancestry)) = stack.pop() {
            let module: &Module = &modules[index];
            for resource in &module.resources {
                let address = format!("{prefix}{}", resource.local_address());
                let mut paths = HashMap::new();
                visit(&resource.block.body, resource.file, "", "", &mut paths);
                // What an override file writes is where the value comes from.
                for &(block, file) in &resource.overrides {
                    let mut over = HashMap::new();
                    visit(&block.body, file, "", "", &mut over);
                    paths.extend(over);
                }
                let located = Located {
                    header: renumber(block_header(resource.file, resource.block)),
                    paths: paths.into_iter().map(|(k, v)| (k, renumber(v))).collect(),
                };
                blocks.entry(address).or_insert(located);
            }
            for call in &module.calls {
                // A module calling back into its callers would never end; depth bounds it too.
                let Some(target) = call.target.filter(|t| !ancestry.contains(t)) else {
                    continue;
                };
                if ancestry.len() > files::MAX_MODULE_DEPTH {
                    continue;
                }
                let mut below = ancestry.clone();
                below.push(target);
                stack.push((target, format!("{prefix}module.{}.", call.name), below));
            }
        }
        Locator { blocks }
    }

    /// The `resource "type" "name"` (or `data`) line of an address.
    pub fn resource(&self, address: &str) -> Option<Span> {
        self.blocks.get(&without_keys(address)).map(|b| b.header)
    }

    /// The value of an attribute, by a dotted path with or without list indices
    /// (`default_node_pool.0.vnet_subnet_id`, `address_prefixes.0`); `None` when it is not
    /// written (a default, a computed value).
    pub fn attribute(&self, address: &str, path: &str) -> Option<Span> {
        let located = self.blocks.get(&without_keys(address))?;
        located.paths.get(path).copied().or_else(|| {
            let plain: Vec<&str> = path.split('.').filter(|p| p.parse::<usize>().is_err()).collect();
            located.paths.get(&plain.join(".")).copied()
        })
    }

    /// The attribute when written, else the nearest block around it that is, else the
    /// resource: always somewhere to point for a resource that is in the files.
    pub fn nearest(&self, address: &str, path: &str) -> Option<Span> {
        let mut parts: Vec<&str> = path.split('.').collect();
        while !parts.is_empty() {
            if let Some(span) = self.attribute(address, &parts.join(".")) {
                return Some(span);
            }
            parts.pop();
        }
        self.resource(address)
    }
}

/// Records the spans of a body's attributes and blocks under `plain` and `indexed` paths.
fn visit(body: &Body, file: u32, plain: &str, indexed: &str, paths: &mut HashMap<String, Span>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(a) => {
                let key = a.key.as_str();
                let span = span_of(file, hcl_edit::Span::span(&a.value));
                record(paths, plain, indexed, key, span);
                value(&a.value, file, &join(plain, key), &join(indexed, key), paths, 0);
            }
            Structure::Block(b) => {
                // `dynamic "x" { content { ... } }` stands for every `x` block it makes.
                let (name, inner) = match b.ident.as_str() {
                    "dynamic" => match (
                        b.labels.first(),
                        b.body.blocks().find(|c| c.ident.as_str() == "content"),
                    ) {
                        (Some(label), Some(content)) => (label.as_str(), &content.body),
                        _ => continue,
                    },
                    ident => (ident, &b.body),
                };
                let n = seen.entry(name).or_insert(0);
                let nth = format!("{name}.{n}");
                *n += 1;
                let span = span_of(file, hcl_edit::Span::span(b));
                record(paths, plain, indexed, name, span);
                paths.entry(join(indexed, &nth)).or_insert(span);
                visit(inner, file, &join(plain, name), &join(indexed, &nth), paths);
            }
        }
    }
}

/// The elements of a list and the attributes of an object written literally in an
/// attribute's value (an AzAPI body), each at its path.
fn value(
    expr: &Expression,
    file: u32,
    plain: &str,
    indexed: &str,
    paths: &mut HashMap<String, Span>,
    depth: usize,
) {
    if depth > MAX_VALUE_DEPTH {
        return;
    }
    match expr {
        Expression::Parenthesis(p) => value(p.inner(), file, plain, indexed, paths, depth + 1),
        Expression::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let element = span_of(file, hcl_edit::Span::span(item));
                let n = i.to_string();
                record(paths, plain, indexed, &n, element);
                value(item, file, plain, &join(indexed, &n), paths, depth + 1);
            }
        }
        Expression::Object(object) => {
            for (key, v) in object.iter() {
                let name = match key {
                    hcl_edit::expr::ObjectKey::Ident(i) => i.as_str(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::Variable(i)) => i.as_str(),
                    hcl_edit::expr::ObjectKey::Expression(e) => match e.as_str() {
                        Some(s) => s,
                        None => continue,
                    },
                };
                let span = span_of(file, hcl_edit::Span::span(v.expr()));
                record(paths, plain, indexed, name, span);
                value(
                    v.expr(),
                    file,
                    &join(plain, name),
                    &join(indexed, name),
                    paths,
                    depth + 1,
                );
            }
        }
        Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode" && call.args.len() == 1 => {
            if let Some(arg) = call.args.iter().next() {
                value(arg, file, plain, indexed, paths, depth + 1);
            }
        }
        _ => {}
    }
}

/// How deep [`value`] looks into a literal value: deeper than any resource body nests.
const MAX_VALUE_DEPTH: usize = 64;

fn record(paths: &mut HashMap<String, Span>, plain: &str, indexed: &str, key: &str, span: Span) {
    paths.entry(join(plain, key)).or_insert(span);
    paths.entry(join(indexed, key)).or_insert(span);
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An address without its instance keys: `module.m["a"].x.y[0]` → `module.m.x.y`.
fn without_keys(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0;
    let mut quoted = false;
    let mut escaped = false;
    for c in address.chars() {
        if depth > 0 {
            match (quoted, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (_, false, '"') => quoted = !quoted,
                (false, _, '[') => depth += 1,
                (false, _, ']') => depth -= 1,
                _ => {}
            }
            continue;
        }
        if c == '[' {
            depth = 1;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_keys_are_ignored() {
        assert_eq!(
            without_keys("module.m[\"a\"].azurerm_subnet.s[0]"),
            "module.m.azurerm_subnet.s"
        );
        assert_eq!(without_keys("azurerm_subnet.s[\"x]\\\"y\"]"), "azurerm_subnet.s");
        assert_eq!(without_keys("data.azurerm_subnet.s"), "data.azurerm_subnet.s");
    }

    #[test]
    fn attributes_are_found_by_paths_with_or_without_indices() {
        let tf = "resource \"azurerm_kubernetes_cluster\" \"aks\" {\n  default_node_pool {\n    vnet_subnet_id = azurerm_subnet.a.id\n  }\n  dynamic \"x\" {\n    for_each = [1]\n    content {\n      y = 2\n    }\n  }\n}\nresource \"azurerm_subnet\" \"a\" {\n  address_prefixes = [\"10.0.0.0/24\", \"10.0.1.0/24\"]\n}\n";
        let sources = vec![SourceFile::new("d", ""), SourceFile::new("d/main.tf", tf)];
        let locator = Locator::from_sources(&sources, 1);
        let text = |span: Option<Span>| {
            let span = span.expect("found");
            assert_eq!(span.file, 1);
            sources[1].text[span.start..span.end].to_string()
        };
        let aks = "azurerm_kubernetes_cluster.aks";
        assert_eq!(
            text(locator.attribute(aks, "default_node_pool.0.vnet_subnet_id")),
            "azurerm_subnet.a.id"
        );
        assert_eq!(
            text(locator.attribute(aks, "default_node_pool.vnet_subnet_id")),
            "azurerm_subnet.a.id"
        );
        assert_eq!(text(locator.attribute(aks, "x.3.y")), "2");
        assert_eq!(
            text(locator.attribute("azurerm_subnet.a[2]", "address_prefixes.1")),
            "\"10.0.1.0/24\""
        );
        assert_eq!(
            text(locator.resource("azurerm_subnet.a[2]")),
            "resource \"azurerm_subnet\" \"a\""
        );
        assert_eq!(locator.attribute(aks, "network_profile.0.pod_cidr"), None);
        assert_eq!(
            text(locator.nearest(aks, "default_node_pool.0.max_pods")),
            text(locator.attribute(aks, "default_node_pool.0"))
        );
        assert_eq!(locator.resource("azurerm_subnet.b"), None);
    }
}
