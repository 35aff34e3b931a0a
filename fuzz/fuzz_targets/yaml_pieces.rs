//! A large plan is parsed in pieces on every core (src/input/yaml/split.rs), its top-level
//! lists cut by lines. The cut must never change what the text says: arbitrary text parsed in
//! pieces of 1 to 64 bytes gives exactly the document and items (spans included) that it
//! gives parsed whole, or is left to the whole parse. Nothing panics either way.
#![no_main]

use cniplan::input::tree::Node;
use cniplan::input::yaml::{parse_streaming, split::parse_in_pieces};
use cniplan::source::SourceFile;
use libfuzzer_sys::fuzz_target;

const STREAMED: [&str; 2] = ["vnets", "clusters"];

fuzz_target!(|data: &[u8]| {
    let Some((&size, text)) = data.split_first() else {
        return;
    };
    let source = SourceFile::new("p", String::from_utf8_lossy(text).into_owned());
    let mut whole_items: Vec<(String, Node)> = Vec::new();
    let whole = parse_streaming(&source, 0, &STREAMED, &mut |key, node| {
        whole_items.push((key.to_string(), node))
    });
    let piece_bytes = usize::from(size % 64) + 1;
    let Some((document, pieces)) = parse_in_pieces(&source, &STREAMED, piece_bytes, read) else {
        return;
    };
    let whole = whole.expect("the pieces parsed a text that the whole parse refuses");
    // Debug, not PartialEq: `.nan` is a value equal to itself here.
    assert_eq!(format!("{:?}", document.root), format!("{:?}", whole.root));
    let items: Vec<(String, Node)> = pieces.into_iter().flatten().collect();
    assert_eq!(format!("{items:?}"), format!("{whole_items:?}"));
});

fn read<'a>(items: &mut Vec<(String, Node<'a>)>, key: &str, node: Node<'a>) {
    items.push((key.to_string(), node));
}
