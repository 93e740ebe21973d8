"""The spreadsheet layout `alignkit import` reads and `--template` writes.

One table describes it, so the reader, the template, the export and docs/import.md cannot
disagree. A workbook holds one document:

- a *details* sheet (``Plan`` or ``Partnership``) of two columns, Field and Value, one row
  per single value of the document (its title, force area, dates, contact…);
- *list* sheets with a header row and one row per item (``Objectives`` or ``Priorities``,
  and for a partnership the optional ``Findings``, ``Regard``, ``Contacts``, ``Meetings``
  and ``Timetable``).

A cell that holds a list (outcomes, measures, sub-themes) has one item per line
(Alt+Enter in Excel). Headers and field names are matched loosely: case, spaces,
underscores and punctuation do not matter, and common synonyms are accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..models import BODY_KINDS, CSP_KIND, PLAN_KIND, STRATEGY_KINDS

Shape = Literal["text", "lines", "ids", "date", "yes-no", "choice"]
"""How a cell is read: free text; a list, one item per line; a list of ids (separated by
lines, commas or spaces); a date; yes or no; one word from a list of choices."""

PathKey = tuple[str, ...]

TIERS = ("district", "unitary", "county", "london-borough", "welsh", "merged")


@dataclass(frozen=True)
class Column:
    """One column of a list sheet, or one field (row) of a details sheet."""

    path: PathKey
    label: str
    help: str
    shape: Shape = "text"
    required: bool = False
    synonyms: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every spelling accepted for this column, the label first."""
        return (self.label, *self.synonyms, ".".join(self.path))


@dataclass(frozen=True)
class Sheet:
    name: str
    path: PathKey
    """Where the sheet's values go in the document: a list (list sheets) or the top level."""
    columns: tuple[Column, ...]
    is_list: bool
    required: bool = False
    about: str = ""
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    kind: str
    label: str
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)


def normalise(header: str) -> str:
    """'Sub-themes', 'sub_themes ' and 'SUB THEMES*' all become 'sub themes'."""
    # "(required)" and "*" are how templates mark required columns, not part of the name.
    bare = re.sub(r"\(required\)|\*", "", header.casefold().replace("'", ""))
    words = re.sub(r"[^0-9a-z]+", " ", bare)
    return " ".join(words.split())


def _text(path: str, label: str, help: str, *synonyms: str, required: bool = False) -> Column:
    return Column(tuple(path.split(".")), label, help, "text", required, synonyms)


def _lines(path: str, label: str, help: str, *synonyms: str) -> Column:
    return Column(tuple(path.split(".")), label, help, "lines", False, synonyms)


def _date(path: str, label: str, help: str, *synonyms: str, required: bool = False) -> Column:
    return Column(tuple(path.split(".")), label, help, "date", required, synonyms)


_ID = _text(
    "id",
    "Id",
    "A short reference, unique in the sheet: P1, P2…",
    "ref",
    "reference",
    "number",
    "no",
    "code",
    required=True,
)

_OBJECTIVES = Sheet(
    "Objectives",
    ("objectives",),
    (
        _ID,
        _text(
            "title",
            "Title",
            "The objective as the plan states it.",
            "objective",
            "objective title",
            "name",
            "heading",
            required=True,
        ),
        _text("title_cy", "Title (Welsh)", "The title in Welsh, if any.", "welsh title", "teitl"),
        _text(
            "description",
            "Description",
            "A sentence or two on what it covers.",
            "detail",
            "details",
            "summary",
            "what it covers",
        ),
        _lines(
            "sub_themes",
            "Sub-themes",
            "Themes listed under it, one per line.",
            "themes",
            "sub themes",
            "subthemes",
        ),
        _lines(
            "outcomes", "Outcomes", "What success looks like, one per line.", "outcome", "success"
        ),
        _lines(
            "measures",
            "Measures",
            "Indicators or targets, one per line.",
            "measure",
            "indicators",
            "kpis",
            "targets",
        ),
        Column(
            ("policing_only",),
            "Policing only",
            "Yes for an objective for the police alone (budgets, workforce, technology): "
            "partnerships are not expected to adopt it.",
            "yes-no",
            synonyms=("police only", "for the police alone"),
            choices=("yes", "no"),
        ),
    ),
    is_list=True,
    required=True,
    about="One row per objective of the police and crime plan, in the plan's order.",
    synonyms=("objective",),
)

