"""Region gazetteer: pure data, reviewed like data, read by ``extractors.regions``.

Codes are ISO 3166-2; their official names come from ``pycountry`` at load time, so only the
surface forms news text uses are written here. Latin forms match whole words, case-sensitively
(region names are proper nouns). Cyrillic forms are stems: they match any inflected ending
("Харків" matches "Харкові", "Харківська").
"""

from __future__ import annotations

# Codes followed, by country. Russia: border regions plus Moscow city and oblast.
FOLLOWED_CODES: tuple[str, ...] = (
    "UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26",
    "UA-30", "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53",
    "UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74", "UA-77",
    "RU-BEL", "RU-KRS", "RU-BRY", "RU-ROS", "RU-KDA", "RU-ORL", "RU-VOR", "RU-MOS", "RU-MOW",
    "MD-SN",
)

# Names of a region (or of the city that gives the oblast its name) in English spellings.
# A region suffix ("Oblast", "region", "province", "Krai") may follow any of them.
REGION_NAMES: dict[str, tuple[str, ...]] = {
    "UA-05": ("Vinnytsia", "Vinnytsya", "Vinnitsa", "Vinnytska"),
    "UA-07": ("Volyn", "Volhynia", "Volynska"),
    "UA-09": ("Luhansk", "Lugansk", "Luhanska", "Luhansk People's Republic", "LNR", "LPR"),
    "UA-12": ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipropetrovska", "Dnipro", "Dnepr"),
    "UA-14": ("Donetsk", "Donetska", "Donetsk People's Republic", "DNR", "DPR"),
    "UA-18": ("Zhytomyr", "Zhitomir", "Zhytomyrska"),
    "UA-21": ("Zakarpattia", "Zakarpattya", "Transcarpathia", "Zakarpatska"),
    "UA-23": ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Zaporozhzhia",
              "Zaporizka", "Zaporozhie"),
    "UA-26": ("Ivano-Frankivsk", "Ivano-Frankivska", "Prykarpattia", "Prykarpattya"),
    "UA-32": ("Kyivska", "Kyivshchyna"),
    "UA-35": ("Kirovohrad", "Kirovograd", "Kirovohradska", "Kropyvnytskyi", "Kropyvnytskyy"),
    "UA-40": ("Sevastopol", "Sebastopol"),
    "UA-43": ("Crimea", "Crimean", "Krym"),
    "UA-46": ("Lviv", "Lvov", "Lvivska"),
    "UA-48": ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev", "Mykolaivska"),
    "UA-51": ("Odesa", "Odessa", "Odeska"),
    "UA-53": ("Poltava", "Poltavska"),
    "UA-56": ("Rivne", "Rovno", "Rivnenska"),
    "UA-59": ("Sumy", "Sumska"),
    "UA-61": ("Ternopil", "Ternopol", "Ternopilska"),
    "UA-63": ("Kharkiv", "Kharkov", "Kharkivska"),
    "UA-65": ("Kherson", "Khersonska"),
    "UA-68": ("Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky", "Khmelnitsky", "Khmelnytska"),
    "UA-71": ("Cherkasy", "Cherkassy", "Cherkaska"),
    "UA-74": ("Chernihiv", "Chernigov", "Chernihivska"),
    "UA-77": ("Chernivtsi", "Chernovtsy", "Chernivetska", "Bukovyna", "Bukovina"),
    "RU-BEL": ("Belgorod", "Bilhorod"),
    "RU-KRS": ("Kursk",),
    "RU-BRY": ("Bryansk",),
    "RU-ROS": ("Rostov", "Rostov-on-Don"),
    "RU-KDA": ("Krasnodar", "Kuban"),
    "RU-ORL": ("Oryol", "Orel"),
    "RU-VOR": ("Voronezh",),
    "RU-MOS": ("Podmoskovye",),
    "MD-SN": ("Transnistria", "Transnistrian", "Transdniestria", "Transdniestrian",
              "Transdnistria", "Trans-Dniester", "Pridnestrovie", "Pridnestrovian"),
}

# Names that cover more than one region.
MULTI_REGION_NAMES: dict[str, tuple[str, ...]] = {
    "Donbas": ("UA-09", "UA-14"),
    "Donbass": ("UA-09", "UA-14"),
}

