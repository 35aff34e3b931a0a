//! Terraform's `cidrsubnet`, `cidrsubnets` and `cidrhost`, with its exact semantics: the
//! results, the limits and the cases it refuses (hashicorp/terraform `internal/lang/funcs/
//! cidr.go` over apparentlymart/go-cidr). Networking code computes most of its CIDRs with
//! these, so a result that differed from Terraform's by one bit would check the wrong estate.

use std::net::{Ipv4Addr, Ipv6Addr};

/// A parsed prefix: the network address (host bits cleared, as Go's `ParseCIDR` returns it),
/// its length and the address width (32 or 128).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Prefix {
    network: u128,
    len: u32,
    bits: u32,
}

impl Prefix {
    fn parse(text: &str) -> Result<Prefix, String> {
        let invalid = || format!("invalid CIDR expression: invalid CIDR address: {text}");
        let (ip, len) = text.split_once('/').ok_or_else(invalid)?;
        let (address, bits) = match parse_ipv4(ip) {
            Some(v4) => (u128::from(u32::from(v4)), 32),
            None => (u128::from(ip.parse::<Ipv6Addr>().map_err(|_| invalid())?), 128),
        };
        // Go accepts only decimal digits here, no sign, at most the address width.
        if len.is_empty() || len.len() > 3 || !len.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let len: u32 = len.parse().map_err(|_| invalid())?;
        if len > bits {
            return Err(invalid());
        }
        Ok(Prefix {
            network: address & mask(len, bits),
            len,
            bits,
        })
    }

    fn format(self) -> String {
        format!("{}/{}", format_ip(self.network, self.bits), self.len)
    }

    /// The last address of the prefix.
    fn last(self) -> u128 {
        self.network | !mask(self.len, self.bits) & all_ones(self.bits)
    }

    fn contains(self, address: u128) -> bool {
        address & mask(self.len, self.bits) == self.network
    }
}

/// `cidrsubnet(prefix, newbits, netnum)`.
pub fn cidrsubnet(prefix: &str, newbits: i128, netnum: i128) -> Result<String, String> {
    let base = Prefix::parse(prefix)?;
    let new_len = i128::from(base.len).saturating_add(newbits);
    if newbits < 0 || new_len > i128::from(base.bits) {
        return Err(format!(
            "insufficient address space to extend prefix of {} by {newbits}",
            base.len
        ));
    }
    let newbits = newbits as u32;
    // go-cidr compares the number as a uint64 against 2^newbits - 1, which a shift of 64
    // or more makes the largest uint64.
    let max = if newbits >= 64 {
        u128::from(u64::MAX)
    } else {
        (1u128 << newbits) - 1
    };
    if netnum < 0 || netnum as u128 > max {
        return Err(format!(
            "prefix extension of {newbits} does not accommodate a subnet numbered {netnum}"
        ));
    }
    let new_len = new_len as u32;
    let shift = base.bits - new_len;
    let number = if shift >= 128 {
        0
    } else {
        (netnum as u128) << shift
    };
    Ok(Prefix {
        network: (base.network | number) & all_ones(base.bits),
        len: new_len,
        bits: base.bits,
    }
    .format())
}

/// `cidrhost(prefix, hostnum)`: a negative number counts back from the last address.
pub fn cidrhost(prefix: &str, hostnum: i128) -> Result<String, String> {
    let base = Prefix::parse(prefix)?;
    let host_bits = base.bits - base.len;
    let max = if host_bits >= 128 {
        u128::MAX
    } else {
        (1u128 << host_bits) - 1
    };
    let too_big = || {
        format!(
            "prefix of {} does not accommodate a host numbered {hostnum}",
            base.len
        )
    };
    let number = if hostnum < 0 {
        let back = hostnum.unsigned_abs() - 1;
        if back > max {
            return Err(too_big());
        }
        max - back
    } else {
        if hostnum as u128 > max {
            return Err(too_big());
        }
        hostnum as u128
    };
    Ok(format_ip(base.network | number, base.bits))
}

