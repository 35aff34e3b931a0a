//! invalid-cidr: a CIDR or IP that does not parse, or is IPv6 where IPv4 is required.
//! The resolver calls these parsers so that a bad value is reported where it was written.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use ipnet::{IpNet, Ipv4Net};
use std::net::{IpAddr, Ipv4Addr};

/// An IPv6 CIDR as written: the second family of a dual-stack cluster's pod and service
/// CIDRs.
pub fn parse_cidr6(text: &str, span: Span) -> Result<ipnet::Ipv6Net, Box<Finding>> {
    text.parse::<ipnet::Ipv6Net>().map_err(|_| {
        Box::new(
            Finding::new(
                Rule::InvalidCidr,
                span,
                format!("`{}` is no IPv6 prefix", crate::source::visible(text)),
            )
            .help("write an IPv6 prefix such as fd12:3456:789a::/64 (the IPv4 one comes first)"),
        )
    })
}

/// A CIDR as written (host bits are `cidr-host-bits`' business, not a parse error).
pub fn parse_cidr(text: &str, span: Span) -> Result<Ipv4Net, Box<Finding>> {
    // Azure and the azurerm provider refuse a prefix with anything around it: a Terraform
    // heredoc's value ends in its line break, which no trimming of cniplan's may hide.
    let trimmed = text.trim();
    if trimmed.len() != text.len() && trimmed.parse::<Ipv4Net>().is_ok() {
        let around = if text.contains(['\n', '\r']) {
            "a line break"
        } else {
            "spaces"
        };
        return Err(Box::new(
            Finding::new(
                Rule::InvalidCidr,
                span,
                format!(
                    "`{}` has {around} around it; Azure refuses the prefix",
                    crate::source::visible(text)
                ),
            )
            .help(format!(
                "write `{trimmed}`; a heredoc's value ends in its line break (`chomp(<<EOT … EOT)` drops it)"
            )),
        ));
    }
    let text = trimmed;
    // ipnet reads `010.0.0.0/8` as 10.0.0.0/8; Azure refuses it, so it is explained below.
    if let Ok(net) = text.parse::<Ipv4Net>() {
        if !padded(text) {
            return Ok(net);
        }
    }
    let (message, help) = cidr_refusal(text);
    Err(Box::new(
        Finding::new(Rule::InvalidCidr, span, message).help(help),
    ))
}

/// `auto` or `auto/22` (any case), a subnet whose range cniplan chooses: `Some(Ok(None))` for
/// `auto`, `Some(Ok(Some(22)))` for `auto/22`, an invalid-cidr finding for a prefix that is
/// no prefix, and `None` for anything else (a CIDR to parse as one).
pub fn parse_auto(text: &str, span: Span) -> Option<Result<Option<u8>, Finding>> {
    let text = text.trim();
    // Nearly every subnet has a real CIDR: answer those without searching the text.
    if !text
        .as_bytes()
        .first()
        .is_some_and(|b| b.eq_ignore_ascii_case(&b'a'))
    {
        return None;
    }
    let (word, prefix) = match text.split_once('/') {
        Some((word, prefix)) => (word, Some(prefix)),
        None => (text, None),
    };
    if !word.trim().eq_ignore_ascii_case("auto") {
        return None;
    }
    let Some(prefix) = prefix else {
        return Some(Ok(None));
    };
    Some(match prefix_length(prefix) {
        Some(length) => Ok(Some(length as u8)),
        None => Err(Finding::new(
            Rule::InvalidCidr,
            span,
            format!("`{text}` asks for a subnet of prefix length `{prefix}`, which is not 0 to 32"),
        )
        .help("write `auto` to size the subnet from its peak, or `auto/22` for a /22 placed by cniplan")),
    })
}

/// `ipam/24` (any case): a subnet whose address Azure Virtual Network Manager's IPAM
/// assigns when it is deployed, of the prefix length given (the ARM and Terraform readers
/// write it from the number of addresses asked for). `None` for anything else.
pub fn parse_assigned(text: &str) -> Option<u8> {
    let (word, prefix) = text.trim().split_once('/')?;
    if !word.trim().eq_ignore_ascii_case("ipam") {
        return None;
    }
    prefix_length(prefix).map(|p| p as u8)
}

