"""What the law of a place usually says about backing out of an accepted offer: a short note per
country (and for two US states), each line with its source and the day it was last checked.

Information, never advice: every page that shows a note says to check with a lawyer. The words
are ours, in plain language; the sources are the statutes or official pages they summarise.
A country without a note says so (``note_for`` returns None).
"""

import datetime
import re
from dataclasses import dataclass

from offers import notice

BINDS, ENDED, CLAIMS, CLAWBACKS = "binds", "ended", "claims", "clawbacks"
TOPICS = {
    BINDS: "Does an accepted offer bind before the first day?",
    ENDED: "How is it ended?",
    CLAIMS: "What can the employer usually claim?",
    CLAWBACKS: "Limits on paying money back",
}
CHECKED = datetime.date(2026, 12, 1)


@dataclass(frozen=True)
class Source:
    name: str
    url: str


@dataclass(frozen=True)
class Line:
    topic: str  # BINDS, ENDED, CLAIMS or CLAWBACKS
    text: str
    source: Source
    as_of: datetime.date = CHECKED

    @property
    def question(self) -> str:
        return TOPICS[self.topic]


@dataclass(frozen=True)
class Note:
    code: str  # "DE", or "US-CA" for a state
    name: str
    lines: tuple[Line, ...]
    # Ending the contract takes notice in writing (a letter), not only a call.
    written_notice: bool = False
    # The law's notice period when the contract says nothing, if there is one simple rule.
    default_notice: notice.Period | None = None
    default_probation_notice: notice.Period | None = None


def _s(name: str, url: str) -> Source:
    return Source(name, url)


# A table of data, laid out to be read: each line of a note on a few lines of its own.
# fmt: off

BGB_622 = _s("Bürgerliches Gesetzbuch (BGB) §622", "https://www.gesetze-im-internet.de/bgb/__622.html")
BGB_623 = _s("Bürgerliches Gesetzbuch (BGB) §623", "https://www.gesetze-im-internet.de/bgb/__623.html")
BGB_307 = _s("Bürgerliches Gesetzbuch (BGB) §307", "https://www.gesetze-im-internet.de/bgb/__307.html")
UK_NOTICE = _s("GOV.UK: Handing in your notice", "https://www.gov.uk/handing-in-your-notice")
UK_ERA_86 = _s(
    "Employment Rights Act 1996, section 86",
    "https://www.legislation.gov.uk/ukpga/1996/18/section/86",
)
US_DOL = _s("U.S. Department of Labor: Termination", "https://www.dol.gov/general/topic/termination")
CA_2922 = _s(
    "California Labor Code §2922",
    "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=2922",
)
CA_16608 = _s(
    "California Business and Professions Code §16608 (AB 692)",
    "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=BPC&sectionNum=16608",
)
NY_LABOR = _s(
    "New York Labor Law (Trapped at Work Act, 2025)",
    "https://www.nysenate.gov/legislation/laws/LAB",
)
FR_RESIGN = _s(
    "Service-Public.fr: Démission d'un salarié",
    "https://www.service-public.fr/particuliers/vosdroits/F2883",
)
FR_TRIAL = _s(
    "Code du travail, article L1221-26",
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000019071194",
)
IT_CODE = _s("Codice civile, articoli 2096 e 2118", "https://www.normattiva.it/")
IT_ONLINE = _s(
    "Ministero del Lavoro: dimissioni telematiche (d.lgs. 151/2015, art. 26)",
    "https://www.lavoro.gov.it/",
)
CZ_CODE = _s(
    "Zákoník práce (zákon č. 262/2006 Sb.), §50 and §51",
    "https://www.zakonyprolidi.cz/cs/2006-262",
)
NL_BW = _s(
    "Burgerlijk Wetboek Boek 7, artikelen 7:672 en 7:677",
    "https://wetten.overheid.nl/BWBR0005290/",
)
CH_OR = _s(
    "Obligationenrecht / Code of Obligations, art. 335b, 335c and 337d",
    "https://www.fedlex.admin.ch/eli/cc/27/317_321_377/en",
)