_CONTACT = (
    _text(
        "contact.name",
        "Contact name",
        "Who in the issuing body's office to contact about the plan.",
        "contact",
    ),
    _text("contact.role", "Contact role", "Their job title."),
    _text(
        "contact.organisation",
        "Contact organisation",
        "Their organisation.",
        "contact organization",
    ),
    _text("contact.email", "Contact email", "Their email address.", "contact e mail"),
    _text("contact.phone", "Contact phone", "Their telephone number.", "contact telephone"),
)

_PLAN_DETAILS = Sheet(
    "Plan",
    (),
    (
        _text(
            "force_area",
            "Force area",
            "The police force area, e.g. Wessex.",
            "force",
            "police force area",
            "area",
            required=True,
        ),
        _lines(
            "forces",
            "Forces",
            "When the plan covers more than one force area: each one, one per line.",
            "force areas",
        ),
        _text(
            "title", "Title", "The plan's title as published.", "plan title", "name", required=True
        ),
        _text("title_cy", "Title (Welsh)", "The title in Welsh, if any.", "welsh title", "teitl"),
        Column(
            ("issued_by", "kind"),
            "Issued by (kind)",
            "Which kind of body issues the plan: " + ", ".join(BODY_KINDS) + ".",
            "choice",
            synonyms=("issuing body kind", "body kind"),
            choices=BODY_KINDS,
        ),
        _text(
            "issued_by.name",
            "Issued by",
            "The body's name, e.g. Police and Crime Commissioner for Wessex.",
            "issuing body",
            "local policing body",
        ),
        _text(
            "issued_by.holder",
            "Office holder or chair",
            "The commissioner, the mayor, or the board's chair.",
            "holder",
            "chair",
        ),
        _text(
            "issued_by.deputy_mayor",
            "Deputy mayor",
            "For a mayor: the deputy mayor who exercises the functions.",
            "deputy mayor for policing",
        ),
        _lines("issued_by.members", "Board members", "For a board: its members, one per line."),
        Column(
            ("issued_by", "fire"),
            "Also holds fire functions",
            "Yes or no (left blank: yes for a pfcc, no otherwise).",
            "yes-no",
            synonyms=("fire functions",),
            choices=("yes", "no"),
        ),
        _date("issued_by.term.start", "Term start", "When the body's term began."),
        _date("issued_by.term.end", "Term end", "When the body's term ends, if known."),
        _text(
            "commissioner.name",
            "Commissioner",
            "Older files: who holds the PCC's functions (write Issued by instead).",
            "commissioner name",
            "pcc",
        ),
        _text(
            "commissioner.office",
            "Commissioner's office",
            "e.g. Police and Crime Commissioner, or a mayor.",
            "office",
        ),
        _text("period", "Period", "The span the plan covers, e.g. 2025/26-2028/29.", "plan period"),
        _date(
            "published",
            "Published",
            "The date the plan was published.",
            "publication date",
            "date published",
        ),
        _date(
            "next_review",
            "Next review",
            "When the plan is next refreshed.",
            "review date",
            "review",
        ),
        _text(
            "url",
            "Web address",
            "Where the published plan can be read (https://…).",
            "url",
            "link",
            "website",
        ),
        *_CONTACT,
    ),
    is_list=False,
    about="The plan's details: one field per row, the value in column B.",
)

