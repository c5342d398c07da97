"""Turn what the user wrote (story results, research, better answers, topics) into pieces that
fit the grammar's slots, or say that a piece does not fit.

The user writes fragments ("Grew email capture 200% in four months", "4,000 sign-ups in the
first week"); a note needs clauses ("I grew email capture 200% in four months"). The rules here
are deliberately modest: when a fragment cannot be made into a clause with confidence, the
composer uses another piece of evidence rather than print a broken sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import pairwise

from afterword.checker.rules.grammar_slip import agreed, counted_plural
from afterword.model import Interview, Moment, Story

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])")
_WORD = re.compile(r"\S+")

# Irregular past tenses that open a result ("Grew email capture 200%"); regular ones end in -ed.
_PAST = frozenset(
    [
        "came",  # "the gap came down from 9% to 2%"
        "sank",
        "grew",
        "built",
        "cut",
        "ran",
        "led",
        "won",
        "wrote",
        "made",
        "drove",
        "took",
        "brought",
        "bought",
        "sought",
        "fought",
        "set",
        "saw",
        "sold",
        "shipped",
        "fell",
        "rose",
        "began",
        "became",
        "caught",
        "chose",
        "did",
        "found",
        "gave",
        "got",
        "held",
        "hit",
        "kept",
        "knew",
        "left",
        "lent",
        "lost",
        "met",
        "paid",
        "put",
        "read",
        "said",
        "sent",
        "shut",
        "sped",
        "spent",
        "stood",
        "taught",
        # British forms: "learnt SystmOne" is the writer's deed.
        "learnt",
        "spelt",
        "burnt",
        "dreamt",
        "leapt",
        "spoilt",
        "thought",
        "told",
        "understood",
        "went",
        "used",
        "split",
        "spun",
        "shrank",
        "dealt",
        "sat",
        "spoke",
        "drew",
        "fed",
        "heard",
        "felt",
        "dug",
        "broke",
        "struck",
        "swept",
    ]
)
_NOT_PAST = frozenset(
    [
        "need",
        "speed",
        "feed",
        "seed",
        "red",
        "bed",
        "hundred",
        "shed",
        "bred",
        "led",
        "used",
        "based",
        "sized",
    ]
) - {"led", "used"}
TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"}
    | {"rev", "revd", "reverend", "canon", "fr", "father", "rabbi", "imam", "pastor", "sister"}
    | {"bishop", "archbishop", "cardinal", "deacon", "vicar", "chaplain", "brother", "sr"}
    | {"councillor", "councilor", "cllr", "alderman", "alderwoman", "mayor", "senator", "sen"}
    | {"commissioner"}
    # "Madam Owusu-Ansah": the respect of West African and South Asian English for a woman,
    # written before her family name (a note greets her "Ms Owusu-Ansah").
    | {"madam", "madame"}
    | {"governor", "ambassador", "judge", "justice", "dean", "provost", "chancellor"}
    # Ranks: a captain of an airline or a ship, an officer of the police or the forces.
    | {"capt", "captain", "cdr", "cmdr", "commander", "col", "colonel", "lt", "lieutenant"}
    | {"maj", "major", "sgt", "sergeant", "insp", "inspector", "supt", "superintendent"}
    | {"cpl", "corporal", "gen", "general", "adm", "admiral", "det", "detective", "pc"}
    # Air ranks written in two words ("Sqn Ldr", "Wg Cdr", "Flt Lt", "Gp Capt").
    | {"sqn", "ldr", "wg", "flt", "gp", "cdre"}
    # Professional and honorific titles: "Ing." (an engineer in Latin America and Europe),
    # "Engr", "Alhaja" and "Alhaji" (a Yoruba or Hausa honorific after the hajj).
    | {"ing", "engr", "alhaja", "alhaji"}
    # "Eng." (an engineer in Brazil, Portugal and the Arab world), "Mag." (an Austrian
    # master's degree), Austrian honorary titles ("Kommerzialrat Pichler"), and the Brazilian
    # and Spanish "Dona"/"Doña", said with the first name ("Dona Cida").
    | {"eng", "agr", "mag", "kommerzialrat", "hofrat", "dona", "doña"}
    # Spanish forms: "Sra." and "Srta." (Mrs, Miss), "Dra." (a doctor), "Lic." (a graduate,
    # as used in Mexico), "Arq." (an architect).
    | {"sra", "srta", "dra", "lic", "arq"}
    # Malay forms of address, said with the given name ("Encik Faizal", "Puan Aminah").
    | {"encik", "puan", "cik", "tuan", "datuk", "dato", "datin", "haji", "hajah"}
    # A registered planner in Kenya ("Plan. Grace Atieno Odhiambo").
    | {"plan"}
)
#: Titles that qualify the one before them and are not said alone: "Eng. Agr." (an
#: agronomist engineer) is addressed as "Eng.".
_QUALIFYING = frozenset({"agr"})
#: A rank said in two words: "Sqn Ldr Grant", never "Ldr Grant".
_TWO_WORD_RANK = frozenset(
    {("sqn", "ldr"), ("wg", "cdr"), ("flt", "lt"), ("gp", "capt"), ("lt", "col")}
    | {("lt", "cdr"), ("lt", "gen"), ("maj", "gen"), ("air", "cdre"), ("det", "insp")}
    | {("det", "sgt"), ("det", "supt"), ("chief", "insp"), ("chief", "supt")}
)


def _rank(parts: list[str], titles: int) -> str:
    """The title a name is addressed with: the last of its titles ("Revd. Canon" -> "Canon"),
    or the last two where they make one rank ("Sqn Ldr")."""
    while titles > 1 and parts[titles - 1].rstrip(".").casefold() in _QUALIFYING:
        titles -= 1
    last = parts[titles - 1]
    if titles >= 2:
        pair = (parts[titles - 2].rstrip(".").casefold(), last.rstrip(".").casefold())
        if pair in _TWO_WORD_RANK:
            return f"{parts[titles - 2][:1].upper()}{parts[titles - 2][1:]} {last}"
    return last[:1].upper() + last[1:]


#: Titles that are also given names ("Dean Hall", "Justice Smith", "Brother" rarely, but a
#: surname can follow it alone): a title only before a first name and a surname.
_GIVEN_TOO = frozenset(
    {"dean", "justice", "brother", "sister", "bishop", "governor", "major", "general"}
)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# A full stop that ends an abbreviation, not a sentence: "the report Prof. Doyle mentioned".
_ABBREVIATED = re.compile(
    r"\(?(?:mr|mrs|ms|mx|dr|prof|st|rev|revd|fr|sr|jr|cllr|capt|col|lt|sgt|insp|supt|no|vs|approx"
    r"|e\.g|i\.e|cf)\.",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        piece = piece.strip()
        if not piece:
            continue
        # (only the last word is read: a run of "Mr. Mr. ..." joined is read once, not again
        # at every join)
        if out and _ABBREVIATED.fullmatch(out[-1].rsplit(None, 1)[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _strip_end(text: str) -> str:
    return " ".join(text.split()).rstrip(" .;:,")


_PREFIXES = ("re", "co-", "co", "over", "out", "under", "up")
#: What may come before the hyphen of a verb ("co-led", "re-ran"); before another word, a
#: participle that makes adjectives ("partner-sourced", "data-driven") makes one.
_VERB_PREFIXES = frozenset(["re", "co", "pre", "un", "de", "mis", "over", "under", "out", "up"])
_COMPOUND_TAIL = frozenset(
    ["sourced", "based", "driven", "led", "related", "focused", "generated", "funded", "owned",
     "backed", "powered", "centred", "centered", "oriented", "qualified", "influenced",
     "supported", "assisted", "enabled", "managed", "approved", "sized", "shaped"]
)  # fmt: skip


def _is_past(word: str) -> bool:
    w = word.casefold()
    head, hyphen, tail = w.rpartition("-")
    if hyphen and head not in _VERB_PREFIXES and tail in _COMPOUND_TAIL:
        return False  # "partner-sourced pipeline", "data-driven": an adjective, no deed
    if w in _PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST):
        return True
    # "rebuilt", "oversaw", "co-led", "undertook": an irregular past behind a prefix.
    return any(w.startswith(p) and w[len(p) :] in _PAST for p in _PREFIXES)


def _is_verb(word: str, before: str = "") -> bool:
    """Whether ``word`` is a finite verb; ``before`` (the word before it) tells the present
    plural ("both now own") from a noun ("a service they own" is the same word)."""
    bare = word.strip(",;:.")
    if len(bare) > 1 and bare.isupper():
        return False  # "LED lighting", "WAS": an acronym, not "led" or "was"
    w = bare.casefold().replace("\u2019", "'")
    if _is_past(w) or w in _AUX or w in _PRESENT or w.endswith("n't"):
        return True
    return w in _PLURAL and before.strip(",;:.").casefold() in _PLURAL_SUBJECT


def _has_verb(text: str) -> bool:
    words = text.split()
    return any(_is_verb(w, b) for b, w in zip(["", *words], words, strict=False))


def has_verb(text: str) -> bool:
    """Whether ``text`` has a finite verb: a clause, not a thing named ("my solo demo")."""
    return _has_verb(text)


# Finite verbs in the present that results are written with ("the team uses it every day");
# only forms that are seldom a noun, so that "3 new leads a week" keeps no verb.
_AUX = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "does",
        "did",
    ]
)
_PRESENT = frozenset(
    [
        "uses",
        "owns",
        "handles",
        "takes",
        "serves",
        "covers",
        "relies",
        "makes",
        "gets",
        "sees",
        "saves",
        "needs",
        "goes",
        "keeps",
        "includes",
        "brings",
        "supports",
        "reaches",
        "remains",
        "stays",
        "holds",
        "helps",
        "generates",
        "comes",
        "gives",
        "means",
        "completes",
        "resolves",
        "sells",
        "grows",
        "beats",
    ]
)
_PLURAL = frozenset(
    [
        "use",
        "own",
        "run",
        "take",
        "serve",
        "cover",
        "rely",
        "make",
        "get",
        "see",
        "need",
        "keep",
        "remain",
        "stay",
    ]
)
_PLURAL_SUBJECT = frozenset(["now", "still", "also", "both", "they", "we", "all"])


#: Words of a formal style that precede the titles and are never part of a salutation:
#: "The Reverend Canon ...", "The Very Reverend ...", "The Rt Hon ...".
_STYLE = frozenset(
    {"the", "very", "right", "rt", "most", "hon", "honourable", "honorable", "venerable", "rt."}
)


def _styled(parts: list[str]) -> list[str]:
    """A name without its leading style words ("The Rt Hon Jane Ashby" -> "Jane Ashby") and
    its words in brackets ("Col. (Retd)", "Dr. (Mrs.)"), which are never said."""
    parts = [p for p in parts if not (p.startswith("(") and p.endswith(")"))]
    i = 0
    if parts and parts[0].casefold() == "the":
        while i < len(parts) - 1 and parts[i].rstrip(".").casefold() in _STYLE:
            i += 1
    return parts[i:]


def _title_count(parts: list[str]) -> int:
    """How many of a name's leading words are titles: "Councillor Margaret Oduya" has one,
    "Revd. Canon David Ashworth" two, "Dean Hall" none (a given name, not the title)."""
    titles = 0
    while titles < len(parts) and parts[titles].rstrip(".").casefold() in TITLES:
        word = parts[titles].rstrip(".").casefold()
        if word in _GIVEN_TOO and len(parts) - titles < 3:
            break
        titles += 1
    return titles


#: Vietnamese family names, which come first: "Nguyễn Thị Lan" is Lan. Written with their
#: marks, or, without them, only at the head of a name of three words or more ("Nguyen Van
#: An"), since "Mai" or "Lam" alone may well be a given name.
_FAMILY_FIRST = frozenset(
    [
        "nguyễn",
        "trần",
        "lê",
        "phạm",
        "hoàng",
        "huỳnh",
        "phan",
        "vũ",
        "võ",
        "đặng",
        "bùi",
        "đỗ",
        "hồ",
        "ngô",
        "dương",
        "lý",
        "đinh",
        "trương",
        "lương",
        "đào",
        "trịnh",
    ]
)
_FAMILY_FIRST_PLAIN = frozenset(
    ["nguyen", "tran", "pham", "hoang", "huynh", "dang", "bui", "ngo", "duong", "trinh"]
)


#: The parts of a Balinese name before the given one: "I" (male) or "Ni" (female), a
#: birth-order name, a caste title. "Ni Ketut Sriasih" is greeted as Sriasih, never as "Ni".
_BALINESE_MARK = frozenset(["i", "ni"])
_BALINESE_ORDER = frozenset(
    {"wayan", "gede", "putu", "iluh", "luh", "made", "kadek", "nengah", "nyoman", "komang"}
    | {"ketut", "gusti", "ngurah", "cokorda", "dewa", "desak"}
)
#: Caste titles of two words; "Ida" alone is a given name in many languages.
_BALINESE_PAIRS = frozenset([("ida", "bagus"), ("ida", "ayu"), ("anak", "agung")])


def _balinese_given(parts: list[str]) -> list[str]:
    """A Balinese name with its gender mark, birth-order name and titles left out; the name
    unchanged when it is not one (a gender mark must come before a birth-order name, and a
    birth-order name alone is the given name)."""
    i = 0
    if len(parts) >= 3 and parts[0].casefold() in _BALINESE_MARK:
        if parts[1].casefold() not in _BALINESE_ORDER:
            return parts
        i = 1
    while i < len(parts) - 1:
        if i < len(parts) - 2 and (parts[i].casefold(), parts[i + 1].casefold()) in _BALINESE_PAIRS:
            i += 2
        elif parts[i].casefold() in _BALINESE_ORDER:
            i += 1
        else:
            break
    return parts[i:]


#: Korean family names, which come first: "Park Min-jung" is Min-jung, with the given name's
#: two syllables joined by a hyphen (without one, "Kim Smith" may well be in Western order).
_KOREAN_FAMILY = frozenset(
    {"kim", "lee", "yi", "rhee", "park", "pak", "bak", "choi", "choe", "jung", "jeong", "chung"}
    | {"kang", "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo"}
    | {"suh", "shin", "kwon", "hwang", "ahn", "song", "yoo", "hong", "jeon", "chun", "moon"}
    | {"yang", "son", "bae", "baek", "paik", "heo", "huh", "nam", "noh", "roh", "kwak", "cha"}
    | {"ryu", "jin", "eom", "won", "chae", "woo", "min", "ko", "go", "yu", "an", "ha", "joo"}
)
#: Chinese family names as written in Singapore, Malaysia, Hong Kong and the mainland: "Lim
#: Wei Ling" is Ms Lim, greeted as Wei Ling (a name of three short words, family name first).
_CHINESE_FAMILY = frozenset(
    {"lim", "tan", "lee", "ng", "ong", "goh", "chua", "teo", "koh", "wong", "chan", "chen"}
    | {"lin", "wang", "zhang", "liu", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "zhu"}
    | {"hu", "guo", "gao", "luo", "zheng", "liang", "xie", "tang", "feng", "deng", "cao"}
    | {"peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "ye", "cheng"}
    | {"tay", "yeo", "toh", "sim", "quek", "foo", "chong", "leong", "yap", "khoo", "seah"}
    | {"neo", "lau", "lam", "kwok", "cheung", "leung", "tsang", "yip", "chow", "fong", "mak"}
)


def _given_after_family(parts: list[str]) -> bool:
    """Whether a name (titles left out) puts its family name first: a Korean family name
    before a hyphenated given name ("Park Min-jung"), a Chinese one before a given name of
    two short syllables ("Lim Wei Ling") or of one or two pinyin syllables that is not a
    family name itself ("Chen Haoran"), or a Hungarian one before a Hungarian given name
    ("Szabó Márton")."""
    head = parts[0].casefold() if parts else ""
    if len(parts) == 2 and head in _KOREAN_FAMILY and "-" in parts[1]:
        return True
    if len(parts) == 2 and head in _HUNGARIAN_FAMILY and parts[1].casefold() in _HUNGARIAN_GIVEN:
        return True
    if (
        len(parts) == 2
        and head in _PINYIN_FAMILY
        and parts[1][:1].isupper()
        and _PINYIN_GIVEN.fullmatch(parts[1].casefold())
        and parts[1].casefold() not in _CHINESE_FAMILY | _TAIWANESE_FAMILY | {"li", "ma", "he"}
    ):
        return True
    if (
        len(parts) == 2
        and head in _CHINESE_FAMILY | _TAIWANESE_FAMILY
        and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", parts[1])
    ):
        return True  # "Tsai Ming-hui": a given name of two syllables joined by a hyphen
    return (
        len(parts) == 3
        and head in _CHINESE_FAMILY
        and parts[1].casefold() not in _WESTERN_MIDDLE
        and all(p.isalpha() and p[:1].isupper() and len(p) <= 5 for p in parts[1:])
    )


#: A given name of one or two pinyin syllables ("Haoran", "Jing", "Xiaoming"): "Chen Haoran"
#: is Mr Chen. The syllables of Western names rarely all read as pinyin ("Anderson" does not).
_PINYIN_GIVEN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua"
    r"|uo|ui|ue|a|e|i|o|u)){1,2}"
)
#: Chinese family names in pinyin, which a pinyin given name follows ("Chen Haoran"); a
#: Cantonese or Hokkien one ("Lam Wing") may come before a Western or Vietnamese given name.
_PINYIN_FAMILY = frozenset(
    {"chen", "lin", "wang", "zhang", "liu", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun"}
    | {"zhu", "hu", "guo", "gao", "luo", "zheng", "liang", "xie", "tang", "feng", "deng"}
    | {"cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "cheng"}
    | {"song", "han", "ding", "shen", "du", "ren", "yao", "fang", "jin", "qian", "qin", "xia"}
    | {"zou", "xiong", "meng", "qiu", "hou", "bai", "duan", "lei", "kong", "tao", "mao", "dai"}
)
#: Hungarian family names and given names: a Hungarian name puts the family name first
#: ("Szabó Márton" is Márton, Mr Szabó). Both lists are needed, since many Hungarian family
#: names are given names elsewhere ("Simon", "Major").
_HUNGARIAN_FAMILY = frozenset(
    {"nagy", "kovács", "tóth", "szabó", "horváth", "varga", "kiss", "molnár", "németh"}
    | {"farkas", "balogh", "papp", "takács", "juhász", "lakatos", "mészáros", "oláh", "simon"}
    | {"rácz", "fekete", "szilágyi", "török", "fehér", "balázs", "gál", "kis", "szűcs"}
    | {"kocsis", "pintér", "fodor", "szalai", "sipos", "magyar", "lukács", "gulyás", "bíró"}
    | {"király", "katona", "jakab", "bogdán", "boros", "fazekas", "kelemen", "antal", "orosz"}
    | {"somogyi", "fülöp", "vincze", "veres", "hegedűs", "deák", "bálint", "illés", "vass"}
    | {"lengyel", "bodnár", "hajdu", "halász", "székely", "gáspár", "kozma", "pásztor"}
    | {"bakos", "orbán", "virág", "barna", "soós", "nemes", "pataki", "borbély", "csonka"}
)
_HUNGARIAN_GIVEN = frozenset(
    {"lászló", "istván", "józsef", "jános", "zoltán", "sándor", "gábor", "ferenc", "attila"}
    | {"péter", "tamás", "zsolt", "tibor", "andrás", "csaba", "imre", "lajos", "györgy"}
    | {"márton", "balázs", "gyula", "mihály", "károly", "miklós", "bence", "máté", "levente"}
    | {"gergő", "ákos", "pál", "béla", "ernő", "dániel", "ádám", "krisztián", "norbert"}
    | {"mária", "erzsébet", "katalin", "ilona", "éva", "zsuzsanna", "margit", "judit"}
    | {"ágnes", "erika", "krisztina", "ildikó", "edit", "gabriella", "szilvia", "mónika"}
    | {"tímea", "réka", "eszter", "zsófia", "nóra", "dóra", "orsolya", "enikő", "hajnalka"}
    | {"boglárka", "anikó", "piroska", "zsuzsa", "kinga", "emese", "csilla", "györgyi"}
)
#: Spanish family names: a Spanish name ends with two ("Candelaria Acosta Pérez" is Dr Acosta
#: Pérez, not Dr Pérez), where a Portuguese or Brazilian one is addressed by its last
#: ("Luana Gonçalves Pimentel" is Ms Pimentel); names common to both are left out.
_SPANISH_FAMILY = frozenset(
    {"garcía", "rodríguez", "gonzález", "fernández", "lópez", "martínez", "sánchez", "pérez"}
    | {"gómez", "jiménez", "ruiz", "hernández", "díaz", "moreno", "álvarez", "muñoz"}
    | {"romero", "alonso", "gutiérrez", "navarro", "torres", "domínguez", "vázquez", "ramos"}
    | {"ramírez", "serrano", "blanco", "suárez", "molina", "morales", "ortega", "delgado"}
    | {"castro", "ortiz", "rubio", "marín", "sanz", "núñez", "iglesias", "medina", "garrido"}
    | {"cortés", "castillo", "lozano", "guerrero", "cano", "prieto", "méndez", "cruz"}
    | {"calvo", "gallego", "vidal", "león", "márquez", "herrera", "peña", "flores", "cabrera"}
    | {"vega", "fuentes", "carrasco", "caballero", "reyes", "nieto", "aguilar", "montero"}
    | {"hidalgo", "ibáñez", "ferrer", "durán", "benítez", "vargas", "arias", "crespo"}
    | {"velasco", "soler", "parra", "bravo", "gallardo", "rojas", "acosta", "ybarra", "ibarra"}
    | {"cantú", "villarreal", "altamirano", "salazar", "mendoza", "espinoza", "espinosa"}
    | {"rivera", "chávez", "contreras", "sandoval", "guzmán", "aguirre", "zamora", "valdez"}
    | {"figueroa", "orozco", "estrada", "rosales", "cervantes", "maldonado", "treviño"}
    | {"garza", "cisneros", "ochoa", "padilla", "ríos", "quintero", "solís", "zúñiga"}
    | {"escobar", "meléndez", "villalobos", "echeverría", "urrutia", "etxeberria", "puig"}
)
#: Nepali family names of two words: a clan and the group it belongs to ("Thapa Magar").
_NEPALI_GROUP = frozenset({"magar", "gurung"})
_NEPALI_CLAN = frozenset({"thapa", "rana", "ale", "pun", "budha", "roka", "gharti", "ghale"})


def _two_word_surname(rest: list[str]) -> bool:
    """Whether a name of three words or more ends with a family name of two: a Spanish one
    ("Ximena Ybarra Peña", "María Fernanda Ruiz Altamirano") or a Nepali clan and group
    ("Sabitri Thapa Magar")."""
    if len(rest) < 3 or not all(w[:1].isupper() for w in rest[-2:]):
        return False
    second, last = rest[-2].casefold(), rest[-1].casefold()
    if last in _NEPALI_GROUP and second in _NEPALI_CLAN:
        return True
    return second in _SPANISH_FAMILY or (
        second.endswith("ez") and len(second) > 4 and not last.endswith("es")
    )


#: Chinese family names as romanised in Taiwan: "Tsai Ming-hui" is greeted as Ming-hui.
_TAIWANESE_FAMILY = frozenset(
    {"tsai", "hsu", "hsieh", "chiang", "tseng", "kuo", "chou", "chiu", "lai", "hung", "su"}
    | {"lu", "chien", "liao", "tsao", "kao", "chu", "shih", "ho", "lo", "yeh", "wei", "chao"}
)
#: Second halves of Western double first names ("Lee Ann Rimes", "Lou Ann Smith").
_WESTERN_MIDDLE = frozenset(
    {"ann", "anne", "mae", "may", "roy", "jean", "joe", "ray", "sue", "lou"}
)


def first_name(name: str) -> str:
    """The name a person is greeted by: the first after any titles, the last of a
    Vietnamese name, whose family name comes first ("Nguyễn Thị Lan" -> "Lan"), the given
    name of a Balinese one ("Ni Ketut Sriasih" -> "Sriasih"), or the given name after a
    Korean or Chinese family name ("Park Min-jung" -> "Min-jung", "Lim Wei Ling" -> "Wei
    Ling")."""
    parts = _styled(name.split())
    parts = _balinese_given(parts[_title_count(parts) :])
    if not parts:
        return name
    if _given_after_family(parts):
        return " ".join(parts[1:])
    head = parts[0].casefold()
    if len(parts) >= 2 and (
        head in _FAMILY_FIRST or (len(parts) >= 3 and head in _FAMILY_FIRST_PLAIN)
    ):
        return parts[-1]
    return parts[0]


#: Words that begin a surname: "Aoife Ní Bhriain" is Dr. Ní Bhriain, "Jan van Dijk" Mr. van Dijk.
_PARTICLES = frozenset(
    {"ní", "nic", "mac", "mc", "ó", "o'", "de", "del", "della", "der", "di", "da", "dos", "du"}
    | {"la", "le", "van", "von", "ten", "ter", "bin", "ibn", "al", "el", "st."}
    # Welsh patronymics: "Dr Gwenllian Ap Rhys" is Dr Ap Rhys.
    | {"ap", "ab", "ferch", "verch"}
)


#: Titles said with the given name: a knight's, a religious sister's or brother's, the
#: Brazilian "Dona", the Malay "Encik" and "Puan" ("Encik Faizal bin Rahmat" is Encik Faizal).
_WITH_GIVEN_NAME = frozenset(
    {"sir", "dame", "sister", "sr", "brother", "dona", "doña", "encik", "puan", "cik", "tuan"}
    | {"datuk", "dato", "datin", "haji", "hajah"}
)


def honorific(name: str) -> str | None:
    """ "Dr. Aoife Ní Bhriain" -> "Dr. Ní Bhriain", "Revd. Canon David Ashworth" -> "Canon
    Ashworth", "Mrs Joanne Whitfield" -> "Mrs Whitfield": the salutation a name given with a
    title asks for, the title spelled as the user wrote it (None without a title). Sir, Dame,
    Sister and Brother go with the first name, as they are used; a style before the titles
    ("The Reverend Canon Ann Hale", "The Rt Hon") is not said: "Canon Hale"."""
    parts = _styled(name.split())
    titles = _title_count(parts)
    rest = parts[titles:]
    if not titles or not rest:
        return None
    title = _rank(parts, titles)  # the last of several: "Revd. Canon" is addressed as Canon
    if title.rstrip(".'’").casefold() in _WITH_GIVEN_NAME:
        # A religious sister or brother is addressed by the religious (first) name, as a
        # knight by his: "Sister Teresa", "Sir Alan".
        return f"{title} {rest[0]}"
    if _given_after_family(rest):
        return f"{title} {rest[0]}"  # "Prof. Lim Wei Ling" is Prof. Lim
    surname = rest[-2:] if _two_word_surname(rest) else rest[-1:]
    i = len(rest) - len(surname) - 1
    while i >= 1 and rest[i].casefold() in _PARTICLES:
        surname.insert(0, rest[i])
        i -= 1
    return f"{title} {' '.join(surname)}"


_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:inc|incorporated|llc|l\.l\.c|llp|ltd|limited|plc|gmbh|ag|bv|b\.v|nv|n\.v|sa|s\.a"
    r"|co|corp|corporation|pty(?:\s+ltd)?|s\.?r\.?l|pte|sdn\.?\s+bhd|bhd|ehf|hf|ohf|oy|oyj"
    r"|ab|asa|aps|a/s|s\.p\.a|spa|sarl|s\.a\.r\.l|k\.?k|kft|zrt|sp\.\s+z\s+o\.o|s\.?r\.?o)\.?)+$",
    re.IGNORECASE,
)
_ROLE_QUALIFIER = re.compile(r"\s*(?:,|\(|\s[-–—]\s|/).*$")


