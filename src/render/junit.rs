//! `--format junit`: JUnit XML for CI systems that show test reports. Each plan file is a test
//! suite and each registered rule a test case in it, so a rule that stays quiet shows as a
//! pass; a rule that fires fails with one `<failure>` per finding.

use crate::check::FileReport;
use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::source::SourceFile;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;
use std::borrow::Cow;
use std::io;

pub fn render(reports: &[FileReport]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = write_document(&mut writer, reports);
    let mut text = String::from_utf8(writer.into_inner()).unwrap_or_default();
    text.push('\n');
    text
}

fn write_document(writer: &mut Writer<Vec<u8>>, reports: &[FileReport]) -> io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let suites: Vec<Suite> = reports.iter().map(Suite::of).collect();
    let tests: usize = suites.iter().map(|s| s.cases.len()).sum();
    let failures: usize = suites.iter().map(Suite::failures).sum();
    let root = element(
        "testsuites",
        &[
            ("name", "cniplan"),
            ("tests", &tests.to_string()),
            ("failures", &failures.to_string()),
        ],
    );
    writer.write_event(Event::Start(root))?;
    for suite in &suites {
        write_suite(writer, suite)?;
    }
    writer.write_event(Event::End(BytesEnd::new("testsuites")))
}

/// One plan file: every rule with the findings it reported there.
struct Suite<'a> {
    source: &'a SourceFile,
    cases: Vec<(Rule, Vec<&'a Finding>)>,
}

impl<'a> Suite<'a> {
    fn of(report: &'a FileReport) -> Self {
        let cases = Rule::ALL
            .iter()
            .map(|&rule| (rule, report.findings.iter().filter(|f| f.rule == rule).collect()))
            .collect();
        Suite {
            source: &report.source,
            cases,
        }
    }

    /// Test cases that failed, as JUnit counts them: a rule with three findings is one
    /// failed test carrying three `<failure>` elements.
    fn failures(&self) -> usize {
        self.cases
            .iter()
            .filter(|(_, findings)| !findings.is_empty())
            .count()
    }
}

fn write_suite(writer: &mut Writer<Vec<u8>>, suite: &Suite) -> io::Result<()> {
    let path = suite.source.path.as_str();
    let tests = suite.cases.len().to_string();
    let failures = suite.failures().to_string();
    let start = element(
        "testsuite",
        &[("name", path), ("tests", &tests), ("failures", &failures)],
    );
    writer.write_event(Event::Start(start))?;
    for (rule, findings) in &suite.cases {
        let case = element("testcase", &[("classname", path), ("name", rule.name())]);
        if findings.is_empty() {
            writer.write_event(Event::Empty(case))?;
            continue;
        }
        writer.write_event(Event::Start(case))?;
        for finding in findings {
            write_failure(writer, suite.source, finding)?;
        }
        writer.write_event(Event::End(BytesEnd::new("testcase")))?;
    }
    writer.write_event(Event::End(BytesEnd::new("testsuite")))
}

fn write_failure(writer: &mut Writer<Vec<u8>>, source: &SourceFile, finding: &Finding) -> io::Result<()> {
    let failure = element(
        "failure",
        &[("message", &finding.message), ("type", finding.severity.as_str())],
    );
    writer.write_event(Event::Start(failure))?;
    let place = match finding.span {
        Some(span) => format!("{}:{}", source.path, source.position(span.start)),
        None => source.path.clone(),
    };
    let mut text = escape(&format!("{place}: {}", finding.message), false);
    // The help on a line of its own: this line break is cniplan's, so it is not escaped.
    if let Some(help) = &finding.help {
        text.push('\n');
        text.push_str(&escape(help, false));
    }
    writer.write_event(Event::Text(BytesText::from_escaped(text)))?;
    writer.write_event(Event::End(BytesEnd::new("failure")))
}

fn element<'a>(name: &'a str, attributes: &[(&'static str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for &(key, value) in attributes {
        start.push_attribute(Attribute {
            key: QName(key.as_bytes()),
            value: Cow::Owned(escape(value, true).into_bytes()),
        });
    }
    start
}

/// Text from the plan (paths, messages naming its values) as a CI system shows it: control
/// characters and bidi overrides as `\u{1b}` (`source::visible`), as on a terminal, since
/// JUnit viewers print them raw; then quick-xml's escaping, plus what it leaves to the
/// reader: characters XML 1.0 cannot hold at all become U+FFFD, and tabs in attributes a
/// character reference so that a reader's whitespace normalization cannot change them.
fn escape(text: &str, attribute: bool) -> String {
    let valid: String = crate::source::visible(text)
        .chars()
        .map(|c| {
            if allowed_in_xml(c) {
                c
            } else {
                char::REPLACEMENT_CHARACTER
            }
        })
        .collect();
    let escaped = quick_xml::escape::escape(valid.as_str()).into_owned();
    if attribute {
        escaped.replace('\t', "&#9;")
    } else {
        escaped
    }
}

/// XML 1.0's `Char` production (after `visible`, only the tab and U+FFFE, U+FFFF remain to
/// check).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping_shows_controls_and_drops_what_xml_cannot_hold() {
        assert_eq!(escape("a<b & \"c\"", false), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(escape("a\nb\tc\r", true), "a\\u{a}b&#9;c\\u{d}");
        assert_eq!(escape("bell\u{7}\u{202e}", false), "bell\\u{7}\\u{202e}");
        assert_eq!(
            escape("not a character\u{FFFF}", false),
            "not a character\u{FFFD}"
        );
    }
}
