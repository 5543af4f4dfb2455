"""Partnership facts taken from the published HSSCP documents in /work/shared/seeds/.

Pure data: literals only, no imports. Line references ("L123") point at the seed files:
  AR21 = hsscp-annual-report-2021-22.txt
  AR24 = hsscp-annual-report-2024-25.txt
  ARR19 = hsscp-arrangements-2019.txt

STSCP (South Tees) is included for structure only: the seeds do not publish its
contact details, people or money. Its councils' ONS codes and its lead partners are
general public knowledge, not seed facts.
"""

PARTNERSHIPS = [
    {
        "slug": "hsscp",
        "name": "Hartlepool and Stockton-on-Tees Safeguarding Children Partnership",
        "short_name": "HSSCP",
        "colour": "#5b2a86",  # plausible brand purple; the seeds carry no colour
        "email": "HSSCP@hartlepool.gov.uk",  # AR24 L829, AR21 L718, ARR19 L326
        "phone": "01429 523825",  # AR24 L828, AR21 L717
        # Not printed as an address in the seeds; inferred from the consultation
        # contact consult@hsscp.co.uk (AR24 L430). Twitter was @HSSCP1 (AR21 L643).
        "website": "https://www.hsscp.co.uk",
        # AR24 L823-827 and AR21 L712-716. (ARR19 L320-324 gave the earlier
        # address: HSSCP Business Unit, Civic Centre, Victoria Road, Hartlepool TS24 8AY.)
        "address": "CETL\nBrierton Lane\nHartlepool\nTS25 4AF",
        "statutory_basis": (
            "The Children Act 2004, as changed by the Children and Social Work Act 2017, "
            "places a shared legal duty on each area's council, police force and NHS "
            "integrated care board to make joint arrangements that safeguard local children "
            "and promote their welfare. Working Together to Safeguard Children 2023 explains "
            "how this is done: each of those bodies names a lead safeguarding partner who is "
            "accountable and a delegated partner who runs the work day to day, and together "
            "they can name other relevant agencies that are then obliged to co-operate. "
            "Hartlepool and Stockton-on-Tees meet this duty together through HSSCP, whose "
            "arrangements began in April 2019 and were republished in December 2024."
        ),
        "started_on": "2019-04-10",  # ARR19 L36 (history_data.py)
        "areas": [
            {"name": "Hartlepool", "ons_code": "E06000001", "council": "hartlepool-bc"},
            {"name": "Stockton-on-Tees", "ons_code": "E06000004", "council": "stockton-bc"},
        ],
    },
    {
        "slug": "stscp",
        "name": "South Tees Safeguarding Children Partnership",
        "short_name": "STSCP",
        "colour": "#00707a",  # plausible teal; not from the seeds
        "email": "",  # not in the seeds
        "phone": "",  # not in the seeds
        "website": "",  # not in the seeds
        "address": "",  # not in the seeds
        "statutory_basis": (
            "South Tees Safeguarding Children Partnership is how the councils for "
            "Middlesbrough and for Redcar and Cleveland, Cleveland Police and the NHS "
            "integrated care board carry out the joint safeguarding duty that the Children "
            "Act 2004 (as amended in 2017) gives them for the south of the Tees. Its "
            "arrangements follow Working Together to Safeguard Children 2023, and it runs "
            "several Tees-wide sub-groups jointly with its neighbour, HSSCP."
        ),
        "areas": [
            {"name": "Middlesbrough", "ons_code": "E06000002", "council": "middlesbrough-council"},
            {"name": "Redcar and Cleveland", "ons_code": "E06000003", "council": "redcar-cleveland-bc"},
        ],
    },
]