# Towns mapped to their region only where that is certain; each keeps its name as ``place``.
TOWNS: dict[str, str] = {
    # Donetsk oblast
    "Pokrovsk": "UA-14", "Bakhmut": "UA-14", "Avdiivka": "UA-14", "Kostiantynivka": "UA-14",
    "Kramatorsk": "UA-14", "Sloviansk": "UA-14", "Toretsk": "UA-14", "Kurakhove": "UA-14",
    "Chasiv Yar": "UA-14", "Vuhledar": "UA-14", "Velyka Novosilka": "UA-14",
    "Mariupol": "UA-14", "Myrnohrad": "UA-14", "Selydove": "UA-14", "Dobropillia": "UA-14",
    "Siversk": "UA-14", "Druzhkivka": "UA-14", "Horlivka": "UA-14", "Makiivka": "UA-14",
    "Volnovakha": "UA-14", "Ocheretyne": "UA-14", "Novohrodivka": "UA-14",
    "Soledar": "UA-14", "Marinka": "UA-14", "Ukrainsk": "UA-14", "Rodynske": "UA-14",
    # Luhansk oblast
    "Kreminna": "UA-09", "Popasna": "UA-09", "Sievierodonetsk": "UA-09",
    "Severodonetsk": "UA-09", "Lysychansk": "UA-09", "Svatove": "UA-09", "Rubizhne": "UA-09",
    "Alchevsk": "UA-09", "Starobilsk": "UA-09",
    # Kharkiv oblast
    "Kupiansk": "UA-63", "Kupyansk": "UA-63", "Vovchansk": "UA-63", "Lyptsi": "UA-63",
    "Izium": "UA-63", "Izyum": "UA-63", "Balakliia": "UA-63", "Chuhuiv": "UA-63",
    # Zaporizhzhia oblast
    "Huliaipole": "UA-23", "Hulyaipole": "UA-23", "Orikhiv": "UA-23", "Robotyne": "UA-23",
    "Enerhodar": "UA-23", "Kamianske": "UA-23", "Tokmak": "UA-23", "Melitopol": "UA-23",
    "Berdiansk": "UA-23", "Berdyansk": "UA-23", "Vasylivka": "UA-23", "Polohy": "UA-23",
    "Stepnohirsk": "UA-23",
    # Kherson oblast
    "Kakhovka": "UA-65", "Nova Kakhovka": "UA-65", "Oleshky": "UA-65", "Hola Prystan": "UA-65",
    "Krynky": "UA-65", "Beryslav": "UA-65", "Henichesk": "UA-65", "Skadovsk": "UA-65",
    # Other Ukrainian oblasts
    "Nikopol": "UA-12", "Kryvyi Rih": "UA-12", "Pavlohrad": "UA-12", "Marhanets": "UA-12",
    "Drohobych": "UA-46", "Stryi": "UA-46", "Izmail": "UA-51", "Ochakiv": "UA-48",
    "Kremenchuk": "UA-53", "Shostka": "UA-59", "Konotop": "UA-59", "Okhtyrka": "UA-59",
    "Yunakivka": "UA-59", "Bilopillia": "UA-59", "Bucha": "UA-32", "Irpin": "UA-32",
    "Hostomel": "UA-32", "Borodianka": "UA-32", "Bila Tserkva": "UA-32",
    # Crimea
    "Kerch": "UA-43", "Yalta": "UA-43", "Feodosia": "UA-43", "Dzhankoi": "UA-43",
    "Yevpatoria": "UA-43", "Simferopol": "UA-43",
    # Oblast capitals named differently from their oblast
    "Lutsk": "UA-07", "Uzhhorod": "UA-21",
    # Russian border regions
    "Sudzha": "RU-KRS", "Sudja": "RU-KRS", "Korenevo": "RU-KRS", "Kurchatov": "RU-KRS",
    "Rylsk": "RU-KRS", "Lgov": "RU-KRS", "Shebekino": "RU-BEL", "Valuyki": "RU-BEL",
    "Taganrog": "RU-ROS", "Novorossiysk": "RU-KDA", "Sochi": "RU-KDA", "Tuapse": "RU-KDA",
    "Yeysk": "RU-KDA", "Armavir": "RU-KDA", "Millerovo": "RU-ROS",
    # Transnistria
    "Tiraspol": "MD-SN", "Tighina": "MD-SN",
}

