"""Building blocks of name boundaries: what may sit inside a Swedish name and what ends one.

The name and role lists are data (``data/*.tsv``); this module holds the small closed classes
(particles, conjunctions, parties) and the shapes (initials, surname endings) that decide how
far a PERSON span reaches.
"""

from __future__ import annotations

import re

from ...lexicon import conjunctions, party_letters

#: Lower-case particles inside a surname (``Carl af Ugglas``, ``Ursula von der Leyen``). They only
#: count between capitalised name words or before one at the span's start.
PARTICLES: frozenset[str] = frozenset(
    {"af", "von", "de", "van", "der", "den", "da", "di", "du", "la", "le", "ten", "ter", "zu", "al", "el", "bin", "ibn"}
)

#: Particles safe enough to extend an entity over (``de``/``den``/``la`` are also Swedish words).
EXTEND_PARTICLES: frozenset[str] = frozenset({"af", "von", "van", "der", "de"})

#: Words and signs that join two names in a list (``Jonas Florén och Mia Wihlborg``); compared in lower
#: case (the shared lexicon's ``conjunctions.tsv``).
CONJUNCTIONS: frozenset[str] = conjunctions()

#: Party abbreviations after a name (``Anna Svensson (S)``), also when the parentheses are lost
#: (from the shared lexicon's ``parties.tsv``).
PARTIES: frozenset[str] = party_letters()

#: An initial: ``G``, ``G.``, ``A.-K.``
INITIAL = re.compile(r"^(?:[A-ZÅÄÖ]\.?-?){1,2}$")

