"""Speech models on disk: download, verify, install, check.

Enters: the manifest (``models/manifest.toml``) and a URL or archive.
Leaves: a verified model folder, never a half one, or a one-line error.
"""
