//! Bicep source → the typed plan, without the Bicep CLI (docs/arm-bicep-az.md, "Bicep").
//!
//! Each `.bicep` file is parsed with spans ([`syntax`]) and translated into the ARM template
//! `bicep build` would write ([`translate`]), as a span tree whose values sit at their
//! `.bicep` places; the ARM evaluator then deploys it (`arm::evaluate`), so parameters,
//! variables, loops, conditions, nested deployments and every template function behave as
//! they do in the compiled JSON, and every finding lands on the `.bicep` line.
//!
//! Design notes. The parser is our own: Bicep's grammar is small, a hand-written parser
//! keeps byte spans without a C build, and it reads new syntax (`.?`, `!`, spread, lambdas,
//! user-defined types and functions, `import`, multi-line ternaries) the day we add it;
//! `tree-sitter-bicep` on crates.io is a generated C grammar that needs a C compiler in every
//! build and lags the language. Translating into ARM instead of evaluating Bicep directly
//! reuses the ARM reader whole: one evaluator, one function library, one set of notes, and
//! a `.bicep` file and its compiled `.json` read alike by construction
//! (`tests/suite/bicep_pairs.rs` holds them to it).
//!
//! An input's sources: the template (or a `.bicepparam`), the modules it calls (gathered by
//! [`collect`] before reading, so findings can point into them), and parameters files
//! (`.bicepparam`, or ARM JSON ones). Registry modules (`br:`, `br/<alias>:`) and template
//! specs (`ts:`, `ts/<alias>:`) are read from the local Bicep cache when `bicep restore` has
//! filled it, found through the file's `bicepconfig.json` ([`config`]: aliases, the cache's
//! root), which joins the input's sources; otherwise one `unresolved-input` note names the
//! module.

pub mod config;
pub mod syntax;
mod translate;

use super::{json, Loaded};
use crate::diagnostic::{Finding, Rule, Span};
use crate::input::tree::Node;
use crate::source::SourceFile;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

pub use super::once::Parse;

/// Files one Bicep input may gather: its modules, their modules…
const MAX_FILES: usize = 1000;

/// Whether a path names a Bicep file (`.bicep` or `.bicepparam`).
pub fn is_bicep(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    p.ends_with(".bicep") || p.ends_with(".bicepparam")
}

fn is_param_file(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".bicepparam")
}

/// One source of the input as the translation sees it.
pub struct Unit<'s> {
    pub path: String,
    pub text: &'s str,
    /// Bicep files, parsed; `None` for JSON (a compiled module, a parameters file).
    pub parsed: Option<Arc<syntax::File>>,
}

/// Bicep text kept parsed, in bytes ([`parsed`]): a module many templates call, or a file
/// the walk's discovery parsed and its input reads next.
const KEPT_PARSED_BYTES: usize = 4 << 20;

static KEPT: super::once::Kept<syntax::File> = super::once::Kept::new(KEPT_PARSED_BYTES);

/// How many Bicep texts this process has parsed ([`parsed`]).
pub fn parses() -> u64 {
    KEPT.parses()
}

/// A Bicep text's tree, parsed once per text for the process where it can be
/// ([`crate::input::once`]): the walk's discovery parses every file for the modules it
/// calls, [`collect`] asks the same of an input's files, and the reader reads them; each
/// module is read by every template that calls it. All of them share one parse.
pub fn parsed(text: &str, how: Parse) -> Arc<syntax::File> {
    match KEPT.parsed(text, how, |t| Ok::<_, std::convert::Infallible>(syntax::parse(t))) {
        Ok(file) => file,
        Err(never) => match never {},
    }
}

