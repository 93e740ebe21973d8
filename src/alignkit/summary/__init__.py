"""summary: the force-wide summary of the partnerships' strategic assessments.

``alignkit summary PLAN CSP...`` reads every CSP's priorities and assessment key findings
for themes and sets them against the objectives of the police and crime plan (LGA guide,
chapters 7 and 9). ``model.build_summary`` makes the data from the pipeline's result; the
formats (``markdown``, ``html``, ``json``) are registered in alignkit.registry and imported
only when written.
"""
