//! Expressions by precedence: lambdas and ternaries, binary operators (a line that starts
//! with one continues the expression), unary operators, postfix member, index, call and
//! non-null, and the primaries.

use super::{Error, Expr, Kind, Op, Parser, MAX_DEPTH, R};

impl Parser<'_> {
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

    pub(super) fn lambda_or_ternary(&mut self) -> R<Expr> {
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

    pub(super) fn lambda_params(&mut self) -> Option<Vec<String>> {
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

    pub(super) fn binary(&mut self, min: u8) -> R<Expr> {
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

    pub(super) fn binary_op(&mut self) -> Option<(Op, usize, u8)> {
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

    pub(super) fn unary(&mut self) -> R<Expr> {
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

    pub(super) fn unary_nested(&mut self) -> R<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("the expression nests too deeply"));
        }
        let e = self.unary();
        self.depth -= 1;
        e
    }

    pub(super) fn postfix(&mut self) -> R<Expr> {
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

    pub(super) fn args(&mut self) -> R<Vec<Expr>> {
        self.parens += 1;
        let out = self.args_inner();
        self.parens -= 1;
        out
    }

    pub(super) fn args_inner(&mut self) -> R<Vec<Expr>> {
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

    pub(super) fn primary(&mut self) -> R<Expr> {
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
    pub(super) fn call_follows(&self) -> bool {
        let mut at = self.at;
        while matches!(self.b.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        self.b.get(at) == Some(&b'(')
    }
}
