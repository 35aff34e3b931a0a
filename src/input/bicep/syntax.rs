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

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Str(String),
    /// `'a${x}b'`: `parts.len() == holes.len() + 1`.
    Interp(Vec<String>, Vec<Expr>),
    Int(i64),
    Bool(bool),
    Null,
    Ident(String),
    Array(Vec<Item>),
    Object(Vec<Prop>),
    /// `f(…)`, `sys.f(…)`, `az.f(…)`; `target.f(…)` (a resource's method) has a target.
    Call {
        target: Option<Box<Expr>>,
        name: String,
        args: Vec<Expr>,
    },
    Member {
        target: Box<Expr>,
        name: String,
        safe: bool,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
        safe: bool,
    },
    NonNull(Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Vec<String>, Box<Expr>),
    For(Box<ForLoop>),
    /// `if (cond) { … }`: a resource's or module's body deployed on a condition.
    If(Box<Expr>, Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForLoop {
    pub item: Option<String>,
    pub index: Option<String>,
    pub collection: Expr,
    /// The body; `Kind::If` when the loop filters.
    pub body: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Or,
    And,
    Coalesce,
    Eq,
    Ne,
    EqI,
    NeI,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Value(Expr),
    Spread(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Prop {
    Pair {
        key: String,
        key_start: usize,
        key_end: usize,
        value: Expr,
        /// A key written with `${…}`: computed.
        computed: Option<Expr>,
    },
    Spread(Expr),
    /// A child resource declared inside its parent's body.
    Resource(Box<Decl>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub kind: DeclKind,
    pub start: usize,
    pub end: usize,
    pub decorators: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DeclKind {
    TargetScope(Expr),
    Param {
        name: Name,
        /// A type ending in `?`.
        nullable: bool,
        value: Option<Expr>,
    },
    Var {
        name: Name,
        value: Expr,
    },
    Resource {
        name: Name,
        /// `Microsoft.Network/virtualNetworks@2024-01-01` as written, and where.
        kind: String,
        kind_span: (usize, usize),
        existing: bool,
        value: Expr,
    },
    Module {
        name: Name,
        path: String,
        path_span: (usize, usize),
        value: Expr,
    },
    Output {
        name: Name,
        value: Expr,
    },
    Func {
        name: Name,
        params: Vec<String>,
        body: Expr,
    },
    Import {
        /// The local names it brings in (`{a, b as c}`, or the namespace of `* as ns`).
        names: Vec<(String, String)>,
        wildcard: Option<String>,
        path: String,
        path_span: (usize, usize),
    },
    Using {
        path: String,
        path_span: (usize, usize),
    },
    /// `type`, `metadata`, `extension`, `assert` and the like: nothing to evaluate.
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub end: usize,
    pub message: String,
}

/// A parsed file: its declarations and every syntax error found.
pub struct File {
    pub decls: Vec<Decl>,
    pub errors: Vec<Error>,
}

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

impl<'s> Parser<'s> {
    fn error(&self, message: impl Into<String>) -> Error {
        let mut at = self.at.min(self.b.len());
        while !self.src.is_char_boundary(at) {
            at -= 1;
        }
        let end = self.src[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        Error {
            at,
            end,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.b.get(self.at + n).copied()
    }

    fn starts(&self, s: &str) -> bool {
        self.b[self.at.min(self.b.len())..].starts_with(s.as_bytes())
    }

    /// Blanks and comments on this line (and newlines too inside parentheses).
    fn spaces(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.at += 1,
                Some(b'\n') if self.parens > 0 => self.at += 1,
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    while !matches!(self.peek(), None | Some(b'\n')) {
                        self.at += 1;
                    }
                }
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    self.at += 2;
                    while self.at < self.b.len() && !self.starts("*/") {
                        self.at += 1;
                    }
                    self.at = (self.at + 2).min(self.b.len());
                }
                _ => return,
            }
        }
    }

    /// Blanks, comments and newlines.
    fn blank_lines(&mut self) {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'\n') => self.at += 1,
                // `#disable-next-line rule` and other pragmas.
                Some(b'#') => self.skip_line(),
                _ => return,
            }
        }
    }

    fn at_line_end(&self) -> bool {
        matches!(self.peek(), None | Some(b'\n'))
    }

    fn skip_line(&mut self) {
        while !matches!(self.peek(), None | Some(b'\n')) {
            self.at += 1;
        }
    }

    /// After an error: on to the next line that starts with a keyword or a decorator at
    /// its first column.
    fn skip_to_statement(&mut self) {
        loop {
            self.skip_line();
            if self.at >= self.b.len() {
                return;
            }
            self.at += 1;
            let rest = &self.src[self.at..];
            let word: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if KEYWORDS.contains(&word.as_str()) || rest.starts_with('@') {
                return;
            }
        }
    }

    fn ident(&mut self) -> Option<Name> {
        let start = self.at;
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {}
            _ => return None,
        }
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.at += 1;
            } else {
                break;
            }
        }
        Some(Name {
            text: self.src[start..self.at].to_string(),
            start,
            end: self.at,
        })
    }

    fn expect_ident(&mut self, what: &str) -> R<Name> {
        self.spaces();
        self.ident().ok_or_else(|| self.error(format!("expected {what}")))
    }

    fn expect(&mut self, c: u8, what: &str) -> R<()> {
        self.spaces();
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(format!("expected {what}")))
        }
    }

    fn word_is(&self, w: &str) -> bool {
        self.starts(w)
            && !self
                .b
                .get(self.at + w.len())
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    }

    fn statement(&mut self) -> R<Option<Decl>> {
        let start = self.at;
        let mut decorators = Vec::new();
        while self.peek() == Some(b'@') {
            self.at += 1;
            decorators.push(self.postfix()?);
            self.blank_lines();
        }
        let Some(keyword) = self.ident() else {
            return Err(self.error("expected a declaration (param, var, resource, module, output…)"));
        };
        self.spaces();
        let kind = match keyword.text.as_str() {
            "targetScope" => {
                self.expect(b'=', "`=` after targetScope")?;
                DeclKind::TargetScope(self.expr()?)
            }
            "param" => self.param()?,
            "var" => {
                let name = self.expect_ident("the variable's name")?;
                self.spaces();
                // `var x type = …` (typed variables).
                if self.peek() != Some(b'=') {
                    self.skip_type()?;
                }
                self.expect(b'=', "`=` and the variable's value")?;
                DeclKind::Var {
                    name,
                    value: self.expr()?,
                }
            }
            "resource" => self.resource()?,
            "module" => {
                let name = self.expect_ident("the module's symbolic name")?;
                self.spaces();
                let (path, path_span) = self.plain_string("the module's path")?;
                self.expect(b'=', "`=` and the module's body")?;
                DeclKind::Module {
                    name,
                    path,
                    path_span,
                    value: self.body()?,
                }
            }
            "output" => {
                let name = self.expect_ident("the output's name")?;
                self.spaces();
                if self.word_is("resource") {
                    self.at += 8;
                    self.spaces();
                    self.plain_string("the resource type")?;
                } else {
                    self.skip_type()?;
                }
                self.expect(b'=', "`=` and the output's value")?;
                DeclKind::Output {
                    name,
                    value: self.expr()?,
                }
            }
            "func" => self.func()?,
            "type" => {
                self.expect_ident("the type's name")?;
                self.expect(b'=', "`=` and the type")?;
                self.skip_all_blanks();
                self.skip_type()?;
                DeclKind::Other
            }
            "import" => self.import()?,
            "using" => {
                self.spaces();
                if self.word_is("none") {
                    self.at += 4;
                    DeclKind::Other
                } else {
                    let (path, path_span) = self.plain_string("the template's path")?;
                    DeclKind::Using { path, path_span }
                }
            }
            "metadata" => {
                self.expect_ident("the metadata's name")?;
                self.expect(b'=', "`=` and the metadata's value")?;
                self.expr()?;
                DeclKind::Other
            }
            "extension" | "provider" | "extends" | "assert" => {
                // The rest of the statement, whatever it is.
                let v = self.expr()?;
                self.spaces();
                while !self.at_line_end() {
                    self.postfix()?;
                    self.spaces();
                }
                let _ = v;
                DeclKind::Other
            }
            other => {
                self.at = keyword.start;
                return Err(self.error(format!("`{other}` is no Bicep declaration")));
            }
        };
        Ok(Some(Decl {
            kind,
            start,
            end: self.at,
            decorators,
        }))
    }

    fn param(&mut self) -> R<DeclKind> {
        let name = self.expect_ident("the parameter's name")?;
        self.spaces();
        let mut nullable = false;
        // `.bicepparam`: `param x = value`.
        if self.peek() != Some(b'=') {
            if self.word_is("resource") {
                self.at += 8;
                self.spaces();
                self.plain_string("the resource type")?;
            } else {
                nullable = self.skip_type()?;
            }
        }
        self.spaces();
        let value = if self.peek() == Some(b'=') {
            self.at += 1;
            Some(self.expr()?)
        } else {
            None
        };
        Ok(DeclKind::Param {
            name,
            nullable,
            value,
        })
    }

    fn resource(&mut self) -> R<DeclKind> {
        let name = self.expect_ident("the resource's symbolic name")?;
        self.spaces();
        let (kind, kind_span) = self.plain_string("the resource type ('Namespace/type@version')")?;
        self.spaces();
        let existing = self.word_is("existing");
        if existing {
            self.at += 8;
        }
        self.expect(b'=', "`=` and the resource's body")?;
        Ok(DeclKind::Resource {
            name,
            kind,
            kind_span,
            existing,
            value: self.body()?,
        })
    }

    /// A resource's or module's body: an object, `if (…) {…}`, or a loop.
    fn body(&mut self) -> R<Expr> {
        self.spaces();
        if self.word_is("if") {
            return self.if_body();
        }
        self.expr()
    }

    fn if_body(&mut self) -> R<Expr> {
        let start = self.at;
        self.at += 2;
        self.expect(b'(', "`(` after `if`")?;
        self.parens += 1;
        let cond = self.expr();
        self.parens -= 1;
        let cond = cond?;
        self.expect(b')', "`)` after the condition")?;
        self.spaces();
        let body = self.expr()?;
        Ok(Expr {
            start,
            end: body.end,
            kind: Kind::If(Box::new(cond), Box::new(body)),
        })
    }

    fn func(&mut self) -> R<DeclKind> {
        let name = self.expect_ident("the function's name")?;
        self.expect(b'(', "`(` and the function's parameters")?;
        self.parens += 1;
        let mut params = Vec::new();
        loop {
            self.spaces();
            if self.peek() == Some(b')') {
                break;
            }
            let p = self.expect_ident("a parameter name")?;
            self.spaces();
            self.skip_type()?;
            params.push(p.text);
            self.spaces();
            if self.peek() == Some(b',') {
                self.at += 1;
            }
        }
        self.parens -= 1;
        self.at += 1;
        self.spaces();
        self.skip_type()?;
        self.spaces();
        if !self.starts("=>") {
            return Err(self.error("expected `=>` and the function's body"));
        }
        self.at += 2;
        self.skip_all_blanks();
        Ok(DeclKind::Func {
            name,
            params,
            body: self.expr()?,
        })
    }

    fn import(&mut self) -> R<DeclKind> {
        self.spaces();
        let mut names = Vec::new();
        let mut wildcard = None;
        if self.peek() == Some(b'{') {
            self.at += 1;
            self.parens += 1;
            loop {
                self.spaces();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    break;
                }
                let n = self.expect_ident("an imported name")?;
                self.spaces();
                let local = if self.word_is("as") {
                    self.at += 2;
                    self.expect_ident("the local name")?.text
                } else {
                    n.text.clone()
                };
                names.push((n.text, local));
                self.spaces();
                if self.peek() == Some(b',') {
                    self.at += 1;
                }
            }
            self.parens -= 1;
        } else if self.peek() == Some(b'*') {
            self.at += 1;
            self.spaces();
            if !self.word_is("as") {
                return Err(self.error("expected `as` after `*`"));
            }
            self.at += 2;
            wildcard = Some(self.expect_ident("the namespace's name")?.text);
        } else {
            // `import 'az@1.0.0'` (an old provider import): nothing to evaluate.
            let (path, path_span) = self.plain_string("what to import")?;
            self.spaces();
            while !self.at_line_end() {
                self.postfix()?;
                self.spaces();
            }
            return Ok(DeclKind::Import {
                names,
                wildcard,
                path,
                path_span,
            });
        }
        self.spaces();
        if !self.word_is("from") {
            return Err(self.error("expected `from` and the file to import from"));
        }
        self.at += 4;
        self.spaces();
        let (path, path_span) = self.plain_string("the file to import from")?;
        Ok(DeclKind::Import {
            names,
            wildcard,
            path,
            path_span,
        })
    }

    /// A string without interpolation (a path, a resource type).
    fn plain_string(&mut self, what: &str) -> R<(String, (usize, usize))> {
        self.spaces();
        let start = self.at;
        if self.peek() != Some(b'\'') {
            return Err(self.error(format!("expected {what}")));
        }
        let e = self.string()?;
        match e.kind {
            Kind::Str(s) => Ok((s, (start, self.at))),
            _ => Err(Error {
                at: start,
                end: self.at,
                message: format!("{what} cannot hold `${{…}}`"),
            }),
        }
    }

    /// Skips a type expression; true when it ends in `?` (nullable).
    fn skip_type(&mut self) -> R<bool> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("the type nests too deeply"));
        }
        let mut nullable;
        // A union may start with `|`, on the next line too (`param p\n  | 'a'\n  | 'b'`).
        let save = self.at;
        self.skip_all_blanks();
        if self.peek() == Some(b'|') {
            self.at += 1;
        } else {
            self.at = save;
        }
        loop {
            self.spaces();
            nullable = false;
            match self.peek() {
                Some(b'\'') => {
                    self.string()?;
                }
                Some(b'{') => self.skip_balanced(b'{', b'}')?,
                Some(b'[') => self.skip_balanced(b'[', b']')?,
                Some(b'(') => self.skip_balanced(b'(', b')')?,
                Some(b'-' | b'0'..=b'9') => {
                    self.at += 1;
                    while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        self.at += 1;
                    }
                }
                Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                    self.ident();
                    loop {
                        match self.peek() {
                            Some(b'.') => {
                                self.at += 1;
                                if self.ident().is_none() {
                                    return Err(self.error("expected a name after `.`"));
                                }
                            }
                            Some(b'<') => self.skip_balanced(b'<', b'>')?,
                            _ => break,
                        }
                    }
                }
                _ => return Err(self.error("expected a type")),
            }
            // Suffixes: `[]`, `[*]`, `['key']`, `.prop`, `?`.
            loop {
                match self.peek() {
                    Some(b'[') => self.skip_balanced(b'[', b']')?,
                    Some(b'.') if self.peek_at(1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                        self.at += 1;
                        self.ident();
                    }
                    Some(b'?') => {
                        self.at += 1;
                        nullable = true;
                    }
                    _ => break,
                }
            }
            // The next member of a union, on this line or the next.
            let save = self.at;
            self.skip_all_blanks();
            if self.peek() == Some(b'|') && self.peek_at(1) != Some(b'|') {
                self.at += 1;
                continue;
            }
            self.at = save;
            break;
        }
        self.depth -= 1;
        Ok(nullable)
    }

    /// Skips from an opening bracket to its match, over strings and comments.
    fn skip_balanced(&mut self, open: u8, close: u8) -> R<()> {
        let start = self.at;
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'\'' => {
                    self.string()?;
                    continue;
                }
                b'/' if matches!(self.peek_at(1), Some(b'/' | b'*')) => {
                    let parens = self.parens;
                    self.parens = 1;
                    self.spaces();
                    self.parens = parens;
                    continue;
                }
                _ if c == open => depth += 1,
                _ if c == close => {
                    depth -= 1;
                    if depth == 0 {
                        self.at += 1;
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
        Err(Error {
            at: start,
            end: start + 1,
            message: format!("`{}` is never closed", open as char),
        })
    }

    pub fn expr(&mut self) -> R<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("the expression nests too deeply"));
        }
        self.spaces();
        let e = self.lambda_or_ternary();
        self.depth -= 1;
        e
    }

    fn lambda_or_ternary(&mut self) -> R<Expr> {
        let start = self.at;
        // `x => …` and `(x, y) => …`.
        if let Some(params) = self.lambda_params() {
            self.skip_all_blanks();
            let body = self.expr()?;
            return Ok(Expr {
                start,
                end: body.end,
                kind: Kind::Lambda(params, Box::new(body)),
            });
        }
        let cond = self.binary(0)?;
        if self.continues(b"?") && !self.continues(b"??") {
            self.skip_continuation();
            self.at += 1;
            let then = self.expr()?;
            if !self.continues(b":") {
                return Err(self.error("expected `:` and the value when the condition is false"));
            }
            self.skip_continuation();
            self.at += 1;
            let otherwise = self.expr()?;
            return Ok(Expr {
                start,
                end: otherwise.end,
                kind: Kind::Ternary(Box::new(cond), Box::new(then), Box::new(otherwise)),
            });
        }
        Ok(cond)
    }

    fn lambda_params(&mut self) -> Option<Vec<String>> {
        let save = self.at;
        let params = if self.peek() == Some(b'(') {
            self.at += 1;
            let mut names = Vec::new();
            loop {
                self.skip_all_blanks();
                if self.peek() == Some(b')') {
                    self.at += 1;
                    break;
                }
                match self.ident() {
                    Some(n) => names.push(n.text),
                    None => {
                        self.at = save;
                        return None;
                    }
                }
                self.skip_all_blanks();
                if self.peek() == Some(b',') {
                    self.at += 1;
                }
            }
            names
        } else {
            match self.ident() {
                Some(n) => vec![n.text],
                None => return None,
            }
        };
        self.spaces();
        if self.starts("=>") {
            self.at += 2;
            Some(params)
        } else {
            self.at = save;
            None
        }
    }

    fn skip_all_blanks(&mut self) {
        let parens = self.parens;
        self.parens = 1;
        self.spaces();
        self.parens = parens;
    }

    /// Whether the next token (on this line, or on a following line when it cannot start a
    /// value) is `op`.
    fn continues(&mut self, op: &[u8]) -> bool {
        let save = self.at;
        self.spaces();
        let here = self.b[self.at..].starts_with(op);
        if here {
            self.at = save;
            return true;
        }
        let mut probe = self.at;
        // Over newlines and comment lines.
        loop {
            while matches!(self.b.get(probe), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                probe += 1;
            }
            if self.b[probe.min(self.b.len())..].starts_with(b"//") {
                while !matches!(self.b.get(probe), None | Some(b'\n')) {
                    probe += 1;
                }
                continue;
            }
            break;
        }
        self.at = save;
        self.b[probe.min(self.b.len())..].starts_with(op) && continuation_op(&self.b[probe..])
    }

    /// Moves to the operator `continues` found.
    fn skip_continuation(&mut self) {
        loop {
            let parens = self.parens;
            self.parens = 1;
            self.spaces();
            self.parens = parens;
            if self.starts("//") {
                self.skip_line();
                continue;
            }
            break;
        }
    }

    fn binary(&mut self, min: u8) -> R<Expr> {
        let start = self.at;
        let mut left = self.unary()?;
        while let Some((op, len, prec)) = self.binary_op() {
            if prec < min {
                break;
            }
            self.skip_continuation();
            self.at += len;
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(self.error("the expression nests too deeply"));
            }
            let right = self.binary(prec + 1);
            self.depth -= 1;
            let right = right?;
            left = Expr {
                start,
                end: right.end,
                kind: Kind::Binary(op, Box::new(left), Box::new(right)),
            };
        }
        Ok(left)
    }

    fn binary_op(&mut self) -> Option<(Op, usize, u8)> {
        const OPS: &[(&str, Op, u8)] = &[
            ("??", Op::Coalesce, 1),
            ("||", Op::Or, 2),
            ("&&", Op::And, 3),
            ("==", Op::Eq, 4),
            ("!=", Op::Ne, 4),
            ("=~", Op::EqI, 4),
            ("!~", Op::NeI, 4),
            ("<=", Op::Le, 5),
            (">=", Op::Ge, 5),
            ("<", Op::Lt, 5),
            (">", Op::Gt, 5),
            ("+", Op::Add, 6),
            ("-", Op::Sub, 6),
            ("*", Op::Mul, 7),
            ("/", Op::Div, 7),
            ("%", Op::Mod, 7),
        ];
        for (text, op, prec) in OPS {
            if self.continues(text.as_bytes()) {
                // `=>` is no `=`-anything, and `//` a comment.
                let save = self.at;
                self.skip_continuation();
                let rest = &self.b[self.at..];
                let clash = (*text == "/" && rest.get(1).is_some_and(|c| *c == b'/' || *c == b'*'))
                    || (*text == ">" && rest.get(1) == Some(&b'='));
                self.at = save;
                if clash {
                    continue;
                }
                return Some((*op, text.len(), *prec));
            }
        }
        None
    }

    fn unary(&mut self) -> R<Expr> {
        self.spaces();
        let start = self.at;
        match self.peek() {
            Some(b'!') => {
                self.at += 1;
                let e = self.unary_nested()?;
                Ok(Expr {
                    start,
                    end: e.end,
                    kind: Kind::Not(Box::new(e)),
                })
            }
            Some(b'-') if !self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => {
                self.at += 1;
                let e = self.unary_nested()?;
                Ok(Expr {
                    start,
                    end: e.end,
                    kind: Kind::Neg(Box::new(e)),
                })
            }
            _ => self.postfix(),
        }
    }

    fn unary_nested(&mut self) -> R<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("the expression nests too deeply"));
        }
        let e = self.unary();
        self.depth -= 1;
        e
    }

    fn postfix(&mut self) -> R<Expr> {
        let start = self.at;
        let mut e = self.primary()?;
        loop {
            // `.member` may continue on the next line.
            let dot = self.peek() == Some(b'.') || self.continues(b".");
            if dot {
                self.skip_continuation();
                let safe = self.peek_at(1) == Some(b'?');
                self.at += if safe { 2 } else { 1 };
                let name = self
                    .ident()
                    .ok_or_else(|| self.error("expected a property name after `.`"))?;
                if self.peek() == Some(b'(') {
                    self.at += 1;
                    let args = self.args()?;
                    e = Expr {
                        start,
                        end: self.at,
                        kind: Kind::Call {
                            target: Some(Box::new(e)),
                            name: name.text,
                            args,
                        },
                    };
                } else {
                    e = Expr {
                        start,
                        end: self.at,
                        kind: Kind::Member {
                            target: Box::new(e),
                            name: name.text,
                            safe,
                        },
                    };
                }
                continue;
            }
            // `parent::child`: a resource declared inside another, by its own symbol.
            if self.starts("::") {
                self.at += 2;
                let child = self
                    .ident()
                    .ok_or_else(|| self.error("expected a nested resource's name after `::`"))?;
                e = Expr {
                    start,
                    end: self.at,
                    kind: Kind::Ident(child.text),
                };
                continue;
            }
            match self.peek() {
                Some(b'[') => {
                    self.at += 1;
                    let safe = self.peek() == Some(b'?');
                    if safe {
                        self.at += 1;
                    }
                    self.parens += 1;
                    let index = self.expr();
                    self.parens -= 1;
                    let index = index?;
                    self.expect(b']', "`]` after the index")?;
                    e = Expr {
                        start,
                        end: self.at,
                        kind: Kind::Index {
                            target: Box::new(e),
                            index: Box::new(index),
                            safe,
                        },
                    };
                }
                Some(b'!') if self.peek_at(1) != Some(b'=') && self.peek_at(1) != Some(b'~') => {
                    self.at += 1;
                    e = Expr {
                        start,
                        end: self.at,
                        kind: Kind::NonNull(Box::new(e)),
                    };
                }
                _ => break,
            }
        }
        Ok(e)
    }

    fn args(&mut self) -> R<Vec<Expr>> {
        self.parens += 1;
        let out = self.args_inner();
        self.parens -= 1;
        out
    }

    fn args_inner(&mut self) -> R<Vec<Expr>> {
        let mut args = Vec::new();
        loop {
            self.spaces();
            if self.peek() == Some(b')') {
                self.at += 1;
                return Ok(args);
            }
            args.push(self.expr()?);
            self.spaces();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b')') => {}
                _ => return Err(self.error("expected `,` or `)` in the argument list")),
            }
        }
    }

    fn primary(&mut self) -> R<Expr> {
        self.spaces();
        let start = self.at;
        let kind = match self.peek() {
            Some(b'\'') => return self.string(),
            Some(b'-' | b'0'..=b'9') => {
                self.at += 1;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.at += 1;
                }
                match self.src[start..self.at].parse::<i64>() {
                    Ok(n) => Kind::Int(n),
                    Err(_) => {
                        return Err(Error {
                            at: start,
                            end: self.at,
                            message: "this number is too large for Bicep's 64-bit integers".into(),
                        })
                    }
                }
            }
            Some(b'(') => {
                self.at += 1;
                self.parens += 1;
                let inner = self.expr();
                self.parens -= 1;
                let inner = inner?;
                self.expect(b')', "`)`")?;
                return Ok(Expr {
                    start,
                    end: self.at,
                    kind: inner.kind,
                });
            }
            Some(b'[') => return self.array(),
            Some(b'{') => return self.object(),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                let name = self.ident().map(|n| n.text).unwrap_or_default();
                match name.as_str() {
                    "true" => Kind::Bool(true),
                    "false" => Kind::Bool(false),
                    "null" => Kind::Null,
                    _ if self.call_follows() => {
                        self.spaces();
                        self.at += 1;
                        Kind::Call {
                            target: None,
                            name,
                            args: self.args()?,
                        }
                    }
                    _ => Kind::Ident(name),
                }
            }
            Some(_) => return Err(self.error("expected a value")),
            None => return Err(self.error("the file ends where a value was expected")),
        };
        Ok(Expr {
            kind,
            start,
            end: self.at,
        })
    }

    /// `(` after a function's name, blanks between allowed (`replace (x, 'a', 'b')`).
    fn call_follows(&self) -> bool {
        let mut at = self.at;
        while matches!(self.b.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        self.b.get(at) == Some(&b'(')
    }

    fn string(&mut self) -> R<Expr> {
        let start = self.at;
        if self.starts("'''") {
            self.at += 3;
            // A newline right after the opening quotes is not part of the string.
            if self.starts("\r\n") {
                self.at += 2;
            } else if self.peek() == Some(b'\n') {
                self.at += 1;
            }
            let from = self.at;
            let Some(len) = self.src[from..].find("'''") else {
                return Err(Error {
                    at: start,
                    end: start + 3,
                    message: "this multi-line string is never closed (`'''`)".into(),
                });
            };
            self.at = from + len + 3;
            return Ok(Expr {
                kind: Kind::Str(self.src[from..from + len].to_string()),
                start,
                end: self.at,
            });
        }
        self.at += 1;
        let mut parts = Vec::new();
        let mut holes = Vec::new();
        let mut current = String::new();
        loop {
            let Some(c) = self.src[self.at..].chars().next() else {
                return Err(Error {
                    at: start,
                    end: start + 1,
                    message: "this string is never closed (`'`)".into(),
                });
            };
            match c {
                '\'' => {
                    self.at += 1;
                    break;
                }
                '\n' => {
                    return Err(Error {
                        at: start,
                        end: start + 1,
                        message: "this string is never closed on its line (`'`)".into(),
                    })
                }
                '\\' => {
                    self.at += 1;
                    let Some(e) = self.src[self.at..].chars().next() else {
                        continue;
                    };
                    self.at += e.len_utf8();
                    match e {
                        'n' => current.push('\n'),
                        'r' => current.push('\r'),
                        't' => current.push('\t'),
                        '\\' | '\'' | '$' => current.push(e),
                        'u' if self.peek() == Some(b'{') => {
                            let close = self.src[self.at..].find('}').map(|i| self.at + i);
                            let ch = close
                                .and_then(|c| u32::from_str_radix(&self.src[self.at + 1..c], 16).ok())
                                .and_then(char::from_u32);
                            match (close, ch) {
                                (Some(c), Some(ch)) => {
                                    current.push(ch);
                                    self.at = c + 1;
                                }
                                _ => return Err(self.error("a bad `\\u{…}` escape")),
                            }
                        }
                        _ => {
                            return Err(Error {
                                at: self.at - 1 - e.len_utf8(),
                                end: self.at,
                                message: format!("`\\{e}` is no escape Bicep knows"),
                            })
                        }
                    }
                }
                '$' if self.peek_at(1) == Some(b'{') => {
                    let hole_start = self.at;
                    self.at += 2;
                    self.parens += 1;
                    let e = self.expr();
                    self.parens -= 1;
                    let e = e?;
                    self.spaces();
                    if self.peek() != Some(b'}') {
                        return Err(Error {
                            at: hole_start,
                            end: hole_start + 2,
                            message: "this `${` is never closed with `}`".into(),
                        });
                    }
                    self.at += 1;
                    parts.push(std::mem::take(&mut current));
                    holes.push(e);
                }
                _ => {
                    current.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
        parts.push(current);
        let kind = if holes.is_empty() {
            Kind::Str(parts.pop().unwrap_or_default())
        } else {
            Kind::Interp(parts, holes)
        };
        Ok(Expr {
            kind,
            start,
            end: self.at,
        })
    }

    /// Items end at a newline or a comma.
    fn separator(&mut self, close: u8) -> R<()> {
        self.spaces();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(())
            }
            Some(b'\n') => Ok(()),
            Some(c) if c == close => Ok(()),
            _ => Err(self.error(format!(
                "expected a new line, `,` or `{}` after the item",
                close as char
            ))),
        }
    }

    /// Newlines are separators in arrays and objects, whatever parentheses are around them.
    fn in_block<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let parens = self.parens;
        self.parens = 0;
        let out = f(self);
        self.parens = parens;
        out
    }

    fn array(&mut self) -> R<Expr> {
        let start = self.at;
        self.at += 1;
        self.in_block(|p| {
            p.blank_lines();
            if p.word_is("for") {
                return p.for_loop(start);
            }
            let mut items = Vec::new();
            loop {
                p.blank_lines();
                match p.peek() {
                    Some(b']') => {
                        p.at += 1;
                        break;
                    }
                    None => {
                        return Err(Error {
                            at: start,
                            end: start + 1,
                            message: "this `[` is never closed".into(),
                        })
                    }
                    _ => {}
                }
                if p.starts("...") {
                    p.at += 3;
                    items.push(Item::Spread(p.expr()?));
                } else {
                    items.push(Item::Value(p.expr()?));
                }
                p.separator(b']')?;
            }
            Ok(Expr {
                kind: Kind::Array(items),
                start,
                end: p.at,
            })
        })
    }

    fn for_loop(&mut self, start: usize) -> R<Expr> {
        self.at += 3;
        self.parens += 1;
        self.spaces();
        let (item, index) = if self.peek() == Some(b'(') {
            self.at += 1;
            let item = self.expect_ident("the loop's item")?.text;
            self.expect(b',', "`,` and the loop's index")?;
            let index = self.expect_ident("the loop's index")?.text;
            self.expect(b')', "`)`")?;
            (Some(item), Some(index))
        } else {
            (Some(self.expect_ident("the loop's item")?.text), None)
        };
        self.spaces();
        if !self.word_is("in") {
            self.parens -= 1;
            return Err(self.error("expected `in` and what the loop goes over"));
        }
        self.at += 2;
        let collection = self.expr();
        self.parens -= 1;
        let collection = collection?;
        self.expect(b':', "`:` and the loop's body")?;
        self.blank_lines();
        let body = if self.word_is("if") {
            self.if_body()?
        } else {
            self.expr()?
        };
        self.blank_lines();
        self.expect(b']', "`]` at the end of the loop")?;
        Ok(Expr {
            kind: Kind::For(Box::new(ForLoop {
                item,
                index,
                collection,
                body,
            })),
            start,
            end: self.at,
        })
    }

    fn object(&mut self) -> R<Expr> {
        let start = self.at;
        self.at += 1;
        self.in_block(|p| {
            let mut props = Vec::new();
            loop {
                p.blank_lines();
                // Decorators on properties (in types; `@batchSize` on nested resources).
                let mut decorators = Vec::new();
                while p.peek() == Some(b'@') {
                    p.at += 1;
                    decorators.push(p.postfix()?);
                    p.blank_lines();
                }
                match p.peek() {
                    Some(b'}') => {
                        p.at += 1;
                        break;
                    }
                    None => {
                        return Err(Error {
                            at: start,
                            end: start + 1,
                            message: "this `{` is never closed".into(),
                        })
                    }
                    _ => {}
                }
                if p.starts("...") {
                    p.at += 3;
                    props.push(Prop::Spread(p.expr()?));
                    p.separator(b'}')?;
                    continue;
                }
                let key_start = p.at;
                if p.word_is("resource") {
                    let save = p.at;
                    p.at += 8;
                    p.spaces();
                    if p.peek() != Some(b':') {
                        let kind = p.resource()?;
                        props.push(Prop::Resource(Box::new(Decl {
                            kind,
                            start: key_start,
                            end: p.at,
                            decorators,
                        })));
                        p.separator(b'}')?;
                        continue;
                    }
                    p.at = save;
                }
                let mut computed = None;
                let key = match p.peek() {
                    Some(b'\'') => match p.string()? {
                        Expr {
                            kind: Kind::Str(s), ..
                        } => s,
                        e => {
                            computed = Some(e);
                            String::new()
                        }
                    },
                    Some(b'*') => {
                        p.at += 1;
                        "*".to_string()
                    }
                    _ => match p.ident() {
                        Some(n) => n.text,
                        None => return Err(p.error("expected a property name")),
                    },
                };
                let key_end = p.at;
                p.expect(b':', "`:` after the property name")?;
                let value = p.expr()?;
                props.push(Prop::Pair {
                    key,
                    key_start,
                    key_end,
                    value,
                    computed,
                });
                p.separator(b'}')?;
            }
            Ok(Expr {
                kind: Kind::Object(props),
                start,
                end: p.at,
            })
        })
    }
}

