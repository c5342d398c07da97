"""The web shell: server-rendered pages over the same use cases as the CLI, plus a JSON API."""
