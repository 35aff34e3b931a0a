//! A directory of `.tf` files read without Terraform (docs/terraform.md): every `resource` and
//! `data` instance of the root module and of the local modules it calls, with values evaluated
//! as far as they are known before apply, spans into the `.tf` files, and references.
//!
//! A resource whose `count` or `for_each` is unknown before apply is one [`Resource`] at its
//! address without a key, whose `unknown` starts with `count` or `for_each`.
//!
//! Input: the sources [`super::files::collect`] lists (0 is the directory, then `.tf` and
//! variable files). Syntax errors stop the reading; a cycle, a `count` too large or a
//! `cidrsubnet` that does not fit is a finding beside the resources.

use super::config;
use super::eval::Evaluator;
use super::files;
use super::tfvars;
use super::Resource;
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::Loaded;
use crate::source::SourceFile;
use std::path::{Path, PathBuf};

/// The stack the evaluator runs on: references nest through locals, variables, modules and
/// expressions, and a hostile file must end in a finding, not a stack overflow.
const STACK_BYTES: usize = 256 * 1024 * 1024;

/// What a `.tf` directory declares.
pub struct TfRead {
    /// Resource and data source instances: the root module's first, then each module
    /// instance's, each in declaration order, `count` and `for_each` instances by key.
    pub resources: Vec<Resource<'static>>,
    /// Problems that do not stop reading: cycles, instance limits, CIDR functions that fail.
    pub findings: Vec<Finding>,
    /// Where a function cniplan does not evaluate left a value unknown, and its name
    /// ([`Evaluator::unevaluated`]), in the files' own places, sorted.
    pub unevaluated: Vec<(Span, String)>,
}

/// What reading gives: the resources, or the syntax errors that stopped it.
pub type Outcome = Result<TfRead, Vec<Finding>>;

/// Reads the directory's files (see [`files::collect`]) and evaluates them.
pub fn read_dir(dir: &Path, var_files: &[PathBuf]) -> Result<(Vec<SourceFile>, Outcome), String> {
    let sources = files::collect(dir, var_files)?;
    let read = read(&sources);
    Ok((sources, read))
}

/// Evaluates a `.tf` input's sources; the findings of every syntax error when any.
pub fn read(sources: &[SourceFile]) -> Outcome {
    let Some(pool) = big_stacks() else {
        // No thread to be had: read on this one (the depth limits still hold).
        return read_here(sources);
    };
    // Handed over and waited for without taking other work meanwhile: a rayon worker that
    // waited in `install` would start another input's check on its own small stack, and a
    // walk of a thousand root modules nested that deep enough to overflow it.
    let owned = sources.to_vec();
    let (done, outcome) = std::sync::mpsc::sync_channel(1);
    pool.spawn(move || {
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_here(&owned)));
        let _ = done.send(read);
    });
    match outcome.recv() {
        Ok(Ok(read)) => read,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        // The job was dropped unrun (the pool is never shut down): read here instead.
        Err(_) => read_here(sources),
    }
}

/// The threads the evaluator runs on, each with a stack of [`STACK_BYTES`], as many as
/// rayon's, built once: a walk reads hundreds of root modules, and a thread started for each
/// cost more than reading it (its stack mapped and unmapped, its allocator heap started
/// empty and purged when it ended).
fn big_stacks() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .stack_size(STACK_BYTES)
            .thread_name(|_| "cniplan-tf".into())
            .build()
            .ok()
    })
    .as_ref()
}

