//! The declarations of each module directory: variables, locals, resources and data sources,
//! module calls and outputs, each pointing at its expressions in the parsed `.tf` files.

use super::files;
use super::tfjson::{self, SpanMap};
use crate::diagnostic::{Finding, Rule, Span};
use crate::source::SourceFile;
use foldhash::HashMap;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One parsed configuration file: its number among the input's sources and its body.
pub struct Parsed {
    pub file: u32,
    pub dir: String,
    /// Shared with every other root module that calls the same module (see [`parse`]).
    pub body: Arc<Body>,
    /// An override file (`override.tf`, `*_override.tf` and their `.tf.json` forms):
    /// merged into the blocks it names after every other file of its module.
    pub over: bool,
    /// A `.tf.json` file: its body is the HCL the JSON stands for, and this takes its places
    /// back to the JSON.
    pub map: Option<SpanMap>,
    /// What Terraform refuses in a `.tf.json` file that did not stop the reading.
    pub findings: Vec<Finding>,
}

/// An expression and the file it is written in.
#[derive(Clone, Copy)]
pub struct Item<'c> {
    pub expr: &'c Expression,
    pub file: u32,
}

impl Item<'_> {
    pub fn span(&self) -> Span {
        span_of(self.file, hcl_edit::Span::span(self.expr))
    }
}

pub struct Variable<'c> {
    pub default: Option<Item<'c>>,
    pub kind: Option<Item<'c>>,
}

pub struct ResourceDef<'c> {
    pub data: bool,
    pub kind: &'c str,
    pub name: &'c str,
    pub block: &'c Block,
    pub file: u32,
    pub count: Option<Item<'c>>,
    pub for_each: Option<Item<'c>>,
    /// The blocks of override files that name this resource, in the order Terraform merges
    /// them, each with its file.
    pub overrides: Vec<(&'c Block, u32)>,
}

impl ResourceDef<'_> {
    /// The address within its module: `azurerm_subnet.pods`, `data.azurerm_subnet.x`.
    pub fn local_address(&self) -> String {
        let prefix = if self.data { "data." } else { "" };
        format!("{prefix}{}.{}", self.kind, self.name)
    }

    pub fn span(&self) -> Span {
        block_header(self.file, self.block)
    }
}

pub struct Call<'c> {
    pub name: &'c str,
    pub block: &'c Block,
    pub file: u32,
    /// The blocks of override files that name this call, in merge order, with their files.
    pub overrides: Vec<(&'c Block, u32)>,
    /// The `source` as written, and where.
    pub source: Option<(&'c str, Span)>,
    /// The module directory a local source names, when its files were read.
    pub target: Option<usize>,
    pub count: Option<Item<'c>>,
    pub for_each: Option<Item<'c>>,
}

impl<'c> Call<'c> {
    /// An argument of the call (a module input): the last override's, else the call's own.
    pub fn argument(&self, name: &str) -> Option<Item<'c>> {
        self.overrides
            .iter()
            .rev()
            .chain(std::iter::once(&(self.block, self.file)))
            .find_map(|(block, file)| {
                block.body.get_attribute(name).map(|a| Item {
                    expr: &a.value,
                    file: *file,
                })
            })
    }
}

#[derive(Default)]
pub struct Module<'c> {
    pub dir: String,
    pub variables: BTreeMap<&'c str, Variable<'c>>,
    pub locals: BTreeMap<&'c str, Item<'c>>,
    pub resources: Vec<ResourceDef<'c>>,
    pub calls: Vec<Call<'c>>,
    pub outputs: BTreeMap<&'c str, Item<'c>>,
    /// `resources` and `calls` by what names them: every reference looks one up, and a
    /// search through the list made a configuration of n resources take n² steps.
    resource_index: HashMap<(bool, &'c str, &'c str), usize>,
    call_index: HashMap<&'c str, usize>,
}

impl<'c> Module<'c> {
    pub fn resource(&self, data: bool, kind: &str, name: &str) -> Option<usize> {
        self.resource_index.get(&(data, kind, name)).copied()
    }

    pub fn call(&self, name: &str) -> Option<usize> {
        self.call_index.get(name).copied()
    }

    fn add_resource(&mut self, def: ResourceDef<'c>) {
        self.resource_index
            .insert((def.data, def.kind, def.name), self.resources.len());
        self.resources.push(def);
    }

