"""An operator's evidence folder: the manifest (residence.yaml), documents, logs and photos."""
