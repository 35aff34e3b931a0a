//! Walks a template's resources: copy loops, conditions, child resources declared inside
//! their parent, and nested `Microsoft.Resources/deployments` with inline templates (inner
//! scope: their own parameters, passed by the parent; outer: the parent's). The networking
//! resources found are evaluated once every deployment is known, so `reference()` to a
//! nested deployment's outputs finds it wherever it is declared.

use super::estate::{self, Kind, Resource};
use super::eval::Evaluator;
use super::identity::symbolic;
use super::notes::Notes;
use super::order::{Deployed, Order};
use super::scope::{Env, Param, Place, Scope, RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER};
use super::value::Val;
use crate::diagnostic::{Finding, Rule, Span, Spanned};
use crate::input::placeholder;
use crate::input::tree::{Node, Value as Json};
use std::rc::Rc;

/// A networking resource found, to be evaluated once the walk is done.
pub struct Found<'a> {
    kind: Kind,
    kind_name: String,
    /// `vnet/subnet` for a child.
    full_name: String,
    name_span: Span,
    /// Why the name is unknown, when it is.
    name_unknown: Option<String>,
    /// The name's expression as written, when the name is unknown: what notes call it.
    written_name: Option<String>,
    target: Place,
    env: Env<'a>,
    node: &'a Node<'a>,
    /// Why the condition is unknown, when it is.
    condition: Option<(Span, String)>,
    /// The deployment that declares it, in `Walker::order`.
    deployment: usize,
}

struct Parent {
    kind: String,
    name: String,
}

pub struct Walker<'e, 'a> {
    ev: &'e Evaluator<'a>,
    pub found: Vec<Found<'a>>,
    pub notes: Vec<Notes>,
    unknown_names: usize,
    /// Unknown names by what they are computed from (`symbolic`): one stand-in each, so
    /// the same expression over the same inputs is the same resource.
    stand_ins: std::collections::HashMap<String, usize>,
    /// The deployments met, and what orders them.
    order: Rc<Order>,
    /// The deployment being walked.
    current: usize,
    /// What the next deployment created waits for (the previous batch of a serial loop).
    pending_after: Vec<usize>,
    /// The last deployment created.
    created: Option<usize>,
}

impl<'e, 'a> Walker<'e, 'a> {
    /// A walker of the deployment named `root`.
    pub fn new(ev: &'e Evaluator<'a>, root: &str) -> Self {
        Walker {
            ev,
            found: Vec::new(),
            notes: Vec::new(),
            unknown_names: 0,
            stand_ins: std::collections::HashMap::new(),
            order: Order::new(root),
            current: 0,
            pending_after: Vec::new(),
            created: None,
        }
    }

    /// The walk is of the `position`th deployment `.cniplan.yaml` deploys.
    pub fn listed(self, position: usize) -> Self {
        self.order.set_listed(position);
        self
    }

    /// The resources of a template (an array; an object keyed by symbolic name in
    /// languageVersion 2.0).
    pub fn walk(&mut self, env: &Env<'a>, target: &Place, resources: Option<&'a Node<'a>>) {
        let Some(resources) = resources else { return };
        let items: Vec<&'a Node<'a>> = match &resources.value {
            crate::input::tree::Value::Seq(items) => items.iter().collect(),
            crate::input::tree::Value::Map(entries) => entries.iter().map(|e| &e.value).collect(),
            _ => {
                self.ev.report(
                    Finding::new(
                        Rule::PlanSchema,
                        resources.span,
                        format!(
                            "`resources` must be a list of resources, not {}",
                            resources.describe()
                        ),
                    )
                    .help("Azure Resource Manager refuses the template"),
                );
                Vec::new()
            }
        };
        for node in items {
            self.resource(env, target, node, None);
        }
    }

