//! "Did you mean …?": the nearest of a set of names, as clap and ruff suggest them.

/// The candidate most like `word`, if any is close enough to be a plausible typo. Of equally
/// near candidates the smaller name (byte order) wins, so the suggestion does not depend on
/// the order the candidates come in.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|&(score, _)| score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_close_names_only() {
        let keys = ["name", "cidr", "reserved_ips", "delegation"];
        assert_eq!(nearest("cdir", keys), Some("cidr"));
        assert_eq!(nearest("reserved_ip", keys), Some("reserved_ips"));
        assert_eq!(nearest("zzz", keys), None);
    }

    #[test]
    fn a_tie_goes_to_the_smaller_name_whatever_the_order() {
        assert_eq!(nearest("hubX", ["hubA", "hubB"]), Some("hubA"));
        assert_eq!(nearest("hubX", ["hubB", "hubA"]), Some("hubA"));
        assert_eq!(nearest("hubX", ["hubB", "hubA", "hubC"]), Some("hubA"));
    }
}
