"""Plumbing: reading and writing files, formatting tables, progress, safe text. Knows nothing of edge sets."""
