"""Built-in word lists the extractor always has; data/gazetteers/lexicon.json adds to them."""

from __future__ import annotations

PERSON_TITLES = (
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister",
    "First Deputy Prime Minister", "Foreign Minister", "Defence Minister", "Defense Minister",
    "Minister", "Deputy Minister", "Secretary", "Secretary of State", "Secretary of Defense",
    "Defense Secretary", "Defence Secretary", "Foreign Secretary", "Home Secretary",
    "Under Secretary", "Under Secretary of State", "Secretary General", "Secretary-General",
    "Ambassador", "General", "Gen", "Lieutenant General", "Lt Gen", "Major General",
    "Admiral", "Adm", "Colonel", "Col", "Major", "Captain", "Commander", "Chancellor", "King",
    "Queen", "Crown Prince", "Prince", "Pope", "Senator", "Sen", "Representative", "Rep",
    "Governor", "Gov", "Mayor", "Chairman", "Chairwoman", "Director", "Mr", "Mrs", "Ms", "Dr",
    "Sir", "Dame", "Lord", "Lady", "Sheikh", "Ayatollah", "Supreme Leader", "President-elect",
    "foreign minister", "defence minister", "defense minister", "prime minister",
    "president", "spokesman", "spokeswoman", "spokesperson", "envoy", "Envoy",
    "Special Envoy", "special envoy", "Marshal", "Field Marshal", "Emir", "Sultan",
)  # fmt: skip
ROLE_NOUNS = (
    "spokesman", "spokeswoman", "spokesperson", "analyst", "official", "commander", "diplomat",
    "envoy", "minister", "lawmaker", "researcher", "professor", "expert", "ambassador",
    "negotiator", "adviser", "advisor", "chief", "director", "general", "colonel", "lieutenant",
    "captain", "economist", "journalist", "reporter", "correspondent", "senator", "governor",
    "mayor", "leader", "president", "secretary", "deputy", "head", "chairman", "chairwoman",
    "premier", "counterpart", "colleague", "driver", "witness", "resident", "farmer", "coach",
    "striker", "midfielder", "captain", "manager", "founder", "executive", "engineer",
)  # fmt: skip
GIVEN_NAMES = (
    "Vladimir", "Sergei", "Sergey", "Dmitry", "Dmitri", "Andrei", "Andrey", "Alexei", "Alexey",
    "Mikhail", "Nikolai", "Yuri", "Igor", "Oleg", "Volodymyr", "Oleksandr", "Olena", "Petro",
    "Donald", "Joe", "Pete", "Mark", "Jens", "Antony", "Marco", "Heiko", "Annalena", "Olaf",
    "Emmanuel", "Rishi", "Keir", "Boris", "Angela", "Ursula", "Kaja", "Xi", "Kim", "Narendra",
    "Shehbaz", "Recep", "Benjamin", "Ali", "Hassan", "Mohammed", "Mohammad", "Ahmed", "Jaap",
    "John", "James", "Robert", "Michael", "William", "David", "Richard", "Thomas", "Charles",
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen",
    "Andrea", "Lloyd", "Jake", "Kamala", "Hillary", "Condoleezza", "Madeleine", "Colin",
)  # fmt: skip
NAME_PARTICLES = (
    "de", "van", "von", "der", "den", "del", "della", "di", "da", "dos", "du", "la", "le",
    "bin", "ibn", "al", "el", "ter", "ten", "zu", "y",
)  # fmt: skip
ORG_SUFFIX_WORDS = (
    "Committee", "Council", "Command", "Agency", "Ministry", "Department", "Office", "Forces",
    "Army", "Navy", "Guard", "Corps", "Fleet", "Brigade", "Regiment", "Division", "Railways",
    "Railway", "Airlines", "Corporation", "Corp", "Company", "Group", "Institute",
    "University", "Bank", "Association", "Organisation", "Organization", "Union", "League",
    "Party", "Front", "Movement", "Service", "Services", "Authority", "Commission",
    "Parliament", "Assembly", "Court", "Tribunal", "Bureau", "Directorate", "Federation",
    "Foundation", "Centre", "Center", "Coalition", "Alliance", "Police", "Battalion",
    "Squadron", "Industries", "Systems", "Technologies", "Holdings", "Ltd", "Inc", "Plc",
    "Cabinet", "Senate", "Congress", "Secretariat", "Club", "Academy", "Society",
)  # fmt: skip
PLACE_SUFFIX_WORDS = (
    "Sea", "Ocean", "Strait", "Straits", "Gulf", "Bay", "River", "Lake", "Island", "Islands",
    "Peninsula", "Mountains", "Valley", "Desert", "Province", "Oblast", "Region", "District",
    "Base", "Airport", "Port", "Canal", "Heights", "Coast", "Plateau", "Basin", "Krai",
    "Governorate", "Prefecture", "County", "State",
)  # fmt: skip
NOT_ENTITIES = (
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They",
    "We", "I", "You", "His", "Her", "Their", "Our", "But", "And", "Or", "However",
    "Meanwhile", "Earlier", "Later", "Last", "Next", "On", "In", "At", "For", "After",
    "Before", "While", "When", "Where", "As", "According", "Officials", "Diplomats",
    "Analysts", "Talks", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Today", "Yesterday", "Tomorrow",
    "If", "Although", "Since", "With", "Without", "From", "To", "By", "Of", "Under", "Over",
    "Some", "Many", "Most", "All", "Both", "Each", "Several", "Other", "Another", "New",
    "More", "Such", "What", "Why", "How", "Who", "Which", "There", "Here", "Now", "Then",
    "Also", "Still", "Yet", "Even", "Just", "Only", "Once", "Further", "Despite", "Amid",
    "Among", "Between", "During", "Following", "Including", "Speaking", "Asked", "Western",
    "Eastern", "Northern", "Southern", "Central", "Mr", "Mrs", "Ms", "Dr", "No", "Not",
    "Lots", "Naturally", "Of course", "Reporting", "Editing", "Writing",
)  # fmt: skip
NATIONALITY_ADJECTIVES = (
    "Russian", "American", "Ukrainian", "Chinese", "British", "French", "German", "Iranian",
    "Israeli", "Indian", "Pakistani", "Turkish", "Syrian", "Iraqi", "Thai", "Cambodian",
    "Japanese", "Korean", "Polish", "European", "Soviet", "Western", "Asian", "African",
    "Arab", "Saudi", "Emirati", "Qatari", "Egyptian", "Italian", "Spanish", "Dutch",
    "Belgian", "Swedish", "Finnish", "Norwegian", "Danish", "Estonian", "Latvian",
    "Lithuanian", "Georgian", "Armenian", "Azerbaijani", "Belarusian", "Moldovan", "Serbian",
    "Kosovar", "Australian", "Canadian", "Mexican", "Brazilian", "Taiwanese", "Filipino",
    "Vietnamese", "Indonesian", "Malaysian", "Afghan", "Yemeni", "Lebanese", "Palestinian",
    "Jordanian", "Libyan", "Sudanese", "Nigerian", "Ethiopian", "Somali", "Kenyan",
    "Americans", "Russians", "Ukrainians", "Europeans", "Soviet-era", "Cold",
)  # fmt: skip
TREATY_HEADS = ("Treaty", "Accord", "Accords", "Agreement", "Agreements", "Convention",
                "Protocol", "Pact", "Memorandum")  # fmt: skip
