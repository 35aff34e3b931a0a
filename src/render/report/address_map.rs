//! Per VNet, each address-space prefix drawn to scale: its subnets, the clusters' pod and
//! service CIDRs that fall in it, the free gaps between subnets and the overlaps, found by
//! the same sort-and-sweep as the overlap rules (never all pairs).

use super::html::escape;
use super::svg::{count, text};
use crate::capacity::{Range, RangeCapacity};
use crate::overlap::{first_overlaps, Range as Span};
use crate::topology::{Cidr, Topology};
use ipnet::Ipv4Net;
use std::fmt::Write;
use std::net::Ipv4Addr;

const WIDTH: f64 = 1100.0;
const LEFT: f64 = 10.0;
const BAR: f64 = WIDTH - 2.0 * LEFT;
/// A range narrower than this many pixels is drawn this wide, so a /28 in a /8 still shows.
const MIN_WIDTH: f64 = 3.0;
const LABEL_ROWS: usize = 4;
const LABEL_ROW_HEIGHT: f64 = 14.0;
const LANE: f64 = 26.0;

/// What a drawn range is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A subnet with its role in the scenario (`node`, `pod`, `node+pod`, `unused`).
    Subnet(&'static str),
    PodCidr,
    ServiceCidr,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Subnet("node") => "r-node",
            Kind::Subnet("pod") => "r-pod",
            Kind::Subnet("node+pod") => "r-nodepod",
            Kind::Subnet(_) => "r-unused",
            Kind::PodCidr => "r-podcidr",
            Kind::ServiceCidr => "r-service",
        }
    }

    fn describe(self, owner: &str) -> String {
        match self {
            Kind::Subnet("unused") => "subnet, no pool uses it".to_string(),
            Kind::Subnet(role) => format!("{role} subnet"),
            Kind::PodCidr => format!("pod CIDR of cluster {owner}"),
            Kind::ServiceCidr => format!("service CIDR of cluster {owner}"),
        }
    }

    /// Subnets in the upper lane, the clusters' ranges (outside the VNet's routing) below.
    fn lane(self) -> f64 {
        match self {
            Kind::Subnet(_) => 0.0,
            Kind::PodCidr | Kind::ServiceCidr => 1.0,
        }
    }
}

struct Item {
    name: String,
    /// The cluster a pod or service CIDR belongs to.
    owner: String,
    kind: Kind,
    net: Ipv4Net,
    first: u32,
    last: u32,
}