/// Reads a Bicep template or `.bicepparam` file with the modules and parameters files of
/// its input.
pub fn read(sources: &[SourceFile]) -> Result<Loaded, Vec<Finding>> {
    let units: Vec<Unit<'_>> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| Unit {
            path: s.path.clone(),
            text: &s.text,
            parsed: is_bicep(&s.path).then(|| {
                if s.text.len() > crate::limits::MAX_TEMPLATE_BYTES {
                    Arc::new(syntax::File {
                        decls: Vec::new(),
                        errors: Vec::new(),
                    })
                } else {
                    // The input's own file is read by it alone; its modules may be called by
                    // other inputs of the run.
                    parsed(&s.text, if i == 0 { Parse::Root } else { Parse::Module })
                }
            }),
        })
        .collect();
    let mut errors = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.parsed.is_some() && u.text.len() > crate::limits::MAX_TEMPLATE_BYTES {
            errors.push(
                Finding::new(
                    Rule::PlanSchema,
                    Span::in_file(i as u32, 0, 0),
                    format!(
                        "this Bicep file is {} bytes: the ARM template it compiles to passes Azure's limit of {} MB, and Azure Resource Manager refuses it",
                        u.text.len(),
                        crate::limits::MAX_TEMPLATE_BYTES >> 20
                    ),
                )
                .help("split the deployment into modules, each its own template"),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let errors = syntax_errors(&units);
    if !errors.is_empty() {
        return Err(errors);
    }
    // The template: the first source, or the template a `.bicepparam` file uses.
    let mut findings = Vec::new();
    let main = &units[0];
    let template_index = if is_param_file(&main.path) {
        let using = main
            .parsed
            .iter()
            .flat_map(|p| &p.decls)
            .find_map(|d| match &d.kind {
                syntax::DeclKind::Using { path, path_span } => Some((path.clone(), *path_span)),
                _ => None,
            });
        let Some((path, span)) = using else {
            return Err(vec![Finding::new(
                Rule::PlanSchema,
                Span::in_file(0, 0, 0),
                "this parameters file names no template: it has no `using` declaration",
            )
            .help("start it with `using './main.bicep'`")]);
        };
        if is_absolute(&path) {
            return Err(vec![absolute_path(&path, Span::in_file(0, span.0, span.1))]);
        }
        match resolve_module(&units, &main.path, &path) {
            Some(i) => i,
            None => {
                if let Err(outside) = crate::source::reach::within(&beside(&main.path, &path)) {
                    return Err(vec![Finding::new(
                        Rule::UnresolvedInput,
                        Span::in_file(0, span.0, span.1),
                        format!("{}: nothing is checked", outside.message(&path)),
                    )
                    .help(outside.help())]);
                }
                return Err(vec![Finding::new(
                    Rule::UnresolvedInput,
                    Span::in_file(0, span.0, span.1),
                    format!(
                        "the template '{}' is not read: nothing is checked",
                        crate::source::visible(&path)
                    ),
                )
                .help(
                    "put the template where `using` says, or check the template with `--parameters`",
                )]);
            }
        }
    } else {
        0
    };
    let mut out = translate::Out::default();
    let mut template = translate::Translator::new(&units, template_index as u32, &mut out).template();
    // Parameters files: `.bicepparam` files that use this template, and ARM JSON ones.
    let blanked: Vec<Option<Cow<'_, str>>> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            (u.parsed.is_none()
                && !super::arm::is_template(u.text)
                && !config::is_config_unit(&units, i)
                && !is_template_spec(u.text))
            .then(|| super::arm::blank_comments(u.text))
        })
        .collect();
    let mut param_nodes: Vec<Node<'_>> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if i as u32 == template_index as u32 {
            continue;
        }
        if u.parsed.is_some() && is_param_file(&u.path) {
            let (given, computed) = translate::Translator::new(&units, i as u32, &mut out).parameters();
            for (name, value) in computed {
                set_default(&mut template, &name, value, &mut findings);
            }
            param_nodes.push(given);
        } else if let Some(text) = &blanked[i] {
            match json::parse_arm(text, i as u32) {
                Ok(doc) => match doc.root {
                    Some(root) if root.get("parameters").is_some() => param_nodes.push(root.into_owned()),
                    Some(root) => findings.push(
                        Finding::new(
                            Rule::PlanSchema,
                            root.span,
                            "a parameters file is a JSON object with `parameters`",
                        )
                        .help("ARM parameters files look like {\"parameters\": {\"name\": {\"value\": …}}}"),
                    ),
                    None => {}
                },
                Err(e) => findings.push(
                    Finding::new(Rule::PlanSyntax, e.span, e.message)
                        .help("fix the JSON syntax at this position"),
                ),
            }
        }
    }
    findings.extend(out.findings);
    let params: Vec<&Node<'_>> = param_nodes.iter().collect();
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let deployment = super::arm::deployment_name(&units[template_index as usize].path);
    Ok(super::arm::evaluate(
        texts,
        &template,
        &params,
        &deployment,
        findings,
    ))
}