    fn resource(&mut self, env: &Env<'a>, target: &Place, node: &'a Node<'a>, parent: Option<&Parent>) {
        // An `existing` resource is read, not deployed: it is not part of what the
        // template creates.
        if node.get_nocase("existing").and_then(Node::as_bool) == Some(true) {
            return;
        }
        let Some(copy) = node.get_nocase("copy").filter(|c| !c.entries().is_empty()) else {
            self.instance(env, target, node, parent);
            return;
        };
        let name = copy.get_nocase("name").and_then(Node::as_str).unwrap_or("");
        let count = match copy.get_nocase("count") {
            Some(count) => self.ev.copy_count(env, count),
            None => Err(Some(Val::unknown("a copy loop without `count`", copy.span))),
        };
        match count {
            Ok((n, defaulted)) => {
                let ev = self.ev;
                let _assuming = ev.assuming(defaulted);
                // A serial loop deploys its iterations batch after batch (Bicep's
                // `@batchSize`); the deployments of one batch wait for the batch before.
                let batch = serial_batch(self.ev, env, copy);
                let mut batches: Vec<Vec<usize>> = Vec::new();
                for i in 0..n {
                    let at = batch.map(|b| (i / b) as usize);
                    if let Some(at) = at {
                        self.pending_after = at
                            .checked_sub(1)
                            .and_then(|previous| batches.get(previous))
                            .cloned()
                            .unwrap_or_default();
                    }
                    self.created = None;
                    self.instance(&env.in_loop(name, i, true), target, node, parent);
                    self.pending_after.clear();
                    if let (Some(at), Some(made)) = (at, self.created) {
                        batches.resize_with(batches.len().max(at + 1), Vec::new);
                        batches[at].push(made);
                    }
                }
            }
            // A count ARM refuses is already a finding.
            Err(None) => {}
            Err(Some(unknown)) => {
                let relevant = self.kind_of(env, node, parent).is_some_and(|(k, _)| k.is_some());
                if let (true, Some(why)) = (relevant, unknown.unknown_reason()) {
                    let mut notes = Notes::new(self.label(node), unknown.span);
                    notes.unresolve(unknown.span, format!("the copy loop's count is unknown (it depends on {why}): its resources are not read"));
                    self.notes.push(notes);
                }
            }
        }
    }

    /// The resource's full type, and its kind when cniplan reads it.
    fn kind_of(
        &self,
        env: &Env<'a>,
        node: &'a Node<'a>,
        parent: Option<&Parent>,
    ) -> Option<(Option<Kind>, String)> {
        let kind = self.ev.value(env, node.get_nocase("type")?);
        let kind = kind.as_str()?;
        let full = match parent {
            Some(p) if !kind.contains('/') => format!("{}/{kind}", p.kind),
            _ => kind.to_string(),
        };
        Some((Kind::of_type(&full), full))
    }

    fn label(&self, node: &'a Node<'a>) -> String {
        let kind = node
            .get_nocase("type")
            .and_then(Node::as_str)
            .unwrap_or("resource");
        let name = node.get_nocase("name").and_then(Node::as_str).unwrap_or("");
        format!("{kind} '{name}'")
    }

