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


# --- Figures as the reports state them ---------------------------------------------------------------------
# Metrics the seeds' facts support beyond the shared catalogue (metrics_data.py).
HISTORY_METRICS = [
    {
        # Framework indicator 1.2.5 asks for EHE children per 10,000 (AR24 L445); worked out below from the
        # seeds' counts of EHE children and of children under 18, rounded to one decimal.
        "code": "ehe_rate",
        "name": "Children electively home educated, per 10,000 children",
        "definition": "Children whose parents educate them at home, per 10,000 children under 18 in the area.",
        "unit": "rate_per_10k",
        "decimals": 1,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "part_of": None,
        "suppress_small": False,
        "group": "profile",
    },
    {
        # Worked out from two count metrics; no value is stored for it.
        "code": "lac_missing_pct",
        "name": "Looked-after children who went missing",
        "definition": "Looked-after young people with a missing episode, as a share of all children looked after.",
        "unit": "percentage",
        "decimals": 1,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": None,
        "indicator": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
        "numerator_metric": "lac_missing_young_people",
        "denominator_metric": "looked_after",
        "denominator_noun": "looked-after children",
    },
    {
        "code": "serious_incidents_reviewed",
        "name": "Serious safeguarding incidents reviewed since April 2019",
        "definition": "Serious safeguarding incidents the partnership reviewed since it went live, a running total.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "part_of": None,
        "suppress_small": False,
        "group": "review",
    },
]

# (metric, area, reporting year, value, details as the import layout spells them, note)
HISTORY_VALUES = [
    # AR21 L553, L584: "Since going live as a partnership in April 2019, HSSCP has reviewed 11 serious
    # safeguarding incidents": a multi-year figure, reported in 2021-22, covering April 2019 to March 2022.
    (
        "serious_incidents_reviewed",
        None,
        "2021-22",
        "11",
        {"period_kind": "multi_year", "period_start": "2019-04-01", "period_end": "2022-03-31"},
        "",
    ),
    # EHE rate per 10,000 from the seeds' counts: Hartlepool 101 of 20,108 (AR21 L202, L214) and 259 of 20,417
    # (AR24 L85, L96); Stockton 246 of 44,021 (AR21 L280, L292) and 452 of 44,087 (AR24 L151, L166). The rank
    # is between the partnership's two areas (highest rate first), also worked out from those counts.
    ("ehe_rate", "E06000001", "2021-22", "50.2", {"rank": "2", "rank_out_of": "2", "rank_scope": "in HSSCP"}, ""),
    ("ehe_rate", "E06000004", "2021-22", "55.9", {"rank": "1", "rank_out_of": "2", "rank_scope": "in HSSCP"}, ""),
    (
        "ehe_rate",
        "E06000001",
        "2024-25",
        "126.9",
        {"rank": "1", "rank_out_of": "2", "rank_scope": "in HSSCP", "commentary": "more than doubled"},
        "",
    ),
    ("ehe_rate", "E06000004", "2024-25", "102.5", {"rank": "2", "rank_out_of": "2", "rank_scope": "in HSSCP"}, ""),
    # A series charted across the 2019 change. The seeds publish no figure from before April 2019, so these
    # four are ILLUSTRATIVE (invented for the demo, labelled as such on every one): referrals as each LSCB
    # would have reported them for its own area in its last two years.
    ("referrals", "E06000001", "2017-18", "1840", {"published_by": "hartlepool-lscb"}, "illustrative demo figure"),
    ("referrals", "E06000001", "2018-19", "1905", {"published_by": "hartlepool-lscb"}, "illustrative demo figure"),
    ("referrals", "E06000004", "2017-18", "3380", {"published_by": "stockton-lscb"}, "illustrative demo figure"),
    ("referrals", "E06000004", "2018-19", "3510", {"published_by": "stockton-lscb"}, "illustrative demo figure"),
]

# How some of the shared seed figures (metrics_data.VALUES) are stated.
SEED_VALUE_DETAILS = {
    # AR24 L699: the Neglect Awareness Campaign ran in October: a part-year figure.
    ("neglect_campaign_views", None, "2024-25"): {
        "period_kind": "part_year",
        "period_start": "2024-10-01",
        "period_end": "2024-10-31",
        "commentary": "one month's campaign",
    },
}
# AR21 L290: Stockton's snapshot in the 2021-22 report is headed "Throughout 2020-21": reported in 2021-22,
# covering April 2020 to March 2021.
STOCKTON_SNAPSHOT_2020_21 = {"period_kind": "reporting_year", "period_start": "2020-04-01", "period_end": "2021-03-31"}
