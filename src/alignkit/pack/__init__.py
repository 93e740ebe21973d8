"""pack: the welcome pack for the police and crime commissioner.

``alignkit pack PLAN CSP...`` introduces every partnership in the force area (LGA guide,
chapter 7: a joint "brochure" with each CSP, its key contacts, priorities, calendar of
meetings and document production timetable), with how each priority aligns to the plan.
``model.build_pack`` makes the data from the pipeline's result; the formats (``markdown``,
``html``) are registered in alignkit.registry and imported only when written.
"""