#: A word written like a name: a capital letter, then letters, hyphens or apostrophes.
NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|[-'’](?=[^\W\d_]))*$")

#: Endings of Swedish surnames: an unknown capitalised word that ends so continues a name
#: (``Charlotte Rosenlund`` + ``Sjövall``). Municipality names are excluded separately.
SURNAME_ENDINGS = re.compile(
    r"(?:sson|son|sen|berg|bergh|ström|strom|qvist|kvist|quist|lund|lind|gren|dahl|dal|holm|ander|ell|én|éen|in|ius|"
    r"man|mann|stedt|stad|gård|ling|lin|blad|vall|wall|sjö|hed|bäck|beck|strand|stam|skog|fors|feldt|felt|näs|ek|eke|"
    r"rot|green|löf|löv|ros|stam|sten|stén|borg|mark|hem|ås|å|ov|ova|ev|eva|ic|ić|ović|ski|ska|nen|oğlu|oglu|zadeh)$"
)

#: Endings of Swedish nouns that the surname endings above would take for names
#: (``Kommunstyrelsen``, ``Utvecklingen``); an unknown word ending so never continues a name.
NOUN_ENDINGS = re.compile(r"(?:elsen|ningen|ingen|nden|heten|eten|tet|het|else|verket|huset|salen|rådet|gruppen|ssen)$")

#: Words after a genitive name that are not the possessed noun (so ``Jonas`` keeps its ``s``).
NOT_NOUNS: frozenset[str] = frozenset(
    {
        "och",
        "samt",
        "eller",
        "som",
        "att",
        "men",
        "med",
        "från",
        "till",
        "för",
        "om",
        "av",
        "vid",
        "i",
        "på",
        "under",
        "efter",
        "före",
        "inför",
        "hos",
        "mot",
        "utan",
        "inte",
        "också",
        "även",
        "då",
        "nu",
        "här",
        "där",
        "just",
        "har",
        "hade",
        "är",
        "var",
        "blir",
        "blev",
        "ska",
        "skulle",
        "kan",
        "kunde",
        "vill",
        "ville",
        "får",
        "fick",
        "bör",
        "måste",
        "tar",
        "tog",
        "ger",
        "gav",
        "går",
        "gick",
        "ser",
        "säger",
        "sa",
        "sade",
        "menar",
        "tycker",
        "berättar",
        "informerar",
        "presenterar",
        "redogör",
        "redovisar",
        "föreslår",
        "meddelar",
        "deltar",
        "leder",
        "inleder",
        "avslutar",
        "tackar",
        "framför",
        "lyfter",
        "betonar",
        "konstaterar",
        "påpekar",
        "undrar",
        "återkommer",
        "ansvarar",
        "sammanfattar",
        "hälsar",
        "yrkar",
        "anmäler",
        "noterar",
        "ordförande",
        "ledamot",
        "ersättare",
        "sekreterare",
        # strong (irregular) past tenses
        "deltog",
        "bjöd",
        "höll",
        "kom",
        "stod",
        "lät",
        "drog",
        "skrev",
        "bad",
        "fann",
        "såg",
        "åtog",
        "slog",
        "bar",
        "sköt",
        "bröt",
        "gjorde",
        "sålde",
        "valdes",
        "gör",
        "dör",
    }
)

#: Present-tense endings (``informerar``, ``gör``): a verb, not a possessed noun.
PRESENT_ENDINGS: tuple[str, ...] = ("ar", "är", "ör", "år")

#: Past-tense and supine endings: a word ending so after a name is its verb, not a possessed noun.
VERB_ENDINGS: tuple[str, ...] = ("ade", "ede", "dde", "tte", "de", "te", "at", "it")

#: Endings of the capitalised label, heading and table words that sit next to names in minutes
#: (``Justeringens``, ``Överläggning``, ``Justerande``, ``Justeras``, ``Paragrafer``, ``Redovisningarna``,
#: ``Postadress``, ``Kanslienheten``): a word that is no known name and ends so is trimmed off a PERSON
#: and gives no name evidence.
LABEL_ENDINGS: tuple[str, ...] = (
    "ning",
    "ningen",
    "ningens",
    "ningar",
    "ningarna",
    "ering",
    "eringen",
    "eringens",
    "eringar",
    "ande",
    "andes",
    "ende",
    "endes",
    "arna",
    "erna",
    "orna",
    "eras",
    "ades",
    "tses",
    "adress",
    "kontoret",
    "enheten",
    "else",
    "elsen",
    "het",
    "heten",
    "tion",
    "tionen",
    "graf",
    "grafer",
    "ighet",
    "förteckning",
    "ärende",
    "ärenden",
    "beslut",
    "protokoll",
    "bilaga",
    "bilagor",
    "bevis",
    "anslag",
    "anslags",
    "adresser",
)

#: Endings of street, square and venue names (``Cellulosavägen``, ``Ale Torg``, ``Sickla Kaj``,
#: ``Söder Mälarstrand``, ``Kristinehallen``): a span with such a word is a place, not a person.
PLACE_ENDINGS: tuple[str, ...] = (
    "vägen",
    "väg",
    "gatan",
    "gata",
    "torget",
    "torg",
    "gränd",
    "gränden",
    "allé",
    "allén",
    "kaj",
    "kajen",
    "strand",
    "backe",
    "backen",
    "stigen",
    "leden",
    "platsen",
    "parken",
    "hallen",
    "huset",
    "hus",
    "airport",
    "hotell",
    "hotel",
    "arena",
    "arenan",
    "center",
    "centrum",
    "kulturrum",
    "kyrka",
    "kyrkan",
)

#: A property designation's number after a place (``Vittsjö 4:12``, ``Malmberget 2:11``).
PROPERTY = re.compile(r"^[0-9]{1,4}:[0-9]{1,4}$")

#: Verbs that follow a person's name in minutes (``Rikses redogjorde``, ``Anna Ek informerar``): a word
#: no list knows is a name when one of them follows it.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "redogör",
        "redogjorde",
        "informerar",
        "informerade",
        "berättar",
        "berättade",
        "presenterar",
        "presenterade",
        "föredrar",
        "föredrog",
        "yrkar",
        "yrkade",
        "anmäler",
        "anmälde",
        "svarar",
        "svarade",
        "frågar",
        "frågade",
        "meddelar",
        "meddelade",
        "deltar",
        "deltog",
        "tackar",
        "tackade",
        "inleder",
        "inledde",
        "avslutar",
        "avslutade",
        "föreslår",
        "föreslog",
        "konstaterar",
        "konstaterade",
        "påpekar",
        "påpekade",
        "framför",
        "framförde",
        "betonar",
        "betonade",
        "hälsar",
        "hälsade",
        "undrar",
        "undrade",
        "säger",
        "sa",
        "sade",
        "menar",
        "menade",
        "tycker",
        "tyckte",
        "ansvarar",
        "ansvarade",
        "återkommer",
        "ersätter",
        "ersatte",
        "tjänstgör",
        "tjänstgjorde",
        "välkomnar",
        "välkomnade",
        "öppnar",
        "öppnade",
        "förklarar",
        "förklarade",
        "beskriver",
        "beskrev",
        "reserverar",
        "reserverade",
        "instämmer",
        "instämde",
        "avstår",
        "avstod",
        "lämnar",
        "lämnade",
        "leder",
        "ledde",
        "utses",
        "valdes",
        "väljs",
    }
)
