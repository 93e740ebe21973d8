"""The catalogue of diagnostic codes.

Codes are a public contract (CI configurations and waivers name them), so they are never
renumbered: AK0xx are file and YAML problems, AK1xx schema problems, AK2xx problems
between files. AK3xx and up are findings of `alignkit check`: AK3xx the CSP's regard to
the plan, AK4xx the plan's regard to the CSP, AK5xx declared links, AK6xx planning
cycles, AK7xx the partnership itself, AK8xx the force area as a whole.

Each entry says what the code means and the usual fix; docs/diagnostics.md and
docs/findings.md are generated from this table and a test keeps them in step.
"""

from __future__ import annotations

from typing import NamedTuple

from .diagnostics import Severity


class CodeInfo(NamedTuple):
    code: str
    title: str
    explanation: str
    fix: str
    severity: Severity | None = None
    """Default severity of an assessment finding (AK3xx and up); document problems are errors."""


_CATALOGUE = [
    # --- AK0xx: the file itself, and YAML syntax ---
    CodeInfo(
        "AK001",
        "File cannot be read",
        "The path does not exist, is a folder where a file was expected, or cannot be opened.",
        "Check the path and the file's permissions.",
    ),
    CodeInfo(
        "AK002",
        "File too large",
        "The file is larger than alignkit's size limit, so it is not read at all.",
        "Plan documents are small; check that this is the right file.",
    ),
    CodeInfo(
        "AK003",
        "Not UTF-8 text",
        "The file is in another text encoding (often Windows-1252 from Word, or UTF-16).",
        "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).",
    ),
    CodeInfo(
        "AK004",
        "Binary file",
        "The file contains NUL bytes or control characters, so it is not a text file.",
        "Point alignkit at the YAML file, not a Word, PDF or spreadsheet file.",
    ),
    CodeInfo(
        "AK005",
        "Empty document",
        "The file holds no YAML content (only blank lines or comments).",
        "Start from the examples or the minimal documents in docs/getting-started.md.",
    ),
    CodeInfo(
        "AK006",
        "YAML syntax error",
        "The text is not valid YAML: often a missing colon, an unclosed quote, or a line "
        "indented differently from its neighbours.",
        "Look at the line shown and the one above it; quote text that contains ': ' or '#'.",
    ),
    CodeInfo(
        "AK007",
        "Tab used for indentation",
        "YAML does not allow tab characters for indentation.",
        "Replace the tabs with spaces (two per level is usual).",
    ),
    CodeInfo(
        "AK008",
        "Duplicate key",
        "The same key appears twice in one mapping; YAML readers silently keep only one, so "
        "part of the document would be lost.",
        "Remove or rename one of the two keys.",
    ),
    CodeInfo(
        "AK009",
        "Too many aliases",
        "The document uses more anchors and aliases (&name / *name) than alignkit allows, "
        "or they expand to too much data. This guards against 'alias bombs'.",
        "Write the values out instead of using aliases.",
    ),
    CodeInfo(
        "AK010",
        "Nesting too deep",
        "Mappings and lists are nested more deeply than any plan document needs.",
        "Check the indentation; plan documents are only a few levels deep.",
    ),
    CodeInfo(
        "AK011",
        "Tag not allowed",
        "The document uses a YAML tag (such as !!python/object) or a merge key (<<). alignkit "
        "reads plain data only.",
        "Remove the tag and write the value as plain text, a list or a mapping.",
    ),
    CodeInfo(
        "AK012",
        "More than one document",
        "The file holds several YAML documents separated by '---'.",
        "Put each plan or partnership in its own file.",
    ),
    CodeInfo(
        "AK013",
        "Top level is not a mapping",
        "The document must be a mapping of keys (kind:, title:, …), not a list or plain text.",
        "Start the file with 'kind:' on the first line, without a leading '-'.",
    ),
    CodeInfo(
        "AK014",
        "Key is not plain text",
        "A mapping key is itself a list, a mapping or an alias.",
        "Write keys as plain words followed by a colon.",
    ),
    CodeInfo(
        "AK015",
        "Too many documents",
        "More files were given than one run reads (2,000 by default, far more than the CSPs of "
        "all England and Wales). Usually a folder above the plans was named by mistake.",
        "Name the folder that holds the plan files, or raise [limits] files in alignkit.toml.",
    ),
    CodeInfo(
        "AK016",
        "Too many objectives, priorities or meetings",
        "A list (objectives, priorities, meetings or any other) is longer than any real plan "
        "has (100 by default): probably generated or pasted in error, and too long to assess "
        "in seconds.",
        "Check the list, or raise [limits] items in alignkit.toml.",
    ),
    # --- AK05x: spreadsheets read by `alignkit import` ---
    CodeInfo(
        "AK050",
        "Not a spreadsheet alignkit can read",
        "The file given to `alignkit import` is not an .xlsx workbook or a CSV file that can "
        "be read: it may be damaged, or another kind of file renamed to .xlsx.",
        "Open it in Excel and save it again as 'Excel Workbook (.xlsx)' or 'CSV UTF-8'.",
    ),
    CodeInfo(
        "AK051",
        "Workbook is password-protected or an old .xls file",
        "Encrypted (password-protected) workbooks and Excel 97-2003 .xls files are stored in a "
        "format alignkit does not open.",
        "Remove the password (File > Info > Protect Workbook) and save as 'Excel Workbook "
        "(.xlsx)'.",
    ),
    CodeInfo(
        "AK052",
        "Spreadsheet too large",
        "The file, or what it expands to when unpacked, is larger than alignkit's limits (a "
        "guard against 'zip bombs'); a plan's workbook is a few hundred kilobytes.",
        "Check that this is the right file; delete unused sheets, images and formatting.",
    ),
    CodeInfo(
        "AK053",
        "Too many rows",
        "A sheet has more rows than alignkit imports (1,000 by default): far more than any "
        "plan has objectives, priorities, contacts or meetings.",
        "Check that this is the right sheet, and delete the rows below the last real one.",
    ),
    CodeInfo(
        "AK054",
        "Sheet missing or not understood",
        "The workbook has neither an Objectives sheet (a police and crime plan) nor a "
        "Priorities sheet (a partnership), or has both, or a sheet alignkit needs is hidden.",
        "Start from `alignkit import --template`, and keep the sheet names it uses.",
    ),
    CodeInfo(
        "AK055",
        "Missing column",
        "A column the sheet needs (such as Id or Title) is not in its header row.",
        "Add the column, with the header shown, to the first row of the sheet.",
    ),
    CodeInfo(
        "AK056",
        "Unknown column or field",
        "A header (or a field name in the Plan or Partnership sheet) is not one alignkit "
        "knows, so its values would be lost.",
        "Use the suggested name, or delete the column; docs/import.md lists them all.",
    ),
    CodeInfo(
        "AK057",
        "Column given twice",
        "Two headers of one sheet (or two field names) mean the same thing, so it is unclear "
        "which value counts.",
        "Delete or rename one of the two.",
    ),
    CodeInfo(
        "AK058",
        "Formula without a value",
        "The cell holds a formula whose result was never saved (the file was not last saved "
        "by Excel), so alignkit cannot know its value.",
        "Open the file in Excel and save it, or type the value instead of the formula.",
    ),
    CodeInfo(
        "AK059",
        "Merged cells",
        "Cells are merged across rows or columns where each cell must hold its own value; only "
        "the first of merged cells keeps its value.",
        "Select the cells, choose Merge & Center > Unmerge Cells, and fill each cell in.",
    ),
    # --- AK1xx: the document's fields ---
    CodeInfo(
        "AK100",
        "Missing or unknown kind",
        "Every document says what it is with 'kind:': police-and-crime-plan or "
        "community-safety-partnership.",
        "Add 'kind: police-and-crime-plan' or 'kind: community-safety-partnership'.",
    ),
    CodeInfo(
        "AK101",
        "Unknown key",
        "The key is not part of the document format (often a typo).",
        "Use the suggested key, or see docs/reference/ for the keys allowed there.",
    ),
    CodeInfo(
        "AK102",
        "Missing required key",
        "A key that this part of the document needs is absent.",
        "Add the key shown, at the place shown.",
    ),
    CodeInfo(
        "AK103",
        "Wrong type of value",
        "The value is the wrong shape: text where a list is needed, a list where a mapping is "
        "needed, an empty value, or similar.",
        "Write the value in the form the message asks for; docs/reference/ shows each "
        "key's expected value.",
    ),
    CodeInfo(
        "AK104",
        "Value not allowed",
        "The value has the right shape but is not one of the allowed values or forms "
        "(for example a tier that does not exist, or an id with spaces).",
        "Use one of the values listed in the message.",
    ),
    CodeInfo(
        "AK105",
        "Invalid period",
        "A period is not in a form alignkit understands, or it ends before it starts.",
        "Write 2025/26, 2025/26-2027/28, 2025-2029, or 2025-04-01 to 2028-03-31.",
    ),
    CodeInfo(
        "AK106",
        "Invalid date",
        "A date is not a real date or is not written as YYYY-MM-DD.",
        "Write dates as YYYY-MM-DD, e.g. 2026-03-31.",
    ),
    # --- AK2xx: between documents ---
    CodeInfo(
        "AK201",
        "Duplicate objective id",
        "Two objectives of the police and crime plan share an id, so CSPs cannot say which "
        "one they mean.",
        "Give each objective its own id (P1, P2, …).",
    ),
    CodeInfo(
        "AK202",
        "Duplicate priority id",
        "Two priorities of one partnership share an id.",
        "Give each priority its own id within the partnership.",
    ),
    CodeInfo(
        "AK203",
        "Duplicate partnership id",
        "Two CSP documents use the same id.",
        "Give each partnership its own id; if two partnerships merged, keep one file.",
    ),
    CodeInfo(
        "AK204",
        "'supports' names an unknown objective",
        "A priority says it supports an objective id the police and crime plan does not have.",
        "Use an objective id from the plan (see the suggestion), or remove the link.",
    ),
    CodeInfo(
        "AK205",
        "'regard' names an unknown objective",
        "A regard record refers to an objective id the police and crime plan does not have.",
        "Use an objective id from the plan (see the suggestion).",
    ),
    CodeInfo(
        "AK206",
        "Different force area",
        "The partnership's force_area is not the police and crime plan's force area.",
        "Correct force_area, or check against the right police and crime plan.",
    ),
    CodeInfo(
        "AK207",
        "Wrong kind of document",
        "A partnership document was given where the police and crime plan was expected, or "
        "the reverse.",
        "Give the plan first and the CSP files or folders after it.",
    ),
    CodeInfo(
        "AK208",
        "No documents found",
        "A folder given on the command line holds no .yaml or .yml files.",
        "Check the folder, or name the files directly.",
    ),
    CodeInfo(
        "AK209",
        "More than one police and crime plan",
        "Several plan documents for the same force area were given, so alignkit cannot tell "
        "which one the partnerships should be checked against.",
        "Keep one plan per force area in the set of files you validate.",
    ),
    CodeInfo(
        "AK210",
        "Objective recorded twice in 'regard'",
        "Two 'regard' records name the same objective, so it is unclear which reason stands.",
        "Keep one record for the objective, with the reason the partnership agreed.",
    ),
]