fn read_here(sources: &[SourceFile]) -> Outcome {
    let Some(root) = sources.first() else {
        return Err(Vec::new());
    };
    let (parsed, mut syntax) = config::parse(sources);
    let (root_vars, var_spans, var_findings) = tfvars::read(sources);
    // A variable file's notes (placeholders to fill in) do not stop the reading; its
    // errors do, as Terraform stops.
    let (var_notes, mut var_errors): (Vec<Finding>, Vec<Finding>) = var_findings
        .into_iter()
        .partition(|f| f.rule == Rule::UnresolvedInput);
    syntax.append(&mut var_errors);
    if !syntax.is_empty() {
        return Err(syntax);
    }
    let (manifest, unread) = super::manifest::of(sources);
    let (modules, mut findings) = config::modules(&files::normalize(&root.path), &parsed, manifest.as_ref());
    findings.extend(unread);
    findings.extend(var_notes);
    let mut ev = Evaluator::new(&modules, root_vars);
    ev.sized_for(sources.iter().map(|s| s.text.len()).sum());
    ev.given_at(var_spans);
    let mut order = Vec::new();
    walk(&mut ev, 0, &mut order);
    let referred = config::referred(&parsed);
    // One entry a resource of each module instance, made at its size.
    let defs = order.iter().map(|&inst| ev.module_of(inst).resources.len()).sum();
    ev.produced.reserve_exact(defs);
    for &inst in &order {
        for index in 0..ev.module_of(inst).resources.len() {
            let def = &ev.module_of(inst).resources[index];
            if referred.contains(def.local_address().as_str()) {
                let at = def.span();
                ev.resource(inst, index, at);
            } else {
                ev.unreferred_resource(inst, index);
            }
        }
    }
    drop(referred);
    ev.check_variables();
    let mut produced = std::mem::take(&mut ev.produced);
    findings.append(&mut ev.findings);
    // As findings, so a `.tf.json` file's places go back to its JSON as theirs do.
    let mut unevaluated: Vec<Finding> = std::mem::take(&mut ev.unevaluated)
        .into_iter()
        .map(|(at, name)| Finding::new(Rule::UnresolvedInput, at, name.to_string()))
        .collect();
    // The evaluator's memo (every value computed) and the root module's parse trees are
    // freed before the resources are gathered, not after: they are most of the memory, and
    // the gathering was the reading's peak (issue 19). A called module's trees stay kept for
    // the other roots that call it (files::parsed).
    drop(ev);
    drop(modules);
    // `.tf.json` files were read as the HCL they stand for: their places go back to the JSON
    // (the refusals of their conversion are in the JSON already).
    config::remap(
        &parsed,
        &mut findings,
        produced.iter_mut().flat_map(|p| p.resources.iter_mut()),
    );
    config::remap(&parsed, &mut unevaluated, std::iter::empty());
    let mut unevaluated: Vec<(Span, String)> = unevaluated
        .into_iter()
        .filter_map(|f| Some((f.span?, f.message)))
        .collect();
    unevaluated.sort();
    findings.extend(parsed.iter().flat_map(|p| p.findings.iter().cloned()));
    drop(parsed);
    // Module instances in walk order, each instance's resources in declaration order.
    let rank: foldhash::HashMap<usize, usize> =
        order.iter().enumerate().rev().map(|(r, &i)| (i, r)).collect();
    produced.sort_by_key(|p| (rank.get(&p.inst).copied(), p.index));
    let mut resources: Vec<Resource<'static>> =
        Vec::with_capacity(produced.iter().map(|p| p.resources.len()).sum());
    for p in produced {
        resources.extend(p.resources);
    }
    Ok(TfRead {
        resources,
        findings,
        unevaluated,
    })
}

/// Every module instance, depth first from `inst`.
fn walk(ev: &mut Evaluator<'_>, inst: usize, order: &mut Vec<usize>) {
    order.push(inst);
    for call in 0..ev.module_of(inst).calls.len() {
        for (_, child) in ev.call_instances(inst, call).unwrap_or_default() {
            walk(ev, child, order);
        }
    }
}

/// Whether an input is a `.tf` directory as [`files::collect`] lists one: the directory
/// first (no text of its own), then its files.
pub fn is_configuration(sources: &[SourceFile]) -> bool {
    sources.first().is_some_and(|dir| dir.text.is_empty())
        && sources.iter().skip(1).any(|s| files::is_config(&s.path))
}

/// A `.tf` input read as an estate: its resources, evaluated, become a plan through the
/// azurerm mapping (`terraform/azurerm/`), beside the reader's own findings (syntax, cycles,
/// limits, CIDR functions).
pub fn load(sources: &[SourceFile]) -> Result<Loaded, Vec<Finding>> {
    let read = read(sources)?;
    // The directory itself (source 0) is where findings about the whole module go.
    let mut loaded = super::load(&read.resources, read.findings, Span::default());
    name_unevaluated(&mut loaded.notes, &read.unevaluated);
    Ok(loaded)
}

/// What the azurerm mapping says of an unknown value, "unknown until apply", is not so of
/// one that a function cniplan does not evaluate left unknown (`format("%f", 1)`,
/// `setproduct`): Terraform knows it at plan. A note at a value written with such a call (or
/// with a reference to a value one made) names the function instead, as the ARM reader says
/// it.
fn name_unevaluated(notes: &mut [Finding], unevaluated: &[(Span, String)]) {
    const UNTIL_APPLY: &str = "unknown until apply";
    if unevaluated.is_empty() {
        return;
    }
    for note in notes.iter_mut() {
        let Some(at) = note.span else { continue };
        if !note.message.contains(UNTIL_APPLY) {
            continue;
        }
        // Sorted by place: the first call at or after the value's start, within it.
        let first = unevaluated.partition_point(|(s, _)| (s.file, s.start) < (at.file, at.start));
        let within = unevaluated[first..]
            .iter()
            .take_while(|(s, _)| s.file == at.file && s.start < at.end.max(at.start + 1))
            .find(|(s, _)| s.end <= at.end);
        if let Some((_, name)) = within {
            let why =
                format!("unknown (it depends on the function `{name}()`, which cniplan does not evaluate)");
            note.message = note.message.replacen(UNTIL_APPLY, &why, 1);
        }
    }
}