    fn add_call(&mut self, call: Call<'c>) {
        // The first of two calls of one name is the one found, as before (the second is
        // reported as a duplicate where it is declared).
        self.call_index.entry(call.name).or_insert(self.calls.len());
        self.calls.push(call);
    }
}

/// Parses every configuration source (0 is the directory, variable files are no
/// configuration): `.tf` files as HCL, `.tf.json` files as the HCL they stand for. A file
/// that does not parse gives a finding at the place the parser stopped.
///
/// A `.tf` file is parsed once per process ([`files::parsed`]): the tree the walk's discovery
/// parsed is the one read here, and a called module's files (any directory but the root's)
/// are shared by every root module that calls them.
pub fn parse(sources: &[SourceFile]) -> (Vec<Parsed>, Vec<Finding>) {
    let mut parsed = Vec::new();
    let mut findings = Vec::new();
    let root = sources.first().map(|s| files::normalize(&s.path));
    for (index, source) in sources.iter().enumerate().skip(1) {
        if !files::is_config(&source.path) {
            continue;
        }
        let file = index as u32;
        let called = root.as_deref() != Some(files::normalize(&files::parent(&source.path)).as_str());
        let how = if called {
            files::Parse::Module
        } else {
            files::Parse::Root
        };
        let (body, map, notes) = if tfjson::is_json(&source.path) {
            let converted = match tfjson::convert(source, file) {
                Ok(c) => c,
                Err(mut errors) => {
                    findings.append(&mut errors);
                    continue;
                }
            };
            match files::parsed(&converted.hcl, how) {
                Ok(body) => (body, Some(converted.map), converted.findings),
                Err(e) => {
                    // An expression in a string that is no HCL (`"${var.}"`): located in the
                    // JSON through the map.
                    let hcl = SourceFile::new(source.path.clone(), converted.hcl);
                    let mut finding = syntax_finding(&hcl, file, &e);
                    if let Some(span) = &mut finding.span {
                        *span = converted.map.span(file, Some(span.start..span.end));
                        widen_to_char(&source.text, span);
                    }
                    findings.push(finding);
                    continue;
                }
            }
        } else {
            match files::parsed(&source.text, how) {
                Ok(body) => (body, None, Vec::new()),
                Err(e) => {
                    findings.push(syntax_finding(source, file, &e));
                    continue;
                }
            }
        };
        parsed.push(Parsed {
            file,
            dir: files::parent(&source.path),
            body,
            over: files::is_override(&source.path),
            map,
            findings: notes,
        });
    }
    (parsed, findings)
}

/// The module-relative address of every resource and data source some expression of the
/// configuration names (`azurerm_subnet.s`, `data.azurerm_subnet.x`), in whatever module it is
/// written: what the evaluator must keep a resource's value for. Terraform names resources
/// only this way, so a resource not in the set is read by no expression, and its value
/// (about a kilobyte an instance) need not be kept once its instances are made (issue 19).
/// A name written in another module, or shadowed by a `for` variable, only keeps a value.
pub fn referred(parsed: &[Parsed]) -> foldhash::HashSet<String> {
    use hcl_edit::expr::{Traversal, TraversalOperator};
    use hcl_edit::visit::{visit_traversal, Visit};
    struct Names {
        set: foldhash::HashSet<String>,
        address: String,
    }
    impl Visit for Names {
        fn visit_traversal(&mut self, node: &Traversal) {
            let attr = |i: usize| match node.operators.get(i).map(|o| o.value()) {
                Some(TraversalOperator::GetAttr(name)) => Some(name.as_str()),
                _ => None,
            };
            if let Expression::Variable(root) = &node.expr {
                // As the evaluator resolves a reference's first names (`reference` in eval.rs).
                let names = match (root.as_str(), attr(0), attr(1)) {
                    ("var" | "local" | "module" | "path" | "self" | "count" | "each", _, _) => None,
                    ("data", Some(kind), Some(name)) => Some(("data.", kind, name)),
                    ("data", _, _) => None,
                    (kind, Some(name), _) => Some(("", kind, name)),
                    _ => None,
                };
                if let Some((prefix, kind, name)) = names {
                    // Built in one buffer: most names are written many times.
                    self.address.clear();
                    self.address.push_str(prefix);
                    self.address.push_str(kind);
                    self.address.push('.');
                    self.address.push_str(name);
                    if !self.set.contains(self.address.as_str()) {
                        self.set.insert(self.address.clone());
                    }
                }
            }
            visit_traversal(self, node);
        }
    }
    let mut names = Names {
        set: foldhash::HashSet::default(),
        address: String::new(),
    };
    for p in parsed {
        names.visit_body(&p.body);
    }
    names.set
}