/// `cidrsubnets(prefix, newbits...)`: consecutive subnets, each aligned to its own size.
pub fn cidrsubnets(prefix: &str, newbits: &[i128]) -> Result<Vec<String>, String> {
    let base = Prefix::parse(prefix)?;
    let Some(&first) = newbits.first() else {
        return Ok(Vec::new());
    };
    let first_len = clamp_len(i128::from(base.len).saturating_add(first), base.bits);
    // Terraform starts from the block of the first length just before the base prefix.
    let mut current = Prefix {
        network: base.network.wrapping_sub(1) & all_ones(base.bits) & mask(first_len, base.bits),
        len: first_len,
        bits: base.bits,
    };
    let mut out = Vec::with_capacity(newbits.len());
    for &extend in newbits {
        if extend < 1 {
            return Err("must extend prefix by at least one bit".to_string());
        }
        if extend > 32 {
            return Err("may not extend prefix by more than 32 bits".to_string());
        }
        let len = i128::from(base.len) + extend;
        if len > i128::from(base.bits) {
            let protocol = if base.bits == 32 { "IPv4" } else { "IPv6" };
            return Err(format!(
                "would extend prefix to {len} bits, which is too long for an {protocol} address"
            ));
        }
        let (next, rollover) = next_subnet(current, len as u32);
        if rollover || !base.contains(next.network) {
            return Err(format!(
                "not enough remaining address space for a subnet with a prefix of {len} bits after {}",
                current.format()
            ));
        }
        current = next;
        out.push(current.format());
    }
    Ok(out)
}

/// go-cidr's `NextSubnet`: the block of length `len` after the one holding `current`'s
/// last address; `true` when the address space wrapped around to zero.
fn next_subnet(current: Prefix, len: u32) -> (Prefix, bool) {
    let holding = Prefix {
        network: current.last() & mask(len, current.bits),
        len,
        bits: current.bits,
    };
    let next = holding.last().wrapping_add(1) & all_ones(current.bits);
    let next = Prefix {
        network: next & mask(len, current.bits),
        len,
        bits: current.bits,
    };
    (next, next.network == 0)
}

fn clamp_len(len: i128, bits: u32) -> u32 {
    len.clamp(0, i128::from(bits)) as u32
}

fn all_ones(bits: u32) -> u128 {
    if bits >= 128 {
        u128::MAX
    } else {
        (1u128 << bits) - 1
    }
}

/// The network mask of a prefix length, within the address width.
fn mask(len: u32, bits: u32) -> u128 {
    let host = bits - len.min(bits);
    if host >= 128 {
        0
    } else {
        all_ones(bits) & !((1u128 << host) - 1)
    }
}

/// Dotted IPv4 as Terraform's `ipaddr` reads it: four decimal parts of 1–3 digits, leading
/// zeros allowed (Go before 1.17, which Terraform kept for compatibility).
fn parse_ipv4(text: &str) -> Option<Ipv4Addr> {
    let mut octets = [0u8; 4];
    let mut parts = text.split('.');
    for octet in &mut octets {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *octet = part.parse().ok()?;
    }
    parts.next().is_none().then(|| Ipv4Addr::from(octets))
}

