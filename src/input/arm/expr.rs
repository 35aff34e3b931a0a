//! The template expression language: a JSON string that starts with `[` and ends with `]`
//! is an expression (`"[concat('a-', parameters('b'))]"`); `[[` keeps a literal `[`.
//!
//! Parsed into a small tree whose nodes keep their byte range in the string, so a finding
//! about `parameters('x')` inside a long expression points at those characters.

/// Deeper than any template nests calls (Bicep output reaches about 20); hostile nesting
/// stops here instead of overflowing the stack.
const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    /// Byte range in the whole string, brackets included.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Str(String),
    Int(i64),
    Bool(bool),
    Null,
    /// A function call; `name` as written (functions are matched without case).
    Call {
        name: String,
        args: Vec<Expr>,
    },
    /// `x.name`
    Member(Box<Expr>, String),
    /// `x[i]`
    Index(Box<Expr>, Box<Expr>),
}

/// What a JSON string of a template is.
#[derive(Debug, PartialEq, Eq)]
pub enum Text<'s> {
    /// Plain text, with a leading `[[` already turned into `[`.
    Literal(&'s str),
    Expression,
}

pub fn classify(s: &str) -> Text<'_> {
    if s.len() >= 2 && s.starts_with('[') && s.ends_with(']') {
        if s.starts_with("[[") {
            return Text::Literal(&s[1..]);
        }
        // `"[]"` and `"[ ]"` hold no expression; ARM keeps them as text.
        if !s[1..s.len() - 1].trim().is_empty() {
            return Text::Expression;
        }
    }
    Text::Literal(s)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the string.
    pub at: usize,
    pub message: String,
}

/// Parses an expression string, brackets included.
pub fn parse(s: &str) -> Result<Expr, ParseError> {
    let mut p = Parser {
        text: s.as_bytes(),
        src: s,
        at: 1,
        depth: 0,
    };
    let expr = p.expr()?;
    p.space();
    if p.at + 1 != s.len() {
        return Err(p.error("expected the end of the expression (`]`)"));
    }
    Ok(expr)
}