/// A span that covers at least one character where it starts.
fn widen_to_char(text: &str, span: &mut Span) {
    if span.start == span.end {
        span.end = text[span.start.min(text.len())..]
            .chars()
            .next()
            .map_or(span.start, |c| span.start + c.len_utf8());
    }
}

/// Spans in `.tf.json` files, which the reader made in the HCL each stands for, taken back to
/// the JSON: every finding and every value of every resource.
pub fn remap<'r, 'a: 'r>(
    parsed: &[Parsed],
    findings: &mut [Finding],
    resources: impl IntoIterator<Item = &'r mut super::Resource<'a>>,
) {
    let maps: foldhash::HashMap<u32, &SpanMap> = parsed
        .iter()
        .filter_map(|p| p.map.as_ref().map(|m| (p.file, m)))
        .collect();
    if maps.is_empty() {
        return;
    }
    let fix = |span: &mut Span| {
        if let Some(map) = maps.get(&span.file) {
            let r = map.range(span.start, span.end);
            *span = Span::in_file(span.file, r.start, r.end);
        }
    };
    for f in findings {
        if let Some(span) = &mut f.span {
            fix(span);
        }
        for r in &mut f.related {
            fix(&mut r.span);
        }
    }
    for r in resources {
        fix(&mut r.span);
        remap_node(&mut r.values, &fix, 0);
    }
}

fn remap_node(node: &mut crate::input::tree::Node<'_>, fix: &dyn Fn(&mut Span), depth: usize) {
    use crate::input::tree::Value;
    fix(&mut node.span);
    if depth > crate::input::json::MAX_DEPTH {
        return;
    }
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| remap_node(n, fix, depth + 1)),
        Value::Map(entries) => {
            for e in entries {
                fix(&mut e.key_span);
                remap_node(&mut e.value, fix, depth + 1);
            }
        }
        _ => {}
    }
}

pub fn syntax_finding(source: &SourceFile, file: u32, e: &hcl_edit::parser::Error) -> Finding {
    // The parser may stop inside a multi-byte character (found by the terraform_hcl fuzz
    // target): the finding starts at that character.
    let mut at = e.location().offset().min(source.text.len());
    while !source.text.is_char_boundary(at) {
        at -= 1;
    }
    let end = at + source.text[at..].chars().next().map_or(0, char::len_utf8);
    if let Some((start, number)) = oversized_number(&source.text, at) {
        return Finding::new(
            Rule::PlanSyntax,
            Span::in_file(file, start, start + number.len()),
            format!(
                "cniplan cannot read the number {number}: its parser holds numbers of 64 bits, \
                 and Terraform's are arbitrary-precision; nothing else of this file is read"
            ),
        )
        .help("write the number within 64 bits (or as a string) so cniplan can check the file");
    }
    Finding::new(
        Rule::PlanSyntax,
        Span::in_file(file, at, end),
        format!("this is not valid HCL: {}", e.message()),
    )
    .help("fix the syntax at this position; `terraform fmt` or `terraform validate` shows it too")
}

/// A number literal on the line of a parse error that is valid HCL but past what hcl-edit
/// holds (an integer beyond `u64`, a float beyond `f64`), which makes it refuse the body
/// with a message about braces: where it starts, and its text.
fn oversized_number(text: &str, at: usize) -> Option<(usize, &str)> {
    // The parser may stop inside the number (`1` read, `e400` refused): from the line's start.
    let at = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[at..line_end];
    let mut rest = line;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        let start = line.len() - rest.len() + i;
        let tail = &line[start..];
        let len = tail
            .char_indices()
            .take_while(|&(j, c)| {
                c.is_ascii_digit()
                    || c == '.'
                    || c == 'e'
                    || c == 'E'
                    || (j > 0 && (c == '+' || c == '-') && matches!(tail.as_bytes()[j - 1], b'e' | b'E'))
            })
            .count();
        let number = &tail[..len];
        // Inside a name (`s3`, `v2`) a digit starts no number.
        let inside_word = line[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
        let float = number.contains(['.', 'e', 'E']);
        let oversized = if float {
            number.parse::<f64>().is_ok_and(f64::is_infinite)
        } else {
            number.parse::<u64>().is_err()
        };
        if !inside_word && oversized {
            return Some((at + start, number));
        }
        rest = &tail[len..];
    }
    None
}