NOTES = {
    note.code: note
    for note in (
        Note(
            "DE",
            "Germany",
            (
                Line(BINDS, "Yes. A signed contract binds both sides from the day it is signed, "
                     "even before the first day.", BGB_622),
                Line(ENDED, "By notice on paper with your handwritten signature: an e-mail or a "
                     "text message does not end it. Unless the contract says otherwise, notice "
                     "is four weeks to the 15th or the end of a month, and two weeks during an "
                     "agreed probation of up to six months. A contract may rule out ending it "
                     "before the first day.", BGB_623),
                Line(CLAIMS, "A contract penalty for not starting, if the contract has one; "
                     "courts usually hold it to about the pay for the notice period (often one "
                     "month's gross pay). Other damages have to be proven.", BGB_307),
                Line(CLAWBACKS, "Courts refuse repayment clauses that tie a person for too long "
                     "or that do not shrink the longer they stay.", BGB_307),
            ),
            written_notice=True,
            default_notice=notice.GERMAN_DEFAULT,
            default_probation_notice=notice.GERMAN_PROBATION,
        ),
        Note(
            "GB",
            "the United Kingdom",
            (
                Line(BINDS, "Yes. Once you accept, a contract exists, even before the first "
                     "day.", UK_NOTICE),
                Line(ENDED, "By giving the notice your contract asks for. If it says nothing, "
                     "one week once you have worked there a month. Writing is not always "
                     "required, but it is the usual way and leaves no doubt.", UK_ERA_86),
                Line(CLAIMS, "In theory, the loss your leaving without notice caused them; in "
                     "practice employers rarely claim.", UK_NOTICE),
                Line(CLAWBACKS, "Repayments are what the contract says; a sum out of proportion "
                     "to the employer's real loss can be refused as a penalty.", UK_NOTICE),
            ),
        ),
        Note(
            "US",
            "the United States",
            (
                Line(BINDS, "Usually not: in most states work is \"at will\", so either side may "
                     "end it at any time, before or after the first day, unless a contract "
                     "says otherwise.", US_DOL),
                Line(ENDED, "By telling the employer; no notice period applies unless your "
                     "contract has one. A short e-mail after the call confirms it.", US_DOL),
                Line(CLAIMS, "Usually nothing, beyond what a signed agreement says (a signing or "
                     "relocation bonus to pay back).", US_DOL),
                Line(CLAWBACKS, "Differ by state: see the state's own note where there is "
                     "one.", US_DOL),
            ),
        ),
        Note(
            "US-CA",
            "California",
            (
                Line(BINDS, "No: employment without a fixed term may be ended by either side "
                     "at will.", CA_2922),
                Line(CLAWBACKS, "For agreements from 2026: a signing bonus may be clawed back "
                     "only under a separate agreement, prorated, over at most two years, without "
                     "interest, and only if you resign or are dismissed for misconduct. Most "
                     "other stay-or-pay terms are void.", CA_16608),
            ),
        ),
        Note(
            "US-NY",
            "New York",
            (
                Line(BINDS, "No: employment in New York is at will unless a contract says "
                     "otherwise.", US_DOL),
                Line(CLAWBACKS, "Since 19 December 2025, an employer may not require a worker to "
                     "pay money for leaving before a set time (training repayments included); "
                     "repaying money advanced to you is still allowed.", NY_LABOR),
            ),
        ),
        Note(
            "FR",
            "France",
            (
                Line(BINDS, "Yes. A firm written offer or a signed contract binds before the "
                     "first day.", FR_RESIGN),
                Line(ENDED, "By a clear resignation, best by registered letter, with the notice "
                     "your contract or collective agreement sets. During a trial period, a "
                     "short notice of 24 to 48 hours.", FR_TRIAL),
                Line(CLAIMS, "Damages when leaving is abusive or the notice is not worked; "
                     "rarely claimed.", FR_RESIGN),
                Line(CLAWBACKS, "No general rule in the code; courts weigh each clause.",
                     FR_RESIGN),
            ),
            written_notice=True,
        ),
        Note(
            "IT",
            "Italy",
            (
                Line(BINDS, "Yes. A signed contract binds from signing.", IT_CODE),
                Line(ENDED, "A resignation is valid only when made online through the "
                     "Ministry of Labour's procedure, with the notice the collective agreement "
                     "sets. During an agreed trial period, either side may end it without "
                     "notice.", IT_ONLINE),
                Line(CLAIMS, "Pay for the notice not worked, which the employer may hold back "
                     "from what it owes you.", IT_CODE),
            ),
            written_notice=True,
        ),
        Note(
            "CZ",
            "Czechia",
            (
                Line(BINDS, "Yes. A signed contract binds from signing.", CZ_CODE),
                Line(ENDED, "Notice must be in writing. It is at least two months; since June "
                     "2025 it runs from the day the notice is delivered. During probation either "
                     "side may end it in writing at any time.", CZ_CODE),
                Line(CLAIMS, "Damages only if the contract or the law allows and they are "
                     "proven; rarely claimed.", CZ_CODE),
            ),
            written_notice=True,
            default_notice=notice.Period(2, notice.MONTHS),
        ),
        Note(
            "NL",
            "the Netherlands",
            (
                Line(BINDS, "Yes. A signed contract binds from signing.", NL_BW),
                Line(ENDED, "By notice, to the end of a month; one month unless the contract "
                     "says otherwise. Writing is not required but is the usual way. During an "
                     "agreed probation either side may end it at once.", NL_BW),
                Line(CLAIMS, "Leaving without the notice costs the pay for the notice not "
                     "given.", NL_BW),
            ),
            default_notice=notice.Period(1, notice.MONTHS, notice.MONTH_END),
        ),
        Note(
            "CH",
            "Switzerland",
            (
                Line(BINDS, "Yes. A signed contract binds from signing.", CH_OR),
                Line(ENDED, "By notice as the contract says; by default seven days during the "
                     "first month's probation, then one month to the end of a month in the "
                     "first year.", CH_OR),
                Line(CLAIMS, "Not starting without good reason lets the employer claim a "
                     "quarter of a month's pay, and further damages it can prove.", CH_OR),
            ),
            default_notice=notice.Period(1, notice.MONTHS, notice.MONTH_END),
            default_probation_notice=notice.Period(7, notice.DAYS),
        ),
    )
}