    fn instance(&mut self, env: &Env<'a>, target: &Place, node: &'a Node<'a>, parent: Option<&Parent>) {
        if !self.ev.expand(node.span) {
            return;
        }
        let Some((kind, full_type)) = self.kind_of(env, node, parent) else {
            return;
        };
        let deployment = full_type.eq_ignore_ascii_case("Microsoft.Resources/deployments");
        let children = node.get_nocase("resources").filter(|r| !r.items().is_empty());
        if kind.is_none() && !deployment && children.is_none() {
            return;
        }
        let mut condition = None;
        let mut condition_defaulted = false;
        if let Some(c) = node.get_nocase("condition") {
            let v = self.ev.value(env, c);
            match (v.as_bool(), v.unknown_reason()) {
                (Some(false), _) => return,
                (_, Some(why)) => condition = Some((v.span, why.to_string())),
                _ => {}
            }
            condition_defaulted = v.from_default;
        }
        let ev = self.ev;
        let _assuming = ev.assuming(condition_defaulted);
        let Some(name_node) = node.get_nocase("name") else {
            return;
        };
        let mut name = self.ev.value(env, name_node);
        if name.as_str().is_some_and(|n| n.trim().is_empty()) {
            self.ev.report(
                Finding::new(
                    Rule::PlanSchema,
                    name.span,
                    format!("{} has an empty name", self.label(node)),
                )
                .help("Azure Resource Manager refuses a resource without a name"),
            );
            return;
        }
        // `[[…]` escapes an expression for the deployment nested inside the one walked
        // (Enterprise-Scale's peerings): what is left, `[…]`, is evaluated there, when it
        // deploys, not here. No ARM name starts with `[`.
        if name
            .as_str()
            .is_some_and(|n| n.starts_with('[') && n.ends_with(']'))
        {
            name = Val::unknown(
                "an expression escaped with `[[`, which the nested deployment evaluates when it deploys",
                name.span,
            );
        }
        let mut written_name = None;
        let (short, name_unknown) = match (name.as_str(), name.unknown_reason()) {
            (Some(n), _) => (n.to_string(), None),
            (_, why) => (
                {
                    // The same expression over the same inputs names the same resource
                    // (a module called three times with one name): one stand-in for both.
                    let number = match symbolic(self.ev, env, name_node) {
                        Some(key) => {
                            let key = format!("{}|{full_type}|{key}", target.prefix()).to_ascii_lowercase();
                            let next = self.unknown_names + 1;
                            let number = *self.stand_ins.entry(key).or_insert(next);
                            if number == next {
                                self.unknown_names = next;
                            }
                            number
                        }
                        None => {
                            self.unknown_names += 1;
                            self.unknown_names
                        }
                    };
                    let written = self.ev.written(name_node);
                    written_name = Some(shortened(written));
                    unknown_name(written, &full_type, number)
                },
                Some(why.unwrap_or("a name that is no string").to_string()),
            ),
        };
        let full_name = match parent {
            Some(p) if !short.contains('/') => format!("{}/{short}", p.name),
            _ => short,
        };
        if deployment {
            self.deployment(env, target, node, &full_name);
        } else if let Some(kind) = kind {
            self.found.push(Found {
                kind,
                kind_name: full_type.clone(),
                full_name: full_name.clone(),
                name_span: name.span,
                name_unknown,
                written_name,
                target: target.clone(),
                env: env.clone(),
                node,
                condition,
                deployment: self.current,
            });
        }
        if let Some(children) = children {
            let parent = Parent {
                kind: full_type,
                name: full_name,
            };
            for child in children.items() {
                self.resource(env, target, child, Some(&parent));
            }
        }
    }