/// Groups the parsed files into modules: the root directory first, then each directory of
/// local modules; each module call is tied to the module its `source` names.
pub fn modules<'c>(
    root: &str,
    parsed: &'c [Parsed],
    manifest: Option<&super::manifest::Manifest>,
) -> (Vec<Module<'c>>, Vec<Finding>) {
    let mut modules: Vec<Module<'c>> = vec![Module {
        dir: root.to_string(),
        ..Module::default()
    }];
    let mut findings = Vec::new();
    // Terraform reads a module's primary files, then merges its override files into them.
    let ordered = parsed
        .iter()
        .filter(|p| !p.over)
        .chain(parsed.iter().filter(|p| p.over));
    // Resource and data blocks read so far, in every module (files::MAX_RESOURCE_BLOCKS).
    let mut resources = 0;
    for file in ordered {
        let index = match modules.iter().position(|m| m.dir == file.dir) {
            Some(i) => i,
            None => {
                modules.push(Module {
                    dir: file.dir.clone(),
                    ..Module::default()
                });
                modules.len() - 1
            }
        };
        if file.over {
            merge_override(&mut modules[index], file, &mut findings);
        } else {
            declare(&mut modules[index], file, &mut findings, &mut resources);
        }
    }
    let dirs: Vec<String> = modules.iter().map(|m| m.dir.clone()).collect();
    let mut unread = Vec::new();
    for module in &mut modules {
        for call in &mut module.calls {
            let Some((source, span)) = call.source else {
                continue;
            };
            let dir = match files::local_module_dir(&module.dir, source) {
                Some(dir) => dir,
                None => match installed(&module.dir, call.name, source, span, manifest) {
                    Ok(dir) => dir,
                    Err(note) => {
                        // Never silent: what a module not read declares is not checked,
                        // unless it is known to declare nothing cniplan checks (a key
                        // vault's module).
                        if !super::known_modules::declares_nothing_checked(source) {
                            findings.push(*note);
                        }
                        continue;
                    }
                },
            };
            call.target = dirs.iter().position(|d| *d == dir);
            let local = files::local_module_dir(&module.dir, source).is_some();
            if call.target.is_none() && local {
                // A path through a symbolic link back to a module already read: that
                // module, whose call is then a cycle (eval's `make_call_instances`).
                call.target = files::same_directory(&dir, &dirs);
            }
            if call.target.is_none() && !local {
                findings.push(
                    Finding::new(
                        Rule::UnresolvedInput,
                        span,
                        format!(
                            "module `{}` comes from `{source}`, which `terraform init` installed in {dir}, but no .tf files are there: the VNets, subnets and clusters it may declare are not checked",
                            call.name
                        ),
                    )
                    .help("run `terraform init` again, which installs it anew"),
                );
            } else if call.target.is_none() {
                if let Err(outside) = crate::source::reach::within(std::path::Path::new(&dir)) {
                    findings.push(
                        Finding::new(
                            Rule::UnresolvedInput,
                            span,
                            format!(
                                "module `{}`: {}: the VNets, subnets and clusters it may declare are not checked",
                                call.name,
                                outside.message(source)
                            ),
                        )
                        .help(outside.help()),
                    );
                    continue;
                }
                unread.push((span, call.name, dir, module.dir.clone()));
            }
        }
    }
    // The reader stops following local modules past a depth (files::MAX_MODULE_DEPTH), so a
    // call from that depth finds no files read, whatever its directory holds: say so.
    let depth = depths(&modules);
    for (span, name, dir, caller) in unread {
        let caller_depth = modules
            .iter()
            .position(|m| m.dir == caller)
            .map_or(0, |m| depth[m]);
        findings.push(if caller_depth >= files::MAX_MODULE_DEPTH {
            Finding::new(
                Rule::PlanSchema,
                span,
                format!(
                    "module `{name}`: modules nest more than {} levels deep; {dir} is not read",
                    files::MAX_MODULE_DEPTH
                ),
            )
            .help("no configuration nests its modules this deep: look for modules that call each other in a circle")
        } else {
            Finding::new(Rule::PlanSchema, span, format!("module `{name}`: no .tf files in {dir}"))
                .help("a local module's directory must hold its .tf files")
        });
    }
    (modules, findings)
}

