//! The literals that nest: strings (with `${…}` holes and `'''` multi-line ones), arrays,
//! `for` loops and objects, and the newline-or-comma separation of their items.

use super::{Decl, Error, Expr, ForLoop, Item, Kind, Parser, Prop, R};

impl Parser<'_> {
    pub(super) fn string(&mut self) -> R<Expr> {
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
    pub(super) fn separator(&mut self, close: u8) -> R<()> {
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
    pub(super) fn in_block<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let parens = self.parens;
        self.parens = 0;
        let out = f(self);
        self.parens = parens;
        out
    }

    pub(super) fn array(&mut self) -> R<Expr> {
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

    pub(super) fn for_loop(&mut self, start: usize) -> R<Expr> {
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

    pub(super) fn object(&mut self) -> R<Expr> {
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
