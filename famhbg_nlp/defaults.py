"""Every default of the package, in one place.

Components, the CLI and the training code read their defaults from here, so a
change of policy is one edit and the documentation can point at one file.
"""

from __future__ import annotations

from typing import Literal

from .labels import LabelMap, LabelView, label_colors, label_names, scored_value_labels, value_labels

# The labels are described in famhbg_nlp.labels (the registry); these names are live views of it.

#: The labels of the annotation scheme (``../shared/spec/annotation-scheme.md``) and any registered since.
LABELS = LabelView(label_names, "LABELS")

#: Labels whose spans carry a normalized value in the scheme.
VALUE_LABELS = LabelView(value_labels, "VALUE_LABELS")

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

#: Remove an entity of a rule component's label (proposed by the NER) when the rules cannot give it
#: a value: a MUNICIPALITY that is none of the 290, an AMOUNT or DATE that does not parse. The rules
#: know these labels exactly; the NER's guesses there were the main source of false positives in
#: cross-validation. Malformed dates the rules themselves find keep their ``None`` value.
DROP_UNVALUED = True

#: Two-digit years at or below this pivot are read as 20YY, above it as 19YY.
CENTURY_PIVOT = 69

#: How many characters from the top of a document are searched for the meeting date
#: when no labelled header (``Datum:``, ``Tid/Plats:`` ...) gives it.
MEETING_DATE_HEAD_CHARS = 400

#: Order of the rule components in the default pipeline (after the trained NER).
#: ``famhbg_orgs`` comes first so organisations the NER took for persons (``Malungs Elverk AB``)
#: are ORG before the names component fixes the persons; ``famhbg_names`` then trims over-long
#: PERSON spans (``Tomas Rikse Klippan``) before the municipalities component compares span lengths.
RULE_PIPES: tuple[str, ...] = ("famhbg_orgs", "famhbg_names", "famhbg_municipalities", "famhbg_amounts", "famhbg_dates")


# --- training and evaluation (famhbg_nlp.training) ---------------------------------------

#: How many times each gold document appears in the training mix (next to the synthetic ones).
GOLD_REPEAT = 10

#: Share of the synthetic records held out as the dev set during ``famhbg train``.
DEV_SYNTHETIC_FRACTION = 0.1

#: Synthetic records and seed used by ``famhbg train`` / ``famhbg crossval`` when not given.
SYNTHETIC_DOCS = 600
SEED = 0

#: Training steps of each fold in ``famhbg crossval`` (keeps the whole run well under 30 minutes).
CROSSVAL_MAX_STEPS = 2000

#: Labels whose normalized value is scored ("value accuracy") on exactly matched spans.
SCORED_VALUE_LABELS = LabelView(scored_value_labels, "SCORED_VALUE_LABELS")

# --- amounts (famhbg_amounts) -------------------------------------------------------

#: Mark a range written with a dash (``100-200 tkr``, one token in the project tokenizer)
#: as one AMOUNT span without a value (no single sum is meant; cf. DATE's ``null``).
AMOUNTS_RANGES = True

#: Read a unit written before its number (``SEK 500 000``, ``kr 5 000``); a year after it
#: (``kr 2021``, a table heading) is never read as an amount.
AMOUNTS_UNIT_FIRST = True

# --- corpus tooling (famhbg_nlp.corpus, famhbg corpus ...) ---------------------------

#: The annotated corpus (``*.jsonl``) that ``famhbg corpus`` commands read when no path is given.
CORPUS_DIR = "corpus"

#: Labels of other NER corpora (CoNLL, Hugging Face, the Swedish news NER corpus) -> scheme labels
#: on import; ``None`` drops the entity. A label neither here nor in LABELS is an error.
FOREIGN_LABELS: dict[str, str | None] = {
    "PER": "PERSON",
    "PRS": "PERSON",
    "ORG": "ORG",
    "LOC": None,
    "GPE": None,
    "MISC": None,
    "TME": None,
    "EVN": None,
    "WRK": None,
    "OBJ": None,
    "MSR": None,
}

#: Share of documents and seed of ``famhbg corpus export --dev-fraction`` (document-level split).
CORPUS_DEV_FRACTION = 0.2
CORPUS_SPLIT_SEED = 0

#: Sentences per record when reading the Swedish news NER corpus (sentences joined by newlines).
SWEDISH_NER_SENTENCES_PER_RECORD = 1

#: Longest span excerpt printed by ``famhbg corpus validate``.
EXCERPT_CHARS = 60

# --- municipalities (famhbg_municipalities) ------------------------------------------

#: Also match names written in capitals (``HELSINGBORGS STAD``); an ambiguous name in
#: capitals (``VARA``) still needs ``kommun``/``stad`` after it.
MUNICIPALITIES_MATCH_UPPERCASE = True

# --- dates (famhbg_dates) -------------------------------------------------------------

#: How many characters from the top of a document are searched for a generic meeting-date
#: header (``Datum:``, ``Tid/Plats:``, ``Plats och tid:``). Specific labels
#: (``Sammanträdesdatum``, ``Mötesdatum``) are read anywhere.
MEETING_DATE_LABEL_CHARS = 2000

# --- extraction and HTML rendering (famhbg_nlp.extract, famhbg_nlp.protocol.render) -------

#: Documents per batch handed to ``nlp.pipe`` (and per task of a worker process).
EXTRACT_BATCH_SIZE = 8

#: Longest piece of text the pipeline runs on at once. A longer text (up to any length) is cut at
#: page or paragraph boundaries and processed piece by piece (:mod:`famhbg_nlp.chunking`): the
#: neural network's memory grows with the text it sees at once (a whole 1M-character text needs
#: 2.4 GB, 250k-character pieces keep a 2 MB text under 1.2 GB). Real minutes are shorter.
PIECE_CHARS = 250_000

#: Background colour of each label in the HTML rendering (set in famhbg_nlp.labels).
LABEL_COLORS = LabelMap(label_colors, "LABEL_COLORS")

# --- organisations (famhbg_orgs) -------------------------------------------------------

#: Drop ORG entities of the NER that no rule finds and that show no sign of being a name (one
#: capitalised word opening a sentence, an internal body, a place before a property number).
ORGS_DROP_UNSUPPORTED = True

#: An acronym defined next to an organisation (``... AB (NÖVA)``) is ORG wherever it recurs.
ORGS_ACRONYMS = True

# --- names (famhbg_names) -------------------------------------------------------------

#: The entity label the names component fixes.
NAMES_LABEL = "PERSON"

#: Extend a cut-off PERSON over double surnames, particles and initials (``Sten G Johansson``).
NAMES_EXTEND = True

#: Split run-together names (``Jonas Florén och Mia Wihlborg``, ``Per Borg Carina Leffler``).
NAMES_SPLIT = True

#: Cut a municipality name off the edge of a PERSON (``Tomas Rikse Klippan`` -> ``Tomas Rikse``).
NAMES_TRIM_PLACES = True

#: Keep a PERSON only with name evidence: a known first name or surname, a surname's shape, the
#: shape of a name no list knows, party letters, a role or a verb of speech next to it; table words
#: (``Justering``), places, streets and venues are no names.
NAMES_EVIDENCE = True

# --- annotation round trips (famhbg annotate, famhbg corpus import --from label-studio|doccano|prodigy) ---

#: File of the corpus directory that newly imported documents are added to.
ANNOTATE_IMPORT_FILE = "annotated.jsonl"
#: ``model_version`` of Label Studio predictions when the pipeline has no name/version of its own.
ANNOTATE_MODEL_VERSION = "famhbg"
