"""Importers that bring other systems' content into the newsroom."""
