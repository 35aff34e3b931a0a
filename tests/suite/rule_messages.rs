//! The message and help of findings from the amended rows of SPEC §4, as a user reads them,
//! with the place they point at.

use cniplan::source::SourceFile;

/// (line:column, severity, rule, message, help) of every finding of a plan.
fn findings(plan: &str) -> Vec<(String, String, String, String, String)> {
    let report = cniplan::check_source(SourceFile::new("plan.yaml", plan));
    report
        .findings
        .iter()
        .map(|f| {
            let at = f
                .span
                .map(|s| report.source.position(s.start).to_string())
                .unwrap_or_default();
            (
                at,
                f.severity.to_string(),
                f.rule.name().to_string(),
                f.message.clone(),
                f.help.as_deref().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn plan_with_service(service_cidr: &str, dns_service_ip: &str) -> String {
    format!(
        "version: 1
vnets:
  - name: v
    address_space: [10.1.0.0/16]
    subnets:
      - name: nodes
        cidr: 10.1.0.0/20
      - name: pods
        cidr: 10.1.16.0/20
clusters:
  - name: c
    service_cidr: {service_cidr}
    dns_service_ip: {dns_service_ip}
    node_pools:
      - name: p
        node_count: 2
        max_pods: 30
        vnet_subnet: nodes
        pod_subnet: pods
"
    )
}

#[test]
fn a_dns_service_ip_at_the_broadcast_address_is_an_error() {
    let got = findings(&plan_with_service("192.168.0.0/16", "192.168.255.255"));
    assert_eq!(
        got,
        vec![(
            "13:21".to_string(),
            "error".to_string(),
            "dns-service-ip".to_string(),
            "the DNS service IP 192.168.255.255 of cluster `c` is the broadcast (last) address of \
             the service CIDR 192.168.0.0/16"
                .to_string(),
            "use `192.168.0.10`, an address inside 192.168.0.0/16 between its first and last".to_string(),
        )]
    );
    // One below it is an ordinary service IP.
    assert!(findings(&plan_with_service("192.168.0.0/16", "192.168.255.254")).is_empty());
}

#[test]
fn a_service_cidr_inside_a_peered_vnets_address_space_warns() {
    let plan = "version: 1
vnets:
  - name: hub
    address_space: [10.10.0.0/16]
    subnets:
      - name: shared
        cidr: 10.10.0.0/24
  - name: spoke
    address_space: [10.20.0.0/16]
    peerings: [hub]
    subnets:
      - name: nodes
        cidr: 10.20.0.0/20
      - name: pods
        cidr: 10.20.16.0/20
clusters:
  - name: c
    service_cidr: 10.10.128.0/20
    dns_service_ip: 10.10.128.10
    node_pools:
      - name: p
        node_count: 2
        max_pods: 30
        vnet_subnet: nodes
        pod_subnet: pods
";
    let got = findings(plan);
    assert_eq!(got.len(), 1, "{got:?}");
    let (at, severity, rule, message, help) = &got[0];
    assert_eq!(
        (at.as_str(), severity.as_str(), rule.as_str()),
        ("18:19", "warning", "service-cidr-overlap")
    );
    assert_eq!(
        message,
        "the service CIDR 10.10.128.0/20 of cluster `c` lies inside peered VNet `hub`'s address \
         space (10.10.0.0/16); a subnet added there later would be unreachable from pods"
    );
    assert!(help.starts_with("set `service_cidr: "), "{help}");
    // The label points at the peered VNet's address space.
    let report = cniplan::check_source(SourceFile::new("plan.yaml", plan));
    let related = &report.findings[0].related;
    assert_eq!(related.len(), 1);
    assert_eq!(report.source.position(related[0].span.start).to_string(), "4:21");
}