pub fn write(out: &mut String, topology: &Topology, capacity: &[RangeCapacity]) {
    out.push_str(r#"<section id="address-map"><h2>Address map</h2>"#);
    out.push_str(
        r#"<p class="lead">Each VNet prefix to scale, lowest address at the left. Ranges too small to see are drawn 3 pixels wide; the table under each bar names them.</p>"#,
    );
    legend(out);
    if topology.vnets.is_empty() {
        out.push_str("<p>The plan has no VNet.</p>");
    }
    let cluster_items = cluster_ranges(topology);
    let mut shown = vec![false; cluster_items.len()];
    for (v, vnet) in topology.vnets.iter().enumerate() {
        let _ = write!(
            out,
            r#"<div class="vnet" id="vnet-{v}"><h3>VNet {}</h3>"#,
            escape(&vnet.name.value)
        );
        if vnet.address_space.is_empty() {
            out.push_str("<p>No valid address space.</p>");
        }
        let subnets = subnet_items(topology, capacity, v);
        for prefix in &vnet.address_space {
            let (first, last) = bounds(prefix.net());
            let inside = |i: &Item| i.first <= last && i.last >= first;
            let mut items: Vec<&Item> = subnets.iter().filter(|i| inside(i)).collect();
            for (k, item) in cluster_items.iter().enumerate() {
                if inside(item) {
                    shown[k] = true;
                    items.push(item);
                }
            }
            items.sort_by_key(|i| (i.first, std::cmp::Reverse(i.last), i.kind.lane() as u8));
            prefix_bar(out, prefix, &items);
        }
        let outside: Vec<&Item> = subnets
            .iter()
            .filter(|i| {
                !vnet.address_space.iter().any(|p| {
                    let (first, last) = bounds(p.net());
                    i.first <= last && i.last >= first
                })
            })
            .collect();
        if !outside.is_empty() {
            out.push_str(r#"<p class="warn-text">Outside every prefix of this VNet: "#);
            list(out, &outside);
            out.push_str("</p>");
        }
        out.push_str("</div>");
    }
    let elsewhere: Vec<&Item> = cluster_items
        .iter()
        .zip(&shown)
        .filter(|(_, shown)| !**shown)
        .map(|(item, _)| item)
        .collect();
    if !elsewhere.is_empty() {
        out.push_str(r#"<p>Cluster ranges outside every VNet: "#);
        list(out, &elsewhere);
        out.push_str("</p>");
    }
    out.push_str("</section>");
}

fn legend(out: &mut String) {
    out.push_str(r#"<p class="legend">"#);
    for (class, what) in [
        ("r-node", "node subnet"),
        ("r-pod", "pod subnet"),
        ("r-nodepod", "node and pod subnet"),
        ("r-unused", "unused subnet"),
        ("r-podcidr", "pod CIDR"),
        ("r-service", "service CIDR"),
        ("free", "free"),
        ("overlap", "overlap"),
    ] {
        let _ = write!(out, r#"<span class="key {class}"></span>{what} "#);
    }
    out.push_str("</p>");
}

fn list(out: &mut String, items: &[&Item]) {
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        let _ = write!(
            out,
            "{} <code>{}</code> ({})",
            escape(&item.name),
            item.net,
            escape(&item.kind.describe(&item.owner))
        );
    }
}

fn bounds(net: Ipv4Net) -> (u32, u32) {
    (net.network().into(), net.broadcast().into())
}

fn item(name: String, owner: String, kind: Kind, cidr: &Cidr) -> Item {
    let net = cidr.net();
    let (first, last) = bounds(net);
    Item {
        name,
        owner,
        kind,
        net,
        first,
        last,
    }
}

/// The VNet's subnets with a CIDR, each with its role in the scenario.
fn subnet_items(topology: &Topology, capacity: &[RangeCapacity], vnet: usize) -> Vec<Item> {
    topology.vnets[vnet]
        .subnets
        .iter()
        .filter_map(|&s| {
            let subnet = &topology.subnets[s];
            let cidr = subnet.cidr.as_ref()?;
            // Capacity lists subnets in plan order: a binary search finds the subnet's row.
            let role = capacity
                .binary_search_by(|c| c.range.cmp(&Range::Subnet(s)))
                .ok()
                .map_or("unused", |i| capacity[i].role.as_str());
            Some(item(
                subnet.name.value.clone(),
                String::new(),
                Kind::Subnet(role),
                cidr,
            ))
        })
        .collect()
}

/// Every cluster's pod CIDR (where its pods use one) and service CIDR.
fn cluster_ranges(topology: &Topology) -> Vec<Item> {
    let mut items = Vec::new();
    for cluster in &topology.clusters {
        let owner = &cluster.name.value;
        if let Some(cidr) = cluster.pod_cidr_in_use() {
            items.push(item(format!("{owner} pods"), owner.clone(), Kind::PodCidr, cidr));
        }
        if let Some(cidr) = &cluster.service_cidr {
            items.push(item(
                format!("{owner} services"),
                owner.clone(),
                Kind::ServiceCidr,
                cidr,
            ));
        }
    }
    items
}

/// The addresses of `[first, last]` covered by two or more of `items`: for each range that
/// overlaps an earlier one, its stretch under the farthest-reaching earlier range.
fn overlaps(items: &[&Item]) -> Vec<(u32, u32, usize, usize)> {
    let spans = items
        .iter()
        .enumerate()
        .map(|(k, i)| Span {
            first: i.first,
            last: i.last,
            item: k,
        })
        .collect();
    first_overlaps(spans)
        .into_iter()
        .map(|(a, b)| {
            let (earlier, later) = (items[a], items[b]);
            (later.first, later.last.min(earlier.last), a, b)
        })
        .collect()
}

/// The stretches of the prefix no subnet covers (the clusters' ranges are not subnets, so
/// they do not fill a gap), in address order.
fn free_gaps(first: u32, last: u32, items: &[&Item]) -> Vec<(u32, u32)> {
    let mut gaps = Vec::new();
    let mut next = u64::from(first);
    for i in items.iter().filter(|i| matches!(i.kind, Kind::Subnet(_))) {
        if u64::from(i.first) > next {
            gaps.push((next as u32, i.first - 1));
        }
        next = next.max(u64::from(i.last) + 1);
    }
    if next <= u64::from(last) {
        gaps.push((next as u32, last));
    }
    gaps
}

/// The largest aligned block inside `[first, last]`, as a prefix length.
fn largest_block(first: u32, last: u32) -> u8 {
    (0..=32u8)
        .find(|&p| {
            let size = 1u64 << (32 - u32::from(p));
            let start = u64::from(first).div_ceil(size) * size;
            start + size - 1 <= u64::from(last)
        })
        .unwrap_or(32)
}

/// The prefix's bar, a closer look when its subnets sit in a small part of it, and the table
/// naming every range drawn.
fn prefix_bar(out: &mut String, prefix: &Cidr, items: &[&Item]) {
    let net = prefix.net();
    let numbered: Vec<(usize, &Item)> = items.iter().enumerate().map(|(k, i)| (k + 1, *i)).collect();
    let heading = format!(
        "Prefix <code>{net}</code> · {} addresses",
        count(1u64 << (32 - u32::from(net.prefix_len())))
    );
    bar(out, net, &heading, &numbered);
    if let Some(block) = closer_look(net, items) {
        let inside: Vec<(usize, &Item)> = numbered
            .iter()
            .filter(|(_, i)| i.first <= bounds(block).1 && i.last >= bounds(block).0)
            .copied()
            .collect();
        let heading = format!(
            "Closer: <code>{block}</code>, the smallest block holding every subnet of <code>{net}</code>"
        );
        bar(out, block, &heading, &inside);
    }
    let (first, last) = bounds(net);
    table(out, items, &overlaps(items), &free_gaps(first, last, items));
}

/// The smallest aligned block holding every subnet of the prefix, when it is an eighth of the
/// prefix or less: there the subnets have room for their names.
fn closer_look(net: Ipv4Net, items: &[&Item]) -> Option<Ipv4Net> {
    let (first, last) = bounds(net);
    let subnets = items.iter().filter(|i| matches!(i.kind, Kind::Subnet(_)));
    let low = subnets.clone().map(|i| i.first.max(first)).min()?;
    let high = subnets.map(|i| i.last.min(last)).max()?;
    let common = (low ^ high).leading_zeros() as u8;
    let block = Ipv4Net::new(Ipv4Addr::from(low), common).ok()?.trunc();
    (block.prefix_len() >= net.prefix_len() + 3).then_some(block)
}

/// How wide a range must be to carry its name and CIDR inside (about 7 pixels a character).
fn in_bar_width(item: &Item) -> f64 {
    let chars = item.name.chars().count() + 1 + item.net.to_string().len();
    7.0 * chars as f64 + 8.0
}

/// One bar to scale: `items` with their table numbers, overlaps marked, addresses beneath.
fn bar(out: &mut String, net: Ipv4Net, heading: &str, numbered: &[(usize, &Item)]) {
    let items: Vec<&Item> = numbered.iter().map(|(_, i)| *i).collect();
    let (first, last) = bounds(net);
    let size = (u64::from(last) - u64::from(first) + 1) as f64;
    let x = |addr: u64| LEFT + BAR * ((addr - u64::from(first)) as f64 / size).clamp(0.0, 1.0);
    let lanes = if items.iter().any(|i| i.kind.lane() > 0.0) {
        2.0
    } else {
        1.0
    };
    // Where each range goes, and its label: inside when its name fits, else its number
    // above the bar, in the first row where it does not run into the one before.
    let mut row_ends = [f64::MIN; LABEL_ROWS];
    let placed: Vec<(f64, f64, Option<usize>)> = items
        .iter()
        .map(|item| {
            let x0 = x(u64::from(item.first.max(first)));
            let w = (x(u64::from(item.last.min(last)) + 1) - x0).max(MIN_WIDTH);
            if w > in_bar_width(item) {
                return (x0, w, None);
            }
            let (centre, half) = (x0 + w / 2.0, 12.0);
            let row = (0..LABEL_ROWS)
                .find(|&r| row_ends[r] < centre - half)
                .or_else(|| (0..LABEL_ROWS).min_by(|&a, &b| row_ends[a].total_cmp(&row_ends[b])))
                .unwrap_or(0);
            row_ends[row] = centre + half;
            (x0, w, Some(row))
        })
        .collect();
    let rows = placed.iter().filter_map(|p| p.2).max().map_or(0, |r| r + 1);
    let bar_top = rows as f64 * LABEL_ROW_HEIGHT + 8.0;
    let bar_bottom = bar_top + lanes * LANE;
    let height = bar_bottom + 34.0;
    let _ = write!(
        out,
        r#"<h4>{heading}</h4><svg class="map" viewBox="0 0 {WIDTH:.0} {height:.0}" width="{WIDTH:.0}" height="{height:.0}" role="img" aria-label="address map of {net}">"#
    );
    let _ = write!(
        out,
        r#"<rect class="free" x="{LEFT:.1}" y="{bar_top:.1}" width="{BAR:.1}" height="{:.1}"/>"#,
        lanes * LANE
    );
    for ((tag, item), &(x0, w, row)) in numbered.iter().zip(&placed) {
        let y = bar_top + item.kind.lane() * LANE + 2.0;
        let _ = write!(
            out,
            r#"<rect class="{}" x="{x0:.1}" y="{y:.1}" width="{w:.1}" height="{:.1}"><title>#{tag} {} {} ({})</title></rect>"#,
            item.kind.class(),
            LANE - 4.0,
            escape(&item.name),
            item.net,
            escape(&item.kind.describe(&item.owner))
        );
        let centre = x0 + w / 2.0;
        match row {
            None => text(
                out,
                centre,
                y + LANE / 2.0 + 2.0,
                "in-bar",
                "middle",
                &format!("{} {}", item.name, item.net),
            ),
            Some(row) => {
                let ty = (row as f64 + 1.0) * LABEL_ROW_HEIGHT;
                let _ = write!(
                    out,
                    r#"<line class="leader" x1="{centre:.1}" y1="{:.1}" x2="{centre:.1}" y2="{y:.1}"/>"#,
                    ty + 2.0
                );
                text(out, centre, ty, "tag", "middle", &tag.to_string());
            }
        }
    }
    for (a, b, _, _) in overlaps(&items) {
        let x0 = x(u64::from(a.max(first)));
        let w = (x(u64::from(b.min(last)) + 1) - x0).max(MIN_WIDTH);
        let _ = write!(
            out,
            r#"<rect class="overlap" x="{x0:.1}" y="{:.1}" width="{w:.1}" height="{:.1}"><title>overlap {} – {}</title></rect>"#,
            bar_top - 3.0,
            lanes * LANE + 6.0,
            Ipv4Addr::from(a),
            Ipv4Addr::from(b)
        );
    }
    for k in 0..=4u64 {
        let addr = u64::from(first) + (size as u64 - 1) * k / 4;
        let anchor = match k {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        let tx = x(addr + u64::from(k == 4));
        let _ = write!(
            out,
            r#"<line class="axis" x1="{tx:.1}" y1="{bar_bottom:.1}" x2="{tx:.1}" y2="{:.1}"/>"#,
            bar_bottom + 5.0
        );
        text(
            out,
            tx,
            bar_bottom + 18.0,
            "tick",
            anchor,
            &Ipv4Addr::from(addr as u32).to_string(),
        );
    }
    out.push_str("</svg>");
}

fn table(out: &mut String, items: &[&Item], overlaps: &[(u32, u32, usize, usize)], gaps: &[(u32, u32)]) {
    out.push_str(
        r#"<table class="ranges"><thead><tr><th>#</th><th>name</th><th>CIDR</th><th>what</th><th class="num">addresses</th><th>overlaps</th></tr></thead><tbody>"#,
    );
    for (k, item) in items.iter().enumerate() {
        let others: Vec<String> = overlaps
            .iter()
            .filter_map(|&(_, _, a, b)| match k {
                _ if k == a => Some(b),
                _ if k == b => Some(a),
                _ => None,
            })
            .map(|o| format!("#{} {}", o + 1, escape(&items[o].name)))
            .collect();
        let class = if others.is_empty() {
            ""
        } else {
            r#" class="overlapping""#
        };
        let _ = write!(
            out,
            r#"<tr{class}><td>{}</td><td>{}</td><td><code>{}</code></td><td><span class="key {}"></span>{}</td><td class="num">{}</td><td>{}</td></tr>"#,
            k + 1,
            escape(&item.name),
            item.net,
            item.kind.class(),
            escape(&item.kind.describe(&item.owner)),
            count(u64::from(item.last - item.first) + 1),
            others.join(", ")
        );
    }
    for &(a, b) in gaps {
        let _ = write!(
            out,
            r#"<tr class="gap"><td></td><td>free</td><td><code>{} – {}</code></td><td><span class="key free"></span>largest block /{}</td><td class="num">{}</td><td></td></tr>"#,
            Ipv4Addr::from(a),
            Ipv4Addr::from(b),
            largest_block(a, b),
            count(u64::from(b - a) + 1)
        );
    }
    out.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_block_is_aligned() {
        let ip = |s: &str| u32::from(s.parse::<Ipv4Addr>().unwrap_or(Ipv4Addr::UNSPECIFIED));
        assert_eq!(largest_block(ip("10.0.0.0"), ip("10.239.255.255")), 9);
        // 10.0.0.128/25 is the largest block from .16 to .255.
        assert_eq!(largest_block(ip("10.0.0.16"), ip("10.0.0.255")), 25);
        assert_eq!(largest_block(ip("0.0.0.0"), ip("255.255.255.255")), 0);
    }
}