    fn deployment(&mut self, env: &Env<'a>, target: &Place, node: &'a Node<'a>, name: &str) {
        let Some(props) = node.get_nocase("properties") else {
            return;
        };
        let Some(template) = props.get_nocase("template") else {
            if let Some(link) = props.get_nocase("templateLink") {
                // A name known only when deployed is called by its expression as written.
                let label = match node.get_nocase("name").filter(|_| is_stand_in(name)) {
                    Some(written) => format!(
                        "Microsoft.Resources/deployments named `{}`",
                        shortened(self.ev.written(written))
                    ),
                    None => format!("Microsoft.Resources/deployments '{name}'"),
                };
                let mut notes = Notes::new(label, link.span);
                // The Bicep reader says which module it could not read, in its words.
                let why = link.get_nocase("cniplanUnread").and_then(Node::as_str);
                notes.unresolve(
                    link.span,
                    why.unwrap_or(
                        "a linked template (`templateLink`) is not read: what it deploys is not checked",
                    ),
                );
                self.notes.push(notes);
            }
            return;
        };
        let inner = props
            .get_nocase("expressionEvaluationOptions")
            .and_then(|o| o.get_nocase("scope"))
            .and_then(Node::as_str)
            .is_some_and(|s| s.eq_ignore_ascii_case("inner"));
        let text = |key: &str| {
            let v = self.ev.value(env, node.get(key)?);
            Some(
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("<{key}>")),
            )
        };
        let subscription: Rc<str> = text("subscriptionId").map_or(Rc::clone(&target.subscription), Rc::from);
        let resource_group = match text("resourceGroup") {
            Some(rg) => Some(Rc::from(rg)),
            None => target.resource_group.clone(),
        };
        let place = Place {
            subscription,
            resource_group,
            deployment: Rc::from(name),
            location: target.location.clone(),
        };
        let scope = if inner {
            let mut scope = Scope::new(template, place.clone(), None);
            scope.declare_parameters();
            if let Some(passed) = props.get_nocase("parameters") {
                self.pass_parameters(env, &mut scope, passed, name);
            }
            Rc::new(scope)
        } else {
            // Outer scope: expressions read the parent's parameters and variables, and
            // resourceGroup() is the parent's; resources still land where the deployment does.
            Rc::new(Scope::new(
                template,
                env.scope.place.clone(),
                Some(env.scope.names()),
            ))
        };
        let id = format!(
            "{}/providers/Microsoft.Resources/deployments/{name}",
            place.prefix()
        );
        let mut deployments = self.ev.deployments.borrow_mut();
        deployments.insert(estate::id_key(&id), Rc::clone(&scope));
        deployments.insert(format!("name:{}", name.to_ascii_lowercase()), Rc::clone(&scope));
        drop(deployments);
        let depends_on = node
            .get_nocase("dependsOn")
            .map(|d| d.items())
            .unwrap_or_default()
            .iter()
            .filter_map(|d| self.ev.value(env, d).as_str().map(str::to_string))
            .collect();
        let index = self.order.add(
            name,
            self.current,
            depends_on,
            std::mem::take(&mut self.pending_after),
        );
        self.created = Some(index);
        let outer = std::mem::replace(&mut self.current, index);
        let child_env = if inner {
            Env::of(scope)
        } else {
            Env {
                scope,
                loops: Rc::clone(&env.loops),
                lambda: Rc::clone(&env.lambda),
            }
        };
        self.walk(&child_env, &place, template.get_nocase("resources"));
        self.current = outer;
        self.created = Some(index);
    }

    fn pass_parameters(
        &mut self,
        env: &Env<'a>,
        scope: &mut Scope<'a>,
        passed: &'a Node<'a>,
        deployment: &str,
    ) {
        for entry in passed.entries() {
            let key = entry.key.to_ascii_lowercase();
            let Some(declared) = scope.params.get_mut(&key) else {
                self.ev.report(
                    Finding::new(
                        Rule::PlanSchema,
                        entry.key_span,
                        format!("deployment `{deployment}` passes parameter `{}`, which its template does not declare", entry.key),
                    )
                    .help("Azure Resource Manager refuses the deployment; declare the parameter or stop passing it"),
                );
                continue;
            };
            declared.param = passed_param(env, &entry.value, &declared.name);
        }
    }

    /// The resources found, evaluated.
    pub fn resources(self) -> (Vec<Resource<'a>>, Vec<Notes>) {
        let ev = self.ev;
        defined_twice(ev, &self.found);
        self.order.resolve();
        let order = self.order;
        let resources = self
            .found
            .into_iter()
            .map(|f| {
                let deployed = Deployed {
                    order: Rc::clone(&order),
                    index: f.deployment,
                };
                f.evaluate(ev, deployed)
            })
            .collect();
        (resources, self.notes)
    }
}

