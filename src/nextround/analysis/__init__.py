"""Pure text analysis: deterministic, offline, no framework imports."""