# What a long official name ends with that nobody says aloud: the kind of school, its church
# status, "NHS Foundation Trust", "Regional Medical Center", "Financial Services Group".
_DESCRIPTOR = re.compile(
    r"(?i)(?:\s+|^)(?:church\s+of\s+england|c\.?\s?of\s?e\.?|ce|roman\s+catholic|catholic|rc"
    r"|methodist|voluntary|aided|controlled|primary|secondary|junior|infants?|nursery|middle"
    r"|school|academy|multi-academy|federation|trust|nhs|foundation|hospitals?|medical|health"
    r"|healthcare|clinic|regional|center|centre|partners|group|holdings|services|financial"
    r"|solutions|co-?operative|construction|infrastructure|supply|supplies|retail|systems"
    r"|technologies|international|global|enterprises|industries|consulting|logistics)$"
)
_BODY = frozenset(
    ["Foundation", "Trust", "Partnership", "Society", "Federation", "Alliance", "Association"]
)
_JOINER = re.compile(r"(?i)\s+(?:&|and|of|for)$")
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_TOWN = re.compile(r",\s+(?:[A-Z][\w'-]+)(?:[\s-][A-Z][\w'-]+)?$")
# "The <Name> Trust for <a cause of three words or more>": the body by its own name.
_BODY_FOR = re.compile(
    r"^The\s+((?:[A-Z][\w'-]*\s+){1,2}(?:Trust|Foundation|Society|Institute|Charity|Fund"
    r"|Partnership|Alliance|Association|College|School))\s+(?:for|of)\s+(?:\S+\s+){2,}\S+$"
)
# Heads that name a body only with what follows ("the Royal Society" of which?).
_GENERIC_HEAD = frozenset(
    [
        "Royal",
        "National",
        "British",
        "English",
        "Scottish",
        "Welsh",
        "Irish",
        "American",
        "International",
        "General",
        "Chartered",
        "Central",
        "United",
        "European",
        "World",
    ]
)
# Words that qualify a noun ("Teaching Hospitals", "Children's Services"): a short name that
# ends on one has lost what it named.
_MODIFIERS = frozenset(
    [
        "teaching",
        "university",
        "community",
        "children's",
        "women's",
        "general",
        "acute",
        "specialist",
        "mental",
        "royal",
        "national",
        "county",
        "district",
        "city",
        "state",
        "independent",
        "grammar",
        "comprehensive",
        "collegiate",
        "public",
        "private",
        "care",
        "arts",
        "sports",
        "science",
        "music",
        "leisure",
        "heritage",
    ]
)


def _is_modifier(word: str) -> bool:
    w = word.casefold()
    return w in _MODIFIERS or w.endswith(("ing", "al", "ic", "ive"))


#: First words of a body's name that is a common noun, said with "the".
_UNNAMED = frozenset(["Probation", "Prison", "Ambulance", "Fire", "Police", "Coastguard"])


#: The last word of a body's name that English says with "the" ("the Northwest Atlantic
#: Groundfish Science Centre", "the Wellcome Trust"), and the first of one named "of" something
#: ("the Schuylkill Museum of Art and Design", "the University of Otago").
_THE_HEAD = frozenset(
    {"Centre", "Center", "Institute", "Museum", "Agency", "Authority", "Council", "Commission"}
    | {"Board", "Service", "Department", "Ministry", "Bureau", "Gallery", "Library"}
    | {"Observatory", "Foundation", "Trust", "Society", "Association", "Federation", "Alliance"}
)
_THE_OF = re.compile(
    r"\b(?:University|Museum|Institute|Department|Ministry|College|Academy|School|Bureau"
    r"|Office|Library|Gallery|Centre|Center)\s+of\b"
)


def spoken_company(company: str) -> str:
    """A company as people say it after "at" (see :func:`_spoken_company`), with the article
    English gives a body's name: "the Schuylkill Museum of Art and Design", not "at Schuylkill
    Museum of Art and Design"; a name with a possessive ("St Mary's Hospital") has none."""
    spoken = _spoken_company(company)
    words = spoken.split()
    if (
        len(words) >= 2
        and words[0].casefold() not in ("the", "a", "an")
        and not any(w.endswith(("'s", "’s", "s'")) for w in words)
        and (words[-1] in _THE_HEAD or _THE_OF.search(spoken))
    ):
        return f"the {spoken}"
    return spoken


def _spoken_company(company: str) -> str:
    """A company as people say it: "Kestrel Freight Analytics, Inc." -> "Kestrel Freight
    Analytics" (the legal form is for contracts, not for a thank-you note), and a long official
    name by its own words: "Holy Trinity Church of England Voluntary Aided Primary School" ->
    "Holy Trinity", "Pemberton Oakes Financial Services Group" -> "Pemberton Oakes".

    Only a name of four words or more is shortened, only by the descriptive words at its end,
    and only to words that still name it (not to "The", not to a list of places)."""
    name = " ".join(company.split())
    # A registration number or a former name in brackets is for the letterhead, not for speech.
    bare = " ".join(_PARENTHETICAL.sub(" ", name).split()).strip(" ,") or name
    # "Barnes, Hart and Co": the "and" went with the legal form.
    short = re.sub(r"\s+(?:&|and)$", "", _LEGAL_SUFFIX.sub("", bare).strip(" ,"))
    short = short or bare
    # "Harbourline Bank, Seoul Branch", "Genomics Facility, University of Adelaide",
    # "Probation Service, Yorkshire and the Humber": what follows the comma places the body
    # (a branch, a parent, a region); it is said by the name before it.
    before, comma, tail = short.partition(", ")
    if (
        comma
        and len(before.split()) >= 2
        # "The Harrow, Wealdstone & Pinner Community Foundation": a list of places that the
        # name goes on from.
        and "&" not in tail
        and tail.rsplit(" ", 1)[-1] not in _BODY
    ):
        short = before
        if short.split()[0] in _UNNAMED:
            short = "the " + short  # "the Probation Service"
    # "..., Durham": the town a long name is registered in is not part of how it is said.
    town = _TOWN.search(short)
    if town and len(short[: town.start()].split()) >= 3:
        short = short[: town.start()]
    if len(short.split()) < 4:
        return short
    body = _BODY_FOR.match(short)
    if body and body.group(1).split()[0] not in _GENERIC_HEAD:
        # "The Elmfield Trust for Children's Hospice Care": "the Elmfield Trust".
        return f"the {body.group(1)}"
    last = short.rsplit(" ", 1)[-1]
    if (
        short.startswith("The ")
        and len(short.split()) >= 5
        and re.search(r",|\s&\s|\sand\s", short)
        and last in _BODY
    ):
        # "The Harrow, Wealdstone & Pinner Community Foundation": its people say "the
        # Foundation", as nobody reads out the list of places.
        return f"the {last}"
    spoken = short
    while True:
        cut = _JOINER.sub("", _DESCRIPTOR.sub("", spoken)).strip(" ,")
        if cut == spoken:
            break
        spoken = cut
    words = spoken.split()
    if words and spoken != short and _is_modifier(words[-1]):
        # "Royal Wolverhampton and Black Country Teaching" names nothing: a short form never
        # ends on a word that qualifies a noun it has lost. "The Royal X" is said; else whole.
        head = _JOINER.sub("", spoken.split(" and ")[0]).split()
        if len(head) == 2 and head[0] in ("Royal", "Queen's", "King's", "Princess"):
            return f"the {' '.join(head)}"
        return short
    if (
        not words
        or "," in spoken
        or words[0].casefold() in ("the", "a", "an")
        or (len(words) == 1 and (len(words[0]) < 4 or words[0].rstrip(".") in ("St", "Saint")))
    ):
        return short
    return spoken


def spoken_role(role: str) -> str:
    """A role as people say it: "Registered Nurse, Cardiac ICU" -> "Registered Nurse",
    "HR Generalist (Temp-to-Perm)" -> "HR Generalist"; the qualifiers are the posting's."""
    name = " ".join(role.split())
    short = _ROLE_QUALIFIER.sub("", name).strip()
    return short if len(short) >= 3 else name


def formal_name(name: str) -> str:
    return " ".join(name.split())


#: Nouns that name one thing, not a field: a topic ending in one is said with its article
#: ("on the portfolio walkthrough"; "on portfolio walkthrough" reads as a pasted label).
_COUNT_HEAD = frozenset(
    {"recommendation", "walkthrough", "programme", "program", "rollout", "handoff", "handover"}
    | {"policy", "presentation", "proposal", "project", "roadmap", "launch", "exercise"}
    | {"scenario", "deck", "demo", "take-home", "pilot", "dashboard", "case", "brief", "pitch"}
)


def with_article(topic: str) -> str:
    """A jotted topic as a noun phrase a sentence can hold: "voice of the child" -> "the voice
    of the child", "business recommendation" -> "the business recommendation"; a field
    ("permanence planning", "attribution"), a plural or a topic with its own determiner as
    written."""
    words = topic.split()
    if not words or words[0].casefold() in _DETERMINER | {"your", "my", "how", "what", "why"}:
        return topic
    if not words[0][:1].islower() and words[0] != words[0].capitalize():
        return topic  # "ABM for...", "HubSpot to Salesforce attribution": a name leads
    # "voice of the child": a noun of something named after it.
    of = re.match(r"^([a-z][\w-]*)\s+of\s+(?:the|a|an|your|our|their)\s", topic)
    head = words[-1].casefold()
    if of or (len(words) <= 4 and head in _COUNT_HEAD):
        return f"the {topic}"
    return topic


_WHY_MOVE = re.compile(
    r"(?i)^why\s+(leave|leaving|move|moving|switch|switching|change|changing|quit|quitting)\s+"
)
_ING = {"leave": "leaving", "move": "moving", "switch": "switching", "change": "changing"}


def topic_phrase(topic: str) -> str:
    """A topic as the note can say it to the interviewer: their program is "your program",
    one thing has its article ("the webinar programme"), and a motive jotted as a question
    reads as one ("why leave community pharmacy" -> "why I am leaving community pharmacy")."""
    topic = _strip_end(topic)
    move = _WHY_MOVE.match(topic)
    if move:
        verb = move.group(1).casefold()
        verb = _ING.get(verb, "quitting" if verb == "quit" else verb)
        return f"why I am {verb} {topic[move.end() :]}"
    # Topics are jotted per interviewer: "her sandy fields" on Dona Cida's card are hers.
    topic = re.sub(r"^(?:their|our|his|her|the company's)\s+", "your ", topic, flags=re.IGNORECASE)
    # "route planning in their TMS": theirs is the reader's organisation.
    return with_article(re.sub(r"\btheir\b", "your", topic))


def reads_as_phrase(topic: str) -> bool:
    """Whether a topic (as :func:`topic_phrase` says it) reads as words for a sentence: one
    thing with its article or its owner ("the December auction", "your sandy fields"), or a
    question word's clause ("how the night shift hands over"); a jotted label does not."""
    words = topic.split()
    return 1 < len(words) <= 7 and words[0].casefold() in (
        "the", "your", "how", "why", "what", "where", "when", "who",
    )  # fmt: skip


