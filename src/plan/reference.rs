//! The three ways a plan names a subnet (docs/plan-format.md): `name`, `vnet/subnet`, or an Azure
//! resource ID as `az aks create --vnet-subnet-id` takes it. Each may end in one `/`.

#[derive(Debug, PartialEq, Eq)]
pub enum SubnetRef<'a> {
    /// A bare subnet name, looked up in the cluster's VNet, else anywhere when unique.
    Name(&'a str),
    /// `vnet/subnet`, or the resource group, VNet and subnet segments of a resource ID.
    Qualified {
        resource_group: Option<&'a str>,
        vnet: &'a str,
        subnet: &'a str,
    },
    /// Text that is none of the three forms; the reason says why.
    Malformed(&'static str),
}

pub fn parse(text: &str) -> SubnetRef<'_> {
    let text = text.trim();
    if text.starts_with('/') {
        return parse_resource_id(text);
    }
    let text = text.strip_suffix('/').unwrap_or(text);
    match text.split_once('/') {
        None if text.is_empty() => SubnetRef::Malformed("the reference is empty"),
        None => SubnetRef::Name(text),
        Some((vnet, subnet)) if !vnet.is_empty() && !subnet.is_empty() && !subnet.contains('/') => {
            SubnetRef::Qualified {
                resource_group: None,
                vnet,
                subnet,
            }
        }
        Some(_) => SubnetRef::Malformed("expected `subnet`, `vnet/subnet` or a subnet resource ID"),
    }
}

/// `/subscriptions/…/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/S`;
/// Azure treats the segment names case-insensitively, and so do we.
fn parse_resource_id(text: &str) -> SubnetRef<'_> {
    let id = ResourceId::new(text.strip_suffix('/').unwrap_or(text));
    let network_provider = id
        .segments
        .iter()
        .any(|s| s.eq_ignore_ascii_case("Microsoft.Network"));
    match (id.after("virtualNetworks"), id.after("subnets")) {
        (Some(vnet), Some(subnet)) if network_provider && id.segments.last() == Some(&subnet) => {
            SubnetRef::Qualified {
                resource_group: id.after("resourceGroups"),
                vnet,
                subnet,
            }
        }
        _ => SubnetRef::Malformed(
            "a subnet resource ID ends in `/providers/Microsoft.Network/virtualNetworks/VNET/subnets/SUBNET`",
        ),
    }
}

/// An Azure resource ID cut at its `/`s, read as Azure reads it.
pub struct ResourceId<'t> {
    pub segments: Vec<&'t str>,
}

impl<'t> ResourceId<'t> {
    pub fn new(text: &'t str) -> Self {
        ResourceId {
            segments: text.split('/').collect(),
        }
    }

    /// The segment after the first one named `name` (compared without case, as Azure does),
    /// when there is one and it is not empty: `after("resourceGroups")` is the group.
    pub fn after(&self, name: &str) -> Option<&'t str> {
        self.segments
            .iter()
            .position(|s| s.eq_ignore_ascii_case(name))
            .and_then(|i| self.segments.get(i + 1))
            .copied()
            .filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qualified<'a>(rg: Option<&'a str>, vnet: &'a str, subnet: &'a str) -> SubnetRef<'a> {
        SubnetRef::Qualified {
            resource_group: rg,
            vnet,
            subnet,
        }
    }

    #[test]
    fn reads_all_three_forms() {
        assert_eq!(parse("podsubnet"), SubnetRef::Name("podsubnet"));
        assert_eq!(parse("podsubnet/"), SubnetRef::Name("podsubnet"));
        assert_eq!(parse("hub/nodes"), qualified(None, "hub", "nodes"));
        assert_eq!(parse("hub/nodes/"), qualified(None, "hub", "nodes"));
        let id = "/subscriptions/aaaa/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/myVirtualNetwork/subnets/podsubnet";
        assert_eq!(parse(id), qualified(Some("rg"), "myVirtualNetwork", "podsubnet"));
        let lower =
            "/subscriptions/a/resourcegroups/rg/providers/microsoft.network/virtualnetworks/v/subnets/s/";
        assert_eq!(parse(lower), qualified(Some("rg"), "v", "s"));
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
