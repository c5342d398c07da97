"""The command-line shell: it translates arguments into calls of the use cases, nothing more."""