_PRIORITIES = Sheet(
    "Priorities",
    ("priorities",),
    (
        _ID,
        _text(
            "title",
            "Title",
            "The priority as the partnership plan states it.",
            "priority",
            "priority title",
            "name",
            "heading",
            required=True,
        ),
        _text("title_cy", "Title (Welsh)", "The title in Welsh, if any.", "welsh title", "teitl"),
        _text(
            "description",
            "Description",
            "What it covers, in a sentence or two.",
            "detail",
            "details",
            "summary",
            "what it covers",
        ),
        _text(
            "evidence",
            "Evidence",
            "Why it is a priority: the assessment evidence.",
            "rationale",
            "why",
        ),
        _lines(
            "outcomes", "Outcomes", "What success looks like, one per line.", "outcome", "success"
        ),
        _lines(
            "measures",
            "Measures",
            "How progress is measured, one per line.",
            "measure",
            "indicators",
            "kpis",
            "targets",
        ),
        _text("lead", "Lead", "Who leads on it: a body or group.", "lead body", "owner", "led by"),
        Column(
            ("supports",),
            "Supports",
            "Ids of the plan objectives it supports: P2, P3.",
            "ids",
            synonyms=(
                "supports objectives",
                "plan objectives",
                "pcc objectives",
                "objectives",
                "links to",
            ),
        ),
    ),
    is_list=True,
    required=True,
    about="One row per priority of the partnership plan.",
    synonyms=("priority",),
)


def _authority(key: str, label: str, old: str = "") -> tuple[Column, ...]:
    """The columns of one responsible authority; ``old`` is the label of the short key it
    had before the legal names (issue 14), still read so older workbooks import."""
    base = f"responsible_authorities.{key}"
    was = (lambda what: (f"{old} {what}",)) if old else (lambda what: ())
    return (
        Column(
            (*base.split("."), "taking_part"),
            f"{label} taking part",
            f"Yes or no: does the {label[:1].lower() + label[1:]} take part?",
            "yes-no",
            synonyms=was("taking part"),
            choices=("yes", "no"),
        ),
        _text(f"{base}.organisation", f"{label} organisation", "The body.", *was("organisation")),
        _text(
            f"{base}.representative",
            f"{label} representative",
            "Named representative.",
            *was("representative"),
        ),
    )


_PARTNERSHIP_DETAILS = Sheet(
    "Partnership",
    (),
    (
        _text(
            "id",
            "Id",
            "A short reference for the partnership, e.g. northdown.",
            "ref",
            "reference",
            "partnership id",
            required=True,
        ),
        _text(
            "name",
            "Name",
            "The partnership's name.",
            "partnership",
            "partnership name",
            required=True,
        ),
        _text("name_cy", "Name (Welsh)", "The partnership's name in Welsh, if any.", "welsh name"),
        _text(
            "force_area",
            "Force area",
            "The police force area; must match the plan's.",
            "force",
            "police force area",
            "area",
            required=True,
        ),
        Column(
            ("nation",),
            "Nation",
            "england or wales; left blank, from the force area (Wales for the four Welsh forces).",
            "choice",
            synonyms=("country",),
            choices=("england", "wales"),
        ),
        Column(
            ("tier",),
            "Tier",
            "district, unitary, county, london-borough or merged ('welsh' is read as "
            "nation wales).",
            "choice",
            synonyms=("type", "area type"),
            choices=TIERS,
        ),
        _lines(
            "local_authorities",
            "Local authorities",
            "The councils covered, one per line.",
            "councils",
            "local authority",
        ),
        *_authority("chief_officer_of_police", "Chief officer of police", "Police"),
        *_authority("councils", "Councils", "Local authority"),
        *_authority("fire_and_rescue_authority", "Fire and rescue authority", "Fire and rescue"),
        *_authority("integrated_care_board", "Integrated care board", "Health"),
        *_authority("local_health_board", "Local Health Board"),
        *_authority("probation_provider", "Probation provider", "Probation"),
        _date(
            "strategic_assessment.date",
            "Assessment date",
            "When the strategic assessment was completed.",
            "strategic assessment date",
            "strategic assessment",
        ),
        _text(
            "strategic_assessment.period",
            "Assessment period",
            "The period of data it covers.",
            "strategic assessment period",
        ),
        _text(
            "strategic_assessment.url",
            "Assessment web address",
            "Where it can be read.",
            "strategic assessment url",
            "assessment url",
        ),
        _text(
            "plan.title", "Plan title", "The partnership plan's title.", "partnership plan title"
        ),
        _text(
            "plan.period",
            "Plan period",
            "The period it covers, e.g. 2026/27-2028/29.",
            "partnership plan period",
        ),
        _date(
            "plan.next_refresh",
            "Next refresh",
            "When the plan is next refreshed.",
            "plan next refresh",
            "refresh date",
        ),
        _text("plan.url", "Plan web address", "Where the plan can be read.", "plan url"),
        _date(
            "plan.sent_to_policing_body",
            "Plan sent to policing body",
            "When the plan was sent to the body that issues the police and crime plan.",
            "plan sent",
            "sent to pcc",
        ),
        _text(
            "successor.partnership",
            "Successor",
            "The partnership that replaces this one (its id or name), if any.",
            "replaced by",
        ),
        _date("successor.date", "Successor from", "When the successor takes over.", "ends"),
        _text("successor.note", "Successor note", "e.g. replaced by a unitary council."),
    ),
    is_list=False,
    about="The partnership's details: one field per row, the value in column B.",
)

