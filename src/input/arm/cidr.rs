//! `cidrSubnet`, `cidrHost` and `parseCidr` (template-functions-cidr.md), for IPv4: what
//! templates use to carve a VNet's range into subnets.

use super::value::Val;
use crate::diagnostic::Span;
use ipnet::Ipv4Net;
use std::net::Ipv4Addr;

pub fn call<'a>(name: &str, args: &[Val<'a>], span: Span) -> Val<'a> {
    let Some(net) = args
        .first()
        .and_then(Val::as_str)
        .and_then(|s| s.trim().parse::<Ipv4Net>().ok())
    else {
        return Val::unknown(format!("`{name}()` of a range that is no IPv4 CIDR"), span);
    };
    let int = |i: usize| args.get(i).and_then(Val::as_int);
    match (name, int(1), int(2)) {
        ("cidrsubnet", Some(new_prefix), Some(index)) => subnet(net, new_prefix, index, span),
        ("cidrhost", Some(index), _) => host(net, index, span),
        ("parsecidr", _, _) => parse(net, span),
        _ => Val::unknown(
            format!("a call of `{name}()` with arguments it does not take"),
            span,
        ),
    }
}

/// The `index`-th block of size `/new_prefix` counted from the network address.
fn subnet<'a>(net: Ipv4Net, new_prefix: i64, index: i64, span: Span) -> Val<'a> {
    let prefix = net.prefix_len() as i64;
    if !(prefix..=32).contains(&new_prefix) {
        return Val::unknown(
            format!("`cidrSubnet()` to /{new_prefix}, outside /{prefix}../32"),
            span,
        );
    }
    let blocks = 1u64 << (new_prefix - prefix);
    let Ok(index) = u64::try_from(index) else {
        return Val::unknown("`cidrSubnet()` with a negative index", span);
    };
    if index >= blocks {
        return Val::unknown(format!("`cidrSubnet()` block {index} of {blocks}"), span);
    }
    let size = 1u64 << (32 - new_prefix);
    let start = u64::from(u32::from(net.network())) + index * size;
    let addr = Ipv4Addr::from(start as u32);
    Val::str(format!("{addr}/{new_prefix}"), span)
}

/// The `index`-th usable host: for IPv4 the network address is skipped, so 0 is `.1`.
fn host<'a>(net: Ipv4Net, index: i64, span: Span) -> Val<'a> {
    let hosts = (1u64 << (32 - net.prefix_len())).saturating_sub(2).max(1);
    match u64::try_from(index) {
        Ok(i) if i < hosts => {
            let addr = u64::from(u32::from(net.network())) + 1 + i;
            Val::str(Ipv4Addr::from(addr as u32).to_string(), span)
        }
        _ => Val::unknown(format!("`cidrHost()` index {index}, outside the range"), span),
    }
}

fn parse<'a>(net: Ipv4Net, span: Span) -> Val<'a> {
    let s = |text: String| Val::str(text, span);
    let network = u32::from(net.network());
    let broadcast = u32::from(net.broadcast());
    let (first, last) = if net.prefix_len() >= 31 {
        (network, broadcast)
    } else {
        (network + 1, broadcast - 1)
    };
    Val::object(
        vec![
            ("network".into(), s(net.network().to_string())),
            ("netmask".into(), s(net.netmask().to_string())),
            ("broadcast".into(), s(net.broadcast().to_string())),
            ("firstUsable".into(), s(Ipv4Addr::from(first).to_string())),
            ("lastUsable".into(), s(Ipv4Addr::from(last).to_string())),
            ("cidr".into(), Val::int(i64::from(net.prefix_len()), span)),
        ],
        span,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, args: &[Val<'static>]) -> Val<'static> {
        call(name, args, Span::default())
    }

    fn s(t: &str) -> Val<'static> {
        Val::str(t, Span::default())
    }

    fn i(n: i64) -> Val<'static> {
        Val::int(n, Span::default())
    }

    #[test]
    fn the_documented_examples() {
        // template-functions-cidr.md: cidrSubnet('10.144.0.0/20', 24, i) for i = 0..4.
        for k in 0..5 {
            let got = run("cidrsubnet", &[s("10.144.0.0/20"), i(24), i(k)]);
            assert_eq!(got.as_str(), Some(format!("10.144.{k}.0/24").as_str()));
        }
        assert_eq!(
            run("cidrsubnet", &[s("10.50.0.0/16"), i(23), i(1)]).as_str(),
            Some("10.50.2.0/23")
        );
        assert_eq!(
            run("cidrhost", &[s("10.144.3.0/24"), i(0)]).as_str(),
            Some("10.144.3.1")
        );
        assert_eq!(
            run("cidrhost", &[s("10.144.3.0/24"), i(4)]).as_str(),
            Some("10.144.3.5")
        );
        let p = run("parsecidr", &[s("10.144.0.0/20")]);
        assert_eq!(p.get("broadcast").unwrap().as_str(), Some("10.144.15.255"));
        assert_eq!(p.get("lastUsable").unwrap().as_str(), Some("10.144.15.254"));
        assert_eq!(p.get("cidr").unwrap().as_int(), Some(20));
    }

    #[test]
    fn out_of_range_is_unknown() {
        assert!(run("cidrsubnet", &[s("10.0.0.0/16"), i(8), i(0)])
            .unknown_reason()
            .is_some());
        assert!(run("cidrsubnet", &[s("10.0.0.0/16"), i(24), i(256)])
            .unknown_reason()
            .is_some());
        assert!(run("cidrsubnet", &[s("10.0.0.0/16"), i(24), i(-1)])
            .unknown_reason()
            .is_some());
        assert!(run("cidrhost", &[s("10.0.0.0/30"), i(2)])
            .unknown_reason()
            .is_some());
        assert!(run("cidrsubnet", &[s("fd00::/8"), i(16), i(0)])
            .unknown_reason()
            .is_some());
    }
}