# fmt: on

# US states read from the location, since the country alone does not say.
_STATES = {
    "US-CA": ("california", "san francisco", "los angeles", "san diego", "san jose", "oakland",
              "palo alto", "mountain view", "sunnyvale", "sacramento"),
    "US-NY": ("new york", "nyc", "brooklyn", "manhattan", "buffalo", "albany"),
}  # fmt: skip


def notes_for(country: str, location: str = "") -> list[Note]:
    """The notes for ``country`` (and the US state its ``location`` names); [] when none."""
    found = [NOTES[country]] if country in NOTES else []
    if country == "US":
        words = location.lower()
        found += [NOTES[code] for code, names in _STATES.items() if any(n in words for n in names)]
    return found


# Places people type as an offer's location, and their country: a guess the form offers.
_PLACES = {
    "DE": ("germany", "deutschland", "berlin", "munich", "münchen", "hamburg", "frankfurt",
           "cologne", "köln", "stuttgart", "düsseldorf", "leipzig"),
    "GB": ("united kingdom", "england", "scotland", "wales", "london", "manchester",
           "edinburgh", "bristol", "cambridge", "oxford", "glasgow", "leeds"),
    "FR": ("france", "paris", "lyon", "marseille", "toulouse", "lille", "nantes", "bordeaux"),
    "IT": ("italy", "italia", "milan", "milano", "rome", "roma", "turin", "torino", "bologna"),
    "CZ": ("czechia", "czech republic", "prague", "praha", "brno", "ostrava"),
    "NL": ("netherlands", "amsterdam", "rotterdam", "utrecht", "the hague", "eindhoven"),
    "CH": ("switzerland", "zurich", "zürich", "geneva", "genève", "basel", "bern", "lausanne"),
    "US": ("united states", "usa", "california", "new york", "nyc", "san francisco", "seattle",
           "boston", "austin", "chicago", "los angeles", "denver", "atlanta", "washington"),
}  # fmt: skip


def guess_country(location: str) -> str:
    """The country a location names, if it is one we know well; else ""."""
    words = re.sub(r"[^\w\s]", " ", location.lower())
    padded = f" {' '.join(words.split())} "
    for code, names in _PLACES.items():
        if any(f" {name} " in padded for name in names):
            return code
    return ""


def needs_written_notice(notes: list[Note]) -> bool:
    return any(note.written_notice for note in notes)