# Cyrillic stems (Ukrainian and Russian) of region and capital names.
CYRILLIC_STEMS: dict[str, tuple[str, ...]] = {
    "UA-05": ("Вінниц", "Винниц"),
    "UA-07": ("Волин", "Волын"),
    "UA-09": ("Луганськ", "Луганск", "Луганщин"),
    "UA-12": ("Дніпропетровськ", "Днепропетровск", "Дніпропетровщин"),
    "UA-14": ("Донецьк", "Донецк", "Донеччин", "Донбас"),
    "UA-18": ("Житомир",),
    "UA-21": ("Закарпат",),
    "UA-23": ("Запоріж", "Запорож"),
    "UA-26": ("Івано-Франків", "Ивано-Франков", "Прикарпат"),
    "UA-30": ("Київ", "Києв", "Киев"),
    "UA-35": ("Кіровоград", "Кировоград", "Кропивницьк"),
    "UA-40": ("Севастопол",),
    "UA-43": ("Крим", "Крым"),
    "UA-46": ("Львів", "Львов", "Львiв"),
    "UA-48": ("Миколаїв", "Николаев"),
    "UA-51": ("Одес",),
    "UA-53": ("Полтав",),
    "UA-56": ("Рівн", "Ровн"),
    "UA-59": ("Сумськ", "Сумщин", "Сумск"),
    "UA-61": ("Тернопіл", "Тернопол"),
    "UA-63": ("Харків", "Харков", "Харьков", "Харківщин"),
    "UA-65": ("Херсон",),
    "UA-68": ("Хмельниц",),
    "UA-71": ("Черкас",),
    "UA-74": ("Чернігів", "Чернигов"),
    "UA-77": ("Чернівці", "Черновц", "Чернівецьк", "Буковин"),
    "RU-BEL": ("Белгород", "Бєлгород"),
    "RU-KRS": ("Курськ", "Курск"),
    "RU-BRY": ("Брянськ", "Брянск"),
    "RU-ROS": ("Ростов",),
    "RU-KDA": ("Краснодар",),
    "RU-ORL": ("Орловск", "Орел", "Орёл"),
    "RU-VOR": ("Воронеж",),
    "RU-MOW": ("Москв", "Москов"),
    "MD-SN": ("Приднестров", "Придністров"),
}
# Cyrillic entries that cover more than one region.
CYRILLIC_MULTI: dict[str, tuple[str, ...]] = {"Донбас": ("UA-09", "UA-14")}

# Words after a name that make it an oblast-level region ("Kharkiv Oblast").
REGION_SUFFIXES: tuple[str, ...] = (
    "Oblast", "oblast", "region", "Region", "province", "Province", "Krai", "krai", "Kray",
    "oblasts", "regions", "provinces",
)

# Capitals whose names double as their governments ("Kyiv rejected", "Moscow demands"):
# a mention counts only where the place is meant. Maps name -> (city code, oblast code).
CAPITALS: dict[str, tuple[str, str]] = {
    "Kyiv": ("UA-30", "UA-32"),
    "Kiev": ("UA-30", "UA-32"),
    "Moscow": ("RU-MOW", "RU-MOS"),
}
# "the capital" means Kyiv in this corpus unless it is said to be Russia's, or Moscow was the
# capital named last before it.
CAPITAL_PHRASE_CODE = "UA-30"
# Words that show an article is about Ukraine, where "the capital" can mean Kyiv.
CAPITAL_PHRASE_CONTEXT: tuple[str, ...] = ("Ukrain", "Kyiv", "Kiev")