/// Why `text` is not an IPv4 CIDR, and how to write it: (message, help).
fn cidr_refusal(text: &str) -> (String, String) {
    const EXAMPLE: &str = "10.240.0.0/16";
    if text.is_empty() || text == "null" || text == "~" {
        return (
            "the CIDR is empty".to_string(),
            format!("write an IPv4 prefix such as {EXAMPLE}"),
        );
    }
    if let Some(refusal) = spaces(
        text,
        |t| t.parse::<Ipv4Net>().is_ok() && !padded(t),
        "an IPv4 prefix such as `10.240.0.0/16`",
    ) {
        return refusal;
    }
    if matches!(text.parse::<IpNet>(), Ok(IpNet::V6(_)))
        || text.parse::<IpAddr>().is_ok_and(|ip| ip.is_ipv6())
    {
        return (
            format!("`{text}` is IPv6; cniplan plans IPv4 ranges"),
            format!(
                "write the IPv4 range, such as {EXAMPLE}; IPv6 ranges are a dual-stack cluster's, listed after the IPv4 one in `pod_cidrs` and `service_cidrs`"
            ),
        );
    }
    if let Some(refusal) = leading_zeros(text) {
        return refusal;
    }
    match text.split_once('/') {
        None => match text.parse::<Ipv4Addr>() {
            Ok(ip) => (
                format!("`{text}` has no prefix length"),
                format!(
                    "write the prefix length too, such as `{ip}/{}`",
                    natural_prefix(ip)
                ),
            ),
            Err(_) => (
                format!("`{text}` is not a CIDR"),
                format!("write an IPv4 prefix such as {EXAMPLE}"),
            ),
        },
        Some(("", prefix)) => (
            format!("`{text}` has no address before the `/`"),
            format!(
                "write the range's first address too, such as `10.240.0.0/{}`",
                prefix_length(prefix).unwrap_or(16)
            ),
        ),
        Some((address, prefix)) => halves_refusal(text, address, prefix),
    }
}

/// Why `address/prefix` is not a CIDR when both halves are written.
fn halves_refusal(text: &str, address: &str, prefix: &str) -> (String, String) {
    let ip = address.parse::<Ipv4Addr>();
    let prefix_help = |ip: Result<Ipv4Addr, _>| match ip {
        Ok(ip) => format!(
            "write a prefix length from 0 to 32, such as `{ip}/{}`",
            natural_prefix(ip)
        ),
        Err(_) => "write a prefix length from 0 to 32, such as `10.240.0.0/16`".to_string(),
    };
    if prefix.is_empty() {
        let example = ip.map_or("10.240.0.0/16".to_string(), |ip| {
            format!("{ip}/{}", natural_prefix(ip))
        });
        return (
            format!("`{text}` has no prefix length after the `/`"),
            format!("write the prefix length too, such as `{example}`"),
        );
    }
    if !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return (
            format!("`{text}` has prefix length `{prefix}`, which is not a number"),
            prefix_help(ip),
        );
    }
    // A run of digits too long for u32 is out of range all the same.
    if prefix.parse::<u32>().map_or(true, |length| length > 32) {
        return (
            format!("`{text}` has prefix length {prefix}; an IPv4 prefix length is 0 to 32"),
            prefix_help(ip),
        );
    }
    let written_prefix = prefix_length(prefix).unwrap_or(16);
    match ip {
        Err(_) => (
            format!("`{text}` is not a CIDR: `{address}` is not an IPv4 address"),
            format!(
                "write four numbers from 0 to 255 separated by dots, such as `10.240.0.0/{written_prefix}`"
            ),
        ),
        Ok(ip) => (
            format!("`{text}` is not a CIDR"),
            format!("write `{ip}/{written_prefix}`"),
        ),
    }
}

/// A prefix length as Azure reads it: digits only (`+16` and ` 16` are numbers to Rust's
/// parser, not to Azure), 0 to 32.
fn prefix_length(prefix: &str) -> Option<u32> {
    let digits = !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| prefix.parse::<u32>().ok())
        .flatten()
        .filter(|&l| l <= 32)
}

