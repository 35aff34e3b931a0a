//! The parser's reading of characters: blanks and comments, line ends (and when a line
//! continues the expression above), identifiers, expected punctuation, and where reading
//! goes on after an error.

use super::{Error, Name, Parser, KEYWORDS, R};

impl Parser<'_> {
    pub(super) fn error(&self, message: impl Into<String>) -> Error {
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

    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    pub(super) fn peek_at(&self, n: usize) -> Option<u8> {
        self.b.get(self.at + n).copied()
    }

    pub(super) fn starts(&self, s: &str) -> bool {
        self.b[self.at.min(self.b.len())..].starts_with(s.as_bytes())
    }

    /// Blanks and comments on this line (and newlines too inside parentheses).
    pub(super) fn spaces(&mut self) {
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
    pub(super) fn blank_lines(&mut self) {
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

    pub(super) fn at_line_end(&self) -> bool {
        matches!(self.peek(), None | Some(b'\n'))
    }

    pub(super) fn skip_line(&mut self) {
        while !matches!(self.peek(), None | Some(b'\n')) {
            self.at += 1;
        }
    }

    /// After an error: on to the next line that starts with a keyword or a decorator at
    /// its first column.
    pub(super) fn skip_to_statement(&mut self) {
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

    pub(super) fn ident(&mut self) -> Option<Name> {
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

    pub(super) fn expect_ident(&mut self, what: &str) -> R<Name> {
        self.spaces();
        self.ident().ok_or_else(|| self.error(format!("expected {what}")))
    }

    pub(super) fn expect(&mut self, c: u8, what: &str) -> R<()> {
        self.spaces();
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(format!("expected {what}")))
        }
    }

    pub(super) fn word_is(&self, w: &str) -> bool {
        self.starts(w)
            && !self
                .b
                .get(self.at + w.len())
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    }

    pub(super) fn skip_all_blanks(&mut self) {
        let parens = self.parens;
        self.parens = 1;
        self.spaces();
        self.parens = parens;
    }

    /// Whether the next token (on this line, or on a following line when it cannot start a
    /// value) is `op`.
    pub(super) fn continues(&mut self, op: &[u8]) -> bool {
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
    pub(super) fn skip_continuation(&mut self) {
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
