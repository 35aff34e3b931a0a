//! The plan as written (SPEC §2, version 1), deserialized by serde_yaml.
//!
//! Text that needs parsing (CIDRs, IPs, references) stays a string here: the resolver parses
//! it with the value's span at hand, so a bad value becomes a located finding, not a type
//! error. Unknown keys are not rejected here: the loader reports every one of them.

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Plan {
    pub version: u32,
    #[serde(default)]
    pub vnets: Vec<Vnet>,
    #[serde(default)]
    pub external_networks: Vec<ExternalNetwork>,
    #[serde(default)]
    pub allocation: Allocation,
    #[serde(default)]
    pub clusters: Vec<Cluster>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Vnet {
    pub name: String,
    pub address_space: Vec<String>,
    #[serde(default)]
    pub peerings: Vec<String>,
    #[serde(default)]
    pub subnets: Vec<Subnet>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Subnet {
    pub name: String,
    pub cidr: String,
    #[serde(default)]
    pub reserved_ips: u32,
    #[serde(default)]
    pub delegation: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExternalNetwork {
    pub name: String,
    pub cidrs: Vec<String>,
}

/// The node agent's batch settings; defaults are the article's and the agent's typical ones.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(default)]
#[schemars(deny_unknown_fields)]
pub struct Allocation {
    pub batch_size: u32,
    pub refill_below: u32,
    pub release_at: u32,
    pub primary_ips_per_node: u32,
    pub headroom_warning: f64,
}

impl Default for Allocation {
    fn default() -> Self {
        let d = &crate::limits::ALLOCATION_DEFAULTS;
        Allocation {
            batch_size: d.batch_size,
            refill_below: d.refill_below,
            release_at: d.release_at,
            primary_ips_per_node: d.primary_ips_per_node,
            headroom_warning: d.headroom_warning,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Cluster {
    pub name: String,
    #[serde(default)]
    pub network_plugin: NetworkPlugin,
    #[serde(default)]
    pub service_cidr: Option<String>,
    #[serde(default)]
    pub dns_service_ip: Option<String>,
    #[serde(default)]
    pub cli_version: Option<String>,
    #[serde(default)]
    pub private_link_service: bool,
    pub node_pools: Vec<NodePool>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NetworkPlugin {
    #[default]
    Azure,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct NodePool {
    pub name: String,
    #[serde(default)]
    pub os_type: OsType,
    #[serde(default)]
    pub node_count: Option<u32>,
    #[serde(default)]
    pub min_count: Option<u32>,
    #[serde(default)]
    pub max_count: Option<u32>,
    #[serde(default)]
    pub max_pods: Option<u32>,
    #[serde(default)]
    pub max_surge: Option<MaxSurge>,
    pub vnet_subnet: String,
    #[serde(default)]
    pub pod_subnet: Option<String>,
    #[serde(default)]
    pub pods_per_node: Option<u32>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum OsType {
    #[default]
    #[serde(alias = "linux")]
    Linux,
    #[serde(alias = "windows")]
    Windows,
}

/// `max_surge`: a node count (`1`) or a percentage of the pool (`"33%"`), as AKS takes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MaxSurge {
    Nodes(u32),
    Percent(f64),
}

/// In the schema: a node count, or a percentage string such as "33%".
impl JsonSchema for MaxSurge {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MaxSurge".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Surge nodes during an upgrade: a count such as 1, or a percentage such as \"33%\"",
            "oneOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$"}
            ]
        })
    }
}

impl<'de> Deserialize<'de> for MaxSurge {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SurgeVisitor;
        impl Visitor<'_> for SurgeVisitor {
            type Value = MaxSurge;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a node count such as 1 or a percentage such as \"33%\"")
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<MaxSurge, E> {
                u32::try_from(n)
                    .map(MaxSurge::Nodes)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<MaxSurge, E> {
                let invalid = || E::invalid_value(de::Unexpected::Str(s), &self);
                match s.trim().strip_suffix('%') {
                    Some(p) => match p.trim().parse::<f64>() {
                        Ok(p) if p.is_finite() && p > 0.0 && p <= 100.0 => Ok(MaxSurge::Percent(p)),
                        _ => Err(invalid()),
                    },
                    None => s
                        .trim()
                        .parse::<u64>()
                        .map_err(|_| invalid())
                        .and_then(|n| self.visit_u64(n)),
                }
            }
        }
        deserializer.deserialize_any(SurgeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_surge_takes_counts_and_percentages() {
        let surge = |s: &str| serde_yaml::from_str::<MaxSurge>(s);
        assert_eq!(surge("2").unwrap(), MaxSurge::Nodes(2));
        assert_eq!(surge("\"33%\"").unwrap(), MaxSurge::Percent(33.0));
        assert_eq!(surge("10%").unwrap(), MaxSurge::Percent(10.0));
        assert!(surge("0%").is_err());
        assert!(surge("lots").is_err());
        assert!(surge("-1").is_err());
    }
}