_THEIR = re.compile(r"\b(?:[Tt]heir|[Tt]hey|[Tt]hey've|[Tt]hey're)\b")
# A plural noun that "their" may point back to ("the skippers ... their catch").
_PLURAL_NOUN = re.compile(
    r"\b[A-Za-z][a-z-]{2,}[^s'\W]s\b"
    # Plurals without an "s" ("where the fish are, ... what they are eating"), and a body
    # named by its acronym as the clause's subject ("CFIA inspect the compliance, they...").
    r"|\b(?:fish|people|children|men|women|staff|sheep|deer|police|cattle|crew|public)\b"
    r"|^\s*(?:The\s+)?[A-Z]{2,}\b"
)
_CLAUSE_END = re.compile(r"[.;!?]\s+|:\s+")
_THIRD = re.compile(
    r"\b(?:his|her)\b(?=\s+(?!(?:that|to|the|a|an|and|about|how|what|in|on|with|for)\b)[a-z])"
)
_SUBJECT = re.compile(r"(?i)\b(?:he|she|him|he's|she's)\b")
_CALENDAR = frozenset(
    {"january", "april", "may", "june", "july", "august", "october", "december"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_YOU = {"their": "your", "they": "you", "they've": "you've", "they're": "you're"}


def _your(m: re.Match[str]) -> str:
    """ "their" -> "your", keeping a capital at a sentence's start ("Their annual report")."""
    word = m.group(0)
    said = _YOU[word.casefold()]
    return said[:1].upper() + said[1:] if word[:1].isupper() else said


@lru_cache(maxsize=512)
def _reader_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The reader's name as an owner ("Dr Weber's poster" is "your poster": the title goes
    with the name, not "Dr your") and as whom the writer would tell ("I would tell bec, log
    it"), each with the word before the name, which :func:`_untitled` drops if a title."""
    named = re.escape(name)
    return (
        re.compile(rf"(?P<title>\b[\w.]+\s+)?\b{named}['’]s\b"),
        re.compile(
            rf"(?i)\b(?P<verb>tell|call|ring|phone|ask|email|text|show|warn|brief|update"
            rf"|inform)\s+(?P<title>[\w.]+\s+)?{named}\b(?!['’])"
        ),
    )


def _untitled(said: str) -> Callable[[re.Match[str]], str]:
    """A replacement of the reader's name by ``said``, with the title before it dropped and
    any other word before it kept ("Met Weber's team" -> "Met your team")."""

    def replace(m: re.Match[str]) -> str:
        title = m.group("title") or ""
        kept = "" if title.strip().rstrip(".").casefold() in TITLES else title
        verb = f"{m.group('verb')} " if "verb" in m.groupdict() else ""
        return f"{verb}{kept}{said}"

    return replace


def to_reader(
    text: str,
    reader: str,
    *,
    company_theirs: bool,
    reader_pronouns: bool,
    about: str | None = None,
    company: str = "",
) -> str:
    """What the user wrote about the reader, said to them: "Zoë's team" is "your team" in a
    note to Zoë. With ``company_theirs`` (research and answers about the reader's employer),
    a "their"/"they" that nothing in its clause can point back to is the reader's
    organisation: "the CRM they use" is "the CRM you use". With ``reader_pronouns`` (an answer
    to a question the reader asked), "his standards" is "your standards", where the text has
    no "he" or "she" that would have to change with it."""
    parts = _styled(reader.split())
    names = parts[_title_count(parts) :]
    # "May's figures" is the month's, not May Chen's: a name that is also a month or a day
    # is left as written.
    names = [
        n
        for n in names
        if len(n) > 1 and n.casefold() not in _PARTICLES and n.casefold() not in _CALENDAR
    ]
    for name in [" ".join(names), *names]:
        if name:
            possessive, told = _reader_patterns(name)
            text = possessive.sub(_untitled("your"), text)
            text = told.sub(_untitled("you"), text)
    if company_theirs and about and _names_another(about, company):
        # Research on another body ("Leapfrog": "They have a free trial") is about that body.
        company_theirs = False
    if company_theirs:
        out: list[str] = []
        last = 0
        # "Name them only once they have appeared in court": from the sentence that says
        # "them", or a "they" that a plural noun before it points back to, on, the "they"
        # are those people, never the reader's organisation ("...because only they can
        # decide, and I send them the log. We keep the load closed until they decide.").
        others = next(
            (
                m.start()
                for m in re.finditer(r"[^.!?]+[.!?]*", text)
                if re.search(r"\bthem\b", m.group(0), re.IGNORECASE)
            ),
            len(text),
        )
        previous = ""
        for end in [*(m.end() for m in _CLAUSE_END.finditer(text)), len(text)]:
            clause = text[last:end]
            first = _THEIR.search(clause)
            if first and _PLURAL_NOUN.search(clause[: first.start()]):
                others = min(others, last)
            # "...how I feel about these weddings. They are my favourite part of the job":
            # a sentence that opens with "They" after one that names things or people.
            if re.match(r"They\b", clause) and _PLURAL_NOUN.search(previous):
                others = min(others, last)
            previous = clause
            if first and last < others:
                clause = _THEIR.sub(_your, clause)
            out.append(clause)
            last = end
        text = "".join(out)
    if reader_pronouns and not _SUBJECT.search(text):
        text = _THIRD.sub("your", text)
    return re.sub(r"(^|[.!?]\s+)your\b", lambda m: m.group(1) + "Your", text)


def _names_another(topic: str, company: str) -> bool:
    """Whether a research topic names something other than the reader's organisation: a name
    ("Leapfrog", "CFIA and the SFCR") that is no word of the company's."""
    if re.search(r"(?i)\b(?:their|your|our)\b", topic):
        return False  # "their CRM": the organisation's own
    own = {w.casefold() for w in re.findall(r"\w+", company)}
    words = re.findall(r"\b[A-Z][\w-]*", topic)
    return bool(words) and not any(w.casefold() in own for w in words)


def _as_determined(topic: str, question: str) -> str | None:
    """A bare topic ("school archive") as the question names it ("the school's archive"): a
    singular noun needs its article, and the question has the right one."""
    words = topic.split()
    if not words or len(words) > 4 or words[0].casefold() in _DETERMINER | {"your", "my"}:
        return None
    joined = r"(?:['’]s)?\s+".join(map(re.escape, words))
    m = re.search(rf"(?i)\b(the|our|your)\s+({joined})\b", question)
    if m is None:
        return None
    article = {"our": "your", "your": "my"}.get(m.group(1).casefold(), "the")
    return f"{article} {m.group(2)}"


def moment_topic(moment: Moment) -> str | None:
    """What a moment was about, as a noun phrase: its topic, or what its question asks about."""
    if moment.topic:
        topic = topic_phrase(moment.topic)
        topic = _as_determined(topic, moment.question) or topic
        # A jotted label ("settle plate limits") gives way to the thing the reader asked
        # about in their words ("What is the limit for settle plates in grade A?").
        asked = question_phrase(moment.question)
        if not reads_as_phrase(topic) and asked and _ASKED_WHAT.match(moment.question.strip()):
            return asked
        return topic
    question = _strip_end(moment.question).rstrip("?")
    m = re.search(r"\babout\s+(.{3,60})$", question, re.IGNORECASE)
    if m:
        phrase = m.group(1)
        # The interviewer's "our customers" are "your customers" in the note, and their
        # "your background" is the writer's "my background".
        phrase = re.sub(r"\bour\b", "your", re.sub(r"\byour\b", "my", phrase))
        # "a time you...", "a project that didn't land": a situation the question describes,
        # not a subject the note can name (and it would repeat the question's failure words).
        if not re.search(
            r"\b(?:a|the)\s+time\b|\b(?:you|that|when|where|which|who|how|what)\b",
            phrase,
            re.IGNORECASE,
        ):
            return phrase
    return None


_ASKED_WHAT = re.compile(
    r"(?i)^(?:what|which)(?:\s+(?:is|are|was|were)|['’]s)\s+"
    r"(?P<what>(?:the|a|an|your|our|their|this|these)\s.+)$"
)
_ASKED_HOW = re.compile(
    r"(?i)^(?P<how>how|where|when|what)\s+(?:(?P<aux>would|will|could|should|can|do)\s+you"
    r"|you\s+(?P<aux2>would|will|could|should|can))\s+(?P<rest>.+)$"
)
_SAID_TO_WRITER = {"you": "me", "your": "my", "yours": "mine", "our": "your", "we": "you"}


def question_phrase(question: str) -> str | None:
    """A one-sentence question as the note can name it after "your question about": "What is
    the limit for settle plates in grade A?" -> "the limit for settle plates in grade A", "How
    would you work with our health care aides?" -> "how I would work with your health care
    aides" (a jotted topic label read as pasted in). None for any other form, or a long one."""
    question = re.sub(r"(?i),?\s+roughly$", "", _strip_end(question).rstrip("?").strip())
    if re.search(r"[.?!]\s", question) or not question:
        return None  # a scenario and then the question: its words need the scenario
    said: str | None = None
    what = _ASKED_WHAT.match(question)
    how = _ASKED_HOW.match(question)
    if what:
        said = what.group("what")
    elif how and not re.match(r"(?i)(?:know|think|like|want|mean)\b", how.group("rest")):
        aux = (how.group("aux") or how.group("aux2") or "").casefold()
        said = (
            f"{how.group('how').casefold()} I{'' if aux == 'do' else ' ' + aux} {how.group('rest')}"
        )
    if said is None:
        return None
    # "what you've seen today" is "what I've seen today", never "what me've seen".
    said = re.sub(
        r"(?i)\byou(['’](?:ve|re|d|ll))\b",
        lambda m: "I" + {"'re": "'m", "’re": "’m"}.get(m.group(1).casefold(), m.group(1)),
        said,
    )
    said = re.sub(
        r"\b(you|your|yours|our|we)\b(?!['’])",
        lambda m: _SAID_TO_WRITER[m.group(1).casefold()],
        said,
        flags=re.IGNORECASE,
    )
    return said if 2 <= len(said.split()) <= 10 else None


def scenario_subject(question: str) -> str | None:
    """Who or what a question's scenario is about, as the note can name it: "A 58-year-old
    man, six weeks after a stroke, tells you..." -> "the 58-year-old man", "A reefer with
    pharma on board reports 9 degrees..." -> "the reefer with pharma on board". None where
    the question sets no scene with "A"/"An", or its subject runs long."""
    if not re.search(r"[.?!]\s", question.strip()):
        return None  # a question alone sets no scene
    m = re.match(r"\s*An?\s+(.+)", question)
    if m is None:
        return None
    words = m.group(1).split()
    for at, word in enumerate(words[:8]):
        bare = word.rstrip(",;:.")
        folded = bare.casefold()
        ends = word != bare or folded in ("who", "that", "which", "whose")
        # Its verb: "asks", "cancels", "is", "doesn't", "want" (after "A couple").
        verb = at > 0 and (
            folded in _AUX
            or folded.endswith("n't")
            or folded in ("want", "need", "say", "ask", "come", "call", "tell", "refuse")
            or (
                bare.islower()
                and folded.endswith("s")
                and not folded.endswith(("ss", "us", "is"))
                and words[at - 1].casefold() not in _DETERMINER | {"two", "three", "several"}
                and not has_number(words[at - 1])
            )
        )
        if verb:
            # "A service's readiness probe fails": a possessive is no subject of its own.
            if at == 0 or words[at - 1].endswith(("'s", "’s", "s'")):
                return None
            return f"the {' '.join(words[:at])}"
        if ends:
            return f"the {' '.join(words[:at])} {bare}".replace("  ", " ").rstrip()
    return None


_NUMBER_WORD = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|hundred|thousand|million|half|halved|doubled|tripled|twice"
    r"|\w+fold)\b",
    re.IGNORECASE,
)
# Where a clause can be cut short and still read: before "; ", ", and ...", " and ...".
_CUT = re.compile(r";\s|,\s(?:and|but|so|while|which)\s|,\s|\s(?:and|but|while|so)\s")
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*")


def has_number(text: str) -> bool:
    """Whether ``text`` gives a figure: "200%", "$1.2M", "from eight days to three"."""
    return bool(re.search(r"\d", text) or _NUMBER_WORD.search(text))


def _lower_words(story: Story) -> frozenset[str]:
    return _lower_words_of(
        (
            story.title,
            story.situation or "",
            story.action or "",
            story.result or "",
            *story.metrics,
            *story.skills,
        )
    )


@lru_cache(maxsize=4_096)
def _lower_words_of(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for text in texts for w in _LOWER_WORD.findall(text))


def mid_sentence(text: str, known: frozenset[str] = frozenset()) -> str:
    """``text`` as it reads after a colon or a comma: an ordinary first word ("Monthly churn
    fell") in lower case, a name ("Brightline grew", "SQL", "I") as the user wrote it.

    Which capitals are names cannot be told from the word alone, so a word is lowered only with
    evidence: it is a common opening word, or the user writes it in lower case elsewhere in the
    same story (``known``). Anything else keeps the user's casing."""
    first = text.split(" ", 1)[0]
    word = first.rstrip(",;:.")
    if not word[:1].isupper() or word == "I" or word.startswith("I'"):
        return text
    if word[1:] != word[1:].lower() or any(c.isdigit() for c in word):
        return text  # "SQL", "McKinsey", "iOS", "Q3": written that way on purpose
    folded = word.casefold()
    # "Merchant dashboard" where the story says "merchants": the same word, not a name.
    forms = {folded, folded + "s", folded.removesuffix("s")}
    if folded in _COMMON_STARTS or forms & known:
        return text[:1].lower() + text[1:]
    return text


def _title_phrase(title: str, known: frozenset[str]) -> str | None:
    """A story's title as the subject of a clause: "Scheduling app launch" -> "the scheduling
    app launch", "Mentoring a new hire" -> "my work mentoring a new hire"; None for a title
    that is no noun phrase ("Closed the Globex deal")."""
    title = re.sub(r"^(?:the|a|an)\s+", "", _strip_end(title), flags=re.IGNORECASE)
    if re.search(r"[,;:(]|\b(?:his|her|their|he|she|they)\b", title):
        # "Claim-severity take-home, reworked", "Young person chairing his own review": a
        # label, or a person the title speaks of, is no thing a sentence can be about.
        return None
    title = _lower_first(title, known)
    first, _, rest = title.partition(" ")
    if first.casefold().endswith("ing") and re.match(r"(?i)(?:a|an|the|our|my|two|three)\b", rest):
        return f"my work {title}"  # a gerund with its object: "mentoring a new hire"
    if _is_past(first) or first.casefold().endswith("ing") or first.casefold() in _AUX:
        return None
    return f"the {title}"


# The figure itself moved: "Fell by 22%" has no object, and "I" did not fall.
_CHANGE = frozenset(
    [
        "fell",
        "rose",
        "grew",
        "dropped",
        "increased",
        "decreased",
        "declined",
        "doubled",
        "tripled",
        "halved",
        "improved",
        "went",
        "jumped",
        "climbed",
        "shrank",
        "slipped",
        "soared",
        "plunged",
    ]
)
# What a system, a client or a team does, not the writer: "Handled 18,000 events a second".
_OTHER_AGENT = frozenset(
    ["handled", "processed", "served", "renewed", "received", "attracted", "hosted"]
)
#: Past participles that tell what was done to the work by others ("Listed in 140 more
#: stores", "Shortlisted for the Drum Awards"): the work is their subject, never "I".
_DONE_TO_THE_WORK = frozenset(
    {"listed", "stocked", "featured", "shortlisted", "nominated", "ranked", "published"}
    | {"cited", "selected", "chosen", "adopted", "approved", "funded", "accepted", "awarded"}
    | {"recognised", "recognized", "praised", "quoted", "commissioned", "exhibited"}
)
#: "Became the core of a 2023 exhibition": what the work became, not the writer.
_WORK_BECAME = re.compile(
    r"(?i)^became\s+(?:the\s+|a\s+|an\s+|part\s+of\b)(?:\w+\s+)?"
    r"(?:core|basis|foundation|template|standard|model|default|centrepiece|centerpiece"
    r"|backbone|heart|blueprint|starting\s+point|of)\b"
)


def _done_to_the_work(result: str) -> bool:
    """Whether a result that opens on a past verb tells what became of the work, whose subject
    is the work, not the writer ("Listed in 140 stores", "Became the core of an exhibition")."""
    words = result.split()
    if len(words) < 2:
        return False
    verb, after = words[0].casefold(), words[1].strip(",;:").casefold()
    return (verb in _DONE_TO_THE_WORK and after in _PREPOSITION) or bool(_WORK_BECAME.match(result))


# A system that can be the subject of those verbs.
_SYSTEM = re.compile(
    r"(?i)\b(?:pipeline|service|system|platform|app|application|tool|model|dashboard|api|engine"
    r"|cluster|bot|chatbot|database|site|website|server|queue|network)$"
)
# Words that open the rest of a clause: a verb followed by one of them has lost its object.
_PREPOSITION = frozenset(
    [
        "in",
        "at",
        "for",
        "on",
        "within",
        "by",
        "under",
        "ahead",
        "after",
        "before",
        "with",
        "to",
        "from",
        "over",
        "across",
        "into",
    ]
)
_DETERMINER = frozenset(
    ["the", "a", "an", "our", "my", "their", "its", "his", "her", "this", "that", "these", "those"]
)
# A subject that points back at something the note has not named ("Both were promoted").
_ANAPHOR = re.compile(r"(?i)^(?:both|they|he|she|it|this|these|those|each|all of them)\b")
# A person the story never introduces ("...; she moved $150k to search").
_STRANGER = re.compile(r"(?i)^(?:he|she)\b")
_PRONOUN = re.compile(r"(?i)\b(?:it|them)\b")
_PASSIVE = re.compile(r"(?i)^(?:the|this|that)\s[^,;]*?\b(?:was|were|is|are)\s+\w+ed\b")
# Plural nouns ending in "s" that take a singular verb.
_SINGULAR_S = frozenset(["news", "series", "means", "physics", "mathematics", "maths", "species"])
_PARTICIPLE = {
    "reduce": "reduced",
    "increase": "increased",
    "decrease": "decreased",
    "improve": "improved",
    "raise": "raised",
    "lower": "lowered",
    "double": "doubled",
    "halve": "halved",
    "drop": "dropped",
    "grow": "grown",
    "cut": "cut",
    "shorten": "shortened",
    "complete": "completed",
    "deliver": "delivered",
}


# A verb in its base form after a noun, before a figure it changed by: "on-time delivery go up
# from 65%", "the forecast accuracy increase from 61%", "our company move from Excel to ...".
_BASE_PAST = {
    "go up": "went up",
    "go down": "went down",
    "increase": "increased",
    "decrease": "decreased",
    "improve": "improved",
    "drop": "dropped",
    "fall": "fell",
    "rise": "rose",
    "grow": "grew",
    "move": "moved",
    "become": "became",
    "reduce": "was reduced",
    "double": "doubled",
    "triple": "tripled",
}
# What a customer or a team did next, written in the present after a past clause: "usage
# went from 15% to 70% and they renew for two years".
_NEXT_PAST = {
    "renew": "renewed",
    "sign": "signed",
    "extend": "extended",
    "upgrade": "upgraded",
    "buy": "bought",
    "stay": "stayed",
    "return": "returned",
    "agree": "agreed",
    "decide": "decided",
    "choose": "chose",
    "keep": "kept",
    "start": "started",
    "add": "added",
}
# "responsible for make the forecast": a verb after a preposition takes -ing.
_GERUND = {
    "make": "making",
    "do": "doing",
    "run": "running",
    "plan": "planning",
    "manage": "managing",
    "build": "building",
    "write": "writing",
    "lead": "leading",
    "prepare": "preparing",
    "create": "creating",
    "check": "checking",
    "order": "ordering",
}
_NOT_NOUN = frozenset(
    [
        "i",
        "we",
        "you",
        "they",
        "to",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "do",
        "does",
        "not",
        "never",
        "and",
        "or",
        "also",
        "helped",
        "help",
        "let",
        "make",
        "made",
        "saw",
        "see",
        "watched",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "it",
        "he",
        "she",
        "this",
        "that",
        "these",
    ]
)


def _base_to_past(text: str) -> str:
    verbs = "|".join(re.escape(v) for v in _BASE_PAST)

    def past(m: re.Match[str]) -> str:
        if m.group(1).casefold() in _NOT_NOUN:
            return m.group(0)
        return f"{m.group(1)} {_BASE_PAST[m.group(2).casefold()]}"

    # Only before what a change is measured by ("from 61%", "by 23%", "to SAP", "two days
    # shorter"), where the base form cannot be right after a singular noun.
    numbers = r"(?:\S*\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
    text = re.sub(
        rf"\b([A-Za-z][\w-]*)\s+({verbs})\b(?=\s+(?:from\s|by\s|to\s|in\s+{numbers}|{numbers}))",
        past,
        text,
    )
    # "emergency air freight almost stop": a change that has happened.
    text = re.sub(
        r"(?i)\b(almost|nearly)\s+(stop|disappear|vanish)\b(?!\s+\w+ing)",
        lambda m: f"{m.group(1)} {m.group(2)}{'ped' if m.group(2).endswith('p') else 'ed'}",
        text,
    )
    gerunds = "|".join(_GERUND)
    return re.sub(
        rf"(?i)\b(responsible\s+for|in\s+charge\s+of)\s+({gerunds})\b",
        lambda m: f"{m.group(1)} {_GERUND[m.group(2).casefold()]}",
        text,
    )


# A change jotted without its verb: "falls readmissions 14% to 8% over a year", "first decision
# time down from ~25 to ~10 min", "Monday overtime from 6 hours until 1 hour a week".
_JOTTED_CHANGE = re.compile(
    r"^(?P<what>(?:\d+-)?[A-Za-z][^;,:()]*?)\s+(?:(?P<dir>down|up)\s+)?(?:from\s+)?"
    r"(?P<a>~?[$£€]?(?P<x>\d[\d,]*(?:\.\d+)?)(?:\s*%|\s*[A-Za-z]+)?)\s+(?:to|until|till)\s+"
    r"(?P<b>~?[$£€]?(?P<y>\d[\d,]*(?:\.\d+)?)\s*%?)(?P<tail>(?:\s+[^;,]*)?)$"
)
_NOT_WHAT_CHANGED = frozenset(
    {"in", "on", "at", "by", "for", "over", "within", "after", "from", "to", "the", "a", "an"}
)
#: Past forms that open a jotted change as an adjective ("wasted bags 20% to 6%"); any other
#: ("cut wait from 40 to 12 min") is the writer's deed, read elsewhere.
_ADJECTIVAL_PAST = frozenset(
    {"wasted", "missed", "failed", "delayed", "cancelled", "canceled", "rejected", "returned"}
    | {"damaged", "lost", "unplanned", "repeated", "escalated", "abandoned", "completed"}
    | {"closed", "resolved", "filled", "booked", "signed", "qualified", "reported", "unfilled"}
)


def _changed_thing(what: str) -> bool:
    """Whether ``what`` names a thing that changed: two words or more, not opening on a
    preposition or an article alone, with no verb but a participle after a noun ("transfer
    incidents reported by aides")."""
    words = what.split()
    if len(words) == 1 and len(what) > 1 and what.isupper():
        return True  # "NPS 32 to 51"
    if len(words) < 2 or words[0].casefold() in _NOT_WHAT_CHANGED:
        return False
    first = words[0].casefold()
    if _is_past(first) and first not in _ADJECTIVAL_PAST:
        return False
    if _is_past(first) and words[1].casefold() in _DETERMINER:
        return False  # "Lost the vote 41 to 52": a deed and its score, not a change

    for i, word in enumerate(words):
        w = word.casefold()
        if w in _AUX or w in _PRESENT or w.endswith("n't"):
            return False
        # "numbers dropped" says what happened; "incidents reported by aides" what changed.
        after = words[i + 1].casefold() if i + 1 < len(words) else ""
        if i and _is_past(w) and after not in ("by", "in", "at", "on", "within", "per"):
            return False
    return True


def _spelled_change(segment: str) -> str:
    """A change jotted without a verb, given one: "falls readmissions 14% to 8% over a year"
    -> "falls readmissions fell from 14% to 8% over a year". What changed must lead (not "in
    one year from 58% until 39%...") and hold no verb of its own."""
    m = _JOTTED_CHANGE.match(segment)
    if m is None:
        return segment
    what = m.group("what")
    if not _changed_thing(what):
        return segment
    x, y = (float(m.group(g).replace(",", "")) for g in ("x", "y"))
    if all(re.fullmatch(r"(?:19|20)\d\d", m.group(g)) for g in ("x", "y")):
        return segment  # "the 2024 to 2025 season": years, not a change
    direction = m.group("dir")
    if x == y or (direction == "down" and y > x) or (direction == "up" and y < x):
        return segment
    verb = "fell" if y < x else "rose"
    return f"{what} {verb} from {m.group('a')} to {m.group('b')}{m.group('tail')}"


def spelled_changes(text: str) -> str:
    """Every change jotted without a verb in a result's clauses given one (see
    :func:`_spelled_change`)."""
    parts = re.split(r"(;\s+|,\s+)", text)
    return "".join(_spelled_change(p) if i % 2 == 0 else p for i, p in enumerate(parts))


#: Words jotted without their apostrophe or shortened as in a text message.
_JOTTED_WORDS = {
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "couldnt": "couldn't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "im": "I'm", "ive": "I've", "thru": "through", "ppl": "people",
    "yrs": "years", "yr": "year", "hrs": "hours", "mins": "minutes", "approx": "about",
    "govt": "government", "mgmt": "management", "abt": "about", "tho": "though",
    "theyre": "they're", "youre": "you're", "thats": "that's", "whats": "what's",
}  # fmt: skip
_JOTTED = re.compile(
    rf"\b(?i:{'|'.join(_JOTTED_WORDS)})\b(?![-'’])|\bw/\s*|(?<![\w.])w(?=\s+[a-z]{{2,}}\b)"
)


#: Words that are also written in capitals for other things ("IT", "US", "OR", "HR"): never
#: raised from lower case.
_NOT_RAISED = frozenset(
    {"it", "us", "am", "or", "as", "an", "in", "on", "at", "be", "do", "go", "no", "so", "to"}
    | {"up", "we", "me", "my", "he", "hi", "is", "of", "if", "by", "ok", "hr", "min", "max"}
    | {"km", "kg", "mm", "cm", "id", "re", "vs", "etc", "eg", "ie", "pm", "ad", "a", "i"}
)


#: Words written in capitals only for stress ("doesn't touch it AGAIN"), never acronyms.
_STRESSED = frozenset(
    {"again", "not", "never", "always", "all", "must", "only", "very", "really", "before"}
    | {"after", "first", "now", "every", "still", "just", "too", "more", "less", "any", "none"}
    | {"today", "asap", "yes", "this", "that", "was", "were", "had", "did", "does"}
)


def in_capitals(text: str, acronyms: frozenset[str]) -> str:
    """``text`` with a word the writer jotted in lower case ("the ctv", "call the ap") written
    as the debrief writes it elsewhere ("CTV", "AP")."""
    raised = {
        a.casefold(): a
        for a in acronyms
        if a.casefold() not in _NOT_RAISED | _STRESSED and len(a) <= 5
    }
    if not raised:
        return text
    return re.sub(
        r"(?<![\w'’-])[a-z][a-z0-9]{1,5}(?![\w'’-])",
        lambda m: raised.get(m.group(0), m.group(0)),
        text,
    )


def unjotted(text: str) -> str:
    """Text-message shorthand written out: "Dont go in w it" -> "Don't go in with it"."""

    def full(m: re.Match[str]) -> str:
        word = m.group(0).strip()
        said = "with" if word.casefold() in ("w", "w/") else _JOTTED_WORDS[word.casefold()]
        space = " " if word.casefold() == "w/" else ""  # "w/ the", "w/the": "with the"
        return (said[:1].upper() + said[1:] if word[:1].isupper() else said) + space

    # "if its not locked", "check its real": "it's", where a possessive cannot stand.
    text = re.sub(
        r"\b([Ii])ts\s+(?=(?:not|a|an|the|been|going|ok|okay|fine|real|true|clear|still|only"
        r"|just|because|worth|hard|easy|important|what|why|how|about)\b)",
        r"\1t's ",
        text,
    )
    # "w/o written consent": "without" (before "w/" is read as "with").
    text = re.sub(r"\b([Ww])/o\b", lambda m: "Without" if m.group(1) == "W" else "without", text)
    # "every 15 min", "in 3 hrs": a unit after a figure, written out.
    text = re.sub(r"\b(\d+)\s?min\b(?!\.\w)", r"\1 minutes", text)
    text = re.sub(
        r"\b(\d+)\s?hrs?\b",
        lambda m: f"{m.group(1)} {'hour' if m.group(1) == '1' else 'hours'}",
        text,
    )
    # "locks + earths", "the ctv + the heli": a plus between words is an "and".
    return re.sub(r"(?<=[A-Za-z])\s\+\s(?=[A-Za-z])", " and ", _JOTTED.sub(full, text))


#: Adjectives a learner puts where the adverb goes ("I take the goal serious", "I tell him
#: honest what the rules say", "Lime react slow", "I answered good"), with their adverbs.
_AS_ADVERB = {
    "serious": "seriously", "honest": "honestly", "slow": "slowly", "quick": "quickly",
    "clear": "clearly", "careful": "carefully", "calm": "calmly", "polite": "politely",
    "correct": "correctly", "proper": "properly", "quiet": "quietly", "good": "well",
    "bad": "badly", "different": "differently",
}  # fmt: skip
_AFTER_A_VERB = re.compile(
    r"\b((?:take|takes|took|taking)\s+(?:it|them|this|that|(?:the|my|his|her|their|our|your)"
    r"\s+\w+)"
    # A past form is a verb wherever it stands; a base form only after its subject or a modal
    # ("I tell him", "we should act"), not the noun ("our work good and bad").
    r"|(?:told|explained|answered|spoke|talked|reacted|responded|worked|wrote|acted|behaved)"
    r"|(?:(?<=\bI\s)|(?<=\bwe\s)|(?<=\bthey\s)|(?<=\byou\s)|(?<=\bto\s)|(?<=\bwould\s)"
    r"|(?<=\bwill\s)|(?<=\bcan\s)|(?<=\bcould\s)|(?<=\bshould\s)|(?<=\bmust\s))"
    r"(?:tell|explain|answer|speak|talk|react|respond|work|write|act|behave)"
    r"(?:\s+(?:him|her|them|it|me|us|you))?)\s+"
    rf"({'|'.join(_AS_ADVERB)})"
    # Only where no noun follows ("told him honest feedback" is an adjective and its noun).
    r"(?=\s*(?:$|[,.;:!?)]|\s(?:what|how|why|when|where|that|to|and|with|in|on|at|because"
    r"|so|about|for|from|under|after|before|if|but|or|enough|now|again|too)\b))"
)
#: Nouns a learner counts that English does not: "informations", "advices".
_UNCOUNTED = re.compile(
    r"\b(information|advice|feedback|equipment|knowledge|software|homework|luggage|furniture)s\b",
    re.IGNORECASE,
)


def learner_slips(text: str) -> str:
    """The slips of a writer of English as a second language that have one certain fix: an
    adjective after a verb where its adverb goes ("take it serious" -> "take it seriously"),
    and an uncountable noun given a plural ("informations" -> "information")."""
    text = _AFTER_A_VERB.sub(lambda m: f"{m.group(1)} {_AS_ADVERB[m.group(2)]}", text)
    return _UNCOUNTED.sub(r"\1", text)


def repaired(text: str) -> str:
    """A result with the slips a non-native writer makes most corrected where the fix is
    certain: "scrap rate is reduce from 8% until 2.5%" -> "scrap rate was reduced from 8% to
    2.5%", "the missed medications is reduced" -> "...were reduced"."""
    text = learner_slips(unjotted(text))
    # "Certified internal auditor from 2023; planned..." is a credential held since then, not
    # a deed ("I certified internal auditor", round 21).
    text = re.sub(
        r"^(Certified|Qualified|Chartered|Registered|Licensed|Accredited)\s+"
        r"(?!(?:the|a|an|my|our|all|every|each|them|it)\b)([a-z][\w -]{2,40}?)\s+"
        r"(?:from|since)\s+(\d{4})\b",
        lambda m: f"I have been a {m.group(1).lower()} {m.group(2)} since {m.group(3)}",
        text,
    )
    text = re.sub(r"(?i)\b(from\s+\S*\d\S*|\d+\.\d+)\s+until\s+(?=\S*\d)", r"\1 to ", text)
    text = counted_plural(text)  # "in first 3 month" -> "in first 3 months"

    def participle(m: re.Match[str]) -> str:
        aux = {"is": "was", "are": "were"}.get(m.group(1).casefold(), m.group(1))
        return f"{aux} {_PARTICIPLE[m.group(2).casefold()]}"

    verbs = "|".join(_PARTICIPLE)
    text = re.sub(rf"(?i)\b(is|are|was|were)\s+({verbs})\b", participle, text)

    def agree(m: re.Match[str]) -> str:
        noun, verb = m.group(1), m.group(2)
        if noun.casefold() in _SINGULAR_S or re.search(r"(?:ss|us|is|'s)$", noun.casefold()):
            return m.group(0)
        return f"{noun} {'were' if verb.casefold() == 'was' else 'are'}"

    text = re.sub(r"\b([a-z][a-z-]*s)\s+(was|is)\b", agree, text)
    # "is already approved since October": a state that began then is said in the perfect.
    text = re.sub(
        r"\b(is|are|am)\s+(already\s+)?(\w+ed)\b(?=(?:\s+[^\s,.;:]+){0,5}?\s+since\s+(?:\d|[A-Z]))",
        lambda m: f"{'has' if m.group(1) == 'is' else 'have'} {m.group(2) or ''}been {m.group(3)}",
        text,
    )
    # "I have Goethe-Zertifikat B2 since 2024": a thing held since then, "have had".
    text = re.sub(
        r"\b(I|we|they)\s+have\s+(?!(?:been|had|got|to|\w+ed|\w+en)\b)"
        r"(?=[^,.;:]{2,60}?\s+since\s+(?:\d|[A-Z]))",
        r"\1 have had ",
        text,
    )

    def then(m: re.Match[str]) -> str:
        before = text[: m.start()].split()
        if not any(_is_past(w.strip(",;:").casefold()) for w in before):
            return m.group(0)
        return f"{m.group(1)} {_NEXT_PAST[m.group(2).casefold()]}"

    nexts = "|".join(_NEXT_PAST)
    text = re.sub(rf"(?i)\b(and\s+(?:they|we))\s+({nexts})\b(?!\s+to\b)", then, text)
    text = re.sub(r"\bwas reduced (?=\S*\d)", "was reduced by ", _base_to_past(text))
    # After the past is put right ("the cycle become shorter" -> "became"): "the museum still
    # use my numbers now" -> "...still uses...".
    return _the_measure(spelled_changes(agreed(text)))


#: A measure that changed, jotted without its article: "Monthly lapse report went from 2 days
#: to about 3 hours", "handling time went from 31 to 18 days".
_BARE_MEASURE = re.compile(
    r"(^|,\s+and\s+|;\s+)([A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})\s+"
    r"(?=(?:went|fell|rose|dropped|grew|increased|decreased|improved|doubled|halved)\s+"
    r"(?:from|to|by)\b)"
)


_COUNTED_MEASURE = frozenset(
    ["report", "process", "cycle", "queue", "backlog", "close", "review", "audit", "build",
     "release", "rota", "schedule", "pipeline", "deployment", "handover", "turnaround",
     "workflow", "dashboard", "forecast", "reconciliation", "run", "check", "test", "payroll"]
)  # fmt: skip


def _the_measure(text: str) -> str:
    """A singular measure that changed, given its "the" ("the monthly lapse report went
    from..."); a plural ("daily alerts fell from...") and a determined one are as written."""

    def the(m: re.Match[str]) -> str:
        lead, subject = m.group(1), m.group(2)
        words = subject.split()
        first, last = words[0].casefold(), words[-1].casefold()
        if (
            # A measure ("monthly churn fell", "handling time went") reads well bare; a thing
            # that is counted ("the monthly lapse report") does not.
            last not in _COUNTED_MEASURE
            # One word is a mass noun or a name ("churn fell", "Acme went"); a determiner,
            # a plural ("daily alerts fell") or a name's capitals take no "the" either.
            or len(words) < 2
            or first in _DETERMINER | {"i", "we", "it", "they", "he", "she", "each", "every"}
            or (last.endswith("s") and not last.endswith(("ss", "us", "is")))
            or any(w[:1].isupper() for w in words[1:])
            or (words[0][:1].isupper() and bool(lead))
            or has_number(subject)
        ):
            return m.group(0)
        said = (
            f"the {subject[:1].lower()}{subject[1:]}"
            if words[0][1:].islower()
            else (f"the {subject}")
        )
        if not lead:
            said = said[:1].upper() + said[1:]
        return f"{lead}{said} "

    return _BARE_MEASURE.sub(the, text)


def _lower_first(text: str, known: frozenset[str]) -> str:
    """``text`` after a colon: :func:`mid_sentence`, and a first word that is plainly no name
    (a verb, "Twenty-two", "Mis-picks", "Beds are") lowered too."""
    text = mid_sentence(text, known)
    words = text.split(" ")
    word = words[0].rstrip(",;:.")
    if not word[:1].isupper() or word == "I" or word[1:] != word[1:].lower():
        return text
    folded = word.casefold()
    plain = (
        _is_past(folded)
        or bool(_NUMBER_WORD.fullmatch(folded.split("-")[0]))
        or bool(re.search(r"(?:ing|ly|tion|sion|ment|ness|ity|ies)$", folded))
        # "Mid-market", "On-call": a name would capitalise after the hyphen ("Coca-Cola").
        or bool(re.fullmatch(r"[A-Z][a-z]{1,3}-[a-z]+", word))
        or (
            folded.endswith("s")
            and len(words) > 1
            and _is_verb(words[1], word)
            and not folded.endswith("'s")
        )
    )
    return text[:1].lower() + text[1:] if plain else text


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: A credential jotted with its date: "GWO Advanced Rescue Training, 2025", "RTITB VNA instructor
#: cert 2025", "NEBDN dental radiography cert, passed June 2024", "Level 3 Diploma in Adult
#: Care (2025), ...".
_CREDENTIAL = re.compile(
    r"(?i)^(?P<name>[^,;()]+?\b(?P<kind>cert|certificate|certification|diploma|qualification"
    r"|training|course|licen[cs]e|award|degree|accreditation)(?:\s+(?:in|of)\s+[^,;()]+?)?)"
    r"[,\s]*\(?\s*(?:(?:passed|gained|completed|awarded|achieved|in)\s+)?"
    rf"(?P<when>(?:{_MONTH}\s+)?(?:19|20)\d\d)\)?(?:[,;].*)?$"
)


def credential(result: str) -> str | None:
    """A credential jotted with its date, told as the writer's: "I completed GWO Advanced
    Rescue Training in 2025", "I gained the RTITB VNA instructor certificate in 2025"."""
    m = _CREDENTIAL.match(result)
    if m is None or _is_past(m.group("name").split()[0]):
        return None  # "Trained 40 staff in first aid, 2024" is a deed, told elsewhere
    name = re.sub(r"(?i)\bcert\b", "certificate", m.group("name").strip())
    when = m.group("when")
    when = when[:1].upper() + when[1:]
    if m.group("kind").casefold() in ("training", "course"):
        return f"I completed {name} in {when}"
    return f"I gained the {name} in {when}"


def forgotten(text: str) -> str | None:
    """What the writer's notes say they forgot to mention, as they would say it in a note:
    "Forgot to say I'm booked to sit CAMS on 14 January." -> "I'm booked to sit CAMS on 14
    January"; "Forgot my solo Steam demo with 12,000 wishlists." -> "my solo Steam demo with
    12,000 wishlists". None where it is no clause of theirs nor a thing of theirs ("forgot to
    say done mynediad", jotted without a subject), or too long to say in passing."""
    m = _FORGOT.search(text)
    if m is None:
        return None
    said = _strip_end(sentences(m.group("what"))[0] if sentences(m.group("what")) else "")
    # "the parallel runs and everything": the tail of a jotted list, not part of the claim.
    said = re.sub(r",[^,]*\b(?:and\s+everything|etc)\.?$", "", said).strip()
    # "my WSET Level 3 - José Manuel obviously cares about wine", "my MHFA instructor
    # training, and she'd brought up mental health twice": the writer's aside, not the fact.
    # So is a second thing forgotten, told as a confession ("..., and I forgot completely to
    # tell about the inventory"): a note never says the writer forgot.
    said = re.split(
        r"\s[-–—]\s|,\s+(?:and\s+)?(?:she|he|they|it|which|but|so|because)\b"
        r"|,?\s+and\s+(?:I\s+)?(?:also\s+)?(?:forgot|forget)\b",
        said,
        maxsplit=1,
    )[0].strip()
    if not said or word_count(said) > 28:
        return None
    if said.startswith("My "):
        said = f"m{said[1:]}"  # said mid-sentence: "...to mention my WSET Level 3"
    words = said.split()
    if words[0] in ("I", "I'm", "I've", "I'd"):
        return said
    if words[0].casefold() == "my" and (_has_verb(said) or word_count(said) >= 3):
        return said
    return None


#: "Forgot to say (that)...", "I forget to tell that...", "forgot the obvious one: ...".
_FORGOT = re.compile(
    r"(?i)\b(?:forgot|forget)\s+(?:to\s+(?:say|mention|tell|add)\s+(?:them\s+|him\s+|her\s+)?)?"
    r"(?:that\s+)?(?:the\s+obvious\s+one:\s+|one\s+thing:\s+)?(?-i:(?P<what>.+))",
    re.DOTALL,
)


def _result_clause(story: Story, result: str, known: frozenset[str]) -> tuple[str, int] | None:
    """The result as a clause, and where in it a shorter form may be cut (after any lead-in
    that gives it context); None when no clause would read."""
    gained = credential(result)
    if gained is not None:
        return gained, 0
    title = _strip_end(story.title)
    subject = _title_phrase(title, known)
    words = result.split()
    first = words[0].rstrip(",;:")
    rest = " ".join(words[1:])
    if _is_past(first) and rest and not _own_subject(words):
        verb = first.lower()
        after = words[1].strip(",;:").casefold()
        if verb in _CHANGE and (
            after in _PREPOSITION or has_number(after) or after in ("up", "down")
        ):
            return None  # "Fell by 22%": what fell is not said, and it was not the writer
        if verb in _OTHER_AGENT:
            if subject is not None and _SYSTEM.search(title):
                return f"{subject} {verb} {rest}", 0
            return None  # "Renewed the contract": the client did
        if _done_to_the_work(result):
            if subject is None or subject.startswith("my work"):
                return None
            return f"{subject} {'became' if verb == 'became' else 'was ' + verb} {rest}", 0
        if after in _PREPOSITION:
            # "Shipped in nine weeks": the title is what was shipped.
            if subject is None or subject.startswith("my work"):
                return None
            return _shared_subject(f"I {verb} {subject} {rest}"), 0
        return _shared_subject(f"I {verb} {rest}"), 0
    if _has_verb(result) and not _noun_phrase(words) and _opens_clause(result):
        clauses = [c for c in re.split(r";\s+", result) if c]
        # A clause about a person the story never introduces is left out ("she moved...").
        kept = [
            clauses[0],
            *(c for c in clauses[1:] if not _STRANGER.match(c) and not _subjectless(c)),
        ]
        clause = _lower_first("; ".join(kept), known)
        head = re.split(r",\s|;\s", clause)[0]
        if _ANAPHOR.match(clause) or _PRONOUN.search(head) or _PASSIVE.match(clause):
            # "Both were promoted", "the support team uses it": say what it is a result of.
            # A "he" or "she" is a person only the situation brings in: a title introduces
            # no one ("as a result of the Young person chairing his own review, he...").
            if _STRANGER.match(clause):
                return None
            if subject is None:
                return None if not _PASSIVE.match(clause) else (clause, 0)
            lead = f"as a result of {subject}, "
            return lead + clause, len(lead)
        return clause, 0
    # No verb: a figure ("4,000 sign-ups in the first week"), "food waste: down 30%", or a
    # thing ("the rota app that 60 supervisors use").
    m = re.match(r"^([^:]{3,40}):\s*(down|up)\s+(.+)$", result, re.IGNORECASE)
    if m:
        return f"{_lower_first(m.group(1), known)} went {m.group(2).lower()} {m.group(3)}", 0
    if not has_number(result) or (_noun_phrase(words) and not has_number(words[0])):
        return None
    if _later_clause(result) or re.match(r"(?i)(?:down|up)\b", result):
        # Notes, not a result: a figure and then a clause of its own ("4 months on warehouse
        # lighting, and I do terminations"), or a change whose subject is left out ("Down to
        # 0.8%..."). Pasted after a colon they read as a fragment; the note leaves them out.
        return None
    thing = mid_sentence(result, known)
    head = title.casefold().split()[:2]
    if thing.casefold().split()[: len(head)] == head:
        # "freelance 2 yrs, ~15 clients" under "freelance", "Level 3 Diploma in Adult Care..."
        # under "Level 3 Diploma and Dementia Care certificate": notes, not a result.
        return None
    figure_then = re.match(r"[\d.,]+%?\s+([a-z]+)\b", thing)
    if figure_then and _is_past(figure_then.group(1)):
        # "93% survived first summer": a clause whose subject is left out (93% of what?), no
        # thing the work brought ("brought a 93% survived first summer", round 20).
        return None
    if re.match(r"\d[\d.,]*%\s+(?!of\b)[a-z]", thing):
        thing = "a " + thing  # "a 42% open rate"
    lead, _, tail = title.partition(" ")
    if _is_past(lead) and tail:
        return f"I {lead.lower()} {tail}, and the result was {thing}", 0
    if subject is None:
        return None
    if not re.search(r"\d", _YEAR.sub("", thing)):
        # "IP qualification Oct 2026, hypertension scope": a thing gained, dated, not an
        # outcome the work brought ("the independent prescribing brought IP qualification").
        return None
    return f"{subject} brought {thing}", 0


_PERSONAL_SUBJECT = frozenset(["i", "we", "he", "she", "they", "it", "it's"])
_POSSESSIVE = frozenset(["his", "her", "their", "our", "my"])
_ADVERB = frozenset(["now", "still", "also", "then", "since", "later", "soon"])


def _subject_clause(part: str) -> bool:
    """Whether ``part`` is a clause with a subject of its own: "I do SWA terminations",
    "his line had the best attendance", "Dani now runs Chorley"."""
    words = part.split()
    if len(words) < 2:
        return False
    first = words[0].casefold()
    if first in _PERSONAL_SUBJECT:
        return True
    if first in _POSSESSIVE:
        return _has_verb(part)
    if not words[0][:1].isupper() or first in _DETERMINER or first in _PREPOSITION:
        return False
    rest = [w for w in words[1:3] if w.casefold() not in _ADVERB]
    return bool(rest) and (
        _is_verb(rest[0], words[0]) or re.fullmatch(r"[a-z]{2,}[^s]s", rest[0]) is not None
    )


_SPLICE_NOT = frozenset(["and", "but", "so", "which", "who", "with", "then", "while", "or"])


#: Past verbs that tell what an earlier deed brought about: "..., saved a reprint" is "...,
#: which saved a reprint"; any other past verb is a second deed ("..., and added alerts").
_CONSEQUENCE = frozenset(
    {"saved", "led", "cut", "meant", "brought", "prevented", "avoided", "caused", "resulted"}
    | {"freed", "gave", "won", "earned", "helped", "halved", "doubled", "stopped", "made"}
)


_SUBORDINATE = re.compile(
    r"(?i)^(?:(?:and|but|so|then)\s+)?(?:if|when|whenever|once|while|although|though|because"
    r"|unless|until|after|before|as\s+soon\s+as|where|since|even\s+if)\b"
)


def _spliced(text: str) -> str:
    """Clauses joined by a comma alone ("..., I do SWA terminations", "..., Dani now runs
    Chorley") take an "and": a comma splice reads as notes, not a sentence. So does a second
    deed with the subject left out ("fixed it in 2 days, added alerts"), or a "which" where
    it says what the first brought about ("caught a registration issue, saved a reprint")."""
    parts = text.split(", ")
    out = parts[:1]
    for part in parts[1:]:
        words = part.split()
        before = out[-1].rsplit(" ", 1)[-1].casefold()
        head = words[0] if words else ""
        if (
            len(words) > 1
            and head.islower()
            and _is_past(head)
            and before not in _SPLICE_NOT
            and _has_verb(out[-1])
            and out[-1].split(" ", 1)[0].casefold() not in _SPLICE_NOT
        ):
            out.append(f"{'which' if head in _CONSEQUENCE else 'and'} {part}")
            continue
        # "If not, I open the MEL", "if I guessed wrong, I correct it": the clause before the
        # comma is the condition of this one, not a clause of its own.
        clause = re.split(r"[.!?;:]\s+", out[-1])[-1]
        conditional = _SUBORDINATE.match(clause) is not None
        joins = (
            len(words) > 1
            and not conditional
            # "Yes, it can elect", "At my old job, we did it weekly": what comes before the
            # comma is no clause of its own.
            and not _no_clause(clause)
            and words[0].casefold() not in _SPLICE_NOT
            and before not in _SPLICE_NOT
            and not words[0].casefold().endswith("ing")
            and _subject_clause(part)
        )
        out.append(f"and {part}" if joins else part)
    return ", ".join(out)


def _no_clause(text: str) -> bool:
    """Whether ``text`` before a comma is no clause of its own: a word ("Yes", "Honestly")
    or a phrase that sets the scene ("At my old job", "In 2024"), with no verb."""
    words = text.split()
    return len(words) == 1 or (words[0].casefold() in _SCENE_PREPOSITIONS and not _has_verb(text))


_SCENE_PREPOSITIONS = frozenset(
    ["at", "in", "on", "for", "with", "as", "after", "before", "during", "from", "by", "since",
     "under", "over", "like", "unlike", "without", "within", "across", "to"]
)  # fmt: skip


#: A clause known by its subject where its verb is not one the lists know ("now we rotate a
#: guest roaster every month", "the system now attach the six photos"): a personal pronoun
#: and a word, or a word, an adverb of time and a word.
_SUBJECT_AND_WORD = re.compile(
    r"(?i)^(?:now\s+|since\s+then\s+)?(?:we|they|he|she|it)\s+(?:now\s+|still\s+|also\s+)?"
    r"[a-z]{3,}\b|^(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:now|still)\s+[a-z]{3,}\s"
)


def _clause_by_its_subject(text: str) -> bool:
    return _SUBJECT_AND_WORD.match(text) is not None


def _subjectless(clause: str) -> bool:
    """Whether a later clause of a result opens on a past form with no subject ("...; passed
    with distinction"): whose deed it was, the note cannot say."""
    words = clause.split()
    return bool(words) and _is_past(words[0]) and not _own_subject(words)


def _opens_clause(text: str) -> bool:
    """Whether ``text`` opens with a clause: its first part (up to a comma, semicolon or
    "and") has a subject and a verb. "4 months on warehouse lighting, I do terminations",
    "Down to 0.8% in 18 months and it has stayed there", "no further grievances, his line had
    the best attendance" are notes: a figure or a phrase, then a clause."""
    first = re.split(r",\s|;\s|\s(?:and|but|so)\s", text, maxsplit=1)[0]
    return first.startswith("I ") or _is_clause(first)


def _later_clause(text: str) -> bool:
    """Whether a part after the first of ``text`` is a clause of its own, or a verb with no
    subject ("average 210 registrants, influenced 30% of closed-won"): notes, not a phrase."""
    parts = re.split(r",\s(?:and\s)?|;\s|\s(?:and|but|so)\s", text)[1:]
    return any(_subject_clause(p) or (p[:1].islower() and _is_past(p.split()[0])) for p in parts)


def _shared_subject(clause: str) -> str:
    """A clause of the writer's with a deed after a semicolon that has no subject ("I used it
    for planning; shifted 20% of paid budget") says the two deeds as one: "...and shifted"."""
    if not clause.startswith("I "):
        return clause
    head, semi, rest = clause.partition("; ")
    first = rest.split(" ", 1)[0]
    if semi and first[:1].islower() and _is_past(first) and "; " not in rest:
        return f"{head} and {rest}"
    return clause


def _own_subject(words: list[str]) -> bool:
    """Whether a result that opens with a past form has a subject of its own: "Paid social
    turned out...", "Branded search was getting...". A verb soon after the first word, with no
    determiner or figure between, makes the first word part of the subject. A verb of
    finding with its clause ("found it was one skipped step") is the writer's deed."""
    if (
        len(words) > 2
        and words[0].casefold() in _FINDING
        and words[1].strip(",;:").casefold() in ("it", "that", "this", "out", "how", "what", "why")
    ):
        return False
    for before, word in pairwise(words[:4]):
        w = word.strip(",;:").casefold()
        if w in _DETERMINER or w in _PREPOSITION or has_number(w):
            break
        if _is_verb(word, before):
            return True
    return _later_verb(words)


_FINDING = frozenset(
    ["found", "realised", "realized", "learned", "learnt", "discovered", "noticed", "showed",
     "proved", "traced", "worked", "figured", "established", "confirmed"]
)  # fmt: skip
_FINITE = frozenset(["was", "were", "is", "are", "had", "has", "have"])
_BOUNDARY = frozenset(["that", "which", "who", "whom", "where", "when", "and", "but", "so", "to"])


def _later_verb(words: list[str]) -> bool:
    """Whether the clause an opening past form begins has a verb of its own further on, so
    that the first word is a modifier of its subject: "Extended Project submissions at my
    school were marked down", "Retried refund requests occasionally refunded twice" (not
    "Took over a territory that had dropped", where the later verb is in a relative clause)."""
    for before, word in pairwise(words[:12]):
        w = word.casefold()
        if before.endswith((",", ";", ":")) or w in _BOUNDARY:
            return False
        bare = w.strip(",;:.")
        if bare in _FINITE:
            return True
        prior = before.casefold()
        if _is_past(bare) and prior.endswith("ly") and prior not in ("only", "early"):
            return True
    return False


def _noun_phrase(words: list[str]) -> bool:
    """Whether a result is a thing rather than a sentence: "the rota app that 60 supervisors
    use every week", "the chargeback dashboard the support team uses every day"."""
    if words[0].casefold() not in _DETERMINER:
        return False
    for i, (before, word) in enumerate(zip(["", *words], words, strict=False)):
        if _is_verb(word, before):
            # An article is in lower case mid-sentence: "of A grades" is a grade, not "a".
            between = words[1:i]
            return any(w in ("that", "which", "who", "where") or w in _DETERMINER for w in between)
    return True


def story_clauses(story: Story, max_words: int = 45) -> list[str]:
    """A story's result as clauses that read after a colon ("I grew email capture 200% in four
    months"), the whole one first, then shorter ones that still carry its figure (for a tight
    word limit a shorter fact beats none). Empty when no clause would read.

    A clause says "I" only where the result opens with the writer's own deed; a result with a
    subject of its own keeps it ("paid social turned out to be over-credited"), with what it is
    a result of where it points back at something ("as a result of my work mentoring two new
    engineers, both now own a service")."""
    known = _lower_words(story)
    result = _spliced(repaired(_strip_end(story.result or "")))
    found = _result_clause(story, result, known) if result else None
    if found is None:
        subject = _title_phrase(story.title, known)
        metric = story.metrics[0] if story.metrics else ""
        # "came to 61% -> 78% accuracy", "came to £7,400 recoded": a figure no sentence holds.
        if not metric or subject is None or "->" in metric or _is_past(metric.split()[-1]):
            return []
        found = (f"{subject} came to {story.metrics[0]}", 0)
    clause, start = found
    if word_count(clause) < 3:
        return []
    forms = [clause]
    deed = _deed(story, known)
    # A figure the title introduces ("the launch of the scheduling app brought 4,000 sign-ups")
    # has its context; one pasted after "came to" or with no context of its own does not.
    titled = " brought " in clause and not clause.startswith("as a result of")
    if deed is not None and not clause.startswith("I ") and not titled:
        # What the writer did, then what came of it: "I built a reconciliation query, and the
        # monthly gap fell below 0.3%", where the result alone leaves the reader asking
        # "of what?". The result alone stays as the shorter form for a tight limit.
        core = clause[start:] if clause.startswith("as a result of") else clause
        head = re.split(r";\s", result, maxsplit=1)[0]
        opening = head.split(" ", 1)[0]
        if _is_past(opening) and opening[:1].isupper() and not _done_to_the_work(result):
            core = "I " + _lower_first(result, known)  # "Bought out $610K": the writer did
        elif not _has_verb(head) and not _clause_by_its_subject(head):
            # "Zero duplicate refunds in the 18 months since; ...": a figure, not a clause.
            core = f"the result was {_lower_first(result, known)}"
        fuller = _deed(story, known, both=True)
        if unintroduced(f"{deed}, and {core}", story) and fuller is not None:
            deed = fuller  # the deed that brings in what the result speaks of
        forms = [f"{deed}, and {core}", core]
        clause, start = core, 0
    if not has_number(clause) and story.metrics:
        forms.insert(0, f"{clause} ({story.metrics[0]})")
    numbered = has_number(forms[0])
    for cut in _CUT.finditer(clause, start):
        head = clause[: cut.start()].rstrip(" ,;")
        # A shorter clause must still be one (a verb, or "I ..."), keep the figure, and not
        # end on a word that needs more ("...in nine weeks and").
        is_clause = head.startswith("I ") or _has_verb(head[start:])
        last = head.rsplit(" ", 1)[-1].casefold()
        if (
            word_count(head) >= 4
            and is_clause
            and (has_number(head) or not numbered)
            and last not in _PREPOSITION
            and last not in _DETERMINER
        ):
            forms.append(head)
    kept = [f for f in forms if not unintroduced(f, story) and not stranger(f)]
    return _longest_first(kept, max_words)


_PRESENT_DEED = {
    "make": "made",
    "build": "built",
    "write": "wrote",
    "start": "started",
    "run": "ran",
    "create": "created",
    "clean": "cleaned",
    "separate": "separated",
    "share": "shared",
    "train": "trained",
    "introduce": "introduced",
    "organise": "organised",
    "organize": "organized",
    "plan": "planned",
    "design": "designed",
    "develop": "developed",
    "set": "set",
    "lead": "led",
    "meet": "met",
    "give": "gave",
    "hold": "held",
    "teach": "taught",
    "find": "found",
}


def _deed(story: Story, known: frozenset[str], both: bool = False) -> str | None:
    """The first thing the story's action says the writer did, as a clause in the first
    person ("Built a weekly SQL job comparing..." -> "I built a weekly SQL job comparing..."),
    or None where the action does not open with a past deed of a readable length. With
    ``both``, two deeds joined by "and" are kept together (the second may introduce what the
    result speaks of: "...and proposed a feature flag", then "the flag caught...")."""
    action = repaired(_strip_end(story.action or ""))
    chunks = re.split(r"[.;:]\s|,\s|\s\(", action)
    first = chunks[0].strip()
    first = re.split(r",?\s+and\s+I\s", first, maxsplit=1)[0]  # "I make X and I train Y"
    # "Built a weekly job comparing ... and flagged drops ...": the first of two deeds.
    parts = re.split(r"\s+and\s+", first, maxsplit=1)
    longest = 26 if both else 16
    if both and len(parts) > 1 and len(first.split()) <= longest:
        pass
    elif len(first.split()) > 14 and len(parts) > 1 and word_count(parts[0]) >= 3:
        # Cut before the second deed, not inside a list of nouns: "...a session with a
        # boundaries and safeguarding section and a buddy shift" keeps its first item whole.
        deeds = [m for m in re.finditer(r"\s+and\s+(\w+)", first) if _is_past(m.group(1))]
        items = list(re.finditer(r"\s+and\s+(?:a|an|the)\s", first))
        if deeds:
            first = first[: deeds[0].start()]
        elif items and word_count(first[: items[-1].start()]) <= 14:
            first = first[: items[-1].start()]
        else:
            first = parts[0]
    if len(first.split()) < 3 and len(chunks) > 1 and _is_past(chunks[1].split(" ", 1)[0]):
        first = f"{first} and {chunks[1].strip()}"  # "Visited, helped them recruit through..."
    elif " and " not in first:
        # A list the comma cut: "a monthly scorecard for on-time, fill rate and temperature";
        # kept only where the list closes within the length a deed may have.
        listed = first
        for chunk in chunks[1:3]:
            lead = chunk.split(" ", 1)[0]
            if lead in ("I", "and", "then", "but") or _is_past(lead) or lead in _PRESENT_DEED:
                break
            if word_count(f"{listed}, {chunk}") > 16:
                break
            listed = f"{listed}, {chunk.strip()}"
            if " and " in chunk:
                first = listed
                break
    # A non-native writer tells the story in the present: "I make a monthly scorecard".
    told = re.match(r"(I|We)\s+(\w+)\b", first)
    if told and told.group(2).casefold() in _PRESENT_DEED:
        first = f"{told.group(1)} {_PRESENT_DEED[told.group(2).casefold()]}{first[told.end() :]}"
    words = first.split()
    # "We wrote a one-page 'About me' together": the writer's deed, shared with someone the
    # situation brings in (the boy, the team); said as "we", never as the writer alone.
    doer = "we" if words[:1] == ["We"] else "I"
    if words[:1] in (["I"], ["We"]):
        if len(words) > 3 and words[1] in ("was", "were", "had"):
            if doer == "we":
                return None
            return " ".join(words) if len(words) <= 17 else None  # "I was key user for..."
        words = words[1:]
    if (
        not 3 <= len(words) <= longest
        or not _is_past(words[0])
        or words[-1].casefold() in _PREPOSITION
    ):
        return None
    return f"{doer} " + _lower_first(" ".join(words), known)


#: Words after "the" that name no thing an earlier sentence must have introduced.
_NOT_A_THING = frozenset(
    [
        "same",
        "first",
        "last",
        "next",
        "rest",
        "whole",
        "most",
        "other",
        "result",
        "end",
        "time",
        "way",
        "following",
    ]
)


# Who a "he", "she" or "them" in a story can stand for: a person, a group, a name.
_PERSON_WORD = re.compile(
    r"(?i)\b(?:man|woman|men|women|boy|girl|child|children|kids?|mother|father|parents?|sons?"
    r"|daughters?|family|families|person|people|someone|colleagues?|co-?workers?|peers?"
    r"|engineers?|nurses?|managers?|directors?|pupils?|students?|reps?|representatives?"
    r"|mentors?|mentees?|teachers?|chefs?|cooks?|analysts?|developers?|designers?|supervisors?"
    r"|officers?|coordinators?|volunteers?|trainees?|leads?|head|members?|candidates?|doctors?"
    r"|GPs?|surgeons?|drivers?|workers?|employees?|hires?|recruits?|apprentices?|accountants?"
    r"|paramedics?|residents?|guests?|tenants?|patients?|customers?|clients?|users?|buyers?"
    r"|owners?|founders?|CEO|CFO|CTO|VP|boss|staff|team|teammates?|interns?|graduates?"
    r"|stakeholders?|executives?|chair|trustees?|principal|headteacher|auditors?|callers?"
    r"|learners?|donors?|grantees?|technicians?|pharmacists?|consultants?|partners?|vendors?"
    r"|suppliers?|reviewers?|instructors?|juniors?|seniors?|leaders?|sponsors?)\b"
)
# What does a job (a dispatcher, an auditor, a dentist, a librarian), less the words that end
# alike and name no one.
_JOB_NOUN = re.compile(r"(?i)\b[a-z]{3,}(?:er|or|ist|ian|ant)s?\b")
_NO_JOB = frozenset(
    ["under", "after", "order", "number", "other", "another", "over", "never", "ever", "however",
     "better", "later", "water", "paper", "summer", "winter", "quarter", "major", "minor",
     "error", "floor", "door", "together", "rather", "whether", "either", "neither", "further",
     "register", "letter", "matter", "corner", "center", "centre", "border", "power", "cluster",
     "server", "folder", "filter", "counter", "sector", "factor", "behavior", "behaviour",
     "colour", "color", "list", "exist", "assist", "insist", "important", "significant",
     "relevant", "constant", "distant", "instant", "pleasant", "restaurant", "want"]
)  # fmt: skip
_PERSONAL = re.compile(r"(?i)\b(?:he|she|him|her|them)\b")


def stranger(text: str) -> bool:
    """Whether ``text`` says "he", "she", "him", "her" or "them" before it names anyone they
    could be ("I brought him the defect data", where the situation's "my director" was left
    out): the reader meets a person never brought in."""
    for m in _PERSONAL.finditer(text):
        before = text[: m.start()]
        names = re.findall(r"(?<=\s)[A-Z][a-z][\w'-]*", before)
        doers = [w for w in _JOB_NOUN.findall(before) if w.casefold().rstrip("s") not in _NO_JOB]
        if m.group(0).casefold() == "them" and re.search(r"\b[a-z]{3,}[^s'\W]s\b", before):
            continue  # "applicants told us the form put them off"
        if not _PERSON_WORD.search(before) and not names and not doers:
            return True
    return False


def unintroduced(text: str, story: Story) -> bool:
    """Whether ``text`` speaks of "the X" that only the story's action brings in ("a feature
    flag"), and that ``text`` itself has not named before: "I wrote a risk note; the flag
    caught a bug" where the action's "proposed a feature flag" was left out. The reader meets
    a thing never brought in."""
    action = (story.action or "").casefold()
    situation = (story.situation or "").casefold()
    for m in re.finditer(r"(?i)\bthe\s+([a-z][\w-]*)", text):
        word = m.group(1).casefold()
        if word in _NOT_A_THING:
            continue
        stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
        named = re.compile(rf"\b{re.escape(stem)}s?\b")
        brought_in = re.compile(rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,3}}{re.escape(stem)}s?\b")
        if (
            brought_in.search(action)
            and not named.search(situation)
            and not named.search(text[: m.start()].casefold())
        ):
            return True
    return False