/// Each module's depth below the root (0), along the shortest chain of calls.
fn depths(modules: &[Module]) -> Vec<usize> {
    let mut depth = vec![usize::MAX; modules.len()];
    let mut queue = std::collections::VecDeque::from([0]);
    depth[0] = 0;
    while let Some(m) = queue.pop_front() {
        for target in modules[m].calls.iter().filter_map(|c| c.target) {
            if depth[target] == usize::MAX {
                depth[target] = depth[m] + 1;
                queue.push_back(target);
            }
        }
    }
    depth
}

/// The directory `terraform init` installed a registry or git module call in, or the note
/// that says why it is not read.
fn installed(
    caller: &str,
    name: &str,
    source: &str,
    span: Span,
    manifest: Option<&super::manifest::Manifest>,
) -> Result<String, Box<Finding>> {
    let plan = "or check the plan, which holds every module's resources: `terraform plan -out tfplan && terraform show -json tfplan > tfplan.json`, then `cniplan check tfplan.json`";
    let note = |why: String, help: &str| {
        Box::new(Finding::new(
            Rule::UnresolvedInput,
            span,
            format!("module `{name}` comes from `{source}`, {why}: the VNets, subnets and clusters it may declare are not checked"),
        )
        .help(format!("{help}, {plan}")))
    };
    let Some(manifest) = manifest else {
        return Err(note(
            "which `terraform init` installs, and it has not run here (no .terraform/modules/modules.json)"
                .to_string(),
            "run `terraform init` (cniplan then reads the module where it is installed)",
        ));
    };
    let Some(at) = manifest.installed(caller, name) else {
        return Err(note(
            "which .terraform/modules/modules.json does not list: `terraform init` ran before the call was written".to_string(),
            "run `terraform init` again",
        ));
    };
    if !super::manifest::Manifest::same_source(at, source) {
        return Err(note(
            format!("but `terraform init` installed it from `{}`: the source changed since (Terraform refuses to plan until it is installed again)", at.source),
            "run `terraform init` again",
        ));
    }
    Ok(at.dir.clone())
}

/// Adds one file's top-level blocks to its module.
fn declare<'c>(
    module: &mut Module<'c>,
    file: &'c Parsed,
    findings: &mut Vec<Finding>,
    resources: &mut usize,
) {
    let at = |expr: &'c Expression| Item {
        expr,
        file: file.file,
    };
    for block in file.body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        let attr = |name: &str| block.body.get_attribute(name).map(|a| at(&a.value));
        match (block.ident.as_str(), labels.as_slice()) {
            ("variable", [name]) => {
                module.variables.entry(name).or_insert(Variable {
                    default: attr("default"),
                    kind: attr("type"),
                });
            }
            ("locals", []) => {
                for a in block.body.attributes() {
                    if module.locals.insert(a.key.as_str(), at(&a.value)).is_some() {
                        findings.push(duplicate(file.file, block, "local value", a.key.as_str()));
                    }
                }
            }
            ("output", [name]) => {
                if let Some(value) = attr("value") {
                    module.outputs.insert(name, value);
                }
            }
            (kind @ ("resource" | "data"), [kind_label, name]) => {
                let data = kind == "data";
                if *resources >= files::MAX_RESOURCE_BLOCKS {
                    // Said once, at the first block left out; the blocks after it are not read.
                    if *resources == files::MAX_RESOURCE_BLOCKS {
                        findings.push(files::too_many_resources(block_header(file.file, block)));
                        *resources += 1;
                    }
                    continue;
                }
                *resources += 1;
                if module.resource(data, kind_label, name).is_some() {
                    findings.push(duplicate(file.file, block, kind, &format!("{kind_label}.{name}")));
                    continue;
                }
                findings.extend(count_and_for_each(file.file, block));
                module.add_resource(ResourceDef {
                    data,
                    kind: kind_label,
                    name,
                    block,
                    file: file.file,
                    count: attr("count"),
                    for_each: attr("for_each"),
                    overrides: Vec::new(),
                });
            }
            ("module", [name]) => {
                if module.call(name).is_some() {
                    findings.push(duplicate(file.file, block, "module", name));
                    continue;
                }
                findings.extend(count_and_for_each(file.file, block));
                let source = block.body.get_attribute("source").and_then(|a| {
                    a.value
                        .as_str()
                        .map(|s| (s, span_of(file.file, hcl_edit::Span::span(&a.value))))
                });
                module.add_call(Call {
                    name,
                    block,
                    file: file.file,
                    overrides: Vec::new(),
                    source,
                    target: None,
                    count: attr("count"),
                    for_each: attr("for_each"),
                });
            }
            _ => {}
        }
    }
}

