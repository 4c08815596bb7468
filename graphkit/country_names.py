"""Country names graphkit reads as ISO 3166 alpha-3 codes beyond what pycountry knows.

One table for every place a name meets a code: an actor id written as a name
(``Norway``, ``UK``: graphkit.actor_ids warns), ICEWS event files and dyad panels
(graphkit.record.countries, graphkit.interop.dyads). The EU is EEC, its CAMEO code
(graphkit.record.countries.roll_up matches it to GDELT's EUR).
"""

from __future__ import annotations

__all__ = ["ABBREVIATIONS", "ICEWS_NAMES", "SPELLINGS"]

#: Country names as ICEWS spells them that pycountry does not know (checked
#: against the ISO codes netify's copy of ICEWS carries, column i_iso3c).
ICEWS_NAMES = {
    "Cape Verde": "CPV",
    "Congo, Republic Of": "COG",
    "Congo, The Democratic Republic Of": "COD",
    "Cote D'ivoire": "CIV",
    "Libyan Arab Jamahiriya": "LBY",
    "Macedonia, The Former Yugoslav Republic Of": "MKD",
}

#: More spellings, case-folded, that pycountry's lookup does not know: short names news
#: data use (it has "Russian Federation", "Türkiye", "GB"), and names in common use.
SPELLINGS = {
    "occupied palestinian territory": "PSE",
    "democratic republic of congo": "COD",
    "congo, the democratic republic of the": "COD",
    "congo, democratic republic of the": "COD",
    "republic of congo": "COG",
    "congo": "COG",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "macedonia": "MKD",
    "swaziland": "SWZ",
    "burma": "MMR",
    "laos": "LAO",
    "vietnam": "VNM",
    "north korea": "PRK",
    "south korea": "KOR",
    "russia": "RUS",
    "iran": "IRN",
    "syria": "SYR",
    "turkey": "TUR",
    "czech republic": "CZE",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "micronesia": "FSM",
    "vatican city": "VAT",
    "holy see": "VAT",
    "east timor": "TLS",
    "cape verde": "CPV",
    "brunei": "BRN",
    "taiwan": "TWN",
    "palestine": "PSE",
    "united states": "USA",
    "united kingdom": "GBR",
    "european union": "EEC",
    "macau": "MAC",
    "the gambia": "GMB",
    "the bahamas": "BHS",
    "turkiye": "TUR",
    "falkland islands": "FLK",
    "uk": "GBR",
    "u.k.": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    "u.s.": "USA",
    "u.s.a.": "USA",
    "america": "USA",
    "united states of america": "USA",
    "holland": "NLD",
    "vatican": "VAT",
    "eu": "EEC",
    "e.u.": "EEC",
}

#: Abbreviations of states' names in common use in news and scholarship, case-folded
#: (periods are dropped before lookup: P.R.C. is PRC). Listed, not derived: initials
#: made from every name pycountry holds would read IRA as Afghanistan (Islamic
#: Republic of) and ISS as Samoa (Independent State of), and ROK (Korea) from
#: Kenya's or Kazakhstan's "Republic of".
ABBREVIATIONS = {
    "prc": "CHN",
    "roc": "TWN",
    "rok": "KOR",
    "dprk": "PRK",
    "uae": "ARE",
    "ksa": "SAU",
    "drc": "COD",
    "car": "CAF",
    "rsa": "ZAF",
    "frg": "DEU",
    "bih": "BIH",
    "png": "PNG",
    "usa": "USA",
    "lao pdr": "LAO",
}
