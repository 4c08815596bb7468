"""Claims checked against event data: scoring, support tiers, lift, and per-pair shares."""
