"""render: the check's result to text, one module per format.

Every function here returns a string (or rich Text); the command line alone writes to
stdout or files. The formats are registered in alignkit.registry, which imports a format's
module only when a run writes it.
"""
