"""Predecessor boards, posts with their months, group years and order, and funding as the accounts print it.

Pure data: literals only, no imports. Facts from /work/shared/seeds/ unless a comment says otherwise:
  AR24 = hsscp-annual-report-2024-25.txt, ARR19 = hsscp-arrangements-2019.txt
"""

# HSSCP's arrangements were "in effect from 10th April 2019" (ARR19 L36) and replaced the Hartlepool and
# the Stockton Local Safeguarding Children Boards (ARR19 L40). The boards' start is not in the seeds:
# 1 April 2006 is general public knowledge (the Children Act 2004 required every council area to have an
# LSCB by then). Each board ended the day before HSSCP began.
HSSCP_STARTED_ON = "2019-04-10"

BOARDS = [
    {
        "slug": "hartlepool-lscb",
        "name": "Hartlepool Local Safeguarding Children Board",
        "short_name": "Hartlepool LSCB",
        "colour": "#6b6b6b",
        "started_on": "2006-04-01",
        "ended_on": "2019-04-09",
        "succeeded_by": "hsscp",
        "statutory_basis": "The Local Safeguarding Children Board for Hartlepool under section 13 of the "
        "Children Act 2004, replaced by HSSCP's arrangements in April 2019.",
        "areas": [{"name": "Hartlepool", "ons_code": "E06000001"}],
    },
    {
        "slug": "stockton-lscb",
        "name": "Stockton-on-Tees Local Safeguarding Children Board",
        "short_name": "Stockton LSCB",
        "colour": "#6b6b6b",
        "started_on": "2006-04-01",
        "ended_on": "2019-04-09",
        "succeeded_by": "hsscp",
        "statutory_basis": "The Local Safeguarding Children Board for Stockton-on-Tees under section 13 of the "
        "Children Act 2004, replaced by HSSCP's arrangements in April 2019.",
        "areas": [{"name": "Stockton-on-Tees", "ons_code": "E06000004"}],
    },
]

# Posts the 2024-25 report describes without naming the holder (the name is optional on a post).
UNNAMED_POSTS = [
    # Two chairs in one year (AR24 L243, L272, L743): the Independent Scrutineer chaired the Executive from
    # April to July 2024; the LSPs then chose the DCS for Hartlepool as Partnership chair for 2024-25, a
    # yearly term. That the DCS took over in August is inferred from the independent chairing ending in July.
    {
        "kind": "independent_chair",
        "title": "Independent Scrutineer, chairing the HSSCP Executive",
        "from_year": "2024-25",
        "to_year": "2024-25",
        "started_on": "2024-04-01",
        "ended_on": "2024-07-31",
    },
    {
        "kind": "chair",
        "title": "Director of Children's and Joint Commissioning Services, Hartlepool Borough Council",
        "agency": "hartlepool-bc",
        "from_year": "2024-25",
        "to_year": "2024-25",
        "started_on": "2024-08-01",
        "ended_on": "2025-03-31",
    },
    {"kind": "independent_scrutineer", "title": "HSSCP Independent Scrutineer", "from_year": "2024-25"},  # AR24 L255
    {"kind": "business_manager", "title": "HSSCP Business Manager", "from_year": "2024-25"},  # AR24 L347, L755
    # Delegated safeguarding partners (AR24 L274-279), named by post only.
    {
        "kind": "delegated_partner",
        "title": "Director of Children's and Joint Commissioning Services, Hartlepool Borough Council",
        "agency": "hartlepool-bc",
        "from_year": "2024-25",
    },
    {
        "kind": "delegated_partner",
        "title": "Detective Superintendent, Cleveland Police",
        "agency": "cleveland-police",
        "from_year": "2024-25",
    },
    {
        "kind": "delegated_partner",
        "title": "Director of Nursing, North East and North Cumbria Integrated Care Board",
        "agency": "nenc-icb",
        "from_year": "2024-25",
    },
    {
        "kind": "delegated_partner",
        "title": "Director of Children's Services, Stockton Borough Council",
        "agency": "stockton-bc",
        "from_year": "2024-25",
    },
    # AR24 L410: the new Tees Performance and QA sub-group is chaired by a DSP from across the two partnerships.
    {
        "kind": "subgroup_chair",
        "title": "A delegated safeguarding partner from one of the two Tees partnerships",
        "group": "tees-performance-qa",
        "from_year": "2024-25",
    },
]

# The business unit's order of the groups (AR24 L287-314 lists them in this order) and the years they met
# where the seeds say: the Executive and Engine Room come from the 2019 arrangements (ARR19 L169-221); the
# Safeguarding in Education sub-group, the Priority Champions and the Tees Performance and QA sub-group were
# set up in 2024-25 (AR24 L246, L556, L410).
GROUP_ORDER_AND_YEARS = {
    "chief-executives": {"position": 10},
    "executive": {"position": 20, "from_year": "2019-20"},
    "rapid-review-executive": {"position": 30},
    "engine-room": {"position": 40, "from_year": "2019-20"},
    "priority-champions": {"position": 50, "from_year": "2024-25"},
    "safeguarding-in-education": {"position": 60, "from_year": "2024-25"},
    "performance-review": {"position": 70},
    "tees-hoth": {"position": 80},
    "tees-performance-qa": {"position": 90, "from_year": "2024-25"},
    "tees-procedures": {"position": 100},
    "tees-joint-training": {"position": 110},
}

# HSSCP's 2024-25 funding table (AR24 L331-341), line for line in the printed order. Signed: money in is
# positive. The seed's "Total Contributions £303,964" counts the relevant agencies' and the schools'
# contributions, so they are partner contributions here; the reserve release is use of reserves, which
# makes "Total Income 2024-25 £342,320". Expenditure and the reserve balances are not published.
FUNDING_2024 = {
    "partnership": "hsscp",
    "year": "2024-25",
    "notes": "Lead safeguarding partners agreed a standstill budget for 2024-25, the four of them "
    "contributing equally. Expenditure is not published in the annual report.",
    "lines": [
        {"kind": "contribution", "agency": "hartlepool-bc", "amount": "65620"},
        {"kind": "contribution", "agency": "stockton-bc", "amount": "65620"},
        {"kind": "contribution", "agency": "cleveland-police", "amount": "65620"},
        {"kind": "contribution", "agency": "nenc-icb", "amount": "65620"},
        {"kind": "contribution", "label": "Relevant Agency Contributions", "amount": "9534"},
        {"kind": "contribution", "label": "Hartlepool and Stockton Schools", "amount": "31950"},
        {
            "kind": "use_of_reserves",
            "label": "Release of HSSCP reserve",
            "amount": "38356",
            "note": "balances before and after not published",
        },
    ],
}
