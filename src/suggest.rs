//! "Did you mean …?": the nearest of a set of names, as clap and ruff suggest them.

/// The candidate most like `word`, if any is close enough to be a plausible typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|&(score, _)| score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
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
}