WEAPON_NOUNS = (
    "missile", "missiles", "rocket", "rockets", "launcher", "launchers", "system", "systems",
    "interceptor", "interceptors", "drone", "drones", "ICBM", "ICBMs", "SLBM", "warhead",
    "howitzer", "howitzers", "glide", "hypersonic", "cruise", "ballistic", "munition",
    "munitions", "battery", "batteries",
)  # fmt: skip
SPEECH_VERBS = (
    "said", "says", "told", "added", "wrote", "warned", "stated", "noted", "explained",
    "insisted", "argued", "claimed", "announced", "declared", "tweeted", "posted", "replied",
    "acknowledged", "confirmed", "denied", "urged", "asked", "stressed", "cautioned",
)  # fmt: skip
NAME_CONNECTORS = ("of", "for", "and", "on", "the", "de", "in", "&")
MONTHS = frozenset(
    m.casefold()
    for m in (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    )
)  # fmt: skip
OFFICE_WORDS = frozenset(
    w.casefold()
    for w in (
        "Foreign", "Affairs", "Defence", "Defense", "State", "Homeland", "Security", "Interior",
        "Justice", "Finance", "Trade", "Energy", "National", "Health", "Education", "Economy",
        "Commerce", "Industry", "Agriculture", "Transport", "Labour", "Labor", "War", "the",
        "Navy", "Army", "Air", "Force", "Staff", "Joint", "Chiefs", "Internal", "External",
        "Public", "Information", "Culture", "Emergency", "Emergencies", "Situations",
        "Veterans", "Intelligence", "Treasury", "Development", "Environment", "and",
    )
)  # fmt: skip