struct Parser<'s> {
    text: &'s [u8],
    src: &'s str,
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> ParseError {
        ParseError {
            at: self.at.min(self.src.len()),
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn expr(&mut self) -> Result<Expr, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("the expression nests too deeply"));
        }
        self.space();
        let mut expr = self.primary()?;
        loop {
            self.space();
            match self.peek() {
                Some(b'.') => {
                    self.at += 1;
                    self.space();
                    let name = self.word();
                    if name.is_empty() {
                        return Err(self.error("expected a property name after `.`"));
                    }
                    expr = Expr {
                        start: expr.start,
                        end: self.at,
                        kind: ExprKind::Member(Box::new(expr), name),
                    };
                }
                Some(b'[') => {
                    self.at += 1;
                    let index = self.expr()?;
                    self.space();
                    if self.peek() != Some(b']') {
                        return Err(self.error("expected `]` after the index"));
                    }
                    self.at += 1;
                    expr = Expr {
                        start: expr.start,
                        end: self.at,
                        kind: ExprKind::Index(Box::new(expr), Box::new(index)),
                    };
                }
                _ => break,
            }
        }
        self.depth -= 1;
        Ok(expr)
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let start = self.at;
        let kind = match self.peek() {
            Some(b'\'') => ExprKind::Str(self.string()?),
            Some(b'-' | b'0'..=b'9') => ExprKind::Int(self.number()?),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                let name = self.word();
                self.space();
                if self.peek() == Some(b'(') {
                    self.at += 1;
                    ExprKind::Call {
                        args: self.args()?,
                        name,
                    }
                } else {
                    match name.to_ascii_lowercase().as_str() {
                        "true" => ExprKind::Bool(true),
                        "false" => ExprKind::Bool(false),
                        "null" => ExprKind::Null,
                        _ => {
                            self.at = start;
                            return Err(self.error("expected `(` after a function name"));
                        }
                    }
                }
            }
            Some(_) => return Err(self.error("expected a function call, a 'string' or a number")),
            None => return Err(self.error("the expression ends early")),
        };
        Ok(Expr {
            kind,
            start,
            end: self.at,
        })
    }

    /// A function name or property name; user-defined functions are `namespace.name`.
    fn word(&mut self) -> String {
        let start = self.at;
        while let Some(c) = self.peek() {
            let dotted = c == b'.'
                && self.at > start
                && self.text[start..self.at]
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
                && self.namespaced_call_follows();
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b'-' && self.at > start || dotted {
                self.at += 1;
            } else {
                break;
            }
        }
        self.src[start..self.at].to_string()
    }

    /// After `name.`, another name and `(`: a user-defined function, not a property access.
    fn namespaced_call_follows(&self) -> bool {
        let rest = &self.text[self.at + 1..];
        let len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        len > 0 && rest.get(len) == Some(&b'(') && self.text[..self.at].last() != Some(&b')')
    }

    fn args(&mut self) -> Result<Vec<Expr>, ParseError> {
        let mut args = Vec::new();
        self.space();
        if self.peek() == Some(b')') {
            self.at += 1;
            return Ok(args);
        }
        loop {
            args.push(self.expr()?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b')') => {
                    self.at += 1;
                    return Ok(args);
                }
                _ => return Err(self.error("expected `,` or `)` in the argument list")),
            }
        }
    }

    /// `'text'`, with `''` for a quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = String::new();
        let mut run = self.at;
        loop {
            match self.peek() {
                None => return Err(self.error("the 'string' is not closed")),
                Some(b'\'') if self.text.get(self.at + 1) == Some(&b'\'') => {
                    out.push_str(&self.src[run..=self.at]);
                    self.at += 2;
                    run = self.at;
                }
                Some(b'\'') => {
                    out.push_str(&self.src[run..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                Some(_) => self.at += 1,
            }
        }
    }

    fn number(&mut self) -> Result<i64, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.src[start..self.at].parse::<i64>().map_err(|_| ParseError {
            at: start,
            message: "expected a whole number that fits in 64 bits".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(e: &Expr) -> (&str, usize) {
        match &e.kind {
            ExprKind::Call { name, args } => (name, args.len()),
            other => panic!("not a call: {other:?}"),
        }
    }

    #[test]
    fn strings_are_expressions_only_in_brackets() {
        assert_eq!(classify("[parameters('a')]"), Text::Expression);
        assert_eq!(classify("[[literal]"), Text::Literal("[literal]"));
        assert_eq!(classify("plain"), Text::Literal("plain"));
        assert_eq!(classify("[]"), Text::Literal("[]"));
        assert_eq!(classify("[not closed"), Text::Literal("[not closed"));
    }

    #[test]
    fn parses_calls_members_indexes_and_literals_with_ranges() {
        let s = "[resourceGroup().location]";
        let e = parse(s).unwrap();
        let ExprKind::Member(inner, name) = &e.kind else {
            panic!()
        };
        assert_eq!(name, "location");
        assert_eq!(call(inner), ("resourceGroup", 0));
        assert_eq!((e.start, e.end), (1, s.len() - 1));

        let s = "[split(parameters('id'), '/')[8]]";
        let e = parse(s).unwrap();
        let ExprKind::Index(target, index) = &e.kind else {
            panic!()
        };
        assert_eq!(call(target), ("split", 2));
        assert_eq!(index.kind, ExprKind::Int(8));

        let e = parse("[concat('it''s', -1, true)]").unwrap();
        let ExprKind::Call { args, .. } = &e.kind else {
            panic!()
        };
        assert_eq!(args[0].kind, ExprKind::Str("it's".into()));
        assert_eq!(args[1].kind, ExprKind::Int(-1));
        assert_eq!(args[2].kind, ExprKind::Bool(true));
        assert_eq!(
            &"[concat('it''s', -1, true)]"[args[0].start..args[0].end],
            "'it''s'"
        );
    }

    #[test]
    fn reads_outputs_chains_and_namespaced_functions() {
        let s = "[reference(variables('d'), '2022-09-01').outputs.aksSubnetId.value]";
        let e = parse(s).unwrap();
        let ExprKind::Member(_, last) = &e.kind else {
            panic!()
        };
        assert_eq!(last, "value");
        let e = parse("[myNs.myFunc(1)]").unwrap();
        assert_eq!(call(&e), ("myNs.myFunc", 1));
    }

    #[test]
    fn bad_expressions_are_errors_with_offsets() {
        for (s, at) in [
            ("[concat('a']", 11),
            ("[concat('a', ]", 13),
            ("[parameters('x') extra]", 17),
            ("['open]", 7),
            ("[foo]", 1),
            ("[99999999999999999999]", 1),
        ] {
            let err = parse(s).unwrap_err();
            assert_eq!(err.at, at, "{s}: {err:?}");
        }
        let deep = format!("[{}1{}]", "concat(".repeat(1000), ")".repeat(1000));
        assert!(parse(&deep).unwrap_err().message.contains("nests"));
    }
}
