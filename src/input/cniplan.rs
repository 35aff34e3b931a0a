//! The cniplan plan format (docs/plan-format.md): YAML text → [`Plan`], in one parse. Every syntax
//! problem, unknown key, wrong type and missing field of the file is reported at its place;
//! a plan with any of them is not simulated.

use super::de::{self, Reader, StructInfo};
use super::tree::{point_at_anchors, AliasUse, Document, Node, SyntaxError};
use super::yaml;
use crate::diagnostic::{Finding, Rule, Span};
use crate::plan::model::{Cluster, Vnet};
use crate::plan::{self, Plan};
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// How messages name each struct of the model, and which of its fields are required (from
/// the model's own JSON Schema).
static STRUCTS: LazyLock<BTreeMap<&'static str, StructInfo>> = LazyLock::new(|| {
    de::struct_infos(
        &schemars::schema_for!(Plan),
        "Plan",
        &[
            ("Plan", "the plan"),
            ("Vnet", "a VNet"),
            ("Subnet", "a subnet"),
            ("ExternalNetwork", "an external network"),
            ("Allocation", "`allocation`"),
            ("Cluster", "a cluster"),
            ("NodePool", "a node pool"),
            ("Churn", "`churn`"),
        ],
    )
});

/// A plan that fits the format, and the aliases it uses.
pub struct Loaded {
    pub plan: Plan,
    pub aliases: Vec<AliasUse>,
    /// What the plan leaves out for a user to fill in: errors at their places, the rest of
    /// the plan still checked ([`plan::check_shape_parts`]).
    pub notes: Vec<Finding>,
}

/// Plans larger than this are parsed on every core, their VNets and clusters cut into pieces
/// of about [`PIECE_BYTES`]; smaller ones are read in line (a thread costs more than they do).
const PARALLEL_READ_BYTES: usize = 1 << 20;

/// Small enough that the pieces even out across cores, large enough that each is worth a task.
const PIECE_BYTES: usize = 1 << 18;

/// The top-level lists whose items are read as they are parsed.
const STREAMED: [&str; 2] = ["vnets", "clusters"];

/// Items read while the document was parsed, and what reading them found.
#[derive(Default)]
struct Items {
    vnets: Vec<Option<Vnet>>,
    clusters: Vec<Option<Cluster>>,
    findings: Vec<Finding>,
}

impl Items {
    /// Reads the next item of list `key`: every parse hands a list's items over in order.
    fn read(&mut self, text: &str, key: &str, node: &Node) {
        let reader = || Reader::new(text, &STRUCTS);
        match key {
            "vnets" => {
                let (vnet, findings) = reader().read_item::<Vnet>(node, "vnets");
                self.vnets.push(vnet);
                self.findings.extend(findings);
            }
            _ => {
                let (cluster, findings) = reader().read_item::<Cluster>(node, "clusters");
                self.clusters.push(cluster);
                self.findings.extend(findings);
            }
        }
    }

    /// The items of the next piece, read after those of `self`.
    fn append(&mut self, next: Items) {
        self.vnets.extend(next.vnets);
        self.clusters.extend(next.clusters);
        self.findings.extend(next.findings);
    }
}