def _setting(story: Story, known: frozenset[str]) -> str | None:
    """The story's situation as one sentence that sets the scene for its figures ("Only 12 of
    60 reps opened the old pricing dashboard in a month."), or None where it is no sentence
    ("Treasurer of the society in my final year") or too long to stand before the deed."""
    text = repaired(_strip_end(story.situation or ""))
    found = sentences(text)
    if not found:
        return None
    setting = _strip_end(found[0])
    # "As operations manager at the hotel, turnover was 62%": the role's holder is the writer.
    role = re.match(r"As\s+(?:an?\s+|the\s+)?([^,]{3,60}),\s+(?!I\b)(?=\S)", setting)
    if role:
        setting = f"When I was {setting[3:]}"
    words = setting.split()
    if words and words[0][:1].isupper() and _is_past(words[0].strip(",")) and words[0] != "I":
        if _own_subject(words):
            pass  # "Branded search was ...": a subject of its own
        else:
            setting = "I " + _lower_first(setting, known)  # "Took over a territory that..."
    role = re.match(
        r"(?:[A-Z][a-z-]*(?:er|or|ist|ant|ian)|Lead|Head|Captain|Chair|President|Secretary)"
        r"\s(?:of|at|for|on|in)\s",
        setting,
    )
    if role and not _has_verb(setting):
        setting = "I was " + setting[:1].lower() + setting[1:]  # "Treasurer of the society..."
    if not _has_verb(setting) or re.search(r"(?i)\byou(?:r|rs)?\b", setting):
        return None
    if word_count(setting) > 28:
        heads = [
            setting[: m.start()].rstrip(" ,;")
            for m in re.finditer(r";\s|,\s(?:and|but|so|while)\s|\s(?:and|but)\s", setting)
        ]
        heads = [h for h in heads if 8 <= word_count(h) <= 28 and _has_verb(h)]
        if not heads:
            return None
        setting = heads[-1]
    return as_sentence(setting)