/// Merges one override file into its module as Terraform does
/// (developer.hashicorp.com/terraform/language/files/override): each top-level block is
/// merged into the block of the same type and labels; an attribute replaces the one of its
/// name, nested blocks replace every nested block of their type (in [`ResourceDef::overrides`],
/// read by the evaluator); `locals` values are overridden one by one, whatever block holds
/// them; a `variable`'s `default` and `type`, an `output`'s `value`, a module call's `source`,
/// `count`, `for_each` and arguments each replace their own. A block with nothing to override
/// is Terraform's error.
fn merge_override<'c>(module: &mut Module<'c>, file: &'c Parsed, findings: &mut Vec<Finding>) {
    let at = |expr: &'c Expression| Item {
        expr,
        file: file.file,
    };
    for block in file.body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        let attr = |name: &str| block.body.get_attribute(name).map(|a| at(&a.value));
        let missing = |what: &str, name: &str| {
            Finding::new(
                Rule::PlanSchema,
                block_header(file.file, block),
                format!("missing base {what} to override: no {what} `{name}` is declared in a primary file of this module"),
            )
            .help("Terraform refuses an override file whose block overrides nothing; an override file only changes blocks declared in the module's other files")
        };
        match (block.ident.as_str(), labels.as_slice()) {
            ("variable", [name]) => match module.variables.get_mut(name) {
                Some(v) => {
                    if let Some(d) = attr("default") {
                        v.default = Some(d);
                    }
                    if let Some(t) = attr("type") {
                        v.kind = Some(t);
                    }
                }
                None => findings.push(missing("variable", name)),
            },
            ("locals", []) => {
                for a in block.body.attributes() {
                    match module.locals.get_mut(a.key.as_str()) {
                        Some(item) => *item = at(&a.value),
                        None => findings.push(
                            Finding::new(
                                Rule::PlanSchema,
                                span_of(file.file, hcl_edit::Span::span(&a.key)),
                                format!("missing base local value to override: no local value `{}` is declared in a primary file of this module", a.key.as_str()),
                            )
                            .help("Terraform refuses an override of a local value that is not declared"),
                        ),
                    }
                }
            }
            ("output", [name]) => match module.outputs.get_mut(name) {
                Some(item) => {
                    if let Some(v) = attr("value") {
                        *item = v;
                    }
                }
                None => findings.push(missing("output", name)),
            },
            (kind @ ("resource" | "data"), [kind_label, name]) => {
                let data = kind == "data";
                let Some(index) = module.resource(data, kind_label, name) else {
                    findings.push(missing(kind, &format!("{kind_label}.{name}")));
                    continue;
                };
                findings.extend(count_and_for_each(file.file, block));
                let def = &mut module.resources[index];
                if let Some(c) = attr("count") {
                    def.count = Some(c);
                }
                if let Some(f) = attr("for_each") {
                    def.for_each = Some(f);
                }
                def.overrides.push((block, file.file));
            }
            ("module", [name]) => {
                let Some(index) = module.call(name) else {
                    findings.push(missing("module call", name));
                    continue;
                };
                findings.extend(count_and_for_each(file.file, block));
                let call = &mut module.calls[index];
                if let Some(a) = block.body.get_attribute("source") {
                    if let Some(source) = a.value.as_str() {
                        call.source = Some((source, span_of(file.file, hcl_edit::Span::span(&a.value))));
                    }
                }
                if let Some(c) = attr("count") {
                    call.count = Some(c);
                }
                if let Some(f) = attr("for_each") {
                    call.for_each = Some(f);
                }
                call.overrides.push((block, file.file));
            }
            _ => {}
        }
    }
}