/// Parses the text, reading the items of the streamed lists as they complete: in pieces on
/// every core for a large plan, else (or when it does not cut cleanly) on a second thread
/// while the text is parsed, so no whole tree is held.
fn parse<'a>(source: &'a SourceFile) -> (Result<Document<'a>, SyntaxError>, Items) {
    let text = &source.text;
    if text.len() < PARALLEL_READ_BYTES {
        let mut items = Items::default();
        let document = yaml::parse_streaming(source, 0, &STREAMED, &mut |key, node| {
            items.read(text, key, &node)
        });
        return (document, items);
    }
    if rayon::current_num_threads() > 1 {
        let read = |items: &mut Items, key: &str, node: Node<'a>| items.read(text, key, &node);
        if let Some((document, pieces)) = yaml::split::parse_in_pieces(source, &STREAMED, PIECE_BYTES, read) {
            let mut items = Items::default();
            pieces.into_iter().for_each(|piece| items.append(piece));
            return (Ok(document), items);
        }
    }
    std::thread::scope(|scope| {
        // Bounded, so a reader that falls behind holds back the parser rather than memory.
        let (send, receive) = std::sync::mpsc::sync_channel::<(String, Node<'a>)>(256);
        let reading = scope.spawn(move || {
            let mut items = Items::default();
            for (key, node) in receive {
                items.read(text, &key, &node);
            }
            items
        });
        let document = yaml::parse_streaming(source, 0, &STREAMED, &mut |key, node| {
            // The reader only stops when this sender is gone.
            let _ = send.send((key.to_string(), node));
        });
        drop(send);
        let items = reading.join().unwrap_or_default();
        (document, items)
    })
}

pub fn read(source: &SourceFile) -> Result<Loaded, Vec<Finding>> {
    let (document, items) = parse(source);
    let document = document.map_err(|e| vec![syntax_finding(source, e)])?;
    let Some(root) = &document.root else {
        return Err(vec![Finding::new(
            Rule::PlanSchema,
            Span::default(),
            "the plan is empty",
        )
        .help(
            "a plan is a YAML mapping that starts with `version: 1`; `cniplan init` prints one",
        )]);
    };
    let mut findings: Vec<Finding> = document
        .warnings
        .iter()
        .map(|w| Finding::new(Rule::PlanSchema, w.span, w.message.clone()))
        .collect();
    let (plan, schema) = Reader::new(&source.text, &STRUCTS).read::<Plan>(root);
    findings.extend(schema);
    findings.extend(items.findings);
    // The streamed lists read as placeholders in the plan: put the items read in their place.
    let plan = plan.and_then(|mut plan| {
        plan.vnets = fill(plan.vnets, items.vnets)?;
        plan.clusters = fill(plan.clusters, items.clusters)?;
        Some(plan)
    });
    let plan = match plan {
        Some(plan) if findings.is_empty() => plan,
        _ => {
            findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            point_at_anchors(&mut findings, &document.aliases);
            return Err(findings);
        }
    };
    let (mut shape, mut missing) = plan::check_shape_parts(&plan, &plan::CountKeys::PLAN);
    if !shape.is_empty() {
        shape.extend(missing);
        shape.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        point_at_anchors(&mut shape, &document.aliases);
        return Err(shape);
    }
    point_at_anchors(&mut missing, &document.aliases);
    Ok(Loaded {
        plan,
        aliases: document.aliases,
        notes: missing,
    })
}

/// A streamed list: each placeholder replaced by the item read in its place; `None` when an
/// item did not read (its findings say why).
fn fill<T>(placeholders: Vec<T>, read: Vec<Option<T>>) -> Option<Vec<T>> {
    if read.is_empty() {
        // Not streamed (written twice, or not a list): the plan read it whole.
        return Some(placeholders);
    }
    read.into_iter().collect()
}

/// A YAML syntax error as a finding. The parser reports a tab where it noticed it, which can
/// be the end of the line before: the finding points at the tab itself and says what YAML
/// wants instead.
fn syntax_finding(source: &SourceFile, e: crate::input::tree::SyntaxError) -> Finding {
    if !e.message.contains("tab") {
        return Finding::new(Rule::PlanSyntax, e.span, e.message)
            .help("fix the YAML syntax at this position");
    }
    let text = &source.text;
    let mut at = e.span.start.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let from = text[..at].rfind('\n').map_or(0, |i| i + 1);
    // The first tab from the start of the error's line, within it and the next.
    let window_end = text[from..]
        .match_indices('\n')
        .nth(1)
        .map_or(text.len(), |(i, _)| from + i);
    // The parser says "tab" of other characters too (NUL bytes): without a tab, its words.
    let Some(i) = text[from..window_end].find('\t') else {
        return Finding::new(Rule::PlanSyntax, e.span, e.message)
            .help("fix the YAML syntax at this position");
    };
    let span = Span::in_file(e.span.file, from + i, from + i + 1);
    Finding::new(Rule::PlanSyntax, span, "a tab in YAML indentation".to_string()).help(
        "YAML indents with spaces only: replace the tab with spaces (the parser said: ".to_string()
            + &e.message
            + ")",
    )
}
