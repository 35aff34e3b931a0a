//! Byte ranges into a plan's text, and values that carry them.

/// A half-open byte range `start..end` in a [`crate::source::SourceFile`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
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