AGENCIES = [
    # --- councils -------------------------------------------------------------
    {
        "key": "hartlepool-bc",
        "name": "Hartlepool Borough Council",
        "kind": "council",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # AR21 L90, AR24 L265, ARR19 L116
    # Printed as "Stockton-On-Tees Borough Council" (AR21 L91) and "Stockton Borough Council" (AR24 L264, L334).
    {
        "key": "stockton-bc",
        "name": "Stockton-on-Tees Borough Council",
        "kind": "council",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },
    # STSCP councils: not named in the seeds; added for the STSCP structure.
    {
        "key": "middlesbrough-council",
        "name": "Middlesbrough Council",
        "kind": "council",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },
    {
        "key": "redcar-cleveland-bc",
        "name": "Redcar and Cleveland Borough Council",
        "kind": "council",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },
    # --- police ---------------------------------------------------------------
    {
        "key": "cleveland-police",
        "name": "Cleveland Police",
        "kind": "police",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # AR21 L93, AR24 L263, ARR19 L119
    {
        "key": "british-transport-police",
        "name": "British Transport Police",
        "kind": "police",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L148
    {
        "key": "cleveland-pcc",
        "name": "Cleveland Police and Crime Commissioner",
        "kind": "police",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L167 "The Police & Crime Commissioner"
    # --- health: commissioners (CCG -> ICB history) ----------------------------
    # ARR19 L118/L177 "Hartlepool and Stockton-on-Tees Clinical Commissioning Group (HAST CCG)".
    # HaST, South Tees and Darlington CCGs merged into NHS Tees Valley CCG on 1 April 2020
    # (public record, not stated in the seeds).
    {
        "key": "hast-ccg",
        "name": "Hartlepool and Stockton-on-Tees Clinical Commissioning Group",
        "kind": "health",
        "replaced_by": "tees-valley-ccg",
        "ended_on": "2020-03-31",
        "started_on": None,
    },
    # ARR19 L123: Jean Golightly served "Hartlepool and Stockton-on-Tees and South Tees CCGs".
    {
        "key": "south-tees-ccg",
        "name": "South Tees Clinical Commissioning Group",
        "kind": "health",
        "replaced_by": "tees-valley-ccg",
        "ended_on": "2020-03-31",
        "started_on": None,
    },
    # AR21 L13, L92 "Tees Valley Clinical Commissioning Group". CCGs were abolished on 30 June 2022.
    {
        "key": "tees-valley-ccg",
        "name": "NHS Tees Valley Clinical Commissioning Group",
        "kind": "health",
        "replaced_by": "nenc-icb",
        "ended_on": "2022-06-30",
        "started_on": "2020-04-01",
    },
    # AR24 L266 "North East and North Cumbria Integrated Care Board"; L336 "North-East and North Cumbria ICB".
    {
        "key": "nenc-icb",
        "name": "North East and North Cumbria Integrated Care Board",
        "kind": "health",
        "replaced_by": None,
        "ended_on": None,
        "started_on": "2022-07-01",
    },
    {
        "key": "nhs-england",
        "name": "NHS England",
        "kind": "health",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L159 (abolition announced 2025, AR24 L807)
    # --- health: providers -------------------------------------------------------
    {
        "key": "nthft",
        "name": "North Tees and Hartlepool NHS Foundation Trust",
        "kind": "health",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L160; "NTHFT" AR24 L448
    {
        "key": "neas",
        "name": "North East Ambulance Service NHS Foundation Trust",
        "kind": "health",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L161
    {
        "key": "tewv",
        "name": "Tees, Esk and Wear Valleys NHS Foundation Trust",
        "kind": "health",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L165; AR24 L448-450
    # UNSURE: the 2024-25 framework names "SHFT" beside TEWV and NTHFT (AR24 L448-449) as a data
    # supplier; taken to be South Tees Hospitals (usually abbreviated STHFT). Not a listed relevant agency.
    {
        "key": "sthft",
        "name": "South Tees Hospitals NHS Foundation Trust",
        "kind": "health",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },
    # --- education ----------------------------------------------------------------
    # ARR19 L152 "Colleges, schools and Early Years settings"; AR24 L338 "Hartlepool and Stockton Schools"
    # (funding), AR24 L281/L295 schools represented on the Executive.
    {
        "key": "schools",
        "name": "Hartlepool and Stockton-on-Tees schools, colleges and early years settings",
        "kind": "education",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },
    # --- voluntary ------------------------------------------------------------------
    {
        "key": "vcs",
        "name": "Community and voluntary sector organisations",
        "kind": "voluntary",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L153; "the VCS" AR24 L281, L295
    {
        "key": "faith-organisations",
        "name": "Faith organisations",
        "kind": "voluntary",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L155
    # --- justice ----------------------------------------------------------------------
    {
        "key": "cafcass",
        "name": "Children and Family Court Advisory and Support Service (CAFCASS)",
        "kind": "justice",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L149
    # ARR19 L154. CRCs were folded into the unified Probation Service on 26 June 2021 (public record).
    {
        "key": "dtv-crc",
        "name": "Durham Tees Valley Community Rehabilitation Company",
        "kind": "justice",
        "replaced_by": "probation",
        "ended_on": "2021-06-25",
        "started_on": None,
    },
    # ARR19 L158 "National Probation Service (NPS)"; known as "The Probation Service" since June 2021.
    {
        "key": "probation",
        "name": "National Probation Service",
        "kind": "justice",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },
    # --- other ------------------------------------------------------------------------
    {
        "key": "adoption-tees-valley",
        "name": "Adoption Tees Valley",
        "kind": "other",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L147
    {
        "key": "cleveland-fire",
        "name": "Cleveland Fire and Rescue Service",
        "kind": "other",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L151
    {
        "key": "housing-providers",
        "name": "Local housing providers",
        "kind": "other",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L157
    {
        "key": "tsab",
        "name": "Teeswide Safeguarding Adults Board",
        "kind": "other",
        "replaced_by": None,
        "ended_on": None,
        "started_on": None,
    },  # ARR19 L166; "TSAB" AR21 L428
    # Not modelled as agencies: "Children, young people and families" and "Residents of Hartlepool and
    # Stockton-on-Tees" (ARR19 L150, L163); the council services listed under each local authority
    # (0-19, Housing, Public Health, Sports and Leisure, Youth Offending Team, ARR19 L156/L164);
    # Safe Lives (commissioned reviewer, AR21 L394); Cornerhouse Youth Project (AR24 L377).
]


# Relevant agencies: the 2021-22 report refers to the list in the published arrangements (AR21 L105),
# and the 2024-25 report's relevant-agency graphic was lost in text extraction (AR24 L283-285).
# Both years therefore use the ARR19 L147-167 list, less agencies that no longer existed.
MEMBERSHIPS = [
    # --- HSSCP 2021-22: four statutory safeguarding partners (AR21 L88-93) ----------------
    {"partnership": "hsscp", "agency": "hartlepool-bc", "year": "2021-22", "role": "lead"},
    {"partnership": "hsscp", "agency": "stockton-bc", "year": "2021-22", "role": "lead"},
    {"partnership": "hsscp", "agency": "tees-valley-ccg", "year": "2021-22", "role": "lead"},
    {"partnership": "hsscp", "agency": "cleveland-police", "year": "2021-22", "role": "lead"},
    # --- HSSCP 2021-22: relevant agencies (ARR19 L147-167) -----------------------------------
    {"partnership": "hsscp", "agency": "adoption-tees-valley", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "british-transport-police", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "cafcass", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "cleveland-fire", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "schools", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "vcs", "year": "2021-22", "role": "relevant"},
    # The CRC existed only until 25 June 2021 (Q1 of 2021-22).
    {"partnership": "hsscp", "agency": "dtv-crc", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "faith-organisations", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "housing-providers", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "probation", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "nhs-england", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "nthft", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "neas", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "tewv", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "tsab", "year": "2021-22", "role": "relevant"},
    {"partnership": "hsscp", "agency": "cleveland-pcc", "year": "2021-22", "role": "relevant"},
    # --- HSSCP 2024-25: lead safeguarding partners (AR24 L261-266). The delegated safeguarding
    # partners (AR24 L274-279) come from the same four agencies; a membership row holds one role per
    # agency and year, so DSP roles show through PEOPLE/posts rather than as separate rows.
    {"partnership": "hsscp", "agency": "cleveland-police", "year": "2024-25", "role": "lead"},
    {"partnership": "hsscp", "agency": "stockton-bc", "year": "2024-25", "role": "lead"},
    {"partnership": "hsscp", "agency": "hartlepool-bc", "year": "2024-25", "role": "lead"},
    {"partnership": "hsscp", "agency": "nenc-icb", "year": "2024-25", "role": "lead"},
    # --- HSSCP 2024-25: relevant agencies (carried forward from ARR19; schools and the VCS are
    # confirmed by AR24 L281, L295, L338) ------------------------------------------------------
    {"partnership": "hsscp", "agency": "adoption-tees-valley", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "british-transport-police", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "cafcass", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "cleveland-fire", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "schools", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "vcs", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "faith-organisations", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "housing-providers", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "probation", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "nhs-england", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "nthft", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "neas", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "tewv", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "tsab", "year": "2024-25", "role": "relevant"},
    {"partnership": "hsscp", "agency": "cleveland-pcc", "year": "2024-25", "role": "relevant"},
    # --- STSCP 2024-25: structure only (not in the seeds) ------------------------------------
    {"partnership": "stscp", "agency": "middlesbrough-council", "year": "2024-25", "role": "lead"},
    {"partnership": "stscp", "agency": "redcar-cleveland-bc", "year": "2024-25", "role": "lead"},
    {"partnership": "stscp", "agency": "cleveland-police", "year": "2024-25", "role": "lead"},
    {"partnership": "stscp", "agency": "nenc-icb", "year": "2024-25", "role": "lead"},
]


# Only people the seeds name, in the years covered here (2021-22, 2024-25). Unnamed office holders:
# the 2024-25 Independent Scrutineer, the HSSCP Business Manager (AR24 L347, L755), the four DSPs
# (AR24 L276-279, including the DCS Hartlepool as Partnership/Executive chair, AR24 L272, L807) and
# the Engagement Officer (AR24 L365).
#
# The 2019 arrangements (reporting year 2019-20, outside this data set) named, for reference:
#   lead representatives (ARR19 L121-126): Jean Golightly, Director of Nursing and Quality, HaST and
#   South Tees CCGs; Sally Robinson, Director, Children's and Joint Commissioning Services, Hartlepool BC;
#   Martin Gray, Director of Children's Services, Stockton-on-Tees BC; Adrian Roberts, Assistant Chief
#   Constable, Cleveland Police.
#   Engine Room members (ARR19 L128-134): TBC, Designated Nurse Safeguarding Children and LAC, HaST CCG;
#   Danielle Swainston, Assistant Director, Joint Commissioning, Hartlepool BC; Rhona Bollands,
#   Assistant Director, Children's Services, Stockton-on-Tees BC; Lisa Theaker, Detective
#   Superintendent, Head of Protecting Vulnerable People, Cleveland Police.
PEOPLE = [
    {
        "key": "mel-john-ross",
        "name": "Mel John-Ross",
        "posts": [
            # AR21 L11, L36-38 "HSSCP Independent Chair and Scrutineer", newly appointed in 2021-22.
            # The 2024-25 report does not name its Independent Scrutineer, so no later year is asserted.
            {
                "partnership": "hsscp",
                "post": "independent_chair",
                "title": "HSSCP Independent Chair and Scrutineer",
                "agency": None,
                "from_year": "2021-22",
                "to_year": "2021-22",
            },
            {
                "partnership": "hsscp",
                "post": "independent_scrutineer",
                "title": "HSSCP Independent Chair and Scrutineer",
                "agency": None,
                "from_year": "2021-22",
                "to_year": "2021-22",
            },
        ],
    },
    {
        "key": "denise-mcguckin",
        "name": "Denise McGuckin",
        "posts": [
            # AR24 L28 "Chair of HSSCP on behalf of the Lead Safeguarding Partners". Under the new
            # arrangements an LSP chairs the Chief Executives group and a DSP (the DCS Hartlepool) the
            # Executive (AR24 L243, L272), so this is read as chairing on the LSPs' behalf.
            {
                "partnership": "hsscp",
                "post": "chair",
                "title": "Chair of HSSCP on behalf of the Lead Safeguarding Partners",
                "agency": "hartlepool-bc",
                "from_year": "2024-25",
                "to_year": None,
            },
            {
                "partnership": "hsscp",
                "post": "lead_representative",
                "title": "Managing Director, Hartlepool Borough Council",
                "agency": "hartlepool-bc",
                "from_year": "2024-25",
                "to_year": None,
            },  # AR24 L30, L265
        ],
    },
    {
        "key": "victoria-fuller",
        "name": "Victoria Fuller",
        "posts": [
            {
                "partnership": "hsscp",
                "post": "lead_representative",
                "title": "Chief Constable, Cleveland Police",
                "agency": "cleveland-police",
                "from_year": "2024-25",
                "to_year": None,
            },  # AR24 L30, L263
        ],
    },
    {
        "key": "mike-greene",
        "name": "Mike Greene",
        "posts": [
            {
                "partnership": "hsscp",
                "post": "lead_representative",
                "title": "Chief Executive, Stockton Borough Council",
                "agency": "stockton-bc",
                "from_year": "2024-25",
                "to_year": None,
            },  # AR24 L30, L264
        ],
    },
    {
        "key": "sam-allen",
        "name": "Sam Allen",
        "posts": [
            {
                "partnership": "hsscp",
                "post": "lead_representative",
                "title": "Chief Executive, North East and North Cumbria Integrated Care Board",
                "agency": "nenc-icb",
                "from_year": "2024-25",
                "to_year": None,
            },  # AR24 L30, L266
        ],
    },
]


GROUPS = [
    # --- HSSCP core structure (AR24 L287-306; AR21 L108-136; ARR19 L169-221) ----------------------
    {
        "key": "chief-executives",
        "name": "HSSCP Chief Executives Group",
        "partnership": "hsscp",
        "shared_with": [],
        # chair inferred: an LSP chairs this group (AR24 L243) and Denise McGuckin signs as Chair (AR24 L28)
        "chair": "denise-mcguckin",
        "reports_to": None,
        "purpose": "The lead partners' quarterly meeting that holds strategic oversight of the local "
        "arrangements and checks they keep children safe.",
    },  # AR24 L289-291, AR21 L112
    {
        "key": "executive",
        "name": "HSSCP Executive",
        "partnership": "hsscp",
        "shared_with": [],
        # chaired by the (unnamed) DCS Hartlepool as Partnership chair in 2024-25 (AR24 L243, L272, L276);
        # independently chaired April-July 2024 (AR24 L743)
        "chair": None,
        "reports_to": "chief-executives",
        "purpose": "Delegated partners and senior leaders from relevant agencies who meet every two months "
        "to drive the business plan and govern rapid reviews and practice reviews.",
    },  # AR24 L293-297
    {
        "key": "rapid-review-executive",
        "name": "HSSCP Rapid Review Executive",
        "partnership": "hsscp",
        "shared_with": [],
        "chair": None,
        "reports_to": "executive",
        "purpose": "Meetings of the Executive that weigh rapid review findings and decide whether a case "
        "goes on to a local child safeguarding practice review.",
    },  # AR24 L584, L603, L744
    {
        "key": "engine-room",
        "name": "HSSCP Engine Room",
        "partnership": "hsscp",
        "shared_with": [],
        "chair": None,  # ARR19 L201: chaired by a statutory partner on a rota
        "reports_to": "executive",
        "purpose": "The working group that runs the partnership's case reviews and joint audits and tracks "
        "the actions that come out of them on the Executive's behalf.",
    },  # AR24 L578-583, AR21 L127-136
    # Probably the same body as the "new HSSCP Priorities sub-group" live from January 2025 (AR24 L556, L811).
    {
        "key": "priority-champions",
        "name": "HSSCP Priority Champions Group",
        "partnership": "hsscp",
        "shared_with": [],
        "chair": None,
        "reports_to": "executive",
        "purpose": "Sub-group that develops and leads delivery of the partnership's chosen priority, "
        "currently the trauma-informed work.",
    },  # AR24 L303, L556, L811
    {
        "key": "safeguarding-in-education",
        "name": "HSSCP Safeguarding in Education Sub-Group",
        "partnership": "hsscp",
        "shared_with": [],
        "chair": None,
        "reports_to": "executive",
        "purpose": "Sub-group created in 2024-25 to give schools a stronger voice in the partnership and "
        "to consider what pupils say through school safeguarding councils.",
    },  # AR24 L246, L304, L363-364
    # AR24 L409: continued to meet to build the Performance and Quality Assurance Framework; its
    # place in the structure is not stated.
    {
        "key": "performance-review",
        "name": "HSSCP Performance Review Group",
        "partnership": "hsscp",
        "shared_with": [],
        "chair": None,
        "reports_to": None,
        "purpose": "Working group that drew up the partnership's 2024 performance and quality framework "
        "together with its agreed dataset.",
    },
    # --- Tees-wide groups shared with STSCP (AR24 L309-314). The seed says four shared sub-groups
    # but lists three; the Joint Training sub-group (AR24 L624) is taken to be the fourth.
    # reports_to: jointly governed by both partnerships; only the HSSCP side is modelled.
    {
        "key": "tees-hoth",
        "name": "Tees Harm Outside the Home Strategic Sub-Group",
        "partnership": "hsscp",
        "shared_with": ["stscp"],
        "chair": None,
        "reports_to": "executive",
        "purpose": "Joint sub-group with South Tees that owns the Tees-wide strategy and action plan on "
        "harm to children outside the home, including exploitation.",
    },  # AR24 L312, L503-518
    {
        "key": "tees-performance-qa",
        "name": "Tees Performance and Quality Assurance Sub-Group",
        "partnership": "hsscp",
        "shared_with": ["stscp"],
        "chair": None,  # chaired by a DSP from across the two partnerships, unnamed (AR24 L410)
        "reports_to": "executive",
        "purpose": "Joint sub-group that collects and analyses the shared dataset and quality assurance "
        "evidence for both Tees partnerships.",
    },  # AR24 L313, L410, L494
    {
        "key": "tees-procedures",
        "name": "Tees Procedures Sub-Group",
        "partnership": "hsscp",
        "shared_with": ["stscp"],
        "chair": None,
        "reports_to": "executive",
        "purpose": "Joint sub-group that keeps the Tees-wide safeguarding procedures, such as the "
        "professional challenge procedure, up to date.",
    },  # AR24 L314, L411
    {
        "key": "tees-joint-training",
        "name": "Tees Joint Training Sub-Group",
        "partnership": "hsscp",
        "shared_with": ["stscp"],
        "chair": None,
        "reports_to": "executive",
        "purpose": "Joint sub-group that plans Tees-wide safeguarding training and checks the "
        "workforce's skills and confidence.",
    },  # AR24 L349, L624-628
    # Time-limited groups not modelled: HSSCP Domestic Abuse task and finish group (AR21 L397), Tees
    # 'learning from reviews' task and finish group (AR21 L463), three HOTH task and finish groups (AR24 L511).
]


# 2021-22: the "Financial Arrangements" page is empty in the text extraction (AR21 L166-171), so no
# figures are given for that year.
# Funding is in history_data.FUNDING_2024 (signed lines of a kind, in the printed order).
