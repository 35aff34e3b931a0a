//! Byte ranges into an input's text, and values that carry them.

/// A half-open byte range `start..end` in one of a report's source files: `file` 0 is the
/// input itself; a reader that points into other files (the `.tf` files beside a Terraform
/// plan) numbers them from 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: u32,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span::in_file(0, start, end)
    }

    pub fn in_file(file: u32, start: usize, end: usize) -> Self {
        Span {
            file,
            start,
            end: end.max(start),
        }
    }

    /// The same span `by` bytes further on: from a piece of a text to the whole.
    pub fn shifted(self, by: usize) -> Span {
        Span::in_file(self.file, self.start + by, self.end + by)
    }

    /// From the start of `self` to the end of `other` (same file).
    pub fn to(self, other: Span) -> Span {
        Span::in_file(self.file, self.start, other.end.max(self.start))
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A value with the place in the plan it was written; values filled in by a default carry
/// the span of their owner (a cluster's name, say) and `defaulted: true`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
    pub defaulted: bool,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned {
            value,
            span,
            defaulted: false,
        }
    }

    pub fn default_at(value: T, span: Span) -> Self {
        Spanned {
            value,
            span,
            defaulted: true,
        }
    }
}