/// The syntax errors of every parsed Bicep unit, each at its place: Bicep refuses the file,
/// so nothing of the input is read past them.
fn syntax_errors(units: &[Unit<'_>]) -> Vec<Finding> {
    units
        .iter()
        .enumerate()
        .flat_map(|(i, u)| {
            u.parsed.iter().flat_map(|p| &p.errors).map(move |e| {
                Finding::new(
                    Rule::PlanSyntax,
                    Span::in_file(i as u32, e.at, e.end),
                    e.message.clone(),
                )
                .help("Bicep refuses the file: fix the syntax at this position")
            })
        })
        .collect()
}

/// Templates translated from Bicep, each with its file's index among the input's sources.
pub type Translated = Vec<(u32, Node<'static>)>;

/// The templates and `.bicepparam` files of an estate translated (each by its index among
/// the sources), and the findings of the translation.
pub type TranslatedEstate = (Translated, HashMap<u32, ParamFile>, Vec<Finding>);

/// A `.bicepparam` file translated: the values it gives (a JSON parameters file's
/// `{"parameters": …}`), and its expressions, which become the template's defaults
/// ([`set_default`]).
pub struct ParamFile {
    pub given: Node<'static>,
    pub computed: Vec<(String, Node<'static>)>,
}

/// The ARM templates the Bicep files `wanted` (indices among `sources`) compile to, for an
/// estate of several deployments (`arm::listed`): every source is a unit, so spans number
/// the estate's files and modules among them are found. The findings of the translation
/// beside them; the syntax errors of any Bicep source instead, as `read` stops on them.
pub fn templates(
    sources: &[SourceFile],
    wanted: &[u32],
    param_files: &[u32],
) -> Result<TranslatedEstate, Vec<Finding>> {
    let units: Vec<Unit<'_>> = sources
        .iter()
        .map(|s| Unit {
            path: s.path.clone(),
            text: &s.text,
            parsed: (is_bicep(&s.path) && s.text.len() <= crate::limits::MAX_TEMPLATE_BYTES)
                .then(|| parsed(&s.text, Parse::Module)),
        })
        .collect();
    let errors = syntax_errors(&units);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = translate::Out::default();
    let mut templates = Vec::new();
    for &index in wanted {
        let oversized = units.get(index as usize).is_none_or(|u| u.parsed.is_none());
        if oversized {
            out.findings.push(
                Finding::new(
                    Rule::PlanSchema,
                    Span::in_file(index, 0, 0),
                    format!(
                        "this Bicep file passes {} MB: the ARM template it compiles to passes Azure's limit, and Azure Resource Manager refuses it",
                        crate::limits::MAX_TEMPLATE_BYTES >> 20
                    ),
                )
                .help("split the deployment into modules, each its own template"),
            );
            continue;
        }
        templates.push((
            index,
            translate::Translator::new(&units, index, &mut out).template(),
        ));
    }
    let mut params = HashMap::new();
    for &index in param_files {
        if units
            .get(index as usize)
            .is_some_and(|u| u.parsed.is_some() && is_param_file(&u.path))
        {
            let (given, computed) = translate::Translator::new(&units, index, &mut out).parameters();
            params.insert(index, ParamFile { given, computed });
        }
    }
    Ok((templates, params, out.findings))
}

/// A `.bicepparam` value that is an expression becomes the parameter's default: a
/// parameters file holds values, not expressions.
pub fn set_default(
    template: &mut Node<'static>,
    name: &str,
    value: Node<'static>,
    findings: &mut Vec<Finding>,
) {
    use crate::input::tree::{Entry, Value};
    let Value::Map(entries) = &mut template.value else {
        return;
    };
    let Some(params) = entries.iter_mut().find(|e| e.key == "parameters") else {
        return;
    };
    let Value::Map(params) = &mut params.value.value else {
        return;
    };
    let Some(param) = params.iter_mut().find(|e| e.key.eq_ignore_ascii_case(name)) else {
        findings.push(
            Finding::new(
                Rule::PlanSchema,
                value.span,
                format!("the template declares no parameter `{name}`"),
            )
            .help("Bicep refuses a parameters file that sets undeclared parameters"),
        );
        return;
    };
    let Value::Map(fields) = &mut param.value.value else {
        return;
    };
    fields.retain(|f| f.key != "defaultValue" && f.key != "nullable");
    let span = value.span;
    fields.push(Entry {
        key: "defaultValue".into(),
        key_span: span,
        value,
    });
}

/// The source a module path names, among the input's sources: a local file by its path, a
/// registry module by where the Bicep cache keeps it, whichever the cache's root.
pub fn resolve_module(units: &[Unit<'_>], from: &str, path: &str) -> Option<u32> {
    let found = match config::of_units(units, from).cache_entry(path) {
        Ok(Some(entry)) => {
            let entry = normalize(&entry);
            units
                .iter()
                .position(|u| normalize(Path::new(&u.path)).ends_with(&entry))
        }
        Err(_) => None,
        Ok(None) => {
            let target = normalize(&beside(from, path));
            let lower = |p: &Path| p.to_string_lossy().to_lowercase();
            units
                .iter()
                .position(|u| normalize(Path::new(&u.path)) == target)
                // A path whose case differs from the file's: Bicep on Windows finds it.
                .or_else(|| {
                    units
                        .iter()
                        .position(|u| lower(&normalize(Path::new(&u.path))) == lower(&target))
                })
                // Another name of a file read (a symlink): [`collect`] read it once.
                .or_else(|| {
                    let file = std::fs::canonicalize(&target).ok()?;
                    units
                        .iter()
                        .position(|u| std::fs::canonicalize(&u.path).ok().as_ref() == Some(&file))
                })
        }
    };
    found.map(|i| i as u32)
}

/// Where a module's file is: beside the file that calls it, or, for a registry module or a
/// template spec, in the Bicep cache the file's configuration names (`cacheRootDirectory`,
/// else `cache`, the user's `~/.bicep`), through its aliases. No configuration: local files
/// only.
pub fn module_path(
    from: &str,
    path: &str,
    cache: Option<(&config::Config, Option<&Path>)>,
) -> Option<PathBuf> {
    let local = || Some(normalize(&beside(from, path)));
    let Some((config, cache)) = cache else {
        return config::Config::default()
            .cache_entry(path)
            .ok()?
            .map_or_else(local, |_| None);
    };
    match config.cache_entry(path).ok()? {
        Some(entry) => {
            let root = config.cache_root.as_deref().or(cache)?;
            Some(normalize(&root.join(entry)))
        }
        None => local(),
    }
}

/// The file a module's path names on this disk: [`module_path`], or, when no file has that
/// exact name, the one whose name differs only in case (as Bicep on Windows and macOS finds
/// it). A walk and the reading of a template must agree on which file a module is.
pub fn module_file(
    from: &str,
    path: &str,
    cache: Option<(&config::Config, Option<&Path>)>,
) -> Option<PathBuf> {
    let target = module_path(from, path, cache)?;
    if target.exists() {
        return Some(target);
    }
    Some(without_case(&target).unwrap_or(target))
}

/// The Bicep cache of this user: `~/.bicep`.
pub fn default_cache() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(Path::new(&home).join(".bicep"))
}

/// What a module that is not among the sources is, and what to do; `config` is the
/// configuration of the file that calls it.
pub fn module_unread(path: &str, from: &str, config: &config::Config) -> (String, &'static str) {
    let shown = crate::source::visible(path);
    let registry = path.starts_with("br:") || path.starts_with("br/");
    let spec = path.starts_with("ts:") || path.starts_with("ts/");
    if is_local(path) {
        if let Err(outside) = crate::source::reach::within(&beside(from, path)) {
            return (outside.message(path), outside.help());
        }
    }
    if let (true, Err(why)) = (registry || spec, config.cache_entry(path)) {
        return (
            format!("the module '{shown}' names nothing Bicep can restore: {}", crate::source::visible(&why)),
            "define the alias under `moduleAliases` in the bicepconfig.json nearest the template, as Bicep requires",
        );
    }
    if registry {
        (
            format!("the registry module '{shown}' is not in the local Bicep cache"),
            "run `bicep restore` (or `az bicep restore`) on the template to fill the cache, then check again",
        )
    } else if spec {
        (
            format!("the template spec '{shown}' is not in the local Bicep cache"),
            "run `bicep restore` (or `az bicep restore`) on the template, signed in to Azure, to fill the cache with the template spec, then check again",
        )
    } else {
        (
            format!("the module file '{shown}' is not read"),
            "put the module where the path says, beside the file that calls it, and check the template from the command line so its modules are read with it",
        )
    }
}

/// A compiled template (a registry module's `main.json`, a local `.json` module) as a tree.
pub fn json_template(unit: &Unit<'_>, index: u32) -> Result<Node<'static>, Box<Finding>> {
    let text = super::arm::blank_comments(unit.text);
    match json::parse_arm(&text, index) {
        Ok(doc) => doc
            .root
            .map(|root| {
                // A template spec as the cache keeps it: the version resource, its template
                // under `properties.mainTemplate`.
                match root.get("properties").and_then(|p| p.get("mainTemplate")) {
                    Some(main) if root.get("$schema").is_none() => main.clone().into_owned(),
                    _ => root.into_owned(),
                }
            })
            .ok_or_else(|| {
                Box::new(Finding::new(
                    Rule::PlanSchema,
                    Span::in_file(index, 0, 0),
                    "the module's template is empty",
                ))
            }),
        Err(e) => Err(Box::new(
            Finding::new(Rule::PlanSyntax, e.span, e.message).help("fix the JSON syntax at this position"),
        )),
    }
}

/// Whether a JSON text is a template spec version as `bicep restore` caches it.
fn is_template_spec(text: &str) -> bool {
    text.contains("\"mainTemplate\"") && text.contains("Microsoft.Resources/templateSpecs/versions")
}

/// Whether a module or import path names a file beside the template, not a registry
/// module or template spec (`br:`, `br/`, `ts:`, `ts/`).
pub fn is_local(path: &str) -> bool {
    !["br:", "br/", "ts:", "ts/"].iter().any(|p| path.starts_with(p))
}

/// Whether a path a Bicep file names is absolute (`/etc/x`, `C:\\x`, `\\\\server\\x`): Bicep
/// refuses it (BCP051), for a module, an import or a loaded file alike.
pub fn is_absolute(path: &str) -> bool {
    let b = path.as_bytes();
    path.starts_with('/')
        || path.starts_with('\\')
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

/// Bicep's refusal of an absolute path (BCP051), at the path's place.
pub fn absolute_path(path: &str, span: Span) -> Finding {
    Finding::new(
        Rule::PlanSchema,
        span,
        format!(
            "'{}' is an absolute path: Bicep refuses it (BCP051, \"Files must be referenced using relative paths\")",
            crate::source::visible(path)
        ),
    )
    .help("name the file relative to the Bicep file that uses it")
}

/// `path` relative to the directory of the file `from`.
pub fn beside(from: &str, path: &str) -> PathBuf {
    let dir = Path::new(from).parent().unwrap_or(Path::new(""));
    dir.join(path)
}

/// The file a path names, through symlinks; lexically where it does not exist.
fn real(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path))
}

/// A path without `.` and `..` (lexically; no file system access).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The files a Bicep input reads beside the one named: the template a `.bicepparam` file
/// uses, and every module file (local, or restored into the Bicep cache `cache`) its
/// templates call, each once. A file that cannot be read is left out: the module's call
/// says so.
pub fn collect(main: &SourceFile, cache: Option<&Path>) -> Vec<SourceFile> {
    // By the file itself, not its name: a module reached through a symlink to its own
    // directory (`link -> .`) is the file already read, and a cycle, not a new file.
    let mut seen = vec![real(Path::new(&main.path))];
    let mut out: Vec<SourceFile> = Vec::new();
    let mut queue: Vec<(String, Vec<String>)> = vec![(main.path.clone(), references(&main.path, &main.text))];
    // Each directory's configuration (its bicepconfig.json files join the input, so the
    // reading resolves aliases as this walk did).
    let mut configs: HashMap<PathBuf, config::Config> = HashMap::new();
    while let Some((from, paths)) = queue.pop() {
        if paths.is_empty() {
            continue;
        }
        let dir = normalize(Path::new(&from).parent().unwrap_or(Path::new("")));
        if !configs.contains_key(&dir) {
            let files = config::files_for(&from);
            let texts: Vec<&str> = files.iter().map(|f| f.text.as_str()).collect();
            configs.insert(dir.clone(), config::Config::merged(&texts));
            for f in files {
                let p = real(Path::new(&f.path));
                if !seen.contains(&p) {
                    seen.push(p);
                    out.push(f);
                }
            }
        }
        let config = &configs[&dir];
        for path in paths {
            // A local file by an absolute path (Bicep refuses it) or out of the run's reach
            // is never read: the module's call says why (`module_unread`).
            if is_local(&path)
                && (is_absolute(&path) || crate::source::reach::within(&beside(&from, &path)).is_err())
            {
                continue;
            }
            let Some(target) = module_file(&from, &path, Some((config, cache))) else {
                continue;
            };
            let file = real(&target);
            if seen.contains(&file) || out.len() >= MAX_FILES {
                continue;
            }
            seen.push(file);
            let shown = target.to_string_lossy().into_owned();
            let Ok(bytes) = crate::source::read::read_file(&target, &shown) else {
                continue;
            };
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let next = references(&shown, &text);
            out.push(SourceFile::new(shown.clone(), text));
            queue.push((shown, next));
        }
    }
    out
}

/// The file a path names when only its case differs (`05-AKS-Supporting` for
/// `05-AKS-supporting`): Bicep on Windows reads it, and templates written there name it so.
fn without_case(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        let exact = out.join(c);
        if exact.exists() {
            out = exact;
            continue;
        }
        let want = c.as_os_str().to_string_lossy().to_lowercase();
        let dir = if out.as_os_str().is_empty() {
            Path::new(".")
        } else {
            out.as_path()
        };
        let found = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().to_lowercase() == want)?;
        out.push(found.file_name());
    }
    Some(out)
}

/// The module paths (and `using` template) a Bicep file names.
pub fn references(path: &str, text: &str) -> Vec<String> {
    if !is_bicep(path) || text.len() > crate::limits::MAX_TEMPLATE_BYTES {
        return Vec::new();
    }
    parsed(text, Parse::Discover)
        .decls
        .iter()
        .filter_map(|d| match &d.kind {
            syntax::DeclKind::Module { path, .. } | syntax::DeclKind::Using { path, .. } => {
                Some(path.clone())
            }
            // Values and functions imported from local files and registry modules are read
            // from them.
            syntax::DeclKind::Import { path, .. } if is_bicep(path) || path.starts_with("br") => {
                Some(path.clone())
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