_FINDINGS = [
    # --- AK3xx: the CSP has regard to the police and crime plan ---
    CodeInfo(
        "AK301",
        "Unexplained gap",
        "No priority of the partnership addresses this police and crime plan objective, and "
        "the partnership has not recorded why. The duty (Crime and Disorder Act 1998 "
        "s.6(1A)) is to have regard, which means consideration, not adoption: being able to "
        "show the objective was considered. This is the real gap the duty is about. An "
        "objective the plan marks policing_only is never reported.",
        "Either add or reword a priority that addresses the objective, or add a 'regard' "
        "record with the reason it is not a local priority (e.g. led at county level).",
        Severity.ERROR,
    ),
    CodeInfo(
        "AK302",
        "Considered, not adopted",
        "The partnership has recorded why this objective is not a local priority. This is "
        "what having regard looks like; it is listed so the reasons are visible.",
        "Nothing to do; review the reason when the plan is refreshed.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK303",
        "Objective only partly addressed",
        "The closest priority touches the objective but does not clearly address it.",
        "Make the link explicit in the priority's description (name the objective's "
        "themes), or record the objective in 'regard' if it is not a local priority.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK304",
        "Devolved Welsh functions",
        "A Welsh partnership records that it did not adopt this objective because it "
        "concerns devolved Welsh functions (such as health, education or housing). The "
        "partnership-side duty to have regard to the plan (Crime and Disorder Act 1998 "
        "s.6(1A)) applies apart from devolved Welsh functions, so this is not a gap.",
        "Nothing to do; the statement of regard explains the carve-out. Review the record "
        "when the plan is refreshed.",
        Severity.INFO,
    ),
    # --- AK4xx: the plan has regard to the CSP ---
    CodeInfo(
        "AK401",
        "Priority not reflected in the plan",
        "No objective of the police and crime plan addresses this partnership priority. The "
        "body that issues the plan must have regard to each "
        "CSP's priorities (PRSRA 2011 s.10), so this is one for its office to consider at the "
        "plan's next review.",
        "Share the priority and its evidence with the plan's office before its next review; "
        "if the priority is purely local, no change to the plan may be needed.",
        Severity.WARNING,
    ),
    # --- AK5xx: declared links ---
    CodeInfo(
        "AK501",
        "Declared link not borne out by the text",
        "The priority says it 'supports' an objective, but the two texts show little in "
        "common, so a reader of either plan would not see the link.",
        "Reword the priority's description to show how it serves the objective, or remove "
        "the link.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK502",
        "Undeclared link",
        "The priority clearly addresses an objective it does not list in 'supports'.",
        "Add the objective's id to the priority's 'supports' list.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK503",
        "Regard record for an objective the CSP addresses",
        "A 'regard' record says the objective is not a local priority, but a priority does "
        "address it. The record is probably out of date.",
        "Remove the 'regard' record, or check that the priority really is about the objective.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK504",
        "Carried from the outgoing plan",
        "A 'supports' or 'regard' record names an objective id of the plan this one "
        "supersedes; the plan's mapping carries it to the new objective(s), and the check "
        "reads it as naming them.",
        "Nothing is wrong; when the partnership next refreshes its plan, write the new ids.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK505",
        "Record names a dropped objective",
        "A 'supports' or 'regard' record names an objective of the outgoing plan that the "
        "new plan dropped (its mapping sends it nowhere), so the record no longer applies.",
        "Review the record: remove it, or link the priority to an objective of the new plan.",
        Severity.WARNING,
    ),
    # --- AK6xx: planning cycles ---
    CodeInfo(
        "AK601",
        "Partnership plan has expired",
        "The partnership plan's period ended before the as-of date.",
        "Refresh the partnership plan and update 'plan.period'.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK602",
        "Strategic assessment is more than 12 months old",
        "CSPs produce a strategic assessment every year; this one is older than that.",
        "Complete this year's strategic assessment and update 'strategic_assessment.date'.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK603",
        "Partnership plan does not overlap the police and crime plan",
        "The two plans cover periods that do not meet, so neither can have had regard to "
        "the other.",
        "Check the periods; refresh the older plan.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK604",
        "Planning cycles not aligned",
        "The partnership's next refresh falls after the police and crime plan's next review, "
        "so the plan's review cannot take the refreshed priorities into account.",
        "Bring the partnership's refresh forward, or agree a common timetable across the "
        "force area (the LGA guide recommends aligning cycles).",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK605",
        "Plan runs past its issuing body's term",
        "The plan runs past the end of its issuing body's term or a recorded transfer date. "
        "Under the Police Reform and Social Responsibility Act 2011 s.5 a plan has effect to "
        "the end of the financial year in which the issuing body's term ends; the dates come "
        "from the body's term in the plan, alignkit's table of governance events (such as "
        "the end of PCC terms in May 2028, announced, subject to legislation) and the "
        "[[governance]] entries of alignkit.toml. alignkit never assumes a future election.",
        "End the plan's period on 31 March of that financial year, or record the successor "
        "arrangement for your area in alignkit.toml if the table does not fit it.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK606",
        "Review date has passed",
        "The plan's next review or refresh date is before the as-of date.",
        "Carry out the review and set the next date.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK607",
        "Interim plan",
        "The plan is marked interim: the outgoing plan continues until the successor body "
        "(a mayor or a policing and crime board, from May 2028) issues its own.",
        "When the successor's plan is issued, replace this one and declare 'supersedes'.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK608",
        "Old 'commissioner' field",
        "The plan names its issuing body with the older 'commissioner' field. It still "
        "works, read as issued_by with kind pcc (pfcc when the office names fire, mayor "
        "when it names a mayor), but cannot say a board's members or a term's end.",
        "Write 'issued_by' with kind, name and holder instead (docs/documents.md).",
        Severity.INFO,
    ),
    # --- AK7xx: the partnership ---
    CodeInfo(
        "AK701",
        "Responsible authority not taking part",
        "A statutory responsible authority (the chief officer of police, the council(s), the "
        "fire and rescue authority, the health body (the Local Health Board in Wales, the "
        "ICB in England), the probation provider) is recorded as not taking part. Health "
        "and probation are the most often absent.",
        "Invite the authority's representative and record them under 'responsible_authorities'.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK702",
        "Responsible authority not recorded",
        "The document does not say whether this statutory responsible authority takes part.",
        "Add it under 'responsible_authorities' with true or false.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK703",
        "Old 'tier: welsh'",
        "The partnership says it is Welsh with 'tier: welsh'. It still works, read as "
        "nation: wales, but Wales is a nation, not a kind of council: every Welsh "
        "partnership is for a principal (unitary) council area, or several merged.",
        "Write 'nation: wales' and the tier (unitary, or merged) instead of 'tier: welsh'.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK704",
        "Old responsible-authority key",
        "The partnership records a responsible authority under an older short key (police, "
        "local_authority, fire_and_rescue, health, probation). It still works; the law "
        "(Crime and Disorder Act 1998 s.5(1)) names the chief officer of police, the "
        "council(s), the fire and rescue authority, the probation provider, and the health "
        "body: the Local Health Board in Wales, the ICB in England.",
        "Rename the key as the message shows (docs/documents.md lists them).",
        Severity.INFO,
    ),
    CodeInfo(
        "AK705",
        "No serious violence strategy recorded",
        "The partnership records no serious violence strategy. Under the Serious Violence "
        "Duty (in force 31 January 2023; Crime and Disorder Act 1998 s.6(1)(d)) the "
        "partnership's strategy must include preventing and reducing serious violence, in "
        "England and in Wales.",
        "Record it under 'strategies' with kind serious-violence, its title, the date "
        "adopted and the next review.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK706",
        "Strategy past its review date",
        "A statutory strategy the partnership holds (serious violence, substance misuse, "
        "reoffending, Prevent, domestic abuse safe accommodation) was due for review before "
        "the as-of date.",
        "Review the strategy and record the new 'next_review' date.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK707",
        "Plan not recorded as sent to the policing body",
        "The partnership does not record when it sent its plan to the body that issues the "
        "police and crime plan. In England each partnership plan is sent to it (SI "
        "2007/1830 reg 13A, inserted by SI 2012/2660); in Wales it is how that body can "
        "have regard to the partnership's priorities.",
        "Record the date under 'plan' as sent_to_policing_body: YYYY-MM-DD.",
        Severity.INFO,
    ),
    CodeInfo(
        "AK708",
        "Partnership has ended",
        "The partnership's successor (a partnership for a new unitary council, or a merged "
        "one) has taken over by the as-of date, so the partnership is reported as ended: "
        "none of its plans or strategies is out of step, and no other finding is made "
        "about it.",
        "Nothing to do; remove the file when it is no longer needed for the record.",
        Severity.INFO,
    ),
    # --- AK8xx: the force area ---
    CodeInfo(
        "AK801",
        "Objective no partnership addresses",
        "No CSP in the force area addresses this objective. The body that issues the plan may "
        "need to deliver it another way, or it may not be grounded in local evidence. An "
        "objective marked policing_only (budgets, workforce, technology) is never reported: "
        "partnerships have regard to it (CDA 1998 s.6(1A)), which means consideration, not "
        "adoption.",
        "Discuss with the CSPs at the force-wide meeting; check the evidence behind it.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK802",
        "Shared local theme the plan may be missing",
        "Several CSPs prioritise a theme that no objective of the police and crime plan covers.",
        "Raise it with the plan's office before the plan's next review.",
        Severity.WARNING,
    ),
    # --- AK9xx: the configuration's waivers ---
    CodeInfo(
        "AK901",
        "Waiver has expired",
        "A waiver in the configuration accepted a finding until a date that has now passed, so "
        "the finding counts again.",
        "Resolve the finding, or renew the waiver with a new 'expires' date and reason.",
        Severity.WARNING,
    ),
    CodeInfo(
        "AK902",
        "Waiver matches no finding",
        "A waiver in the configuration names a code and target that no finding has: the "
        "problem it accepted has gone, or the waiver names the wrong partnership, priority or "
        "objective.",
        "Remove the waiver, or correct its code and target.",
        Severity.WARNING,
    ),
]

CODES: dict[str, CodeInfo] = {info.code: info for info in [*_CATALOGUE, *_FINDINGS]}


def hint_for(code: str) -> str:
    return CODES[code].fix