# Prepositions after which a capital is a place ("strikes on Kyiv", "retreat from Kyiv").
PLACE_PREPOSITIONS: tuple[str, ...] = (
    "in", "near", "around", "outside", "over", "from", "into", "toward", "towards", "to",
    "on", "across", "at", "out of", "inside", "above", "of",
)
# Nouns before such a preposition that make the capital its government ("aid to Kyiv",
# "regime change in Kyiv", "control over Kyiv", "pressure on Moscow").
GOVERNMENT_NOUNS: tuple[str, ...] = (
    "aid", "assistance", "support", "weapons", "arms", "guarantees", "guarantee", "pressure",
    "demands", "demand", "message", "signal", "ultimatum", "offer", "proposal", "request",
    "concessions", "deliveries", "supplies", "shipments", "loans", "funding", "money",
    "sanctions", "government", "regime", "change", "leadership", "authorities", "power",
    "control", "policy", "position", "stance", "relations", "ties", "allies",
    "ally", "rule", "influence", "favor",
    "favour", "behalf", "part", "side", "hands", "plan", "claims", "grip", "leaders",
    "leader", "president", "puppet", "administration", "cabinet",
    "response", "threat", "threats", "commitment", "help", "letter", "call", "warning",
    "veto", "recognition", "arrangement", "settlement", "called", "calls", "calling",
    "urged", "urges", "pressed", "pressured", "forced", "forcing", "demanded", "lean",
    "leaned", "depend", "depends", "rely", "relies",
    # Decisions left and arms flowing to a government ("up to Kyiv to decide", "weapons keep
    # flowing to Kyiv").
    "up", "flowing", "flow", "flows", "supplying", "supplied", "sending", "sent", "providing",
    "provided", "shipping", "shipped", "selling", "sold", "transferring", "transferred",
    # Things handed or said to a government ("presented to Kyiv", "appealed to Moscow").
    "presented", "handed", "delivered", "submitted", "passed", "transmitted", "given",
    "offered", "proposed", "appealed", "appeal", "appeals", "signaled", "signalled",
    "conveyed", "promised", "pledged",
    # Loyalty owed to a government ("a government in Kyiv that answers to Moscow").
    "answers", "answer", "answerable", "loyal", "subordinate", "beholden",
    # Attitudes towards a government ("unacceptable to Moscow", "loyal to Kyiv").
    "unacceptable", "acceptable", "loyal", "hostile", "friendly", "opposed", "beholden",
    "sympathetic", "subordinate",
)
# Verbs whose object is a place: a capital right after one is the city ("to protect Kyiv",
# "drones struck Moscow").
PLACE_VERBS: tuple[str, ...] = (
    "protect", "protects", "protected", "protecting", "defend", "defends", "defended",
    "defending", "attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck",
    "striking", "hit", "hits", "hitting", "shell", "shells", "shelled", "shelling", "bomb",
    "bombs", "bombed", "bombing", "target", "targets", "targeted", "targeting", "visit",
    "visits", "visited", "visiting", "evacuate", "evacuated", "encircle", "encircled",
)
# Nouns before "for" that make the capital after it the city ("air defense for Kyiv"); after
# any other noun "for Kyiv" is its government ("support for Kyiv").
PLACE_FOR_NOUNS: tuple[str, ...] = (
    "defense", "defence", "defenses", "defences", "protection", "shelters", "evacuation",
    "electricity", "heating", "water", "power",
)
# Words that elide a repeated noun ("pressure on Moscow rather than on Kyiv"): the noun of the
# same preposition earlier in the sentence governs the capital.
ELIDING_WORDS: tuple[str, ...] = ("than", "rather", "not", "and", "or", "but", "also", "even")
# A list of names ending in a plural region word makes each an oblast ("Kyiv, Volyn or Rivne
# oblasts" -> Kyiv Oblast).
PLURAL_REGION_SUFFIXES: tuple[str, ...] = ("oblasts", "regions", "provinces")

# Words after a capital that make it the city ("Kyiv residents", "Kyiv, Ukraine" datelines).
CITY_FOLLOWERS: tuple[str, ...] = (
    "residents", "mayor", "Mayor", "metro", "city", "suburbs", "outskirts", "downtown",
    "streets", "skyline", "airport", "apartment", "district", "districts", "region",
    # A target of strikes is the city ("with Kyiv as the main target").
    "as the main target", "as the primary target", "as the target", "as a target",
    "as the main targets", "among the targets",
)
# Parts of a city after its possessive ("Kyiv's Obolonskyi district", "Moscow's airports").
CITY_PARTS: tuple[str, ...] = (
    "district", "districts", "suburbs", "outskirts", "residents", "mayor", "metro", "airport",
    "airports", "streets", "skyline", "downtown", "center", "centre", "neighbourhood",
    "neighborhood", "city center", "city centre", "region",
)
# A dateline opening an article in capitals ("KYIV, Ukraine —", "KHARKIV (Reuters) -"):
# the name, title-cased, is looked up like any other.
# "MOSCOW/KYIV, Feb 3 (Reuters) -" names both cities.
DATELINE = (r"^\s*(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?(?:/[A-Z][A-Z'’-]+)*)\s*"
            # "KYIV, Ukraine —", "MOSCOW (Reuters) -", "MOSCOW, Jan 20 (Reuters) -"
            r"(?:,\s*(?:Ukraine|Russia)\b|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|[—–•(])")
# Words after a capital that name something else ("Moscow Military District", "Moscow time").
NOT_PLACE_FOLLOWERS: tuple[str, ...] = (
    "Military District", "Patriarchate", "time", "Times", "Exchange", "Declaration",
    "format", "Format", "Mechanism",
)
# Words after a town's name that make it a feature named after the town, spanning oblasts
# ("the Kakhovka reservoir" borders Kherson, Zaporizhzhia and Dnipropetrovsk oblasts).
FEATURE_FOLLOWERS: tuple[str, ...] = ("reservoir", "Reservoir")
# Names that mean the river when written with "the" ("the Dnipro", "the Dnipro River").
RIVER_NAMES: tuple[str, ...] = ("Dnipro", "Dnepr")
