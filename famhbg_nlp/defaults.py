"""Every default of the package, in one place.

Components, the CLI and the training code read their defaults from here, so a
change of policy is one edit and the documentation can point at one file.
"""

from __future__ import annotations

from typing import Literal

#: The labels of the annotation scheme (``../shared/spec/annotation-scheme.md``).
LABELS: tuple[str, ...] = ("PERSON", "MUNICIPALITY", "ORG", "DATE", "AMOUNT")

#: Labels whose spans carry a normalized value in the scheme.
VALUE_LABELS: tuple[str, ...] = ("MUNICIPALITY", "DATE", "AMOUNT")

#: Language code of every pipeline the package builds.
LANG = "sv"

#: Registered name of the project tokenizer.
TOKENIZER = "famhbg_nlp.tokenizer.v1"

#: How rule spans combine with entities already in ``doc.ents`` (the trained NER's):
#: ``"rules"``: a rule span replaces every entity it overlaps;
#: ``"longest"``: a rule span replaces overlapping entities of its own label and
#:     shorter-or-equal entities of other labels, but a strictly longer entity of
#:     another label (``Högskolan i Kristianstad`` as ORG) keeps its place;
#: ``"ner"``: rule spans only fill gaps where no entity overlaps.
MergePolicy = Literal["rules", "longest", "ner"]
MERGE_POLICIES: tuple[str, ...] = ("rules", "longest", "ner")

DATES_POLICY: MergePolicy = "rules"
AMOUNTS_POLICY: MergePolicy = "rules"
MUNICIPALITIES_POLICY: MergePolicy = "longest"

#: Two-digit years at or below this pivot are read as 20YY, above it as 19YY.
CENTURY_PIVOT = 69

#: How many characters from the top of a document are searched for the meeting date
#: when no labelled header (``Datum:``, ``Tid/Plats:`` ...) gives it.
MEETING_DATE_HEAD_CHARS = 400

#: Order of the rule components in the default pipeline (after the trained NER).
RULE_PIPES: tuple[str, ...] = ("famhbg_municipalities", "famhbg_amounts", "famhbg_dates")

#: Exit code of CLI commands when some input failed but the rest of the batch completed.
EXIT_PARTIAL_FAILURE = 1