/// The longest whole-octet prefix that leaves `ip` without host bits (/8 at the shortest),
/// so an example fix reads as the user meant it: `10.1.2.0` gives 24, `10.240.0.0` 16.
fn natural_prefix(ip: Ipv4Addr) -> u32 {
    let zero_octets = ip.octets().iter().rev().take_while(|&&o| o == 0).count().min(3);
    32 - 8 * zero_octets as u32
}

/// `10.1.2.0 / 24`: a space is never part of an address, and other tools split on it.
/// `parses` says whether the text without spaces is right; `kind` is what to write instead.
fn spaces(text: &str, parses: impl Fn(&str) -> bool, kind: &str) -> Option<(String, String)> {
    if !text.contains(char::is_whitespace) {
        return None;
    }
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let help = if parses(&joined) {
        format!("write `{joined}`")
    } else {
        format!("write it without spaces, as {kind}")
    };
    Some((format!("`{text}` has spaces in it"), help))
}

/// Whether an octet of the address before any `/` has a leading zero (checked on every
/// CIDR of a plan, so it allocates nothing).
fn padded(text: &str) -> bool {
    // Bytes, not `split`: every CIDR of a plan passes here, 100,000 in an estate.
    let address = text.as_bytes().split(|&b| b == b'/').next().unwrap_or_default();
    address
        .split(|&b| b == b'.')
        .any(|octet| octet.len() > 1 && octet[0] == b'0')
}

/// `010.0.0.0/8`: some tools read a leading zero as octal, others drop it; Azure rejects it.
fn leading_zeros(text: &str) -> Option<(String, String)> {
    let address = text.split('/').next()?;
    let octets: Vec<&str> = address.split('.').collect();
    (octets.len() == 4 && padded(address)).then(|| {
        let fixed: Vec<&str> = octets
            .iter()
            .map(|o| match o.trim_start_matches('0') {
                "" => "0",
                trimmed => trimmed,
            })
            .collect();
        let rest = &text[address.len()..];
        (
            format!("`{text}` has octets with leading zeros"),
            format!(
                "write `{}{rest}`; some tools read a leading zero as octal",
                fixed.join(".")
            ),
        )
    })
}

