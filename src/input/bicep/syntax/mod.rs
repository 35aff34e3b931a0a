//! Bicep source → a syntax tree whose every expression keeps its byte range: a hand-written
//! recursive-descent parser over the text (no token vector: string interpolation parses its
//! `${…}` holes by calling back into the expression parser at that offset).
//!
//! Newlines end statements and separate the items of objects and arrays (commas work too);
//! inside parentheses they are blanks, and a line that starts with an operator that cannot
//! begin a value (`?`, `:`, `??`, `&&`, `.`…) continues the expression above, as Bicep's
//! multi-line ternaries do. Types are read only as far as evaluation needs them (a trailing
//! `?` makes a parameter nullable); decorators are kept as expressions.
//!
//! What does not parse is an error at its place; the parser then skips to the next line and
//! goes on, so one run reports every broken statement.

/// Deeper than any real file nests; hostile nesting stops here instead of overflowing.
const MAX_DEPTH: usize = 64;

mod ast;
mod declarations;
mod expressions;
mod lexer;
mod literals;

pub use ast::{Decl, DeclKind, Error, Expr, File, ForLoop, Item, Kind, Name, Op, Prop};

pub fn parse(text: &str) -> File {
    let mut p = Parser {
        src: text,
        b: text.as_bytes(),
        at: 0,
        depth: 0,
        parens: 0,
    };
    if text.starts_with('\u{feff}') {
        p.at = 3;
    }
    let mut decls = Vec::new();
    let mut errors = Vec::new();
    loop {
        p.blank_lines();
        if p.at >= p.b.len() {
            break;
        }
        let start = p.at;
        match p.statement() {
            Ok(Some(d)) => {
                decls.push(d);
                p.spaces();
                if !p.at_line_end() {
                    errors.push(p.error("expected a new line after the declaration"));
                    p.skip_line();
                }
            }
            Ok(None) => {}
            Err(e) => {
                errors.push(e);
                // Go on from the next line that starts a declaration.
                p.at = p.at.max(start + 1).min(p.b.len());
                p.skip_to_statement();
            }
        }
        if errors.len() >= 100 {
            break;
        }
    }
    File { decls, errors }
}

struct Parser<'s> {
    src: &'s str,
    b: &'s [u8],
    at: usize,
    depth: usize,
    /// Inside parentheses, newlines are blanks.
    parens: usize,
}

type R<T> = Result<T, Error>;

const KEYWORDS: &[&str] = &[
    "targetScope",
    "param",
    "var",
    "resource",
    "module",
    "output",
    "func",
    "type",
    "import",
    "using",
    "metadata",
    "extension",
    "provider",
    "extends",
    "assert",
];

#[cfg(test)]
mod tests;
