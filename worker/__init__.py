"""RQ jobs: ingest an archive, extract + classify a document, retrain. Thin adapters over evidence/."""
