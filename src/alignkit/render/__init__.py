"""render: results to text. Every function here returns a string (or rich Text); the CLI
alone writes to stdout or files."""