def _outcome(story: Story, known: frozenset[str]) -> str | None:
    """The result as a clause after the deed and the setting: what came of it, in the user's
    words and figures ("pages fell to 17 a week", "she passed her assessment first time"); a
    pronoun is fine here, since the setting has introduced whom it means."""
    result = _spliced(repaired(_strip_end(story.result or "")))
    words = result.split()
    if len(words) < 2:
        return None
    # "Finished three weeks early, zero safety incidents, and no lost days": the figures after
    # the clause go with it ("..., with zero safety incidents and no lost days").
    figure = r"(?:zero|no|\d[\d,.]*%?)\s[^,;]+"
    listed = re.match(rf"^([^,;]+),\s+({figure}),?\s+and\s+({figure})$", result)
    if listed and _has_verb(listed.group(1)) and not any(map(_is_clause, listed.groups()[1:])):
        result = f"{listed.group(1)}, with {listed.group(2)} and {listed.group(3)}"
    # "On-time delivery went up to 92%, emergency air freight almost stopped": two clauses
    # joined by a comma alone read as a slip; they take an "and".
    spliced = re.match(r"^([^,;]+),\s+([^,;]+)$", result)
    if (
        spliced
        and _is_clause(spliced.group(1))
        and _is_clause(spliced.group(2))
        and not _is_verb(spliced.group(2).split()[0])
        and spliced.group(2).split()[0].casefold() not in ("and", "but", "so", "which", "with")
        and not spliced.group(2).split()[0].casefold().endswith("ing")
    ):
        result = f"{spliced.group(1)}, and {spliced.group(2)}"
    first = words[0].rstrip(",;:")
    if _is_past(first) and first[:1].isupper() and not _own_subject(words):
        verb = first.casefold()
        after = words[1].strip(",;:").casefold()
        if (
            verb in _OTHER_AGENT
            or (verb in _CHANGE and (after in _PREPOSITION or has_number(after)))
            or _done_to_the_work(result)
        ):
            return None  # "Fell by 22%", "Renewed the contract": not the writer's deed
        if after in _PREPOSITION:
            return None  # "Used for 2025 planning": what was used is not said here
        return _shared_subject("I " + _lower_first(result, known))
    clauses = [c for c in re.split(r";\s+", result) if c]
    kept = [clauses[0], *(c for c in clauses[1:] if not _STRANGER.match(c) and not _subjectless(c))]
    clause = _lower_first("; ".join(kept), known)
    if (_opens_clause(clauses[0]) and not _noun_phrase(clauses[0].split())) or (
        _clause_by_its_subject(clauses[0])
    ):
        return clause
    if _later_clause(result) or re.match(r"(?i)(?:down|up)\b", result):
        return None  # notes: a figure, then a clause of its own (see _result_clause)
    if has_number(clauses[0]) or words[0].casefold() in ("a", "an", "no", "zero", "full"):
        # "Zero duplicate refunds in the 18 months since", "A clean audit the next year"
        return f"the result was {clause}"
    return None