/// ARM refuses a deployment whose template declares one resource twice, a copy loop's
/// iterations included, whether or not their conditions deploy them: "Deployment template
/// validation failed: 'The resource '…' at line … is defined multiple times in a template."
/// One error per second declaration, in ARM's words, at its name.
fn defined_twice(ev: &Evaluator<'_>, found: &[Found<'_>]) {
    let mut first = std::collections::HashMap::new();
    for f in found.iter().filter(|f| f.name_unknown.is_none()) {
        // One template is one deployment: two nested deployments that declare the same
        // resource are two templates (AVM's `init` and `idem`), not ARM's error.
        let key = (
            f.deployment,
            f.target.resource_group.clone(),
            f.kind_name.to_ascii_lowercase(),
            f.full_name.to_ascii_lowercase(),
        );
        let Some(&at) = first.get(&key) else {
            first.insert(key, f.name_span);
            continue;
        };
        let finding = Finding::new(
            Rule::ConflictingDeclarations,
            f.name_span,
            format!(
                "deployment template validation fails: the resource '{}' is defined multiple times in a template",
                type_and_name(&f.kind_name, &f.full_name)
            ),
        )
        .severity(crate::diagnostic::Severity::Error)
        .help("Azure Resource Manager refuses the template: give each resource of one template its own name (a copy loop's name must vary with copyIndex())");
        let finding = if at == f.name_span {
            finding
        } else {
            finding.related(at, "the first declaration")
        };
        ev.report(finding);
    }
}

/// `Microsoft.Network/virtualNetworks/v/subnets/s`, as ARM names a resource in its errors.
fn type_and_name(kind: &str, name: &str) -> String {
    let mut kinds = kind.split('/');
    let namespace = kinds.next().unwrap_or_default();
    let mut out = namespace.to_string();
    for (k, n) in kinds.zip(name.split('/')) {
        out.push_str(&format!("/{k}/{n}"));
    }
    out
}

/// A stand-in for a name nothing can know: the expression as written, numbered (so two
/// such names are not taken for one), with one segment per segment of the type (so a child
/// still has a parent).
pub(super) fn unknown_name(written: &str, kind: &str, number: usize) -> String {
    let written = shortened(&written.replace('/', "∕"));
    let parents = kind.matches('/').count().saturating_sub(1);
    let mut segments = vec!["<unknown>".to_string(); parents];
    segments.push(format!("{written}#{number}"));
    segments.join("/")
}

/// An expression as written, long enough to recognise and short enough for a message.
fn shortened(written: &str) -> String {
    match written.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &written[..at]),
        None => written.to_string(),
    }
}

/// Whether a resource ID names its resource by a stand-in (`unknown_name`): such an ID is
/// cniplan's own, and no message shows it.
pub fn is_stand_in(id: &str) -> bool {
    id.split('/').any(|segment| {
        segment == "<unknown>"
            || segment
                .rsplit_once('#')
                .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The batch size of a `serial` copy loop (ARM: `"mode": "serial", "batchSize": n`, 1 when
/// not given); `None` for a parallel loop.
fn serial_batch<'a>(ev: &Evaluator<'a>, env: &Env<'a>, copy: &'a Node<'a>) -> Option<i64> {
    let mode = copy.get_nocase("mode").map(|m| ev.value(env, m))?;
    if !mode.as_str().is_some_and(|m| m.eq_ignore_ascii_case("serial")) {
        return None;
    }
    let size = copy
        .get_nocase("batchSize")
        .and_then(|b| ev.value(env, b).as_int());
    Some(size.filter(|&n| n > 0).unwrap_or(1))
}

fn passed_param<'a>(env: &Env<'a>, value: &'a Node<'a>, name: &str) -> Param<'a> {
    if let Some(v) = value.get_nocase("value") {
        return Param::Passed {
            node: v,
            env: env.clone(),
        };
    }
    if value.get_nocase("reference").is_some() {
        return Param::Given(Val::unknown(
            format!("a Key Vault secret for parameter `{name}`"),
            value.span,
        ));
    }
    if value.as_str().is_some() {
        return Param::PassedWhole {
            node: value,
            env: env.clone(),
        };
    }
    Param::Given(Val::unknown(
        format!("parameter `{name}`, passed without a `value`"),
        value.span,
    ))
}

/// The parameters a template is deployed with: those of the parameters files (later files
/// win), each declared parameter otherwise taking its default.
pub fn root_scope<'a>(
    ev: &Evaluator<'a>,
    template: &'a Node<'a>,
    deployment: &str,
    parameter_files: &[&'a Node<'a>],
) -> Rc<Scope<'a>> {
    let place = Place {
        subscription: Rc::from(SUBSCRIPTION_PLACEHOLDER),
        resource_group: group_scoped(template).then(|| Rc::from(RESOURCE_GROUP_PLACEHOLDER)),
        deployment: Rc::from(deployment),
        location: None,
    };
    let mut scope = Scope::new(template, place, None);
    scope.declare_parameters();
    for file in parameter_files {
        given_file(ev, &mut scope, file);
    }
    Rc::new(scope)
}