pub fn parse_ip(text: &str, span: Span) -> Result<Ipv4Addr, Box<Finding>> {
    let text = text.trim();
    let fixable = spaces(
        text,
        |t| t.parse::<Ipv4Addr>().is_ok(),
        "an IPv4 address inside the service CIDR",
    )
    .or_else(|| leading_zeros(text));
    if let Some((message, help)) = fixable {
        return Err(Box::new(
            Finding::new(Rule::InvalidCidr, span, message).help(help),
        ));
    }
    match text.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => Ok(ip),
        Ok(IpAddr::V6(_)) => Err(Box::new(
            Finding::new(
                Rule::InvalidCidr,
                span,
                format!("`{text}` is IPv6; cniplan plans IPv4 ranges"),
            )
            .help("use an IPv4 address inside the service CIDR, conventionally its 10th address"),
        )),
        Err(_) => Err(Box::new(
            Finding::new(Rule::InvalidCidr, span, format!("`{text}` is not an IP address"))
                .help("write an IPv4 address inside the service CIDR, conventionally its 10th address"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_asks_cniplan_for_a_range() {
        let span = Span::new(0, 1);
        assert_eq!(parse_auto("auto", span), Some(Ok(None)));
        assert_eq!(parse_auto(" Auto/22 ", span), Some(Ok(Some(22))));
        assert!(parse_auto("auto/33", span).is_some_and(|r| r.is_err()));
        assert!(parse_auto("auto/", span).is_some_and(|r| r.is_err()));
        assert_eq!(parse_auto("10.0.0.0/16", span), None);
        assert_eq!(parse_auto("automatic", span), None);
    }

    #[test]
    fn parses_ipv4_and_explains_the_rest() {
        let span = Span::new(0, 1);
        // Azure refuses a prefix with spaces or a line break around it (a heredoc's value).
        let around = parse_cidr("10.1.0.0/16\n", span).unwrap_err();
        assert_eq!(
            around.message,
            "`10.1.0.0/16\\u{a}` has a line break around it; Azure refuses the prefix"
        );
        assert!(around.help.unwrap().starts_with("write `10.1.0.0/16`"));
        assert!(parse_cidr(" 10.1.0.0/16 ", span)
            .unwrap_err()
            .message
            .contains("has spaces around it"));
        assert!(
            parse_cidr("10.1.2.3/16", span).is_ok(),
            "host bits are another rule's"
        );
        assert!(parse_cidr("fd00::/8", span).unwrap_err().message.contains("IPv6"));
        assert!(parse_cidr("10.0.0.0", span)
            .unwrap_err()
            .message
            .contains("no prefix length"));
        assert!(parse_cidr("10.0.0.0/33", span)
            .unwrap_err()
            .message
            .contains("0 to 32"));
        assert!(parse_cidr("300.0.0.0/8", span).is_err());
        assert!(parse_ip("::1", span).unwrap_err().message.contains("IPv6"));
        assert!(parse_cidr("010.0.0.0/8", span)
            .unwrap_err()
            .help
            .unwrap()
            .contains("`10.0.0.0/8`"));
        assert!(parse_ip("172.016.0.10", span)
            .unwrap_err()
            .message
            .contains("leading zeros"));
        assert!(parse_cidr("", span).unwrap_err().message.contains("empty"));
        assert_eq!(parse_ip("10.0.0.10", span).unwrap(), Ipv4Addr::new(10, 0, 0, 10));
    }

    /// The message and the help of the finding for a CIDR that does not parse.
    fn refusal(text: &str) -> (String, String) {
        let finding = parse_cidr(text, Span::new(0, 1)).unwrap_err();
        (finding.message, finding.help.unwrap_or_default().into_string())
    }

    fn pair(message: &str, help: &str) -> (String, String) {
        (message.to_string(), help.to_string())
    }

    #[test]
    fn a_cidr_with_spaces_says_so_and_writes_it_without() {
        assert_eq!(
            refusal("10.1.2.0 / 24"),
            pair("`10.1.2.0 / 24` has spaces in it", "write `10.1.2.0/24`")
        );
        assert_eq!(
            refusal("10.1. 2.0/24"),
            pair("`10.1. 2.0/24` has spaces in it", "write `10.1.2.0/24`")
        );
        assert_eq!(
            refusal("10.1.2.0 / 99"),
            pair(
                "`10.1.2.0 / 99` has spaces in it",
                "write it without spaces, as an IPv4 prefix such as `10.240.0.0/16`"
            )
        );
        assert_eq!(
            parse_ip(" 10.0.0. 10", Span::new(0, 1)).unwrap_err().help,
            Some("write `10.0.0.10`".into())
        );
    }

    #[test]
    fn a_prefix_length_is_0_to_32() {
        assert_eq!(
            refusal("10.10.0.0/33"),
            pair(
                "`10.10.0.0/33` has prefix length 33; an IPv4 prefix length is 0 to 32",
                "write a prefix length from 0 to 32, such as `10.10.0.0/16`"
            )
        );
        assert!(refusal("10.10.0.0/4294967296")
            .0
            .contains("prefix length 4294967296"));
        assert_eq!(
            refusal("10.10.0.0/x"),
            pair(
                "`10.10.0.0/x` has prefix length `x`, which is not a number",
                "write a prefix length from 0 to 32, such as `10.10.0.0/16`"
            )
        );
    }

    #[test]
    fn a_missing_half_is_named() {
        assert_eq!(
            refusal("10.1.2.0/"),
            pair(
                "`10.1.2.0/` has no prefix length after the `/`",
                "write the prefix length too, such as `10.1.2.0/24`"
            )
        );
        assert_eq!(
            refusal("/24"),
            pair(
                "`/24` has no address before the `/`",
                "write the range's first address too, such as `10.240.0.0/24`"
            )
        );
        assert_eq!(
            refusal("10.0.0.0"),
            pair(
                "`10.0.0.0` has no prefix length",
                "write the prefix length too, such as `10.0.0.0/8`"
            )
        );
        assert_eq!(
            refusal("300.0.0.0/8"),
            pair(
                "`300.0.0.0/8` is not a CIDR: `300.0.0.0` is not an IPv4 address",
                "write four numbers from 0 to 255 separated by dots, such as `10.240.0.0/8`"
            )
        );
    }
}
