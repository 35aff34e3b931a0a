//! Where a template expression is evaluated: the deployment it belongs to (its parameters,
//! variables, resource group and name) and the loops it sits in.

use super::value::Val;
use crate::input::tree::Node;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Where a deployment lands. Subscription and resource group are unknown offline: the root
/// deployment uses placeholders, a nested one what its `subscriptionId`/`resourceGroup` say.
#[derive(Clone, Debug)]
pub struct Place {
    pub subscription: Rc<str>,
    /// `None` for a deployment at subscription (or wider) scope.
    pub resource_group: Option<Rc<str>>,
    /// The deployment's name, as `deployment().name` returns it.
    pub deployment: Rc<str>,
    /// Where the deployment is stored (`az deployment sub create -l`), when it is known.
    pub location: Option<Rc<str>>,
}

pub const SUBSCRIPTION_PLACEHOLDER: &str = "<subscription-id>";
pub const RESOURCE_GROUP_PLACEHOLDER: &str = "<resource-group>";

impl Place {
    /// The resource ID prefix of this place: `/subscriptions/S[/resourceGroups/RG]`.
    pub fn prefix(&self) -> String {
        match &self.resource_group {
            Some(rg) => format!("/subscriptions/{}/resourceGroups/{rg}", self.subscription),
            None => format!("/subscriptions/{}", self.subscription),
        }
    }
}

/// One parameter of a deployment, and where its value comes from.
#[derive(Clone, Debug)]
pub enum Param<'a> {
    /// From a parameters file: JSON as is, never evaluated.
    Given(Val<'a>),
    /// A nested deployment's `{"value": …}`, evaluated in the deployment that passes it.
    Passed {
        node: &'a Node<'a>,
        env: Env<'a>,
    },
    /// A nested deployment's parameter written as one expression that yields `{value: …}`
    /// (Bicep writes `"x": "[if(c, createObject('value', a), createObject('value', b))]"`).
    PassedWhole {
        node: &'a Node<'a>,
        env: Env<'a>,
    },
    Default(&'a Node<'a>),
    Missing,
}

#[derive(Clone, Debug)]
pub struct Declared<'a> {
    /// The name as declared, for messages.
    pub name: String,
    pub param: Param<'a>,
    /// What a null passed for it becomes (ARM applies the default to a null value).
    pub default: Option<&'a Node<'a>>,
}

/// A variable: a value, or a `copy` entry of the `variables` object that builds an array.
#[derive(Clone, Copy, Debug)]
pub enum Var<'a> {
    Value(&'a Node<'a>),
    Copy(&'a Node<'a>),
}

/// A memoised parameter, variable or output set: computed, or being computed (meeting it
/// again means a cycle).
#[derive(Clone, Debug)]
pub enum Slot<'a> {
    Busy,
    Done(Val<'a>),
}

/// One deployment: the root template or a nested one with inner scope.
#[derive(Debug)]
pub struct Scope<'a> {
    pub template: &'a Node<'a>,
    pub place: Place,
    /// Keyed by lower-case name: ARM names are case-insensitive.
    pub params: HashMap<String, Declared<'a>>,
    pub vars: HashMap<String, (String, Var<'a>)>,
    pub memo: RefCell<HashMap<String, Slot<'a>>>,
    /// A nested template with outer scope reads its parent's parameters and variables.
    pub outer: Option<Rc<Scope<'a>>>,
}

impl<'a> Scope<'a> {
    pub fn new(template: &'a Node<'a>, place: Place, outer: Option<Rc<Scope<'a>>>) -> Self {
        let mut vars = HashMap::new();
        if let Some(variables) = template.get_nocase("variables") {
            for entry in variables.entries() {
                if entry.key.eq_ignore_ascii_case("copy") {
                    for item in entry.value.items() {
                        if let Some(name) = item.get_nocase("name").and_then(Node::as_str) {
                            vars.insert(name.to_ascii_lowercase(), (name.to_string(), Var::Copy(item)));
                        }
                    }
                } else {
                    vars.insert(
                        entry.key.to_ascii_lowercase(),
                        (entry.key.to_string(), Var::Value(&entry.value)),
                    );
                }
            }
        }
        Scope {
            template,
            place,
            params: HashMap::new(),
            vars,
            memo: RefCell::new(HashMap::new()),
            outer,
        }
    }

    /// The deployment whose parameters and variables expressions here read.
    pub fn names(self: &Rc<Self>) -> Rc<Scope<'a>> {
        let mut scope = Rc::clone(self);
        while let Some(outer) = scope.outer.clone() {
            scope = outer;
        }
        scope
    }

    /// The parameters the template declares, each with its default; values given later
    /// replace them.
    pub fn declare_parameters(&mut self) {
        let Some(declared) = self.template.get_nocase("parameters") else {
            return;
        };
        for entry in declared.entries() {
            let nullable = entry.value.get_nocase("nullable").and_then(Node::as_bool) == Some(true);
            let param = match entry.value.get_nocase("defaultValue") {
                Some(default) => Param::Default(default),
                // languageVersion 2.0: a nullable parameter given no value is null.
                None if nullable => Param::Given(Val::null(entry.key_span)),
                None => Param::Missing,
            };
            self.params.insert(
                entry.key.to_ascii_lowercase(),
                Declared {
                    name: entry.key.to_string(),
                    param,
                    default: entry.value.get_nocase("defaultValue"),
                },
            );
        }
    }
}

/// The loops an expression sits in: a resource copy (named after its loop), and property or
/// variable copies, which `copyIndex('name')` names.
#[derive(Clone, Debug)]
pub struct Loop {
    pub name: String,
    pub index: i64,
    /// A resource loop answers a bare `copyIndex()`.
    pub resource: bool,
}

#[derive(Clone, Debug)]
pub struct Env<'a> {
    pub scope: Rc<Scope<'a>>,
    pub loops: Rc<Vec<Loop>>,
    /// `lambdaVariables('x')` values, innermost last.
    pub lambda: Rc<Vec<(Rc<str>, Val<'a>)>>,
}

impl<'a> Env<'a> {
    pub fn of(scope: Rc<Scope<'a>>) -> Self {
        Env {
            scope,
            loops: Rc::new(Vec::new()),
            lambda: Rc::new(Vec::new()),
        }
    }

    pub fn in_loop(&self, name: &str, index: i64, resource: bool) -> Self {
        let mut loops = self.loops.as_ref().clone();
        loops.push(Loop {
            name: name.to_ascii_lowercase(),
            index,
            resource,
        });
        Env {
            scope: Rc::clone(&self.scope),
            loops: Rc::new(loops),
            lambda: Rc::clone(&self.lambda),
        }
    }

    pub fn with_lambda(&self, bound: Vec<(Rc<str>, Val<'a>)>) -> Self {
        let mut lambda = self.lambda.as_ref().clone();
        lambda.extend(bound);
        Env {
            scope: Rc::clone(&self.scope),
            loops: Rc::clone(&self.loops),
            lambda: Rc::new(lambda),
        }
    }
}
