node_count = "three"