_STRATEGIES = Sheet(
    "Strategies",
    ("strategies",),
    (
        Column(
            ("kind",),
            "Kind",
            ", ".join(STRATEGY_KINDS) + ".",
            "choice",
            required=True,
            synonyms=("strategy", "type"),
            choices=STRATEGY_KINDS,
        ),
        _text("title", "Title", "The strategy's title.", "name"),
        _date("adopted", "Adopted", "When it was adopted.", "date adopted"),
        _date("next_review", "Next review", "When it is next reviewed.", "review date"),
        _text("url", "Web address", "Where it can be read.", "url", "link"),
    ),
    is_list=True,
    about="Optional: the statutory strategies the partnership holds, one per row.",
    synonyms=("statutory strategies",),
)

_PREDECESSORS = Sheet(
    "Predecessors",
    ("predecessors",),
    (
        _text(
            "partnership",
            "Partnership",
            "A partnership this one replaced (its id or name).",
            "predecessor",
            required=True,
        ),
        _date("date", "Date", "When it was replaced.", required=True),
        _text("note", "Note", "e.g. merged on local government reorganisation."),
    ),
    is_list=True,
    about="Optional: partnerships this one replaced, one per row.",
    synonyms=("replaced partnerships",),
)

_FINDINGS = Sheet(
    "Findings",
    ("strategic_assessment", "findings"),
    (
        _text(
            "finding",
            "Finding",
            "What the strategic assessment found.",
            "key finding",
            required=True,
        ),
        _text("evidence", "Evidence", "The data or source behind it.", "source"),
    ),
    is_list=True,
    about="Optional: the strategic assessment's key findings (needs an Assessment date).",
    synonyms=("key findings", "assessment findings"),
)

_REGARD = Sheet(
    "Regard",
    ("regard",),
    (
        _text(
            "objective",
            "Objective",
            "Id of the plan objective considered, e.g. P5.",
            "objective id",
            required=True,
        ),
        _text(
            "reason",
            "Reason",
            "Why it is not a local priority.",
            "why not",
            "rationale",
            required=True,
        ),
        _date("decided", "Decided", "When the partnership decided.", "date", "date decided"),
        _text("decided_by", "Decided by", "Who decided, e.g. CSP Board.", "decision by"),
        Column(
            ("devolved",),
            "Devolved",
            "Wales only: yes when the objective concerns devolved Welsh functions.",
            "yes-no",
            choices=("yes", "no"),
        ),
    ),
    is_list=True,
    about="Optional: plan objectives considered and not adopted locally, with the reason.",
    synonyms=("regard records", "not adopted"),
)

