//! The three ways a plan names a subnet (SPEC §2): `name`, `vnet/subnet`, or an Azure
//! resource ID as `az aks create --vnet-subnet-id` takes it.

#[derive(Debug, PartialEq, Eq)]
pub enum SubnetRef<'a> {
    /// A bare subnet name, looked up in the cluster's VNet, else anywhere when unique.
    Name(&'a str),
    /// `vnet/subnet`, or the VNet and subnet segments of a resource ID.
    Qualified { vnet: &'a str, subnet: &'a str },
    /// Text that is none of the three forms; the reason says why.
    Malformed(&'static str),
}

pub fn parse(text: &str) -> SubnetRef<'_> {
    let text = text.trim();
    if text.starts_with('/') {
        return parse_resource_id(text);
    }
    match text.split_once('/') {
        None if text.is_empty() => SubnetRef::Malformed("the reference is empty"),
        None => SubnetRef::Name(text),
        Some((vnet, subnet)) if !vnet.is_empty() && !subnet.is_empty() && !subnet.contains('/') => {
            SubnetRef::Qualified { vnet, subnet }
        }
        Some(_) => SubnetRef::Malformed("expected `subnet`, `vnet/subnet` or a subnet resource ID"),
    }
}

/// `/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/V/subnets/S`;
/// Azure treats the segment names case-insensitively, and so do we.
fn parse_resource_id(text: &str) -> SubnetRef<'_> {
    let segments: Vec<&str> = text.trim_end_matches('/').split('/').collect();
    let after = |name: &str| {
        segments
            .iter()
            .position(|s| s.eq_ignore_ascii_case(name))
            .and_then(|i| segments.get(i + 1))
            .copied()
            .filter(|s| !s.is_empty())
    };
    match (after("virtualNetworks"), after("subnets")) {
        (Some(vnet), Some(subnet)) => SubnetRef::Qualified { vnet, subnet },
        _ => SubnetRef::Malformed(
            "a subnet resource ID ends in `/providers/Microsoft.Network/virtualNetworks/VNET/subnets/SUBNET`",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_three_forms() {
        assert_eq!(parse("podsubnet"), SubnetRef::Name("podsubnet"));
        assert_eq!(
            parse("hub/nodes"),
            SubnetRef::Qualified {
                vnet: "hub",
                subnet: "nodes"
            }
        );
        let id = "/subscriptions/aaaa/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/myVirtualNetwork/subnets/podsubnet";
        assert_eq!(
            parse(id),
            SubnetRef::Qualified {
                vnet: "myVirtualNetwork",
                subnet: "podsubnet"
            }
        );
        let lower =
            "/subscriptions/a/resourcegroups/rg/providers/microsoft.network/virtualnetworks/v/subnets/s/";
        assert_eq!(
            parse(lower),
            SubnetRef::Qualified {
                vnet: "v",
                subnet: "s"
            }
        );
    }

    #[test]
    fn rejects_what_is_none_of_them() {
        assert!(matches!(parse(""), SubnetRef::Malformed(_)));
        assert!(matches!(parse("a/b/c"), SubnetRef::Malformed(_)));
        assert!(matches!(
            parse("/subscriptions/a/resourceGroups/rg"),
            SubnetRef::Malformed(_)
        ));
        assert!(matches!(parse("/x"), SubnetRef::Malformed(_)));
    }
}
