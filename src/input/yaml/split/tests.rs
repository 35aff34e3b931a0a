//! Every text either parses in pieces exactly as it parses whole, spans included, or is left
//! to the whole parse.

use super::*;
use crate::input::yaml::parse_streaming;

const STREAMED: [&str; 2] = ["vnets", "clusters"];

type Items<'a> = Vec<(String, Node<'a>)>;

fn whole(source: &SourceFile) -> Option<(Document<'_>, Items<'_>)> {
    let mut items = Vec::new();
    let document = parse_streaming(source, 0, &STREAMED, &mut |key, node| {
        items.push((key.to_string(), node))
    })
    .ok()?;
    Some((document, items))
}

fn in_pieces(source: &SourceFile, piece_bytes: usize) -> Option<(Document<'_>, Items<'_>)> {
    let (document, pieces) =
        parse_in_pieces(source, &STREAMED, piece_bytes, |acc: &mut Items, key, node| {
            acc.push((key.to_string(), node))
        })?;
    Some((document, pieces.into_iter().flatten().collect()))
}

/// Parsed in pieces of every size from one byte up: the same as whole, or left to the whole
/// parse. Says whether any size parsed in pieces.
fn same_as_whole(text: &str) -> bool {
    let source = SourceFile::new("p", text);
    let expected = whole(&source);
    let mut split = false;
    for piece_bytes in [1, 7, 40, 100, 1 << 20] {
        let Some((document, items)) = in_pieces(&source, piece_bytes) else {
            continue;
        };
        let (whole_document, whole_items) = expected
            .as_ref()
            .unwrap_or_else(|| panic!("pieces parsed what the whole parse refuses:\n{text}"));
        assert_eq!(
            document.root, whole_document.root,
            "piece size {piece_bytes}:\n{text}"
        );
        assert_eq!(&items, whole_items, "piece size {piece_bytes}:\n{text}");
        assert!(whole_document.aliases.is_empty() && whole_document.warnings.is_empty());
        split = true;
    }
    split
}

fn estate(vnets: usize) -> String {
    let mut text = String::from("# an estate\nversion: 1\nvnets:\n");
    for v in 0..vnets {
        text.push_str(&format!(
            "  - name: vnet-{v}   # hub\n    address_space: [10.{v}.0.0/16]\n    subnets:\n      - name: nodes\n        cidr: \"10.{v}.0.0/24\"\n\n      - {{name: pods, cidr: 10.{v}.16.0/20}}\n"
        ));
    }
    text.push_str("allocation:\n  batch_size: 16\nclusters:\n");
    for c in 0..3 {
        text.push_str(&format!(
            "- name: c{c}\n  node_pools:\n  - name: p\n    node_count: 3\n# between\n  # indented comment\n"
        ));
    }
    text
}

#[test]
fn plans_parse_in_pieces_as_they_parse_whole() {
    assert!(same_as_whole(&estate(5)));
    assert!(same_as_whole(&estate(5).replace('\n', "\r\n")));
    // The lists last, at the end of the text without a final line break.
    assert!(same_as_whole(
        "version: 1\nvnets:\n  - name: a\n  - name: b\n  -\n  - name: c"
    ));
    assert!(same_as_whole(
        "---\nvnets:   # the VNets\n  - a\n  - b\nclusters: []\n"
    ));
    // Empty values at the end of an item, which the parser places at the next token.
    assert!(same_as_whole(
        "vnets:\n  - name: a\n    cidr:\n  - name: b\n    cidr:\n  # note\n  - c:\nclusters:\n- d:\n- e:\n"
    ));
    // Found by fuzzing (yaml_pieces): an explicit key whose value is empty ends an item.
    assert!(same_as_whole(
        "clusters:\n  - name: a\n    ?   max_pods: 30\n        vnet_subnet: nodes\n  - name: b\n"
    ));
    // Items level with their key, in every way a first item can start.
    for first in ["- name: c", "-", "- # hi\n  x", "- - a", "-   'q'"] {
        assert!(
            same_as_whole(&format!("version: 1\nclusters:\n{first}\n- x\n")),
            "{first}"
        );
    }
}

#[test]
fn every_fixture_parses_in_pieces_as_it_parses_whole() {
    let mut split = 0;
    for dir in ["examples", "tests/fixtures"] {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in walkdir(&root) {
            if entry.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let text = std::fs::read_to_string(&entry).unwrap_or_default();
                split += usize::from(same_as_whole(&text));
            }
        }
    }
    assert!(split > 20, "only {split} fixtures parsed in pieces");
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walkdir(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn texts_a_cut_by_lines_could_misread_are_left_to_the_whole_parse() {
    let cases = [
        // A quoted scalar over lines that look like items.
        "vnets:\n  - name: \"a\n  - b\"\n  - name: c\n",
        "vnets:\n  - name: 'a\n  - b'\n  - name: c\n",
        // A flow list over such lines.
        "vnets:\n  - [a,\n  - b]\n  - c\n",
        // Anchors and aliases, merge keys.
        "base: &b {name: x}\nvnets:\n  - *b\n  - name: y\n",
        "vnets:\n  - &b {name: x}\n  - *b\n",
        "vnets:\n  - <<: {name: x}\n  - name: y\n",
        "vnets:\n  - <<: 3\n    name: x\n  - name: y\n",
        // Keys written twice, in either style.
        "vnets:\n  - a\nvnets:\n  - b\n",
        "vnets:\n  - a\n\"vnets\":\n  - b\n",
        // A second document, a tab, odd indentation, a key inside a quoted scalar.
        "vnets:\n  - a\n---\nvnets:\n  - b\n",
        "vnets:\n  - a\n\t- b\n",
        "vnets:\n  - a\n - b\n",
        "vnets:\n    - a\n  - b\n",
        "d: \"x\nvnets:\n  - a\nclusters: y\"\n",
        // A root that is no mapping.
        "--- |\nvnets:\n  - a\n",
        "- vnets:\n  - a\n",
        // Not YAML at all.
        "vnets:\n  - a: [\n  - b\n",
        "vnets:\n  - a\n  - b: : :\n",
        "clusters:\n-\t- a\n- x\n",
    ];
    for text in cases {
        same_as_whole(text);
    }
    assert!(!same_as_whole("vnets:\n  - &b {name: x}\n  - *b\n"));
    assert!(!same_as_whole("vnets:\n  - name: \"a\n  - b\"\n  - name: c\n"));
}

#[test]
fn nesting_is_limited_as_deep_in_pieces_as_whole() {
    let deep = |n: usize| format!("vnets:\n  - a: {}{}\n  - b\n", "[".repeat(n), "]".repeat(n));
    for n in [
        crate::input::yaml::MAX_DEPTH - 4,
        crate::input::yaml::MAX_DEPTH - 3,
        crate::input::yaml::MAX_DEPTH - 2,
    ] {
        same_as_whole(&deep(n));
    }
}
