//! invalid-cidr: a CIDR or IP that does not parse, or is IPv6 where IPv4 is required.
//! The resolver calls these parsers so that a bad value is reported where it was written.

use crate::diagnostic::Finding;
use crate::diagnostic::Rule;
use crate::diagnostic::Span;
use ipnet::{IpNet, Ipv4Net};
use std::net::{IpAddr, Ipv4Addr};

/// A CIDR as written (host bits are `cidr-host-bits`' business, not a parse error).
pub fn parse_cidr(text: &str, span: Span) -> Result<Ipv4Net, Finding> {
    let text = text.trim();
    if text.is_empty() || text == "null" || text == "~" {
        return Err(Finding::new(Rule::InvalidCidr, span, "the CIDR is empty")
            .help("write an IPv4 prefix such as 10.240.0.0/16"));
    }
    if let Some(finding) = leading_zeros(text, span) {
        return Err(finding);
    }
    if let Ok(net) = text.parse::<Ipv4Net>() {
        return Ok(net);
    }
    let (message, help) = if text.parse::<IpNet>().is_ok()
        || text.parse::<IpAddr>().is_ok_and(|ip| ip.is_ipv6())
    {
        (
            format!("`{text}` is IPv6; cniplan plans IPv4 ranges"),
            "write the IPv4 range, such as 10.240.0.0/16; a dual-stack cluster's IPv6 ranges are not planned here"
                .to_string(),
        )
    } else if let Ok(ip) = text.parse::<Ipv4Addr>() {
        (
            format!("`{text}` has no prefix length"),
            format!("write the prefix length too, e.g. `{ip}/16`"),
        )
    } else {
        (
            format!("`{text}` is not a CIDR"),
            "write an IPv4 prefix such as 10.240.0.0/16".to_string(),
        )
    };
    Err(Finding::new(Rule::InvalidCidr, span, message).help(help))
}

/// `010.0.0.0/8`: some tools read a leading zero as octal, others drop it; Azure rejects it.
fn leading_zeros(text: &str, span: Span) -> Option<Finding> {
    let address = text.split('/').next()?;
    let octets: Vec<&str> = address.split('.').collect();
    let padded = octets.len() == 4 && octets.iter().any(|o| o.len() > 1 && o.starts_with('0'));
    padded.then(|| {
        let fixed: Vec<&str> = octets
            .iter()
            .map(|o| match o.trim_start_matches('0') {
                "" => "0",
                trimmed => trimmed,
            })
            .collect();
        let rest = &text[address.len()..];
        Finding::new(
            Rule::InvalidCidr,
            span,
            format!("`{text}` has octets with leading zeros"),
        )
        .help(format!(
            "write `{}{rest}`; some tools read a leading zero as octal",
            fixed.join(".")
        ))
    })
}

pub fn parse_ip(text: &str, span: Span) -> Result<Ipv4Addr, Finding> {
    let text = text.trim();
    if let Some(finding) = leading_zeros(text, span) {
        return Err(finding);
    }
    match text.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => Ok(ip),
        Ok(IpAddr::V6(_)) => Err(Finding::new(
            Rule::InvalidCidr,
            span,
            format!("`{text}` is IPv6; cniplan plans IPv4 ranges"),
        )
        .help("use an IPv4 address inside the service CIDR, conventionally its 10th address")),
        Err(_) => Err(
            Finding::new(Rule::InvalidCidr, span, format!("`{text}` is not an IP address"))
                .help("write an IPv4 address inside the service CIDR, conventionally its 10th address"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ipv4_and_explains_the_rest() {
        let span = Span::new(0, 1);
        assert_eq!(
            parse_cidr(" 10.1.0.0/16 ", span).unwrap().to_string(),
            "10.1.0.0/16"
        );
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
            .contains("not a CIDR"));
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
}
