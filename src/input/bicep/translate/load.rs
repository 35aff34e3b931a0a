//! `loadTextContent`, `loadJsonContent`, `loadYamlContent` and their kin: the file beside
//! the template, read within the size limit, as the value it holds.

use super::{q, Locals, Translator};
use crate::diagnostic::{Finding, Rule};
use crate::input::bicep::{
    self,
    syntax::{Expr, Kind},
};
use crate::input::tree::{Node, Value};

impl<'t> Translator<'t, '_> {
    /// `loadTextContent('file')`, `loadJsonContent('file')`, `loadYamlContent('file')`: the
    /// file beside this one, read within the file size limit.
    pub(super) fn load(&mut self, name: &str, args: &'t [Expr], e: &'t Expr, _locals: &Locals) -> String {
        let path = match args.first().map(|a| &a.kind) {
            Some(Kind::Str(p)) => p.clone(),
            _ => return self.unknown(&format!("`{name}()` of a computed path")),
        };
        if args.len() > 1 && name != "loadTextContent" {
            return self.unknown(&format!("`{name}()` with a path into the file"));
        }
        if bicep::is_absolute(&path) {
            self.out.report(bicep::absolute_path(&path, self.sp(&args[0])));
            return self.unknown(&format!(
                "the file '{path}', which Bicep refuses by an absolute path"
            ));
        }
        let from = &self.units[self.file as usize].path;
        let full = bicep::beside(from, &path);
        let shown = full.to_string_lossy().into_owned();
        // Never a file out of the run's reach, nor /proc/self/environ: its text would be shown
        // in findings (source::reach).
        let real = match crate::source::reach::within(&full) {
            Ok(real) => real,
            Err(outside) => {
                self.out.report(
                    Finding::new(Rule::UnresolvedInput, self.sp(&args[0]), outside.message(&path))
                        .help(outside.help()),
                );
                return self.unknown(&format!("the file '{path}', which cniplan does not read"));
            }
        };
        let bytes = match crate::source::read::read_file(&real, &shown) {
            Ok(b) => b,
            Err(why) => {
                self.out.report(
                    Finding::new(
                        Rule::UnresolvedInput,
                        self.sp(e),
                        crate::source::visible(&why).into_owned(),
                    )
                    .help("Bicep reads the file when it builds; put it beside the template"),
                );
                return self.unknown(&format!("the file '{path}', which cannot be read"));
            }
        };
        let Ok(content) = String::from_utf8(bytes) else {
            return self.unknown(&format!("the file '{path}', which is not UTF-8 text"));
        };
        if content.len() > crate::input::budget::MAX_STRING_BYTES {
            return self.unknown(&crate::input::budget::string_too_long(
                &format!("`{name}()`"),
                content.len() as u128,
            ));
        }
        match name {
            "loadTextContent" => q(&content),
            "loadJsonContent" => {
                let stripped = crate::input::arm::blank_comments(&content);
                match serde_json::from_str::<serde_json::Value>(&stripped) {
                    Ok(v) => format!("json({})", q(&v.to_string())),
                    Err(err) => {
                        self.out.report(Finding::new(
                            Rule::PlanSyntax,
                            self.sp(e),
                            format!("'{}' is no JSON: {err}", crate::source::visible(&path)),
                        ));
                        self.unknown(&format!("the file '{path}', which is no JSON"))
                    }
                }
            }
            _ => {
                let source = crate::source::SourceFile::new(path.clone(), content);
                match crate::input::yaml::parse(&source, self.file) {
                    Ok(doc) => {
                        let v = doc.root.as_ref().map_or(serde_json::Value::Null, to_json);
                        format!("json({})", q(&v.to_string()))
                    }
                    Err(err) => {
                        self.out.report(Finding::new(
                            Rule::PlanSyntax,
                            self.sp(e),
                            format!("'{}' is no YAML: {}", crate::source::visible(&path), err.message),
                        ));
                        self.unknown(&format!("the file '{path}', which is no YAML"))
                    }
                }
            }
        }
    }
}

/// A YAML tree as JSON (`loadYamlContent`).
pub(super) fn to_json(n: &Node<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match &n.value {
        Value::Null | Value::Taken => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => i64::try_from(*i).map_or(J::Null, J::from),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.to_string()),
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|e| (e.key.to_string(), to_json(&e.value)))
                .collect(),
        ),
    }
}
