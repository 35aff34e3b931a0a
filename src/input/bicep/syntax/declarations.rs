//! Statements: `param`, `var`, `resource`, `module`, `output`, `func`, `import`, `using` and
//! the declarations with nothing to evaluate, their decorators, and the types they are read
//! past.

use super::{Decl, DeclKind, Error, Expr, Kind, Parser, MAX_DEPTH, R};

impl Parser<'_> {
    pub(super) fn statement(&mut self) -> R<Option<Decl>> {
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

    pub(super) fn param(&mut self) -> R<DeclKind> {
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

    pub(super) fn resource(&mut self) -> R<DeclKind> {
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
    pub(super) fn body(&mut self) -> R<Expr> {
        self.spaces();
        if self.word_is("if") {
            return self.if_body();
        }
        self.expr()
    }

    pub(super) fn if_body(&mut self) -> R<Expr> {
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

    pub(super) fn func(&mut self) -> R<DeclKind> {
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

    pub(super) fn import(&mut self) -> R<DeclKind> {
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
    pub(super) fn plain_string(&mut self, what: &str) -> R<(String, (usize, usize))> {
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
    pub(super) fn skip_type(&mut self) -> R<bool> {
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
    pub(super) fn skip_balanced(&mut self, open: u8, close: u8) -> R<()> {
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
}