_CONTACTS = Sheet(
    "Contacts",
    ("contacts",),
    (
        _text("name", "Name", "Full name.", "contact", "contact name", required=True),
        _text("role", "Role", "Job title or role.", "job title", "title"),
        _text("organisation", "Organisation", "Where they work.", "organization", "employer"),
        _text("email", "Email", "Email address.", "e mail", "email address"),
        _text("phone", "Phone", "Telephone number.", "telephone", "tel", "phone number"),
    ),
    is_list=True,
    about="Optional: key contacts, one per row.",
    synonyms=("key contacts",),
)

_MEETINGS = Sheet(
    "Meetings",
    ("meetings",),
    (
        _date("date", "Date", "Date of the meeting.", "meeting date", required=True),
        _text(
            "body",
            "Body",
            "Which body meets, e.g. CSP Board.",
            "board",
            "meeting",
            "group",
            required=True,
        ),
        _text("title", "Title", "What the meeting is for.", "purpose", "subject"),
        _text("location", "Location", "Where.", "venue", "place"),
    ),
    is_list=True,
    about="Optional: the calendar of meetings, one per row.",
    synonyms=("calendar", "meeting calendar"),
)

_TIMETABLE = Sheet(
    "Timetable",
    ("timetable",),
    (
        _text("document", "Document", "The document produced.", "item", "product", required=True),
        _date("due", "Due", "When it is due.", "due date", "deadline", required=True),
        _text("owner", "Owner", "Who produces it.", "lead", "responsible"),
    ),
    is_list=True,
    about="Optional: the document production timetable, one per row.",
    synonyms=("document timetable", "production timetable"),
)

PLAN_LAYOUT = Layout(PLAN_KIND, "police and crime plan", (_PLAN_DETAILS, _OBJECTIVES))
CSP_LAYOUT = Layout(
    CSP_KIND,
    "community safety partnership",
    (
        _PARTNERSHIP_DETAILS,
        _PRIORITIES,
        _FINDINGS,
        _REGARD,
        _STRATEGIES,
        _PREDECESSORS,
        _CONTACTS,
        _MEETINGS,
        _TIMETABLE,
    ),
)
LAYOUTS = {PLAN_KIND: PLAN_LAYOUT, CSP_KIND: CSP_LAYOUT}

INSTRUCTIONS_SHEET = "Instructions"
MAX_ROWS = 1_000
"""Rows read from one sheet. Real plans have a handful to a few dozen objectives or
priorities (the documents allow 500); a sheet longer than this is the wrong sheet."""


def column_for(sheet: Sheet, header: str) -> Column | None:
    """The column a header means, or None."""
    wanted = normalise(header)
    for column in sheet.columns:
        if wanted in (normalise(name) for name in column.names()):
            return column
    return None


def sheet_for(layout: Layout, name: str) -> Sheet | None:
    wanted = normalise(name)
    for sheet in layout.sheets:
        if wanted in (normalise(n) for n in (sheet.name, *sheet.synonyms)):
            return sheet
    return None


def markdown_tables() -> str:
    """The layout as Markdown tables for docs/import.md (a test keeps the page in step)."""
    out: list[str] = []
    for layout in (PLAN_LAYOUT, CSP_LAYOUT):
        for sheet in layout.sheets:
            needed = "required" if sheet.required or not sheet.is_list else "optional"
            out.append(f"#### {sheet.name} ({layout.label}, {needed})\n\n{sheet.about}\n\n")
            first = "column" if sheet.is_list else "field"
            out.append(f"| {first} | also accepted | what to write |\n| --- | --- | --- |\n")
            for column in sheet.columns:
                label = f"**{column.label}**" if column.required else column.label
                also = ", ".join(column.synonyms) or "–"
                out.append(f"| {label} | {also} | {column.help} |\n")
            out.append("\n")
    return "".join(out)