_QUANTIFIERS = frozenset(["each", "all", "both", "most", "many", "some", "none", "half"])


def _is_clause(text: str) -> bool:
    """Whether ``text`` is a clause, not a figure with a participle ("38 projects funded",
    "no outages in the next year")."""
    words = text.split()
    if not _has_verb(text):
        return False
    if (
        len(words) > 2
        and words[0].casefold() in _QUANTIFIERS
        and _is_past(words[1])
        and words[2].casefold() in _PREPOSITION
    ):
        return False  # "each fixed within a day": a participle, with no "was" to make it one
    figure = has_number(words[0]) or words[0].casefold() in ("no", "zero")
    verbs = [i for i, w in enumerate(words) if _is_verb(w, words[i - 1] if i else "")]
    if words[0].casefold() in ("no", "zero"):
        verbs = [i for i in verbs if i != 1]  # "no lost days": an adjective, not a verb
    if (
        figure
        and len(words) > 2
        and words[1].casefold() not in _AUX
        and _is_past(words[1])
        and words[2].casefold() not in (*_PREPOSITION, *_AUX, "by")
    ):
        # "€2.9m qualified pipeline in the first year": a participle before its noun.
        verbs = [i for i in verbs if i != 1]
    return bool(verbs) and not (
        figure and verbs == [len(words) - 1] and words[-1].casefold() not in _AUX
    )


def story_accounts(story: Story, max_words: int = 60) -> list[str]:
    """The story told in whole sentences: what was wrong or where it happened (its situation),
    then what the writer did and what came of it ("Only 12 of 60 reps opened the old pricing
    dashboard in a month. I interviewed eight reps, and monthly active users rose to 51 of 60
    within two months."). A figure then has what it measured and where it started from, which
    a result alone after a colon leaves out. Longest first; empty where the situation is no
    sentence, or the writer's part in it cannot be told."""
    known = _lower_words(story)
    setting = _setting(story, known)
    outcome = _outcome(story, known)
    if setting is None or outcome is None:
        return []
    deed = _deed(story, known)
    if deed is not None and re.match(r"(?i)i\s", setting) and deed.casefold() in setting.casefold():
        deed = None
    if deed is None and not outcome.startswith("I ") and not re.search(r"\bI\b", setting):
        return []  # what the writer did is not said: no story of theirs to tell
    outcomes = [outcome]
    # A shorter telling: the outcome up to its first clause boundary, still with a figure.
    head = re.split(r";\s", outcome, maxsplit=1)[0]
    if head != outcome and word_count(head) >= 4 and (has_number(head) or not has_number(outcome)):
        outcomes.append(head)
    fuller = _deed(story, known, both=True)
    if (
        deed is not None
        and fuller is not None
        and unintroduced(f"{setting} {deed} {outcome}", story)
    ):
        deed = fuller  # the deed that brings in what the result speaks of
    forms = []
    for told in outcomes:
        if deed is None or told.startswith("the result was"):
            body = as_sentence(told) if deed is None else as_sentence(f"{deed}, and {told}")
        elif told.startswith("I "):
            body = as_sentence(f"{deed}, and {told[2:]}")
        elif told[:1].islower() and _is_past(told.split(" ", 1)[0]) and "; " not in told:
            # "fixed in 2 days, and added alerts": more deeds of the writer's, in a series
            # ("I segmented by platform, fixed it in 2 days, and added alerts").
            body = as_sentence(f"{deed}, {told}" if ", and " in told else f"{deed}, and {told}")
        elif re.search(r";\s|\sand\s", told):
            # "I did X, and Y fell, and Z rose" runs on: the deed, then what came of it after a
            # semicolon (one in the outcome becomes ", and", so that there is one).
            head, semi, rest = told.partition("; ")
            if semi and not _is_clause(rest):
                # "rose to 64; 38 projects funded": a figure that goes with the one before it.
                outcome_joined = f"{head}, with {rest}"
            else:
                outcome_joined = f"{head}, and {rest}" if semi else told
            body = as_sentence(f"{deed}; {outcome_joined}")
        else:
            body = as_sentence(f"{deed}, and {told}")
        forms.append(f"{setting} {body}")
    kept = [f for f in forms if not unintroduced(f, story) and not stranger(f)]
    return _longest_first(kept, max_words)


def story_in_brief(story: Story, max_words: int = 26) -> str | None:
    """The story as one sentence that links it to a finding: what the writer did and the first
    figure that came of it ("I proposed and maintained a tracker for our practice group, and
    the number fell from 31 to 14 within twelve months."); None where it cannot be told so."""
    known = _lower_words(story)
    deed = _deed(story, known)
    if deed is None or not deed.startswith("I "):
        return None
    cores = [
        c
        for c in story_clauses(story)
        if not c.startswith("I ")
        and has_number(c)
        # Its own clause: "the number fell from 31 to 14", not "down to 0.8% in 18 months".
        and _is_clause(re.split(r",\s|\sand\s", c, maxsplit=1)[0])
        and c.split(" ", 1)[0].casefold() in _DETERMINER | {"we", "they", "both", "all"}
    ]
    told = [f"{deed}, and {c}" for c in sorted(cores, key=word_count)]
    told = [t for t in told if word_count(t) <= max_words]
    if not told or unintroduced(told[0], story) or stranger(told[0]):
        return None
    return as_sentence(told[0])


def speaks_to(story: Story, text: str) -> bool:
    """Whether research ``text`` speaks of the writer's own story: two words of its title
    ("Permanence tracker in Eastfield": "a permanence tracker ... what I set up in Eastfield")."""
    words = {w for w in re.findall(r"[a-z][a-z-]{3,}", story.title.casefold())}
    said = set(re.findall(r"[a-z][a-z-]{3,}", text.casefold()))
    return len(words & said) >= 2


def story_clause(story: Story, max_words: int = 32) -> str | None:
    """The longest of :func:`story_clauses` within ``max_words``, or None."""
    found = story_clauses(story, max_words)
    return found[0] if found else None


def _longest_first(forms: list[str], max_words: int) -> list[str]:
    fit = {f: word_count(f) for f in forms if 0 < word_count(f) <= max_words}
    return sorted(fit, key=lambda f: -fit[f])


_COMMON_STARTS = frozenset(
    [
        "the",
        "a",
        "an",
        "our",
        "my",
        "monthly",
        "weekly",
        "daily",
        "annual",
        "yearly",
        "sales",
        "revenue",
        "churn",
        "costs",
        "cost",
        "time",
        "conversion",
        "traffic",
        "errors",
        "setup",
        "search",
        "website",
        "organic",
        "nightly",
        "random",
        "wait",
        "every",
        "everyone",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "within",
        "over",
        "close",
        "overtime",
        "night",
        "setup",
        "timing",
        "response",
        "build",
        "tickets",
        "pages",
        "signups",
        "sign-ups",
        "bookings",
        "average",
        "median",
        "total",
        "net",
        "gross",
        "profit",
        "margin",
        "margins",
        "retention",
        "engagement",
        "attendance",
        "turnover",
        "downtime",
        "uptime",
        "latency",
        "throughput",
        "accuracy",
        "quality",
        "output",
        "productivity",
        "satisfaction",
        "complaints",
        "returns",
        "defects",
        "incidents",
        "pipeline",
        "renewals",
        "usage",
        "adoption",
        "scores",
        "grades",
        "readmissions",
        "admissions",
        "enrollment",
        "donations",
        "funding",
        "headcount",
        "hiring",
        "onboarding",
        "spend",
        "budget",
        "waste",
        "we",
        "they",
        "he",
        "she",
        "it",
        "this",
        "that",
        "these",
        "those",
        "all",
        "both",
        "most",
        "half",
        "nearly",
        "almost",
        "about",
        "after",
        "by",
        "in",
        "from",
        "for",
        "with",
        "no",
        "zero",
        "full",
        "each",
        "none",
        "nobody",
        "nothing",
    ]
)


# Research is written after the interview and often says so ("I looked it up since we spoke");
# in an interview answer, or after a lead-in that says it already, the phrase is out of place.
_SINCE = re.compile(
    r"(?:^|,?\s+)(?:since|after)\s+(?:we\s+(?:spoke|talked|met)|our\s+(?:conversation|interview"
    r"|meeting|call|talk|chat)|the\s+interview)\b,?",
    re.IGNORECASE,
)
# A lead-in before a colon that only says where a fact came from: "I looked up the market: ..."
_SOURCE_LEAD = re.compile(
    r"^(?:I\s+(?:looked|read|found|learned|learnt|checked|researched|saw|went)|According)\b",
    re.IGNORECASE,
)


# Research that says only what the writer did to find out ("I read the annual report").
_ACTIVITY = re.compile(
    r"(?i)^(?:I(?:'ve|\s+have|\s+also)?(?:\s+(?:now|since|also|finally|just|already|then))?"
    r"\s+(?:read|looked|went|took|watched|visited|attended"
    r"|checked|researched|reviewed|studied|done|did|completed|listened|skimmed|spoke|talked))\b"
)
# ... and what says what they found: a figure, a "which/that" clause, a verb of finding.
_FOUND = re.compile(
    r"(?i)\b(?:found|learned|learnt|shows?|showed|says|said|suggests?|means|turns\s+out"
    r"|which|that|differs?|offers?|holds?|is|are|was|were|made|built|wrote|drew|created"
    r"|compared|mapped|tried|tested)\b|\d"
)


def _finding(text: str) -> bool:
    """Whether research text says what was found, beyond what the writer did."""
    return _FOUND.search(text) is not None


_CLAUSE_START = frozenset(
    {"i", "we", "they", "he", "she", "it", "the", "a", "an", "my", "our", "their", "this"}
    | {"that", "these", "those", "there", "its", "his", "her", "you", "your"}
)


def _joins_clauses(cut: re.Match[str], text: str) -> bool:
    """Whether a cut at a bare "and"/"but" ends a clause: what follows opens one (a subject,
    or a verb of the same subject: "and rewrote the card"), not a noun of the same list."""
    if cut.group(0)[:1] in ";,":
        return True
    after = text[cut.end() :].split(" ", 1)[0].casefold().strip(",;:")
    return after in _CLAUSE_START or _is_past(after)


def says_a_finding(text: str) -> bool:
    """Whether research, as the note would say it, tells what was found, not only what the
    writer read or watched."""
    return not _ACTIVITY.match(text) or any(map(_finding, sentences(text)))


def timeless(text: str) -> str:
    """Research without "since we spoke": what was found, not when."""
    out = " ".join(_SINCE.sub("", text).split())
    return out[:1].upper() + out[1:]


# What was read, after the verb of reading: "I have now read [the focused visit letter...]".
_READ_THING = re.compile(
    r"(?i)^I(?:'ve|\s+have|\s+also)?(?:\s+(?:now|since|also|finally|just|already|then))?\s+"
    r"(?:read|watched|reviewed|studied|skimmed|listened\s+to|went\s+through|looked\s+at)\s+"
    r"(?:through\s+)?((?:the|their|your|its)\s+[^,;:]{3,80})$"
)
_POINTER = re.compile(r"^(?:It|This|They)\s+(?=[a-z])")


def _writers(sentence: str) -> str:
    """A sentence of research jotted without its subject ("Read Larchmont's filing summary:
    ...", "Also checked the shift differentials...") as the writer's own: "I read...", "I also
    checked..."; one with a subject of its own ("Branded search was...") as written."""
    m = re.match(r"^(?:(Also)\s+([a-z]+)|([A-Z][a-z]+))\b(.*)$", sentence, re.DOTALL)
    if m is None:
        return sentence
    verb = m.group(2) or m.group(3)
    if verb.casefold() in _PARTICIPLE_ONLY:
        # "Done the climbs, the hub work...": what the writer has done.
        words = sentence.split()[1:] if m.group(1) else sentence.split()
        if not _own_subject(words):
            also = "also " if m.group(1) else ""
            return f"I have {also}{verb.lower()}{m.group(4)}"
        return sentence
    if not _is_past(verb.casefold()):
        return sentence
    words = sentence.split()[1:] if m.group(1) else sentence.split()
    if _own_subject(words):
        return sentence
    # "Reclaimed fill by the bay means liquefaction...": the past form is the subject's
    # adjective where its clause has a verb of its own (a verb of finding takes a clause).
    clause = re.split(
        r"[,;:]|\s[-–—]\s|\s(?:and|but|so|which|who|that|because|when|while)\s",
        " ".join(words[1:]),
        maxsplit=1,
    )[0]
    if verb.casefold() not in _FINDING and _has_verb(clause):
        return sentence
    also = "also " if m.group(1) else ""
    return f"I {also}{verb.lower()}{m.group(4)}"


_LOOKED_UP = re.compile(
    r"(?i)^(?:I\s+)?(?:double[- ]?checked|re-?checked)(?:\s+it)?\s*(?::\s*|\.\s*$|$)"
    r"|^I\s+(?:checked|read\s+up|looked\s+(?:it\s+)?up|googled\s+it|did\s+some\s+reading)"
    r"(?:\s+(?:after|afterwards|later|since|that\s+night|the\s+same\s+(?:evening|day)))?"
    r"\s*(?::\s*|\.\s*$|$)"
)


def research_facts(
    text: str, max_words: int = 45, most: int = 2, *, cut_next: bool = False
) -> list[str]:
    """A research note (or a better answer) as whole sentences for the note: the first two or
    one, then the first cut short at a clause boundary, for a tight word limit. Research that
    says what was read, then what it says ("I have now read the letter. It names drift..."),
    is said by what it says where both do not fit: "The letter names drift..."."""
    # "it take 12 to 24 months": a bare verb after a singular subject, given its "s"; the
    # writer's shorthand written out ("15 min", "locks + earths").
    text = agreed(learner_slips(unjotted(text)))
    # A note to self jotted after a full stop in lower case ("...measurement. so that's the
    # thing to lead with.") is no part of the sentence before it.
    parts = re.split(r"(?<=[.!?])\s+(?=[a-z])", text)
    text = " ".join(parts[:1] + [p for p in parts[1:] if not _SELF_TALK.search(p)])
    # A sentence in notation ("Pdm = vibration analysis, thermography...") is shorthand for
    # oneself: no reader takes it as a sentence.
    found = [
        _writers(s)
        for s in sentences(timeless(text))
        if not _NOTATION.search(s) and not _SELF_TALK.search(s)
    ]
    # "I checked after.", "I read up: ...": the lead-in of a jotted note, which says only that
    # something was looked up; what was found follows.
    heads = [_LOOKED_UP.sub("", s) for s in found]
    found = [h[:1].upper() + h[1:] for h in heads if h.strip(" .:")] or found
    if not found:
        return []
    forms: list[str] = []
    out: list[str] = []
    for sentence in found[:most]:
        out.append(as_sentence(sentence))
        forms.append(" ".join(out))
    if len(found) > 1 and _ACTIVITY.match(found[0]) and not _finding(found[0]):
        forms.pop(0)  # "I read their pathway." alone says what was done, not what was found
        thing = _READ_THING.match(_strip_end(found[0]))
        second = _strip_end(found[1])
        if thing and _POINTER.match(second) and _finding(second):
            said = as_sentence(_POINTER.sub(thing.group(1) + " ", second))
            forms.append(said)
            for cut in _CUT.finditer(said):
                head = said[: cut.start()].rstrip(" ,;.")
                if cut.group(0)[:1] in ";," and word_count(head) >= 8:
                    forms.append(as_sentence(head))
        if not [f for f in forms if 0 < word_count(f) <= max_words]:
            return []  # what was read, with nothing it says: no finding to tell
    first = _strip_end(found[0])
    lead, colon, after = first.partition(": ")
    if colon and _SOURCE_LEAD.match(lead) and word_count(after) >= 4:
        forms.append(as_sentence(after))
    for cut in _CUT.finditer(first):
        # "...and I built the audit - but I only ever see...": a dash that opened an aside
        # is not left hanging at the end of the shorter form.
        head = first[: cut.start()].rstrip(" ,;-–—")
        if not _joins_clauses(cut, first):
            continue  # "mostly batch and fund-code matching": the "and" joins two nouns
        # A shorter form keeps what was found: "I went back through the pathway" is none.
        if word_count(head) >= 4 and not (_ACTIVITY.match(head) and not _finding(head)):
            forms.append(as_sentence(head))
    if colon and not _SOURCE_LEAD.match(lead) and word_count(lead) >= 3:
        forms.append(as_sentence(lead))
    if len(found) > 1 and word_count(found[0]) < 8:
        # "Repertoire is the easy part." leads in to what follows; alone it answers nothing
        # (round 15). Where both do not fit, the second is cut short after the first.
        second = _strip_end(found[1])
        for cut in _CUT.finditer(second):
            head = second[: cut.start()].rstrip(" ,;-–—")
            if word_count(head) >= 6:
                forms.append(f"{as_sentence(found[0])} {as_sentence(head)}")
        if any(word_count(f) <= max_words for f in forms if f.count(". ") >= 1):
            forms = [f for f in forms if word_count(f) >= 8 or f.count(". ") >= 1]
    if cut_next:
        forms += _with_the_next_cut(out, max_words)
    return _longest_first(forms, max_words)