/// Whether a template deploys into a resource group: subscription, management group and
/// tenant deployments have none.
pub fn group_scoped(template: &Node<'_>) -> bool {
    let schema = template
        .get_nocase("$schema")
        .and_then(Node::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    ![
        "subscriptiondeploymenttemplate",
        "managementgroupdeploymenttemplate",
        "tenantdeploymenttemplate",
    ]
    .iter()
    .any(|s| schema.contains(s))
}

/// The values of one parameters file (`{"parameters": {"name": {"value": …}}}`) given to a
/// deployment's parameters.
pub fn given_file<'a>(ev: &Evaluator<'a>, scope: &mut Scope<'a>, file: &'a Node<'a>) {
    let Some(given) = file.get_nocase("parameters") else {
        return;
    };
    for entry in given.entries() {
        if let Some(declared) = declared_or_report(ev, scope, &entry.key, entry.key_span) {
            declared.param = given_param(&entry.value, &declared.name);
        }
    }
}

/// A value given inline (`az deployment … -p name=value`), read as JSON like a parameters
/// file's `value`, placeholders unknown.
pub fn given_inline<'a>(
    ev: &Evaluator<'a>,
    scope: &mut Scope<'a>,
    key: &str,
    key_span: Span,
    value: &'a Node<'a>,
) {
    if let Some(declared) = declared_or_report(ev, scope, key, key_span) {
        declared.param = Param::Given(given_value(value, &declared.name, &placeholder::process_env));
    }
}

/// A value computed elsewhere (another deployment's output) given to a parameter.
pub fn given_val<'a>(ev: &Evaluator<'a>, scope: &mut Scope<'a>, key: &str, key_span: Span, value: Val<'a>) {
    if let Some(declared) = declared_or_report(ev, scope, key, key_span) {
        declared.param = Param::Given(value);
    }
}

/// The parameter a value is given for; an undeclared one is ARM's error, at its name.
fn declared_or_report<'s, 'a>(
    ev: &Evaluator<'a>,
    scope: &'s mut Scope<'a>,
    key: &str,
    key_span: Span,
) -> Option<&'s mut super::scope::Declared<'a>> {
    let lower = key.to_ascii_lowercase();
    if !scope.params.contains_key(&lower) {
        let names = scope.params.values().map(|d| d.name.as_str());
        let near = crate::suggest::nearest(key, names)
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        ev.report(
            Finding::new(
                Rule::PlanSchema,
                key_span,
                format!("the template declares no parameter `{key}`{near}"),
            )
            .help("Azure Resource Manager refuses a parameters file that sets undeclared parameters"),
        );
        return None;
    }
    scope.params.get_mut(&lower)
}

fn given_param<'a>(value: &'a Node<'a>, name: &str) -> Param<'a> {
    match (value.get_nocase("value"), value.get_nocase("reference")) {
        (Some(v), _) => Param::Given(given_value(v, name, &placeholder::process_env)),
        (None, Some(_)) => Param::Given(Val::unknown(
            format!("a Key Vault secret for parameter `{name}`"),
            value.span,
        )),
        (None, None) => Param::Given(Val::unknown(
            format!("parameter `{name}`, given without a `value`"),
            value.span,
        )),
    }
}

/// A parameters file's value, with every string that holds a placeholder (`<addressPrefix>`,
/// an unset azd `${VAR}`) unknown: a value to fill in, noted where it is used, never an error.
fn given_value<'a>(node: &'a Node<'a>, name: &str, env: &dyn Fn(&str) -> Option<String>) -> Val<'a> {
    without_placeholders(node, name, env).unwrap_or_else(|| Val::json(node))
}

