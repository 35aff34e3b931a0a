//! Byte-range edits of a file's text: what `size --write` and `check --fix` write, so
//! comments, order, quoting and layout stay as written.

/// `start..end` of one file's text replaced by `text` (an insertion when the range is empty).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextEdit {
    pub file: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextEdit {
    /// Whether two edits touch the same bytes: overlapping ranges, or two insertions at one
    /// place (their order would be a guess).
    pub fn collides(&self, other: &TextEdit) -> bool {
        self.file == other.file
            && if self.start == self.end || other.start == other.end {
                self.start == other.start
                    || (self.start < other.start && other.start < self.end)
                    || (other.start < self.start && self.start < other.end)
            } else {
                self.start < other.end && other.start < self.end
            }
    }
}

/// `text` with `edits` (of one file, none colliding) applied; `None` when two collide or one
/// lies outside the text or inside a character.
pub fn apply(text: &str, edits: &[&TextEdit]) -> Option<String> {
    let mut sorted: Vec<&TextEdit> = edits.to_vec();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + sorted.iter().map(|e| e.text.len()).sum::<usize>());
    let mut at = 0;
    for (i, edit) in sorted.iter().enumerate() {
        if i > 0 && sorted[i - 1].collides(edit) {
            return None;
        }
        if edit.start < at || !text.is_char_boundary(edit.start) || !text.is_char_boundary(edit.end) {
            return None;
        }
        out.push_str(text.get(at..edit.start)?);
        out.push_str(&edit.text);
        at = edit.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// A position of the edited text back in the text before `edits` (of one file, sorted, none
/// colliding): a position inside replaced text maps to the start of what it replaced.
pub fn original_offset(edits: &[&TextEdit], offset: usize) -> usize {
    let mut shift: isize = 0;
    for edit in edits {
        let new_start = (edit.start as isize + shift) as usize;
        if offset < new_start {
            break;
        }
        if offset < new_start + edit.text.len() {
            return edit.start;
        }
        shift += edit.text.len() as isize - (edit.end - edit.start) as isize;
    }
    (offset as isize - shift).max(0) as usize
}

/// A comment after a value stays in its column: the spaces before it shrink or grow by what
/// the value does (one space is always kept). Returns the edit's end and its text.
pub fn keep_comment_column(text: &str, end: usize, old_len: usize, new: String) -> (usize, String) {
    let rest = text.get(end..).unwrap_or("");
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces == 0 || !rest[spaces..].starts_with('#') {
        return (end, new);
    }
    let padding = (old_len + spaces).saturating_sub(new.len()).max(1);
    (end + spaces, format!("{new}{}", " ".repeat(padding)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, text: &str) -> TextEdit {
        TextEdit {
            file: 0,
            start,
            end,
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_apply_from_any_order_and_map_back() {
        let text = "a: 1\nb: 22\n";
        let (one, two) = (edit(3, 4, "100"), edit(8, 10, "3"));
        let out = apply(text, &[&two, &one]).unwrap();
        assert_eq!(out, "a: 100\nb: 3\n");
        let sorted = [&one, &two];
        // `b` moved 2 on; `3` is inside the second replacement; `\n` after it.
        assert_eq!(original_offset(&sorted, 7), 5);
        assert_eq!(original_offset(&sorted, 4), 3);
        assert_eq!(original_offset(&sorted, 10), 8);
        assert_eq!(original_offset(&sorted, 11), 10);
    }

    #[test]
    fn colliding_edits_are_refused() {
        let text = "abcdef";
        assert_eq!(apply(text, &[&edit(1, 3, "x"), &edit(2, 4, "y")]), None);
        assert_eq!(apply(text, &[&edit(2, 2, "x"), &edit(2, 2, "y")]), None);
        assert_eq!(apply(text, &[&edit(2, 2, "x"), &edit(2, 4, "y")]), None);
        assert_eq!(
            apply(text, &[&edit(1, 2, "x"), &edit(2, 4, "y")]).as_deref(),
            Some("axyef")
        );
        assert_eq!(apply(text, &[&edit(5, 9, "x")]), None);
    }

    #[test]
    fn a_comment_keeps_its_column() {
        let text = "cidr: auto        # why\n";
        let (end, new) = keep_comment_column(text, 10, 4, "10.30.1.0/27".to_string());
        assert_eq!(
            format!("{}{new}{}", &text[..6], &text[end..]),
            "cidr: 10.30.1.0/27 # why\n"
        );
        let (end, new) = keep_comment_column(text, 10, 4, "10.0.0.0/8".to_string());
        assert_eq!(
            format!("{}{new}{}", &text[..6], &text[end..]),
            "cidr: 10.0.0.0/8  # why\n"
        );
        let plain = "cidr: auto\n";
        assert_eq!(
            keep_comment_column(plain, 10, 4, "x".to_string()),
            (10, "x".to_string())
        );
    }
}