def _with_the_next_cut(said: list[str], max_words: int) -> list[str]:
    """The whole sentences that fit, then the next one cut short at a clause boundary: an
    answer's point often comes after its lead-in ("Dropping the year throws away 60% of a
    survey... I would build a model-based index instead: ..."), and the answers cut before it
    were round 19's most frequent defect after the error never put right."""
    fit = 0
    while fit < len(said) and word_count(" ".join(said[: fit + 1])) <= max_words:
        fit += 1
    if fit == 0 or fit == len(said):
        return []
    lead, sentence = " ".join(said[:fit]), _strip_end(said[fit])
    forms = []
    for cut in _CUT.finditer(sentence):
        head = sentence[: cut.start()].rstrip(" ,;-–—")
        # Only where a clause plainly ends, at a semicolon or a comma and a conjunction: a
        # bare comma or "and" may sit inside a list or a phrase ("call again at 1015Z with
        # what the satellite and the observations show").
        if not cut.group(0).startswith((";", ", ")) or cut.group(0) == ", ":
            continue
        if not _joins_clauses(cut, sentence) or word_count(head) < 6:
            continue
        # "Then I would tell the owner two things: with the relief..." cut after the first
        # of the two things it announced; "Then the recovery plan: when the points are
        # back", a label and the start of what it labels.
        announced, colon, labelled = head.partition(":")
        if colon and (has_number(announced) or word_count(labelled) < 6):
            continue
        forms.append(f"{lead} {as_sentence(head)}")
    return forms


#: What the writer notes about their own answer, not about the subject: "I had the year
#: wrong.", "So 12 hours was the answer.", "So it was personal, and I called it theme-park."
_SELF_TALK = re.compile(
    r"(?i)\b(?:I|we)\s+(?:had|got)\s+(?:it|that|this|the\s+\w+(?:\s+\w+)?)\s+wrong\b"
    r"|\bwas\s+the\s+(?:right\s+|correct\s+)?answer\b"
    r"|\b(?:so|and)\s+I\s+(?:said|called|told|answered|guessed|mixed|got)\b"
    r"|\bI\s+should\s+have\s+(?:said|known|asked|mentioned|answered)\b"
    # What the writer said, quoted back: 'So "I'd do 75 minutes alone" was also against...'.
    r"|[“\"]I(?:['’](?:d|m|ll)|\s)[^“”\"]{0,80}[”\"]\s+(?:was|is)\b"
    # A note to self on how to use it: "so that's the thing to lead with" (round 20).
    r"|\b(?:that['’]s|that\s+is)\s+(?:the\s+thing|what)\s+to\s+(?:lead|open|start)\s+with\b"
    r"|\b(?:should|must|need\s+to)\s+(?:lead|open|start)\s+with\b|\bnote\s+to\s+self\b"
)
_NOTATION = re.compile(r"\w\s*=\s*\w|\s(?:->|=>|→)\s")
_LOWER_START = re.compile(r"(\S+)([.!?])(\s+)([a-z])")
_ABBREVIATION = frozenset(
    ["e.g", "i.e", "etc", "vs", "approx", "incl", "no", "st", "dr", "mr", "mrs", "ms", "cf", "al"]
)


def _sentence_starts(text: str) -> str:
    """Notes whose sentences start in lower case ("...ring the casuals list. tell control
    which runs might drop. drive one myself last.") with each sentence capitalised, so that
    each is told as one (and an order in it said as the writer's plan)."""

    def start(m: re.Match[str]) -> str:
        word, stop, space, letter = m.groups()
        if word.casefold().lstrip("(") in _ABBREVIATION or len(word) < 2:
            return m.group(0)
        return f"{word}{stop}{space}{letter.upper()}"

    return _LOWER_START.sub(start, text)


#: A question whose answer is no figure, however the writer's answer opens ("why offshore" ->
#: "7 yrs onshore, ..."): a motive, a story, a walk through.
_NO_FIGURE_ASKED = re.compile(
    r"(?i)^\s*(?:why|tell\s+(?:me|us)|describe|walk\s+(?:me|us)\s+through|talk\s+(?:me|us)"
    r"|give\s+(?:me|us)\s+an\s+example)\b"
)


def asks_for_a_figure(question: str) -> bool:
    """Whether a question may be answered with a figure alone ("What's their maximum FDP?")."""
    return _NO_FIGURE_ASKED.match(question) is None


def answer_facts(text: str, max_words: int = 75, *, figure: bool = True) -> list[str]:
    """A better answer as whole sentences for the note (see :func:`research_facts`): each
    sentence the user began in lower case is one, clauses a comma splices take an "and"
    ("..., and we install basket tray"), and an order to oneself is said as the writer's plan
    ("I would tell control..."): never notes pasted in a fluent frame."""
    # "1.0 until 1.2 g per kg": a range a non-native writer joins with "until".
    text = re.sub(r"\b(\d+(?:\.\d+)?)\s+until\s+(?=\d)", r"\1 to ", text)
    text = _headless(_numbered_steps(unjotted(text)))
    # "What I should have said is what I actually do believe: ..." is what the writer
    # believes, said now; the rest of it is self-talk about the interview (round 21).
    text = re.sub(
        r"(?i)\bWhat I should have said is "
        r"(?:what I (?:actually |really )?(?:do )?believe|this)\s*:",
        "What I do believe is this:",
        text,
    )
    # "Bog is both i think": the pronoun jotted in lower case.
    text = re.sub(r"(?<![\w'’.-])i(?=(?:\s|['’](?:m|d|ve|ll)\b))", "I", text)
    said = [
        _plan_goes_on(_listed_steps(own_plan(_spliced(_figure_answers(fact) if figure else fact))))
        # The writer's answer keeps up to four sentences: its point is often the last
        # ("...so the work is privileged", "don't go in the hub if it's not locked"), and
        # answers cut before it were rounds 16 and 17's most frequent new defect.
        for fact in research_facts(_sentence_starts(text), max_words, most=4, cut_next=True)
    ]
    # A list of orders is known as the writer's plan by its length; cut short ("Confirm
    # eligibility..., explain..., give the notices..."), it is still that plan, not an order
    # to the reader.
    planned = {m.group(1) for fact in said if (m := re.match(r"I would (\w+)", fact))}
    return [
        _plan_goes_on(_listed_steps(f"I would {fact[:1].lower()}{fact[1:]}"))
        if fact.split()[0].casefold() in planned and fact[:1].isupper() and fact[:2] != "I "
        else fact
        for fact in said
    ]


def _headless(text: str) -> str:
    """An answer without the head a writer jots before it: a leading "Because" (the question
    was "why", and the note names it), or a first sentence of a word or two and no verb
    ("PREMIS. Each migration is an event..."), a heading for oneself where more follows."""
    text = re.sub(r"^\s*Because\s+(\w)", lambda m: m.group(1).upper(), text)
    parts = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)
    if len(parts) == 2:
        head = parts[0].rstrip(".!?")
        # Only a word or two ("PREMIS.", "Yes."): a longer one may be the answer itself
        # ("Consecutive, not simultaneous.").
        if len(head.split()) <= 2 and not _has_verb(head) and not has_number(head):
            rest = parts[1]
            return rest[:1].upper() + rest[1:]
    return text


_NUMBERED = re.compile(r"(?:^|(?<=[.!?]\s))([1-9])[.)]?\s+(?:then\s+)?(?=[a-z])")
_ORDINAL = {1: "First", 2: "Then", 3: "After that", 4: "Then", 5: "After that"}


def _numbered_steps(text: str) -> str:
    """Steps jotted with numbers ("1 stop the turbine, rotor lock in. 2 call control room...")
    said in words: "First I would stop the turbine...", "Then I would call..."; a number the
    list does not start with 1, or a figure ("3 weeks later..."), is left alone."""
    steps = list(_NUMBERED.finditer(text))
    if len(steps) < 2 or [int(m.group(1)) for m in steps] != list(range(1, len(steps) + 1)):
        return text
    out, last = [], 0
    for m in steps:
        rest = text[m.end() :]
        verb = rest.split(" ", 1)[0].strip(",;:.")
        order = _is_step(rest.split(".", 1)[0]) or verb in _PLAN_VERBS | _ORDER_ONLY
        number = int(m.group(1))
        lead = "Finally" if number == len(steps) and number > 2 else _ORDINAL.get(number, "Then")
        if order:
            out += [text[last : m.start()], f"{lead} I would "]
        else:
            # "3 then him, airway breathing, first aid": a step jotted with no verb is notes
            # to oneself; the steps around it carry the plan.
            out.append(text[last : m.start()])
            end = re.search(r"[.!?](?:\s+|$)", rest)
            last = m.end() + (end.end() if end else len(rest))
            continue
        last = m.end()
    return "".join([*out, text[last:]])


def _is_step(chunk: str) -> bool:
    """Whether a part of a list opens with an order ("ring the two suppliers", "keep one door
    free", "never promise to keep it secret"): a plan's verb, or a verb and then its object's
    determiner; not a noun ("layering"), a pronoun or a clause of its own."""
    words = chunk.split()
    if words and words[0] == "never":
        words = words[1:]
    if len(words) < 2:
        return False
    verb, after = words[0], words[1].casefold()
    if (
        not verb.isalpha()
        or not verb.islower()
        or verb in _NOT_IMPERATIVE
        or verb in _DETERMINER
        or verb in _PERSONAL_SUBJECT
        or verb in ("and", "or", "but", "then", "so", "not", "which", "who", "with", "to")
        or (verb.endswith(("ed", "ing", "ly")) and verb not in _BASE_LOOKS_INFLECTED)
        or (verb.endswith("s") and not verb.endswith(("ss", "us")))
    ):
        return False
    return verb in _PLAN_VERBS or after in _ORDER_OBJECT


#: Verbs in their base form that end as a past or a participle would ("ring the agency").
_BASE_LOOKS_INFLECTED = frozenset(
    ["ring", "bring", "feed", "need", "embed", "shed", "fly", "apply"]
)


def _listed_steps(text: str) -> str:
    """Steps of a plan listed with commas and no "and" ("...first, ring the two suppliers we
    use most, move the fish special to tomorrow.") splice their clauses: the last step takes
    an "and" ("..., and move the fish special to tomorrow."). Only where the list opens with
    an order or the writer's plan and a step before the last is one too: a list of nouns
    ("placement, layering, integration") and one that has its "and" are left as written."""
    out = []
    for sentence in _SENTENCE_END.split(text):
        parts: list[str] = []
        depth, start = 0, 0
        for i, char in enumerate(sentence):
            if char in "([":
                depth += 1
            elif char in ")]":
                depth = max(0, depth - 1)
            elif char == "," and depth == 0 and sentence[i + 1 : i + 2] == " ":
                parts.append(sentence[start:i])
                start = i + 2
        parts.append(sentence[start:])
        opening = parts[0].split()
        steps = sum(map(_is_step, parts[1:]))
        ordered = bool(opening) and (
            re.match(r"(?:Then\s+)?I(?:\s+would|'d)\s", parts[0]) is not None
            or _is_step(f"{opening[0].casefold()} {' '.join(opening[1:])}")
            # "Confirm eligibility under..., explain..., give...": an order the lists miss,
            # known by the steps that follow it.
            or (steps >= 3 and _is_step(f"{opening[0].casefold()} the"))
        )
        if (
            len(parts) >= 3
            and ordered
            and _is_step(parts[-1])
            and any(_is_step(p) for p in parts[1:-1])
            and not any(re.match(r"(?:and|or|then)\s", p) for p in parts[1:])
        ):
            sentence = ", ".join([*parts[:-1], f"and {parts[-1]}"])
            if not re.match(r"(?:Then\s+)?I\b", sentence):
                # A list of orders is the writer's plan, as :func:`own_plan` says one: in a
                # note, "Listen calmly, ..." reads as an order to its reader.
                sentence = f"I would {opening[0].casefold()}{sentence[len(opening[0]) :]}"
        out.append(sentence)
    return " ".join(out)


def _figure_answers(text: str) -> str:
    """A sentence of an answer that is a figure and no clause ("1.37 ohms from the table in BS
    7671.") is said as the answer it gives: "The answer is 1.37 ohms from the table..."."""
    out = []
    for i, sentence in enumerate(_SENTENCE_END.split(text)):
        words = sentence.split()
        # Only the first sentence gives the answer: "Two clips and one picture. One clip of
        # the bypass..." is the answer, then what it is made of.
        # A numbered list ("1 check its real... 2 check raw turb...") is steps, not a figure.
        if (
            len(words) > 1
            and re.fullmatch(r"\d[.)]?", words[0])
            and words[1].casefold() in _PLAN_VERBS | _ORDER_ONLY
        ):
            out.append(sentence)
            continue
        if i == 0 and words and has_number(words[0]) and not _has_verb(sentence):
            if words[0].isalpha():  # "Twelve hours.": a number in words, mid-sentence now
                sentence = sentence[:1].lower() + sentence[1:]
            sentence = f"The answer is {sentence}"
        out.append(sentence)
    return " ".join(out)


def _plan_goes_on(text: str) -> str:
    """After a sentence of the writer's plan ("I would check the spare board first."), the
    next orders of the same list are the plan too: "Tell control which runs might drop" and
    "Drive one myself last" are said "I would tell...", "I would drive one myself last"."""
    out: list[str] = []
    planning = False
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        first = words[0].casefold() if words else ""
        if re.match(r"(?:Then\s+)?I would\s", sentence):
            planning = True
        elif (
            planning
            and len(words) > 1
            and words[0][:1].isupper()
            and words[1][:1].islower()
            and first not in _DETERMINER
            and first not in _PERSONAL_SUBJECT
            and not _is_past(first)
            and not first.endswith(("ing", "s"))
            and (first in _PLAN_VERBS or re.search(r"\bmyself\b", sentence) is not None)
        ):
            sentence = f"I would {first} {' '.join(words[1:])}"
        else:
            planning = False
        out.append(sentence)
    return " ".join(out)


def research_fact(text: str, max_words: int = 45) -> str | None:
    """The longest of :func:`research_facts` within ``max_words``, or None."""
    found = research_facts(text, max_words)
    return found[0] if found else None


def as_written(phrase: str, *sources: str | None) -> str:
    """``phrase`` in the casing the user gave it where they wrote it: a skill noted as "kafka"
    reads "Kafka" when the question says "Kafka"."""
    pattern = r"\b" + r"\W+".join(map(re.escape, phrase.split())) + r"\b"
    for source in sources:
        if source:
            m = re.search(pattern, source, re.IGNORECASE)
            if m:
                return m.group(0)
    return phrase


def when_phrase(interview: Interview, now: datetime | None) -> str:
    """ "today", "yesterday" or "on Tuesday", as the interviewer will read it; empty without
    a clock (the core never reads one) or when the interview is more than a few days old."""
    if now is None:
        return ""
    zone = interview.ended_at.tzinfo
    ended = interview.ended_at.date()
    today = now.astimezone(zone).date()
    days = (today - ended).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 6:
        return "on " + (interview.ended_at).strftime("%A")
    if days < 0 and now + timedelta(days=1) >= interview.ended_at:
        return "today"
    return ""


def decision_phrase(interview: Interview, now: datetime | None) -> str:
    """When the interviewers said they would decide, as a next step can name it ("on Friday"
    within the week, "on 11 December" within the month); empty without a clock, a date, or
    once the day has come (an offer "before your decision" is then too late)."""
    decided = interview.decision_expected_by
    if now is None or decided is None:
        return ""
    today = now.astimezone(interview.ended_at.tzinfo).date()
    days = (decided - today).days
    if days < 1 or days > 31:
        return ""
    if days <= 6:
        return "on " + decided.strftime("%A")
    return f"on {decided.day} {decided.strftime('%B')}"


#: Words that open a sentence without making it an order: pronouns, determiners, linking
#: words, prepositions.
_NOT_IMPERATIVE = frozenset(
    [
        # Adverbs of frequency: "Often it's the computer distance" (round 21).
        "often",
        "sometimes",
        "always",
        "seldom",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "its",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "some",
        "most",
        "many",
        "no",
        "not",
        "all",
        "both",
        "only",
        "even",
        "just",
        "still",
        "also",
        "again",
        "now",
        "then",
        "so",
        "but",
        "and",
        "or",
        "if",
        "when",
        "once",
        "while",
        "since",
        "as",
        "after",
        "before",
        "because",
        "until",
        "unless",
        "though",
        "although",
        "here",
        "there",
        "what",
        "which",
        "who",
        "how",
        "why",
        "where",
        "at",
        "in",
        "on",
        "for",
        "with",
        "from",
        "by",
        "of",
        "to",
        "over",
        "under",
        "about",
        "between",
        "through",
        "across",
        "during",
        "within",
        "without",
        "first",
        "next",
        "finally",
        "today",
        "tomorrow",
        "yesterday",
        "please",
        # Words that open a jotted answer and are no order: "Same first steps - ...",
        # "Monday first: how many days of stock...".
        "same",
        "other",
        "another",
        "different",
        "more",
        "less",
        "few",
        "several",
        "any",
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ]
)
#: What follows a verb given as an order: its object's determiner or pronoun, or a particle.
_ORDER_OBJECT = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "my",
        "our",
        "your",
        "its",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "all",
        "them",
        "him",
        "me",
        "it",
        "us",
        "up",
        "out",
        "back",
        "down",
        "first",
    ]
)
# After a sentence's end, a closing quotation mark too ('..."stay clear." Then amend...').
_ORDER = re.compile(
    r"(^|[.!?][\"”’]?\s+)((?:Then|First|Next|Finally|And)\s+)?([A-Za-z][a-z]+)(\s+)(\w+)"
)
#: An order that says what to do instead of what, before the colon that lists it: "Test
#: properties not exact output: every stop visited once, ...". Two words at least after the
#: "not", where a jotted verdict has one ("Test results not good: ...").
_CONTRAST_ORDER = re.compile(
    r"(^|[.!?]\s+)([A-Z][a-z]+)((?:\s+[a-z]+){1,3})\s+not((?:\s+[a-z]+){2,3})(?=:)"
)
#: Verbs an order names its way with ("Focus on the...", "Talk to the...", "Move from...").
_ORDER_VERBS_WITH = frozenset(
    ["focus", "talk", "speak", "reach", "move", "go", "listen", "agree", "follow", "check",
     "lean", "work", "meet", "sit", "deal", "engage", "partner", "push", "switch", "stick",
     "start", "begin", "ask"]
)  # fmt: skip
#: Verbs an order names what it seeks with, after "for" ("Ask for the evidence first").
_ORDER_VERBS_FOR = frozenset(["ask", "look", "wait", "apply", "push", "call", "plan", "screen"])
#: What an order's question opens with: "Ask what part is expensive", "Check whether...".
_ORDER_QUESTION = frozenset(["what", "whether", "how", "who", "which", "if", "where", "why"])


#: Verbs a plan is jotted with, seldom the noun a sentence opens with before its own verb.
_PLAN_VERBS = frozenset(
    ["track", "use", "start", "call", "find", "map", "check", "reconcile", "build", "run", "add",
     "ask", "make", "split", "write", "hire", "train", "agree", "review", "create", "measure",
     "meet", "keep", "take", "give", "fix", "set", "audit", "analyse", "analyze", "interview",
     "visit", "phone", "draft", "prepare", "pilot", "rebuild", "rewrite", "compare", "separate",
     "segment", "explain", "tell", "show", "offer", "schedule", "document", "escalate", "flag",
     "prioritise", "prioritize", "introduce", "launch", "deliver", "monitor", "alert", "code",
     "talk", "listen", "walk", "get", "move", "lead", "focus", "cut", "collect", "send",
     "sit", "pair", "share", "publish", "automate", "tag", "label", "group", "sort", "rank",
     "score", "survey", "test", "book", "invite", "record", "log", "note", "list", "write"]
)  # fmt: skip


def _coordinated_orders(verb: str, rest: str) -> bool:
    """Whether a sentence opening with ``verb`` is one of two orders joined by "and" ("Pick
    work I admire and say how I'd push it further", "Go in as a customer first and find out
    what bugs them"): both verbs of a plan, the second in its base form right after the
    "and", in the sentence's first clause."""
    clause = re.split(r"[.!?;:,]|\s[-–—]\s", rest, maxsplit=1)[0]
    # "Track record and use of data matter": nouns, a noun's "of" and a verb of their own.
    second = re.search(
        r"\band\s+(?:then\s+)?([a-z]+)\s+(?!(?:of|and|or|is|are|was|were|matters?)\b)\w", clause
    )
    return (
        verb in _PLAN_VERBS | _ORDER_ONLY
        and second is not None
        and second.group(1) in _PLAN_VERBS | _ORDER_ONLY
        and not re.search(r"\b(?:is|are|was|were|matter|matters)\b", clause[: second.start()])
    )