/// Terraform's refusal of a `resource`, `data` or `module` block that sets both `count` and
/// `for_each` (configs: "Invalid combination"), at `for_each`'s name as Terraform places it,
/// whichever comes first. The evaluator then takes `count` alone; the error stands.
fn count_and_for_each(file: u32, block: &Block) -> Option<Finding> {
    block.body.get_attribute("count")?;
    let for_each = block.body.get_attribute("for_each")?;
    let what = if block.ident.as_str() == "module" {
        "module instances"
    } else {
        "resources"
    };
    Some(
        Finding::new(
            Rule::PlanSchema,
            span_of(file, hcl_edit::Span::span(&for_each.key)),
            format!(
                "invalid combination of \"count\" and \"for_each\": the \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of {what} to be created"
            ),
        )
        .help("Terraform refuses this configuration; keep `count` or `for_each`, not both"),
    )
}

fn duplicate(file: u32, block: &Block, what: &str, name: &str) -> Finding {
    Finding::new(
        Rule::PlanSchema,
        block_header(file, block),
        format!("{what} `{name}` is declared twice in this module"),
    )
    .help("Terraform refuses duplicate declarations; remove or rename one")
}

pub fn span_of(file: u32, range: Option<std::ops::Range<usize>>) -> Span {
    range.map_or(Span::in_file(file, 0, 0), |r| Span::in_file(file, r.start, r.end))
}

/// A block's span from its name to the end of its last label: one line to point at.
pub fn block_header(file: u32, block: &Block) -> Span {
    let start = hcl_edit::Span::span(&block.ident).map(|r| r.start);
    let end = block
        .labels
        .last()
        .and_then(hcl_edit::Span::span)
        .or_else(|| hcl_edit::Span::span(&block.ident))
        .map(|r| r.end);
    match (start, end) {
        (Some(start), Some(end)) => Span::in_file(file, start, end),
        _ => span_of(file, hcl_edit::Span::span(block)),
    }
}

#[cfg(test)]
mod tests {
    /// Every form an expression names a resource in keeps its value: in a template, a
    /// splat, a `for`, a function's argument, a dynamic block's content, an output, a data
    /// source; variables, locals, modules and the scope's names are no resources.
    #[test]
    fn resources_named_anywhere_are_referred_to() {
        let text = r#"
resource "azurerm_subnet" "a" { name = "a" }
resource "azurerm_subnet" "b" {
  name  = "${azurerm_subnet.a.name}-${var.suffix}"
  ids   = [for s in azurerm_virtual_network.v[*].id : s if s != local.skip]
  rg    = data.azurerm_resource_group.rg.name
  count = length(module.m.ids)
  dynamic "d" {
    for_each = each.value
    content { n = lookup(azurerm_nat_gateway.n[count.index], "id", path.module) }
  }
}
output "o" { value = azurerm_route_table.t["x"].id }
"#;
        let parsed = [super::Parsed {
            file: 1,
            dir: String::new(),
            body: std::sync::Arc::new(hcl_edit::parser::parse_body(text).unwrap()),
            over: false,
            map: None,
            findings: Vec::new(),
        }];
        let mut names: Vec<String> = super::referred(&parsed).into_iter().collect();
        names.sort();
        assert_eq!(
            names,
            [
                "azurerm_nat_gateway.n",
                "azurerm_route_table.t",
                "azurerm_subnet.a",
                "azurerm_virtual_network.v",
                "data.azurerm_resource_group.rg",
            ]
        );
    }

    #[test]
    fn numbers_past_64_bits_are_found_on_the_line_and_others_are_not() {
        let text = "  big = 18446744073709551616\n";
        assert_eq!(
            super::oversized_number(text, 2),
            Some((8, "18446744073709551616"))
        );
        assert_eq!(super::oversized_number("x\n  f = 1e400 ", 9), Some((8, "1e400")));
        assert_eq!(
            super::oversized_number("  f = 2.5e-3, s3 = 18446744073709551615", 2),
            None
        );
        assert_eq!(
            super::oversized_number("  v2 = \"99999999999999999999\"", 2),
            None
        );
    }
}