/// Operators that may start a continuation line: none of them can begin a value.
fn continuation_op(rest: &[u8]) -> bool {
    match rest {
        [b'?', ..] | [b':', ..] | [b'&', b'&', ..] | [b'|', b'|', ..] | [b'=', b'=', ..] => true,
        [b'!', b'=', ..] | [b'=', b'~', ..] | [b'!', b'~', ..] => true,
        [b'.', c, ..] => c.is_ascii_alphabetic() || *c == b'?',
        [b'<' | b'>' | b'*' | b'%' | b'+', ..] => true,
        [b'/', c, ..] => *c != b'/' && *c != b'*',
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Decl {
        let f = parse(text);
        assert_eq!(f.errors, vec![], "{text}");
        f.decls.into_iter().next().expect("a declaration")
    }

    #[test]
    fn reads_declarations_with_spans() {
        let text = "@description('x')\nparam prefix string = '10.0'\n";
        let d = one(text);
        let DeclKind::Param {
            name,
            value: Some(v),
            nullable,
        } = d.kind
        else {
            panic!()
        };
        assert_eq!(name.text, "prefix");
        assert!(!nullable);
        assert_eq!(&text[v.start..v.end], "'10.0'");
        assert_eq!(d.decorators.len(), 1);
    }

    #[test]
    fn multi_line_ternary_and_safe_access() {
        let text = "var a = contains(x[0], 'y')\n  ? {\n      b: 1\n    }\n  : x.?c ?? d!.e\nvar b = 1\n";
        let f = parse(text);
        assert_eq!(f.errors, vec![]);
        assert_eq!(f.decls.len(), 2);
        let DeclKind::Var { value, .. } = &f.decls[0].kind else {
            panic!()
        };
        assert!(matches!(value.kind, Kind::Ternary(..)));
    }

    #[test]
    fn loops_conditions_nested_resources_and_interpolation() {
        let text = r#"
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = [for (v, i) in vnets: if (v.enabled) {
  name: '${prefix}-${i}'
  properties: {
    subnets: [for s in v.subnets: {
      name: s.name
    }]
  }
  resource sub 'subnets' = {
    name: 'x'
  }
}]
"#;
        let d = one(text);
        let DeclKind::Resource { value, .. } = d.kind else {
            panic!()
        };
        let Kind::For(l) = value.kind else { panic!() };
        assert_eq!(l.index.as_deref(), Some("i"));
        let Kind::If(_, body) = l.body.kind else { panic!() };
        let Kind::Object(props) = body.kind else { panic!() };
        assert!(matches!(props[2], Prop::Resource(_)));
    }

    #[test]
    fn types_lambdas_funcs_imports() {
        let text = "import { a, b as c } from 'types.bicep'\ntype t = { @description('x')\n name: string?\n kind: ('A' | 'B')? }\nparam p resourceInput<'Microsoft.Network/virtualNetworks@2025-05-01'>.tags?\nfunc f(x int, y string) string => '${x}${y}'\nvar m = map(xs, x => x.a)\nvar t = '''\nraw ${x}\n'''\n";
        let f = parse(text);
        assert_eq!(f.errors, vec![]);
        assert_eq!(f.decls.len(), 6);
        let DeclKind::Param { nullable, .. } = &f.decls[2].kind else {
            panic!()
        };
        assert!(nullable);
        let DeclKind::Var { value, .. } = &f.decls[5].kind else {
            panic!()
        };
        assert_eq!(value.kind, Kind::Str("raw ${x}\n".into()));
    }

    /// What Azure Verified Modules write (every `.bicep` file of
    /// Azure/bicep-registry-modules@9f9ea1a parses).
    #[test]
    fn syntax_real_modules_use() {
        let text = "type t =\n  | 'a'\n  | 'b'\n@discriminator('k')\ntype u = | x\n  | y\nparam p\n  | 'a'\n  | 'b' = 'a'\nfunc f(id string?) string =>\n  last(split(id!, '/'))\nvar n = toLower( replace (x, 'a', 'b'))\nvar m = map(xs, x =>\n  x.a)\nextension microsoftGraphV1\noutput o string = vnet::subnet.id\n";
        let f = parse(text);
        assert_eq!(f.errors, vec![]);
        assert_eq!(f.decls.len(), 8);
    }

    #[test]
    fn errors_are_located_and_reading_goes_on() {
        let text = "var a = 'open\nvar b = ${\nvar c = 1\n";
        let f = parse(text);
        assert_eq!(f.errors.len(), 2);
        assert_eq!(f.errors[0].at, 8);
        assert_eq!(f.decls.len(), 1);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("var a = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
        let f = parse(&text);
        assert_eq!(f.errors.len(), 1);
        let text = format!("var a = {}1\n", "!".repeat(100_000));
        assert_eq!(parse(&text).errors.len(), 1);
    }
}