/// `node` with its placeholders unknown, or `None` when it holds none: one pass, each node
/// looked at once however deep it lies.
fn without_placeholders<'a>(
    node: &'a Node<'a>,
    name: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<Val<'a>> {
    // The children's values when any of them holds a placeholder (the rest as written).
    let children = |nodes: Vec<&'a Node<'a>>| -> Option<Vec<Val<'a>>> {
        let found: Vec<Option<Val<'a>>> = nodes.iter().map(|n| without_placeholders(n, name, env)).collect();
        found.iter().any(Option::is_some).then(|| {
            found
                .into_iter()
                .zip(nodes)
                .map(|(v, n)| v.unwrap_or_else(|| Val::json(n)))
                .collect()
        })
    };
    match &node.value {
        // A parameters file holds values, not expressions: `[prefix]` there is a placeholder
        // (SPEC §6), as `<prefix>` is.
        Json::Str(s) => {
            placeholder::find(s, env)
                .or_else(|| placeholder::bracketed(s))
                .map(|p| {
                    Val::unknown(
                format!("the placeholder `{p}` in parameter `{name}`, a value to fill in before deploying"),
                node.span,
            )
                })
        }
        Json::Seq(items) => children(items.iter().collect()).map(|v| Val::array(v, node.span)),
        Json::Map(entries) => children(entries.iter().map(|e| &e.value).collect()).map(|v| {
            let keys = entries.iter().map(|e| Rc::from(e.key.as_ref()));
            Val::object(keys.zip(v).collect(), node.span)
        }),
        _ => None,
    }
}

impl<'a> Found<'a> {
    fn evaluate(self, ev: &Evaluator<'a>, deployed: Deployed) -> Resource<'a> {
        // A name known only when deployed is called by its expression as written.
        let label = match &self.written_name {
            Some(written) => format!("{} named `{written}`", self.kind_name),
            None => format!("{} '{}'", self.kind_name, self.full_name),
        };
        let mut notes = Notes::new(label, self.name_span);
        if let Some(why) = &self.name_unknown {
            notes.assume(
                self.name_span,
                format!("its name is unknown offline (it depends on {why}), so it is called by the expression that computes it"),
            );
        }
        if let Some((span, why)) = &self.condition {
            notes.assume(
                *span,
                format!("its `condition` is unknown (it depends on {why}): assumed deployed"),
            );
        }
        // `properties`, and a cluster's `sku` beside them (AKS Automatic is `sku.name`).
        let mut fields = Vec::new();
        if let Some(props) = self.node.get_nocase("properties") {
            fields.push(("properties".into(), ev.value(&self.env, props)));
        }
        if let (Kind::Cluster, Some(sku)) = (self.kind, self.node.get_nocase("sku")) {
            fields.push(("sku".into(), ev.value(&self.env, sku)));
        }
        let body = Val::object(fields, self.node.span);
        let id = resource_id(&self.target, &self.kind_name, &self.full_name);
        let short = self
            .full_name
            .rsplit('/')
            .next()
            .unwrap_or(&self.full_name)
            .to_string();
        let parent =
            matches!(self.kind, Kind::Subnet | Kind::Peering | Kind::Pool).then(|| estate::parent_id(&id));
        Resource {
            kind: self.kind,
            id,
            name: Spanned::new(short, self.name_span),
            parent,
            resource_group: self.target.resource_group.as_deref().map(str::to_string),
            body,
            notes,
            deployed: Some(deployed),
        }
    }
}

/// `prefix/providers/Namespace/type1/name1/type2/name2`.
fn resource_id(place: &Place, kind: &str, name: &str) -> String {
    let mut types = kind.split('/');
    let namespace = types.next().unwrap_or_default();
    let mut id = format!("{}/providers/{namespace}", place.prefix());
    let mut names = name.split('/');
    for t in types {
        id.push('/');
        id.push_str(t);
        id.push('/');
        id.push_str(names.next().unwrap_or("?"));
    }
    id
}

#[cfg(test)]
#[path = "template_tests.rs"]
mod tests;