fn format_ip(address: u128, bits: u32) -> String {
    if bits == 32 {
        Ipv4Addr::from(address as u32).to_string()
    } else {
        Ipv6Addr::from(address).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of Terraform's documentation for each function.
    #[test]
    fn cidrsubnet_matches_terraform_documentation() {
        assert_eq!(cidrsubnet("172.16.0.0/12", 4, 2).unwrap(), "172.18.0.0/16");
        assert_eq!(cidrsubnet("10.1.2.0/24", 4, 15).unwrap(), "10.1.2.240/28");
        assert_eq!(
            cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162).unwrap(),
            "fd00:fd12:3456:7800:a200::/72"
        );
        // Host bits of the base are cleared first, as Go's ParseCIDR does.
        assert_eq!(cidrsubnet("10.0.5.7/16", 8, 1).unwrap(), "10.0.1.0/24");
        assert_eq!(cidrsubnet("10.0.0.0/16", 0, 0).unwrap(), "10.0.0.0/16");
        assert_eq!(cidrsubnet("010.001.0.0/16", 8, 3).unwrap(), "10.1.3.0/24");
    }

    #[test]
    fn cidrsubnet_refuses_what_terraform_refuses() {
        assert_eq!(
            cidrsubnet("10.0.0.0/24", 9, 0).unwrap_err(),
            "insufficient address space to extend prefix of 24 by 9"
        );
        assert_eq!(
            cidrsubnet("10.0.0.0/16", 8, 256).unwrap_err(),
            "prefix extension of 8 does not accommodate a subnet numbered 256"
        );
        assert!(cidrsubnet("10.0.0.0/16", 8, -1).is_err());
        assert!(cidrsubnet("10.0.0.0", 8, 1).is_err());
        assert!(cidrsubnet("10.0.0.0/33", 1, 1).is_err());
        assert!(cidrsubnet("10.0.0.256/8", 1, 1).is_err());
    }

    #[test]
    fn cidrhost_matches_terraform_documentation() {
        assert_eq!(cidrhost("10.12.112.0/20", 16).unwrap(), "10.12.112.16");
        assert_eq!(cidrhost("10.12.112.0/20", 268).unwrap(), "10.12.113.12");
        assert_eq!(
            cidrhost("fd00:fd12:3456:7890:00a2::/72", 34).unwrap(),
            "fd00:fd12:3456:7890::22"
        );
        // Negative numbers count back from the last address: -1 is the broadcast address.
        assert_eq!(cidrhost("10.0.0.0/24", -1).unwrap(), "10.0.0.255");
        assert_eq!(cidrhost("10.0.0.0/24", -256).unwrap(), "10.0.0.0");
        assert_eq!(cidrhost("10.0.0.0/24", 255).unwrap(), "10.0.0.255");
        assert_eq!(cidrhost("10.2.0.0/24", 10).unwrap(), "10.2.0.10");
    }

    #[test]
    fn cidrhost_refuses_numbers_beyond_the_prefix() {
        assert_eq!(
            cidrhost("10.0.0.0/24", 256).unwrap_err(),
            "prefix of 24 does not accommodate a host numbered 256"
        );
        assert!(cidrhost("10.0.0.0/24", -257).is_err());
        assert_eq!(cidrhost("10.0.0.0/32", 0).unwrap(), "10.0.0.0");
        assert!(cidrhost("10.0.0.0/32", 1).is_err());
    }

    #[test]
    fn cidrsubnets_matches_terraform_documentation() {
        assert_eq!(
            cidrsubnets("10.1.0.0/16", &[4, 4, 8, 4]).unwrap(),
            ["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]
        );
        assert_eq!(
            cidrsubnets("fd00:fd12:3456:7890::/56", &[16, 16, 16, 32]).unwrap(),
            [
                "fd00:fd12:3456:7800::/72",
                "fd00:fd12:3456:7800:100::/72",
                "fd00:fd12:3456:7800:200::/72",
                "fd00:fd12:3456:7800:300::/88"
            ]
        );
        // A larger block after a smaller one starts at the next boundary of its own size.
        assert_eq!(
            cidrsubnets("10.0.0.0/16", &[8, 4]).unwrap(),
            ["10.0.0.0/24", "10.0.16.0/20"]
        );
        assert_eq!(cidrsubnets("10.0.0.0/16", &[]).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn cidrsubnets_refuses_what_terraform_refuses() {
        assert_eq!(
            cidrsubnets("10.0.0.0/24", &[1, 1, 1]).unwrap_err(),
            "not enough remaining address space for a subnet with a prefix of 25 bits after 10.0.0.128/25"
        );
        assert_eq!(
            cidrsubnets("10.0.0.0/24", &[0]).unwrap_err(),
            "must extend prefix by at least one bit"
        );
        assert_eq!(
            cidrsubnets("10.0.0.0/24", &[9]).unwrap_err(),
            "would extend prefix to 33 bits, which is too long for an IPv4 address"
        );
        assert!(cidrsubnets("fd00::/8", &[33]).is_err());
        // go-cidr reports the block after 255.255.255.255 as a rollover; Terraform keeps
        // that for a base at address zero.
        assert!(cidrsubnets("0.0.0.0/8", &[8]).is_err());
    }
}
