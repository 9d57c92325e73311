"""Compiled patterns for ranges.py: quantities with length units, their qualifiers, and the
words around them that say whether a length is a weapon's range or a geographic distance.

Patterns that look at the words *before* a quantity are anchored with ``\\Z`` and searched in a
short window that ends where the quantity starts, so "range of up to 300 km" reads as
window "range of " + qualifier "up to " + quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.domain import RangeQualifier


@dataclass(frozen=True, slots=True)
class Cue:
    """An end-anchored pattern searched in the text before a quantity.

    An anchored search still tries every start position in its window, so each cue reads only
    as far back as it can reach, and only when one of its words occurs in the (casefolded)
    window at all: most quantities are settled by a plain substring test.
    """

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    reach: int  # characters before the quantity the pattern can span

    def search(self, text: str, start: int, end: int, folded: str) -> re.Match[str] | None:
        if not any(w in folded for w in self.words):
            return None
        return self.pattern.search(text, max(start, end - self.reach), end)


# "5,500", "5 500" (space-grouped thousands), "2.5", "10000". Grouped thousands need exactly
# three digits per group, so "in 2019 500 km" never reads as 2,019,500.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
# What may stand between a number and its unit: nothing, a space or a hyphen ("10,000-km").
SEPARATOR = r"[ \u00a0\u202f-]?"
# "nm"/"NM" only in those two spellings: "Nm" is a newton-metre (engine torque).
_UNIT_WORDS = r"(?i:nautical[ \u00a0-]miles?|kilomet(?:re|er)s?|kms?|miles?)|nm|NM"
# A letter, a digit, a superscript or a slash right after the unit makes it something else:
# "km2"/"km²" (area), "km/h" (speed), "kmh", "miles/hour".
_UNIT_END = r"(?![\w²³/])"


def unit(name: str) -> str:
    return rf"(?P<{name}>{_UNIT_WORDS}){_UNIT_END}"


_UNIT_ANY = rf"(?:{_UNIT_WORDS}){_UNIT_END}"
# Not inside another number or a designator's digits ("Kh-101", "SS-27 5km" is fine).
_NUMBER_START = r"(?<![\w.,])(?<![A-Za-z]-)"

# The hint every length needs: a digit, an optional separator and the start of a unit word.
# A single character-class scan — most articles fail it and cost ~5 µs per KB.
HINT = re.compile(
    r"[0-9][ \u00a0\u202f-]?(?:[kK][mM]|[kK]ilo|KILO|[mM]ile|MILE|[nN]aut|NAUT|nm|NM)"
)

CORE = re.compile(rf"{_NUMBER_START}(?P<num>{NUMBER}){SEPARATOR}{unit('unit')}")

# The first number of a span, right before the core: "between 500 and ", "from 500km to ",
# "500-", "500 – ", "2 to ". "and" needs "between" ("300 and 500 km from ..." is two numbers).
LEAD = re.compile(
    rf"(?:(?i:between)\s+{_NUMBER_START}(?P<lo>{NUMBER})(?:{SEPARATOR}{unit('lo_unit')})?\s+"
    rf"(?i:and)\s+"
    rf"|(?:(?i:from)\s+)?{_NUMBER_START}(?P<lo2>{NUMBER})(?:{SEPARATOR}{unit('lo2_unit')})?"
    rf"\s*(?:[-–—]|(?i:to)\b)\s*)\Z"
)

# Qualifier words, longest first where one is the start of another ("up to" before "up").
_QUALIFIERS: dict[str, RangeQualifier] = {
    "up to": RangeQualifier.UP_TO,
    "as much as": RangeQualifier.UP_TO,
    "as far as": RangeQualifier.UP_TO,
    "no more than": RangeQualifier.UP_TO,
    "not more than": RangeQualifier.UP_TO,
    "a maximum of": RangeQualifier.UP_TO,
    "at most": RangeQualifier.UP_TO,
    "more than": RangeQualifier.MORE_THAN,
    "just over": RangeQualifier.MORE_THAN,
    "well over": RangeQualifier.MORE_THAN,
    "over": RangeQualifier.MORE_THAN,
    "in excess of": RangeQualifier.MORE_THAN,
    "well beyond": RangeQualifier.MORE_THAN,
    "beyond": RangeQualifier.MORE_THAN,
    "upwards of": RangeQualifier.MORE_THAN,
    "exceeding": RangeQualifier.MORE_THAN,
    "at least": RangeQualifier.AT_LEAST,
    "a minimum of": RangeQualifier.AT_LEAST,
    "no less than": RangeQualifier.AT_LEAST,
    "not less than": RangeQualifier.AT_LEAST,
    "less than": RangeQualifier.LESS_THAN,
    "fewer than": RangeQualifier.LESS_THAN,
    "just under": RangeQualifier.LESS_THAN,
    "just below": RangeQualifier.LESS_THAN,
    "under": RangeQualifier.LESS_THAN,
    "below": RangeQualifier.LESS_THAN,
    "above": RangeQualifier.MORE_THAN,
    "within": RangeQualifier.LESS_THAN,
    "about": RangeQualifier.ABOUT,
    "around": RangeQualifier.ABOUT,
    "some": RangeQualifier.ABOUT,
    "roughly": RangeQualifier.ABOUT,
    "approximately": RangeQualifier.ABOUT,
    "approx.": RangeQualifier.ABOUT,
    "nearly": RangeQualifier.ABOUT,
    "almost": RangeQualifier.ABOUT,
    "close to": RangeQualifier.ABOUT,
    "an estimated": RangeQualifier.ABOUT,
    "estimated at": RangeQualifier.ABOUT,
    "estimated": RangeQualifier.ABOUT,
}


def qualifier_of(words: str) -> RangeQualifier:
    return _QUALIFIERS[" ".join(words.casefold().split())]


_QUALIFIER_WORDS = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True)
)
# One qualifier, possibly followed by a second ("up to about 300 km": the first one counts).
QUALIFIER = re.compile(
    rf"(?<![\w-])(?P<qual>(?i:{_QUALIFIER_WORDS}))\s+(?:(?i:{_QUALIFIER_WORDS})\s+)?\Z"
)
# The word right before a qualified quantity is the last word of some qualifier.
QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in _QUALIFIERS)
QUALIFIER_REACH = 60
# A span's first number ends in a connector right before the second one.
LEAD_ENDINGS = ("-", "–", "—", "to", "and", "TO", "AND", "To", "And")
LEAD_REACH = 70

# A parenthesised conversion of the same quantity: "1,000 kilometres (620 miles)".
CONVERSION = re.compile(
    rf"[ \u00a0]*[(\[][ \u00a0]*(?:(?i:{_QUALIFIER_WORDS}|or)\s+)?"
    rf"(?:{_NUMBER_START}(?P<clo>{NUMBER})(?:{SEPARATOR}{_UNIT_ANY})?\s*(?:[-–—]|(?i:to)\b)\s*)?"
    rf"(?P<cnum>{NUMBER}){SEPARATOR}{unit('cunit')}[ \u00a0]*[)\]]"
)

# Words after the quantity that qualify it: "500km or more", "5,500km and above", "1,000km or so".
TRAILING_QUALIFIER = re.compile(
    r"(?i)\s+(?:(?P<at_least>or\s+(?:more|longer|greater|further)|and\s+(?:above|beyond|longer))"
    r"|(?P<up_to>or\s+(?:less|shorter|under))|(?P<about>or\s+so))\b"
)

# -- not lengths -----------------------------------------------------------------------------

SPEED_AFTER = re.compile(
    r"(?i)[\s-]*(?:(?:per|an|a|each|every)[\s-]+(?:hour|hr|h|second|sec|minute|min|day)\b"
    r"|/\s*(?:h|hr|hour|s|sec)\b)"
)
# Heights, depths and orbits are lengths, but neither a range nor a distance on the ground.
HEIGHT_BEFORE = Cue(
    re.compile(
        r"(?i)\b(?:altitudes?|heights?|ceiling|apogee|perigee|orbits?|orbital|elevation|depths?"
        r"|diameter|speeds?)\b(?:[ \t]+[\w'’-]+){0,3}?[ \t]*\Z"
    ),
    ("altitude", "height", "ceiling", "apogee", "perigee", "orbit", "elevation", "depth",
     "diameter", "speed"),
    80,
)  # fmt: skip
HEIGHT_AFTER = re.compile(
    r"(?i)[\s-]*(?:high|tall|above\b|up\b|overhead|in\s+(?:altitude|height|diameter)"
    r"|altitude|orbit|underground|below\s+(?:the\s+)?(?:surface|ground|sea))"
)

# -- range or distance -----------------------------------------------------------------------

# Right after the quantity: "10,000-km range", "5,500km-range missiles", "a 300 km reach".
RANGE_AFTER = re.compile(
    r"(?i)[\s-]*(?:(?:strike|striking|flight|operational|engagement|maximum)[\s-]+)?"
    r"(?:range|reach)\b"
)
# Within three words before it: "a range of", "ranges between", "with a reach of", "strike
# distance of", "combat radius of". Not a firing, test or mountain range ("a firing range
# 50km from Moscow" is a place).
_NOT_A_RANGE = "".join(
    rf"(?<!{w}\s)"
    for w in ("firing", "shooting", "test", "testing", "mountain", "proving", "training", "rifle")
)
RANGE_BEFORE = Cue(
    re.compile(
        rf"(?i)\b(?:{_NOT_A_RANGE}range[sd]?|reach|(?:strike|striking|combat|operational|action"
        rf"|engagement)\s+(?:radius|distance))\b(?P<words>(?:[ \t]+[\w'’-]+){{0,5}}?)[ \t(:–—]*\Z"
    ),
    ("range", "reach", "radius", "distance"),
    90,
)
TIGHT_WORDS = 3  # at most this many words between "range" and the number: a firm cue
# "can strike targets", "capable of reaching", "designed to hit", "will be able to fly".
CAPABILITY_BEFORE = Cue(
    re.compile(
        r"(?i)\b(?:can(?:not)?|could|can['’]t|able\s+to|capable\s+of|designed\s+to"
        r"|intended\s+to|meant\s+to)\s+(?:be\s+)?(?:[\w-]+\s+)?"
        r"(?:reach|strik|fl(?:y|ies|ying)|hit|travel|target|intercept|engag|destroy|cover|deliver"
        r"|shoot|fir(?:e|ed|es|ing)\b|attack|detect|track)\w*"
        r"(?:[ \t]+[\w'’-]+){0,5}?[ \t]*\Z"
    ),
    ("can", "could", "able", "designed", "intended", "meant"),
    130,
)
# "intercepts aircraft at up to 400km", "hit targets at a distance of 300km", "bans missiles
# with ranges ..." is caught by RANGE_BEFORE; "bans ground-launched missiles of 500km" here.
ENGAGE_BEFORE = Cue(
    re.compile(
        r"(?i)\b(?:(?:intercept|engag|strik|hit|destroy|shoot|detect|track)\w*\b"
        r"(?:[ \t]+[\w'’-]+){0,4}?[ \t]+"
        r"(?:at(?:\s+(?:a\s+)?(?:distances?|ranges?)\s+of)?|as\s+far\s+(?:away\s+)?as)"
        r"|(?:bans?|banned|banning|prohibit\w*|outlaw\w*|forbid\w*|forbade|limit\w*"
        r"|restrict\w*|eliminat\w*)\b(?:[ \t]+[\w'’-]+){0,4}?)[ \t]*\Z"
    ),
    ("intercept", "engag", "strik", "hit", "destroy", "shoot", "detect", "track", "ban",
     "prohibit", "outlaw", "forbid", "forbade", "limit", "restrict", "eliminat"),
    110,
)  # fmt: skip
_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?"
DISTANCE_AFTER = re.compile(
    rf"(?i)[\s-]*(?:(?:due\s+)?{_COMPASS}(?:wards?|ern)?\s+of\b|(?:to\s+the\s+)?{_COMPASS}\b"
    r"|from\b|away\b|off\b|outside\b|inside\b|into\b|behind\b|beyond\b|short\s+of\b|past\b"
    r"|inland\b|offshore\b|upstream\b|downstream\b|along\b|across\b|long\b|wide\b|apart\b"
    r"|distant\b|deep\b|in\s+(?:length|width)\b"
    r"|of\s+(?:the\s+)?(?:border|front|coast|frontline|front\s+line|capital|city|town|shore)"
    r"|(?:[\w-]+\s+)?(?:front|frontline|border|journey|trip|march|drive|flight|trek|road|route"
    r"|stretch|pipeline|railway|highway|motorway|corridor|zone|convoy|coastline|perimeter"
    r"|radius|swath|section|tunnel|canal|wall|fence|bridge|walk|ride|voyage|crossing|line"
    r"|belt|strip|area|trench|trail)(?:s|es)?\b)"
)
DISTANCE_BEFORE = Cue(
    re.compile(
        r"(?i)\b(?:fl[eo]wn?|travel+(?:ed|ing)|travels?|drove|driven|driving|marched|marching"
        r"|walked|walking|sailed|sailing|advanced|advancing|pushed|penetrated|covered|covering"
        r"|trekked|moved|moving|retreated|withdr[ae]wn?|pulled\s+back|lies|lying|located"
        r"|situated|stationed|based|deployed|positioned|journey(?:ed)?|trip|distance|flight"
        r"|drive|march|walk|voyage|route|stretch(?:es|ed)?|runs?|ran|extends?|extended)\b"
        r"(?:[ \t]+[\w'’-]+){0,3}?[ \t]*\Z"
    ),
    ("fl", "travel", "drov", "driv", "march", "walk", "sail", "advanc", "push", "penetrat",
     "cover", "trek", "mov", "retreat", "withdr", "pulled", "lie", "lying", "locat", "situat",
     "station", "based", "deploy", "position", "journey", "trip", "distance", "route",
     "stretch", "run", "ran", "extend", "voyage"),
    90,
)  # fmt: skip
_WEAPON_NOUNS = (
    r"(?:missile|rocket|weapon|launcher|interceptor|drone|warhead|ICBM|SLBM|IRBM|MRBM|SRBM"
    r"|GLCM|munition|bomb|projectile|shell|torpedo|glide\s+vehicle|system|bomber)s?"
)
# "a 2,500km missile", "the 10,000km intercontinental ballistic missile".
WEAPON_AFTER = re.compile(rf"(?i)[\s-]*(?:[a-z][\w-]*\s+){{0,2}}?{_WEAPON_NOUNS}\b")
# What may stand between a quantity and the weapon named right after it ("the 500km-range
# Iskander", "a 2,500km nuclear-capable 9M729").
ADJECTIVE_GAP = re.compile(
    r"[\s-]*(?:range[\s-]+)?(?:(?!(?:and|or|than|which|that|while|but|for|to|of|by|with|from|in"
    r"|on|at|is|was|are|were|has|have|the|a|an)\b)[a-z][\w-]*[\s-]+){0,2}"
)

# A weapon's possessive right before the quantity: "the Topol's 10,500km".
POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+)?\Z")

# -- subjects --------------------------------------------------------------------------------

# A sentence that talks about the system the previous sentence named: "It has a range of ...",
# "The missile can reach ...", "Its range is ...".
ANAPHOR = re.compile(
    r"[\"'“‘(\s]*(?:(?:It|Its|It['’]s|They|Their|Both|Each)\b"
    rf"|(?:The|This|That|These|Those|Its|Their|Such)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_WEAPON_NOUNS}\b)"
)
# Between a treaty and a quantity: the treaty is what the range describes ("the INF treaty,
# which bans ground-launched missiles with a range of ...").
TREATY_VERB = re.compile(
    r"(?i)\b(?:bans?|banned|banning|prohibit\w*|outlaw\w*|forbid\w*|forbade|limit\w*|restrict\w*"
    r"|eliminat\w*|covers?|covered|covering|defin\w*|appl(?:y|ies|ied)|cap(?:s|ped)?)\b"
)
# The place a distance is measured from: "east of Moscow", "from Kyiv", "off the coast of
# Crimea", "north of the capital, Kyiv". The match ends where the place name (or "the") starts.
PLACE_CUE = re.compile(
    rf"(?i)[\s-]*(?:(?:due\s+)?{_COMPASS}(?:ern)?\s+of|(?:to\s+the\s+)?{_COMPASS}\s+of"
    r"|(?:away\s+)?from|outside|off|short\s+of|of)\s+"
    r"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:capital|city|town|port|village|region|province|coast"
    r"|centre|center|outskirts)(?:\s+of)?,?\s+)?"
)
# "north of the Donbas": the article before a place name, unless it is part of it ("The Hague").
THE = re.compile(r"(?i)the\s+")

# -- treaty bands ----------------------------------------------------------------------------

# "the 9M729 ... violates the INF treaty": a few words may stand between the verb and the
# treaty's name ("breaches the landmark 1987 INF accord").
VIOLATION = re.compile(
    r"(?i)\b(?:violat\w*|breach\w*|contraven\w*|(?:banned|prohibited|outlawed|barred|forbidden)"
    r"\s+(?:by|under)|f[ae]ll(?:s|ing)?\s+(?:under|within)|(?:non-?|not\s+)compliant\s+with)\b"
    r"(?:[ \t]+[\w'’-]+){0,4}?[ \t]*\Z"
)
# "Moscow insists the 9M729 does not violate the treaty": no band for the system.
NEGATION = re.compile(r"(?i)(?:\bnot|n['’]t|\bnever|\bno\s+longer)\s+(?:[\w-]+\s+)?\Z")
VIOLATION_REACH = 120
NEGATION_REACH = 40
