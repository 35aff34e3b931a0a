//! The order in which a template's deployments run, as far as ARM fixes it. Nested
//! deployments of one template run in parallel unless one `dependsOn` the other or they are
//! iterations of a `serial` copy loop (Bicep's `@batchSize`); a deployment nested in another
//! runs inside it, so it is ordered as its parent is. Where the same resource ID is declared
//! by two deployments, this says which of them Azure applies last, when that is known.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How many deployments one question of order looks through.
const MAX_STEPS: usize = 1_000;

/// One deployment: the root (index 0) or a nested `Microsoft.Resources/deployments`.
#[derive(Debug)]
struct Node {
    name: Rc<str>,
    parent: Option<usize>,
    /// Sibling deployments that finish before this one starts.
    after: Vec<usize>,
    /// The `dependsOn` entries, as the last segment of what they name (lower case), matched
    /// against the siblings' names once the whole template is walked.
    depends_on: Vec<String>,
}

/// The deployments of one template and what orders them.
#[derive(Debug, Default)]
pub struct Order {
    nodes: RefCell<Vec<Node>>,
    /// Where the template's deployment stands among the deployments `.cniplan.yaml` lists,
    /// which deploy one after another in that order; `None` for a template read alone.
    listed: std::cell::Cell<Option<usize>>,
}

/// Where a resource is declared: its deployment, in the order of its template.
#[derive(Clone, Debug)]
pub struct Deployed {
    pub order: Rc<Order>,
    pub index: usize,
}

/// How two declarations of one ID are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sequence {
    /// The second declaration certainly deploys after the first.
    After,
    /// The first certainly deploys after the second.
    Before,
    /// Nothing orders them (parallel deployments, or one deployment: ARM's own error).
    Either,
}

impl Order {
    /// A new order with its root deployment.
    pub fn new(root: &str) -> Rc<Order> {
        let order = Order::default();
        order.nodes.borrow_mut().push(Node {
            name: Rc::from(root),
            parent: None,
            after: Vec::new(),
            depends_on: Vec::new(),
        });
        Rc::new(order)
    }

    /// The template is the `position`th deployment `.cniplan.yaml` deploys.
    pub fn set_listed(&self, position: usize) {
        self.listed.set(Some(position));
    }

    /// Adds a nested deployment of `parent`: its `dependsOn` entries as evaluated, and the
    /// deployments a serial copy loop runs before it.
    pub fn add(&self, name: &str, parent: usize, depends_on: Vec<String>, after: Vec<usize>) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            name: Rc::from(name),
            parent: Some(parent),
            after,
            depends_on: depends_on
                .iter()
                .map(|d| {
                    d.trim_end_matches('/')
                        .rsplit('/')
                        .next()
                        .unwrap_or(d)
                        .to_ascii_lowercase()
                })
                .collect(),
        });
        nodes.len() - 1
    }

    /// Links each `dependsOn` to the sibling deployments it names (a resource that is no
    /// deployment orders nothing here).
    pub fn resolve(&self) {
        let mut nodes = self.nodes.borrow_mut();
        // One map, so a template of many deployments is linked in linear time.
        let mut by_name: HashMap<(Option<usize>, String), Vec<usize>> = HashMap::new();
        for (i, node) in nodes.iter().enumerate() {
            by_name
                .entry((node.parent, node.name.to_ascii_lowercase()))
                .or_default()
                .push(i);
        }
        let mut links = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            for name in &node.depends_on {
                let named = by_name.get(&(node.parent, name.clone())).into_iter().flatten();
                links.extend(named.filter(|&&j| j != i).map(|&j| (i, j)));
            }
        }
        for (i, j) in links {
            nodes[i].after.push(j);
        }
        for node in nodes.iter_mut() {
            node.depends_on.clear();
        }
    }

    pub fn name(&self, index: usize) -> Rc<str> {
        Rc::clone(&self.nodes.borrow()[index].name)
    }

    /// Whether deployment `a` certainly starts after deployment `b` has finished: `a` or a
    /// deployment it runs in waits (through `dependsOn` or a serial loop, however many
    /// steps) for `b` or a deployment `b` runs in.
    fn runs_after(&self, a: usize, b: usize) -> bool {
        let nodes = self.nodes.borrow();
        let ancestors = |mut at: usize| {
            let mut out = vec![at];
            while let Some(p) = nodes[at].parent {
                out.push(p);
                at = p;
            }
            out
        };
        let of_b = ancestors(b);
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<usize> = ancestors(a)
            .into_iter()
            .flat_map(|x| nodes[x].after.iter().copied())
            .collect();
        while let Some(x) = stack.pop() {
            if !seen.insert(x) {
                continue;
            }
            // A chain longer than any template writes is taken as no order (bounded work
            // when a hostile template declares one ID in thousands of deployments).
            if seen.len() > MAX_STEPS {
                return false;
            }
            if of_b.contains(&x) {
                return true;
            }
            stack.extend(nodes[x].after.iter().copied());
        }
        false
    }
}

impl Deployed {
    pub fn name(&self) -> Rc<str> {
        self.order.name(self.index)
    }

    /// The two deployments' places among the deployments `.cniplan.yaml` lists, when they
    /// belong to two of them: those deploy one after another.
    pub fn listed(first: &Deployed, second: &Deployed) -> Option<(usize, usize)> {
        match (first.order.listed.get(), second.order.listed.get()) {
            (Some(a), Some(b)) if a != b => Some((a, b)),
            _ => None,
        }
    }

    /// How `second`, read after `first`, is ordered against it.
    pub fn sequence(first: &Deployed, second: &Deployed) -> Sequence {
        if let Some((a, b)) = Deployed::listed(first, second) {
            return if b > a { Sequence::After } else { Sequence::Before };
        }
        if !Rc::ptr_eq(&first.order, &second.order) || first.index == second.index {
            return Sequence::Either;
        }
        if first.order.runs_after(second.index, first.index) {
            Sequence::After
        } else if first.order.runs_after(first.index, second.index) {
            Sequence::Before
        } else {
            Sequence::Either
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depends_on_and_serial_loops_order_deployments_and_their_children() {
        let order = Order::new("main");
        let init = order.add("init", 0, Vec::new(), Vec::new());
        let idem = order.add("idem", 0, Vec::new(), vec![init]);
        let inner = order.add("inner", idem, Vec::new(), Vec::new());
        let other = order.add(
            "other",
            0,
            vec!["/subscriptions/s/resourceGroups/g/providers/Microsoft.Resources/deployments/INIT".into()],
            Vec::new(),
        );
        let free = order.add("free", 0, Vec::new(), Vec::new());
        order.resolve();
        let at = |index| Deployed {
            order: Rc::clone(&order),
            index,
        };
        assert_eq!(Deployed::sequence(&at(init), &at(idem)), Sequence::After);
        assert_eq!(Deployed::sequence(&at(inner), &at(init)), Sequence::Before);
        assert_eq!(Deployed::sequence(&at(init), &at(other)), Sequence::After);
        assert_eq!(Deployed::sequence(&at(idem), &at(other)), Sequence::Either);
        assert_eq!(Deployed::sequence(&at(free), &at(init)), Sequence::Either);
        assert_eq!(Deployed::sequence(&at(init), &at(init)), Sequence::Either);
        assert_eq!(&*at(idem).name(), "idem");
    }
}