#: Verbs whose base form opens a sentence only as an order, beside the plan's verbs.
_ORDER_ONLY = frozenset(
    ["pick", "choose", "say", "go", "confirm", "ring", "email", "see", "stop", "leave", "try",
     "close", "open", "point"]
)  # fmt: skip


def _bare_order(verb: str, rest: str) -> bool:
    """Whether a sentence opening with ``verb`` and going on with ``rest`` is an order whose
    object needs no article ("Track row counts per day...", "Use AVG() over a window..."): a
    plan's verb, and no finite verb in the rest of the sentence (a noun that opens a sentence
    has one: "Use of force is rare")."""
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    if verb not in _PLAN_VERBS or _has_verb(sentence):
        return False
    # An object, then where, how or what with ("... over a window", "... per day"), or a list
    # of more steps (", alert on a z-score, and reconcile..."): not a noun with a verb of its
    # own that the lists miss ("Track record matters").
    head = sentence.split()[:7]
    steps = re.search(r",\s+(?:and\s+|then\s+)?(\w+)", sentence)
    return bool(set(map(str.casefold, head[1:])) & _PLAN_PREPOSITIONS) or bool(
        steps and steps.group(1).casefold() in _PLAN_VERBS
    )


_PLAN_PREPOSITIONS = frozenset(
    ["over", "with", "in", "per", "for", "on", "to", "against", "at", "from", "into", "by"]
)


def _ordered_with(verb: str, preposition: str, rest: str) -> bool:
    """Whether ``verb preposition rest`` is an order that goes by a preposition: "Lead with
    the range", "Start by calling them", "Focus on the three biggest accounts" (not "Data
    from the pilot...", a noun that a preposition follows)."""
    nxt = re.match(r"\s+(\w+)", rest)
    word = nxt.group(1).casefold() if nxt else ""
    sentence = re.split(r"[.!?;:,]", rest, maxsplit=1)[0]
    if word in _ORDER_QUESTION and verb in _ORDER_VERBS_WITH:
        return preposition in ("on", "to", "from", "about", "with")  # "Start from what..."
    if re.search(r"(?i)\b(?:is|are|was|were|has|have|had|will|can|matters|helps)\b", sentence):
        return False  # a noun and its verb: "Time with the kids matters"
    if preposition == "at" and verb in _PLAN_VERBS | _ORDER_ONLY and has_number(word):
        return True  # a threshold to act at: "Close at 15 m/s sustained"
    if preposition in ("with", "by"):
        return word in _ORDER_OBJECT or (preposition == "by" and word.endswith("ing"))
    if preposition == "for" and verb in _ORDER_VERBS_FOR:
        return word in _ORDER_OBJECT  # "Ask for the evidence first", "Look for a pattern"
    return (
        preposition in ("on", "to", "into", "from", "through")
        and verb in _ORDER_VERBS_WITH
        and word in _ORDER_OBJECT
    )


#: Verbs of a state, jotted without their "I" ("Want the hard end of the job", "Love the
#: night shift"): what the writer wants now, never a plan ("I would want").
_STATIVE = frozenset(["want", "like", "love", "enjoy", "prefer", "hope", "know", "believe"])
#: Participles that are never a past tense: "done the climbs" is "I have done the climbs",
#: never an order ("I would done").
_PARTICIPLE_ONLY = frozenset(
    {"done", "gone", "seen", "been", "taken", "given", "written", "known", "shown", "driven"}
    | {"flown", "grown", "chosen", "spoken", "broken", "fallen", "eaten", "forgotten", "risen"}
    | {"thrown", "worn", "begun", "stolen", "ridden", "hidden", "proven"}
)
#: Verbs whose past is their base form: "Read the policy first" and "Put the patient first"
#: are orders.
_BASE_AND_PAST = frozenset(["read", "put", "set", "cut", "let", "split", "shut", "spread", "hit"])


def own_plan(text: str) -> str:
    """A better answer jotted as orders to oneself ("Keep his standards on the pass, not
    mine: ...") said as the writer's plan ("I would keep his standards..."): in a note, a
    sentence that opens with a bare verb reads as an order to its reader."""

    def plan(m: re.Match[str]) -> str:
        lead, then, verb, space, after = m.groups()
        word = verb.casefold()
        # After "First" or "Next" the word is a verb unless it is plainly not one ("First
        # call maintenance control...", not "First week was hard").
        led = (
            bool(then) and then.strip() not in ("Then", "And") and after.casefold() not in _AUX
        ) or (word in _PLAN_VERBS and after.casefold() in _ORDER_QUESTION)
        if (
            word in _NOT_IMPERATIVE
            # "First whether it should travel at all": a question to settle, not a verb.
            or word in _ORDER_QUESTION
            # "Letter first", "Safety first": a noun put first, unless a plan's verb.
            or (after.casefold() == "first" and word not in _PLAN_VERBS | _ORDER_ONLY)
            or (not then and not verb[:1].isupper())
            or (
                not led
                and after.casefold() not in _ORDER_OBJECT
                and not _ordered_with(word, after.casefold(), m.string[m.end() :])
                and not _bare_order(word, f"{after}{m.string[m.end() :]}")
                and not _coordinated_orders(word, f"{after}{m.string[m.end() :]}")
            )
            or word.endswith(("ed", "ing", "ly"))
            or word in _PARTICIPLE_ONLY
            or (_is_past(word) and word not in _BASE_AND_PAST)
            or (word.endswith("s") and not word.endswith(("ss", "us")))
        ):
            return m.group(0)
        if word in _STATIVE and not then:
            # "Want the hard end of the job": what the writer wants, not would want.
            return f"{lead}I {word}{space}{after}"
        if then and then.strip() == "And":
            # "And keep a fixed set of real days..." -> "I would also keep a fixed set...".
            if word not in _PLAN_VERBS | _ORDER_ONLY:
                return m.group(0)
            return f"{lead}I would also {word}{space}{after}"
        if then and then.strip() != "Then":
            # "First call maintenance control..." -> "I would first call maintenance control".
            return f"{lead}I would {then.strip().casefold()} {word}{space}{after}"
        start = f"{lead}{'Then I' if then else 'I'} would {word}"
        return f"{start}{space}{after}"

    def contrasted(m: re.Match[str]) -> str:
        lead, verb, what, instead = m.groups()
        word = verb.casefold()
        first = instead.split()[0]
        if (
            word not in _PLAN_VERBS | _ORDER_ONLY
            or _AUX & set(f"{what} {instead}".split())
            or what.split()[0] in _ORDER_QUESTION  # "Ask why not just..."
            # "Use cases not covered by tests:": a noun, and what is not done to it.
            or first.endswith("ed")
            or _is_past(first)
        ):
            return m.group(0)
        # "Test properties not exact output: ..." -> "I would test properties, not exact
        # output: ...".
        return f"{lead}I would {word}{what}, not{instead}"

    def plan_after_clause(m: re.Match[str]) -> str:
        clause, verb, space, after = m.groups()
        if not _order_after_lead(verb.casefold(), after, m.string[m.end() :]):
            return m.group(0)
        word = verb.casefold()
        # "Next morning: speak with him" -> "Next morning, I would speak with him".
        clause = re.sub(r":(\s+)$", r",\1", clause)
        return f"{clause}I would {word}{space}{after}"

    def plan_after_label(m: re.Match[str]) -> str:
        lead, label, verb, space, after = m.groups()
        word = verb.casefold()
        # After a label a plan's verb is an order with any object ("Me: receive permits").
        if word not in _PLAN_VERBS | _ORDER_ONLY and not _order_after_lead(
            word, after, m.string[m.end() :]
        ):
            return m.group(0)
        if word in _PARTICIPLE_ONLY:
            return m.group(0)
        if label.casefold() in ("me", "my part", "my job", "my role"):
            return f"{lead}I would {verb}{space}{after}"  # "Me: receive the permit, ..."
        return f"{lead}{label}: I would {verb}{space}{after}"

    # "Don't go in the hub if it's not locked": what the writer would not do.
    text = re.sub(
        r"(^|[.!?]\s+)(?:Don['’]t|Do not|Dont)\s+(?=[a-z]{2,}\s)", r"\1I would not ", text
    )
    text = re.sub(
        r"(^|[.!?]\s+)Never\s+(?=[a-z]{2,}\s+(?:the|a|an|it|them|my|your)\b)",
        r"\1I would never ",
        text,
    )
    # "First whether it should travel at all": the question the writer would settle first.
    text = re.sub(r"(^|[.!?]\s+)(First|Then|Next)\s+(whether)\b", r"\1\2 I would ask \3", text)
    text = _CONTRAST_ORDER.sub(contrasted, text)
    text = _ORDER.sub(plan, text)
    text = _ORDER_AFTER_CLAUSE.sub(plan_after_clause, text)
    return _ORDER_AFTER_LABEL.sub(plan_after_label, text)


def _order_after_lead(word: str, after: str, rest: str) -> bool:
    """Whether ``word`` after a clause of time or condition, or a jotted label, opens an order:
    a verb's base form that its object, a preposition or its own list of steps follows."""
    if (
        word in _NOT_IMPERATIVE
        or word.endswith(("ed", "ing", "ly"))
        or (word.endswith("s") and not word.endswith(("ss", "us")))
    ):
        return False
    return (
        after.casefold() in _ORDER_OBJECT
        or _ordered_with(word, after.casefold(), rest)
        or _bare_order(word, f"{after}{rest}")
    )


#: An order after a jotted label and a colon: "First the contract: check the clauses..." ->
#: "First the contract: I would check the clauses...", "Me: receive the permit" -> "I would
#: receive the permit".
_ORDER_AFTER_LABEL = re.compile(
    r"((?:^|[.!?]\s+))([A-Z][^:.!?\d]{1,40}):\s+(?!I\b)([a-z]+)(\s+)(\w+)"
)


#: An order after a clause of time or condition: "While that comes back, check the crew's
#: duty" -> "While that comes back, I would check the crew's duty".
_ORDER_AFTER_CLAUSE = re.compile(
    r"((?:^|[.!?]\s+)(?:(?:While|When|Once|If|After|Before|As soon as|Until)\b[^,.;:]{3,80},"
    # "Week one, split the shrink...", "Next morning: speak with him...": a time to act.
    r"|(?:(?:In|On)\s+)?(?:[Ww]eek|[Dd]ay|[Mm]onth)\s+(?:one|two|three|[1-9])[,:]"
    r"|(?:(?:The\s+)?[Nn]ext|That|The\s+same|(?:In\s+the\s+)?[Ff]irst)\s+"
    r"(?:hour|morning|day|night|week|shift)[,:])\s+)"
    r"(?:then\s+)?([a-z]+)(\s+)(\w+)"
)


#: A document an interviewer asked for, in the writer's notes on a moment: "Made asked me to
#: send the file", "Fiona asked for a copy", "Hamza asked for a copy of the slides". A bare
#: "asked for an example" is a question, not something to send: "asked for" takes a thing
#: that can be attached.
_REQUEST = re.compile(
    r"\b(?:asked|asks|ask|wanted)\s+(?:"
    r"(?:me\s+to|(?:if|whether)\s+I(?:'d|’d|\s+could|\s+would|\s+can))\s+"
    r"(?:send|e-?mail|forward)"
    r"(?:\s+(?P<pronoun>her|him|them|it))?(?:\s+over)?\s+(?P<sent>[^.,;:!?()]{2,90}?)"
    r"|for\s+(?P<asked>(?:a\s+copy(?:\s+of\s+(?:the|my|our|that|this)\s+[^.,;:!?()]{2,40}?)?"
    r"|(?:the|my|a|an|our|that|this)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:file|pdf|deck|slides|sample|samples|portfolio|link|spreadsheet|report|plan|sketch"
    r"|notes|paper|document|template|checklist|sheet|drawings|brief|spec|specification|code"
    r"|repo|reference|references|case\s+study|write-up|one-pager)s?)))"
    r"(?=\s*(?:$|[.,;:!?()]|\s[-–—]\s|\s(?:but|so|which|because|after|before|by|when)\b"
    r"|\sand\s+(?:I|we|she|he|they|then|it|that)\b))"
)
_WHO = re.compile(r"[^\W\d_][\w'’-]*")


def request(moment: Moment, names: Sequence[str]) -> tuple[str, str] | None:
    """(whom, what) for a document the writer's notes on a moment say an interviewer asked
    for: the interviewer last named before it in the sentence (by any part of their name)
    or, after "she"/"he", the one who asked the question. None when no such request is
    recorded."""
    said = moment.what_i_said or ""
    m = _REQUEST.search(said)
    if m is None:
        return None
    thing = (m.group("sent") or m.group("asked") or "").strip()
    if re.match(r"(?i)(?:to|by|via|over)\b|(?:it|them|this|that)$", thing):
        # "asked me to send it to him by email": "it" is what the notes named before it, by
        # the moment's topic or one of its stories ("Showed my planning sheet on my phone");
        # else the sentence does not say ("I have attached to him." was round 19's line).
        if m.group("pronoun") not in (None, "it", "them") and not re.match(
            r"(?i)(?:it|them|this|that)$", thing
        ):
            return None
        thing = _named_before(said[: m.start()], [moment.topic or "", *moment.stories]) or ""
        if not thing:
            return None
    before = re.split(r"[.!?;]\s", said[: m.start()])[-1]
    # "I" is the writer, never the "I" of a Balinese name.
    parts = {p.casefold(): n for n in names for p in n.split() if len(p) > 1}
    person = None
    for found_word in reversed(_WHO.findall(before)):
        # "Sato-san asked me to...": the honorific suffix is no part of the name.
        word = re.sub(r"(?i)-(?:san|sama|sensei|ssi|nim)$", "", found_word)
        if word.casefold() in ("she", "he", "they"):
            person = moment.asked_by
            break
        if word[:1].isupper() and word.casefold() in parts:
            person = parts[word.casefold()]
            break
    else:
        person = moment.asked_by if not before.strip() else None
    if person is None or not thing:
        return None
    # "asked_by: Guðmundur" is the Guðmundur Ari Jóhannsson of the panel.
    person = next((n for n in names if same_person(person, n)), person)
    return person, thing


def _named_before(text: str, names: Iterable[str]) -> str | None:
    """The thing of ``names`` (a topic, a story's title) that ``text`` names last with its
    determiner, as the text says it: "my planning sheet" for "the planning sheet" or "Driver
    hours planning sheet" in "Showed my planning sheet on my phone"."""
    found: tuple[int, str] | None = None
    for name in names:
        words = [w for w in name.split() if w.casefold() not in ("the", "a", "an", "my", "our")]
        # The longest end of the name the text has: its head noun and what describes it.
        for start in range(len(words)):
            tail = r"\s+".join(re.escape(w) for w in words[start:])
            said = list(re.finditer(rf"(?i)\b(?:the|my|our|this|that)\s+{tail}\b", text))
            if said:
                m = said[-1]
                if found is None or m.start() > found[0]:
                    found = (m.start(), m.group(0))
                break
    return found[1] if found else None


#: A Japanese honorific after a family name: "Takahashi-san", "Mori-sensei".
_HONORIFIC_SUFFIX = re.compile(r"(?i)-(?:san|sama|sensei|shi)$")


def _name_words(text: str) -> set[str]:
    return {_HONORIFIC_SUFFIX.sub("", w.rstrip(".")).casefold() for w in text.split()} - TITLES


def same_person(said: str, name: str) -> bool:
    """Whether a name as the writer jotted it ("Guðmundur", "Dr Fifita", "prof lim",
    "Takahashi-san") is the interviewer ``name``: its words, titles and honorifics aside, are
    all words of the name."""
    jotted = _name_words(said)
    if not jotted:
        # Jotted by the title alone ("Alhaja", "the Rabbi"): a title the name holds.
        titles = {w.rstrip(".").casefold() for w in said.split()} - {"the"}
        held = {w.rstrip(".").casefold() for w in name.split()}
        return bool(titles) and titles <= TITLES and titles <= held
    return jotted <= _name_words(name)


def tells_of(text: str | None, names: Sequence[str]) -> bool:
    """Whether ``text`` speaks of one of the people ``names``: a word of a name (titles aside,
    of three letters or more) written as in the name, not where a sentence starts ("Looked
    Zeynep up", "Mr Lim designed it with his mother")."""
    if not text:
        return False
    for name in names:
        for word in name.split():
            bare = word.strip(".,")
            if len(bare) < 3 or bare.casefold() in TITLES:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", text):
                before = text[: m.start()].rstrip()
                if before and before[-1] not in ".!?:":
                    return True
    return False


def addressed(name: str, jotted: Iterable[str | None]) -> str | None:
    """The salutation's title and name: :func:`honorific`, unless the writer's own notes
    address the person with the same title by another of their names ("Ing. Araya" for "Ing.
    Rodrigo Araya Tapia", whose first surname is the one used); or, for a name without a
    title, :func:`writers_address`."""
    titled = honorific(name)
    own = writers_address(name, jotted)
    if titled is None or own is None:
        return titled or own
    title, _, said = own.rpartition(" ")
    parts = name.split()
    # A name of theirs after the given name, with the same title: "Ing. Araya", not "Ing.
    # Rodrigo" (a first name after a title says nothing of which surname is used).
    surnames = [w.casefold() for w in parts[_title_count(parts) + 1 :]]
    return own if titled.startswith(f"{title} ") and said.casefold() in surnames else titled


def writers_address(name: str, jotted: Iterable[str | None]) -> str | None:
    """How the writer addresses an interviewer named without a title, when their own notes say
    it: "Mr Takahashi" or "Takahashi-san" (jotted as who asked a question) for "Takahashi
    Kenji", whose name alone does not say which word is the family name. Only a title or an
    honorific with words of the name counts; a bare first name says nothing of the form."""
    respectful = None
    for said in jotted:
        # "Rohan sir", "Kamala madam": the given name and the respect of South Asian English,
        # which a note says "Mr Wickremasinghe", "Ms Perera" (never "Hello Rohan"), unless
        # the notes write the title themselves ("Mr. Haniffa").
        after = re.fullmatch(r"(?i)(\S+)\s+(sir|madam|madame|ma['’]am)", (said or "").strip())
        words = name.split()
        if after and len(words) >= 2 and after.group(1).casefold() == words[0].casefold():
            respectful = f"{'Mr' if after.group(2).casefold() == 'sir' else 'Ms'} {words[-1]}"
            continue
        if not said or not same_person(said, name):
            continue
        parts = said.split()
        suffixed = len(parts) == 1 and _HONORIFIC_SUFFIX.search(parts[0])
        if suffixed:
            return parts[0]
        titles = _title_count(parts)
        if 0 < titles < len(parts):
            # Jotted in lower case ("dr thibodeau", "ms ouellet-park"), the name is still
            # written as the interviewer's name writes it ("Ouellet-Park", not "Ouellet-park").
            written = {w.casefold(): w for w in name.split()}
            said_name = [
                written.get(w.casefold())
                or (
                    "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                    if w.islower() and w not in _PARTICLES
                    else w
                )
                for w in parts[titles:]
            ]
            rank = _rank(parts, titles)
            if rank.rstrip(".").casefold() in ("madam", "madame"):
                rank = "Ms"
            return f"{rank[:1].upper()}{rank[1:]} {' '.join(said_name)}"
    return respectful


_NOTHING_FOUND = re.compile(
    r"(?i)\b(?:tried\s+to\s+find|could(?:n[’']?t|\s+not)\s+find|can(?:[’']?t|not)\s+find"
    r"|did(?:n[’']?t|\s+not)\s+find|was(?:n[’']?t|\s+not)\s+able\s+to\s+find"
    r"|only\s+found|found\s+nothing(?!\s+(?:to|that|wrong|amiss|of|worrying|alarming))"
    r"|nothing\s+(?:came\s+up|turned\s+up)|no\s+luck"
    r"|nothing\s+(?:public|useful|online|relevant|much|new|published|specific)"
    r"|not\s+sure\s+(?:yet\s+)?(?:how|what|if|whether)|could(?:n[’']?t|\s+not)\s+tell"
    r"|no\s+(?:public\s+)?(?:info|information|results|data)\s+(?:on|about|online|anywhere))\b"
)


#: "...or a tech blog. Nothing.", "looked for the shutdown online, nothing.": a sentence or a
#: clause of one word that says the search came up empty.
_NOTHING_SENTENCE = re.compile(r"(?i)(?:^|[.!?;:,]\s+)nothing\s*(?:[.!]|$)")


def found_nothing(text: str) -> bool:
    """Whether research reports a search that came up empty ("Tried to find your prevention
    strategy online. Only found a plan from 2019"): no finding to send the reader, and a
    note that says so tells them their plan is out of date."""
    return _NOTHING_FOUND.search(text) is not None or _NOTHING_SENTENCE.search(text) is not None
