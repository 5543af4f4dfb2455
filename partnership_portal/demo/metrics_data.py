"""Figures published in the HSSCP annual reports in /work/shared/seeds/.

Pure data: literals only, no imports. Line references point at the seed files:
  AR21 = hsscp-annual-report-2021-22.txt
  AR24 = hsscp-annual-report-2024-25.txt

Conventions
- Values are strings; percentages are the number (38 for 38%).
- "agency" on a metric is the body that supplies it. None for area-level figures means
  "the area's own council" (Hartlepool BC for E06000001, Stockton-on-Tees BC for E06000004),
  because one key cannot name both; None for partnership-level figures means the HSSCP
  business unit; None for figures from outside sources (End Child Poverty).
- `note` is the figure's public note (shown beside it in the explorer, exports and reports);
  `research` records where and how the seed printed it, for whoever maintains this file, and is
  never loaded.
- A figure the seed does not give for a year/area is simply absent (a gap), not N/K. The seeds
  contain no "N/K" entries, so no value carries {"not_known": True}.
"""

# Performance and Quality Assurance Framework, AR24 L434-490 (published November 2024, L409).
# The text extraction interleaves two page columns; the tree below restores them.
# "Enabler" rows sit beside the aims in the seed, so they use kind "enabler" (codes E1, E2).
FRAMEWORK = [
    {"code": "1", "kind": "aim", "title": "Children's needs are identified and supported"},  # L434
    {"code": "1.1", "kind": "objective", "title": "Children receive timely help and support", "parent": "1"},  # L435
    {
        "code": "1.1.1",
        "kind": "indicator",
        "parent": "1.1",
        "title": "Children 0-5 by level of service support by 10,000 population (Health Visiting - Child Health Programme provider)",
    },
    {
        "code": "1.1.2",
        "kind": "indicator",
        "parent": "1.1",
        "title": "Disadvantaged 2 year old child care take up rate (by LA)",
    },
    {
        "code": "1.1.3",
        "kind": "indicator",
        "parent": "1.1",
        "title": "Number of children not achieving 2 year old development check (Health Visiting - Child Health Programme provider)",
    },
    {"code": "1.1.4", "kind": "indicator", "parent": "1.1", "title": "Number of children in Police Custody"},
    {"code": "1.2", "kind": "objective", "title": "Children are seen", "parent": "1"},  # L440
    {
        "code": "1.2.1",
        "kind": "indicator",
        "parent": "1.2",
        "title": "Rates of severe absence from school (per 10,000 population - LA)",
    },
    {
        "code": "1.2.2",
        "kind": "indicator",
        "parent": "1.2",
        "title": "Rates of permanent Exclusion (per 1000 population - LA)",
    },
    {
        "code": "1.2.3",
        "kind": "indicator",
        "parent": "1.2",
        "title": "Number of children in alternative provision (per 10,000 population - LA / School)",
    },
    {
        "code": "1.2.4",
        "kind": "indicator",
        "parent": "1.2",
        "title": "Number of children not in full time education not on a school roll (per 10,000 pop LA)",
    },
    {
        "code": "1.2.5",
        "kind": "indicator",
        "parent": "1.2",
        "title": "Number of Electively Home Educated (EHE) children (per 10,000 population LA)",
    },
    {
        "code": "1.2.6",
        "kind": "indicator",
        "parent": "1.2",
        "title": "Number of children Missing from Education (CME) (per 10,000 population LA)",
    },
    {"code": "1.3", "kind": "objective", "title": "Health and Wellbeing is promoted", "parent": "1"},  # L447
    {
        "code": "1.3.1",
        "kind": "indicator",
        "parent": "1.3",
        "title": "Number of children waiting specialist health assessments (TEWV / NTHFT / SHFT)",
    },
    {
        "code": "1.3.2",
        "kind": "indicator",
        "parent": "1.3",
        "title": "Number of children waiting for specialist services (No's and average waiting time (TEWV / NTHFT / SHFT)",
    },
    {"code": "1.3.3", "kind": "indicator", "parent": "1.3", "title": "No of cases on Dynamic Support Register (TEWV)"},
    {"code": "2", "kind": "aim", "title": "Children are protected from risk of harm"},  # L434
    {"code": "2.1", "kind": "objective", "title": "Children are protected from Neglect", "parent": "2"},  # L435
    {
        "code": "2.1.1",
        "kind": "indicator",
        "parent": "2.1",
        "title": "Children active to Social Care or on universal pathway plus accessing Family Hubs",
    },
    {"code": "2.1.2", "kind": "indicator", "parent": "2.1", "title": "Local Authority Assessment Factors (Neglect)"},
    {
        "code": "2.1.3",
        "kind": "indicator",
        "parent": "2.1",
        "title": "Children subject to repeat plans under the category of neglect",
    },
    {
        "code": "2.1.4",
        "kind": "indicator",
        "parent": "2.1",
        "title": "Children subject to a Child Protection plan longer than 12 months under the category of neglect",
    },
    {"code": "2.2", "kind": "objective", "title": "Children are protected from Domestic Abuse", "parent": "2"},  # L440
    {
        "code": "2.2.1",
        "kind": "indicator",
        "parent": "2.2",
        "title": "Local Authority Assessment Factors (Domestic Abuse)",
    },
    {"code": "3", "kind": "aim", "title": "Children are effectively safeguarded and their welfare promoted"},  # L447
    {"code": "3.1", "kind": "objective", "title": "Referrals", "parent": "3"},  # L448
    {
        "code": "3.1.1",
        "kind": "indicator",
        "parent": "3.1",
        "title": "No. referrals receiving dashboard/ multi-agency triage",
    },
    {"code": "3.2", "kind": "objective", "title": "Strategy / S47", "parent": "3"},  # L450
    # 3.2.1 and 3.4.1 carry the same title in the seed (L451, L461); kept as printed.
    {"code": "3.2.1", "kind": "indicator", "parent": "3.2", "title": "Number of children in PLO and care proceedings"},
    {"code": "3.2.2", "kind": "indicator", "parent": "3.2", "title": "Agency attendance at strategy meetings"},
    {"code": "3.2.3", "kind": "indicator", "parent": "3.2", "title": "Strategy meeting by outcome"},
    {"code": "3.2.4", "kind": "indicator", "parent": "3.2", "title": "Police/LA joint S47 (% of S47)"},
    {"code": "3.3", "kind": "objective", "title": "Child Protection", "parent": "3"},  # L455
    {"code": "3.3.1", "kind": "indicator", "parent": "3.3", "title": "Advocacy at ICPC / RCPC"},
    {"code": "3.3.2", "kind": "indicator", "parent": "3.3", "title": "Agency attendance"},
    {"code": "3.3.3", "kind": "indicator", "parent": "3.3", "title": "Family attendance"},
    {
        "code": "3.3.4",
        "kind": "indicator",
        "parent": "3.3",
        "title": "CYP attendance and how were they supported to contribute to / at meetings",
    },
    {"code": "3.4", "kind": "objective", "title": "Children in our Care", "parent": "3"},  # L460
    {"code": "3.4.1", "kind": "indicator", "parent": "3.4", "title": "Number of children in PLO and care proceedings"},
    {"code": "3.4.2", "kind": "indicator", "parent": "3.4", "title": "Unregulated placements by type"},
    {"code": "3.4.3", "kind": "indicator", "parent": "3.4", "title": "Number of CIOC with DOLs"},
    {"code": "3.4.4", "kind": "indicator", "parent": "3.4", "title": "CYP input into CIOC reviews"},
    {"code": "3.4.5", "kind": "indicator", "parent": "3.4", "title": "Children placed at a distance from LA"},
    {"code": "3.4.6", "kind": "indicator", "parent": "3.4", "title": "S25 Secure orders"},
    {"code": "E1", "kind": "enabler", "title": "Multi-agency workforce is stable and appropriately equipped"},  # L467
    {"code": "E1.1", "kind": "indicator", "parent": "E1", "title": "Staff turnover rates"},
    {"code": "E1.2", "kind": "indicator", "parent": "E1", "title": "Staff vacancy rates"},
    {"code": "E1.3", "kind": "indicator", "parent": "E1", "title": "Agency staffing rates"},
    # Printed "E1.4n Vacancy rates" (L471): the stray "n" is dropped; it repeats E1.2's subject.
    {"code": "E1.4", "kind": "indicator", "parent": "E1", "title": "Vacancy rates"},
    {"code": "4", "kind": "aim", "title": "Multi-agency partners work together and hold each other to account"},  # L472
    {"code": "4.1", "kind": "objective", "title": "Information is shared effectively", "parent": "4"},  # L473
    {"code": "4.1.1", "kind": "indicator", "parent": "4.1", "title": "LADO referrals by source"},
    {"code": "4.1.2", "kind": "indicator", "parent": "4.1", "title": "No of Pitstop cases"},
    {
        "code": "4.1.3",
        "kind": "indicator",
        "parent": "4.1",
        "title": "No of referrals for serious incident / learning review and outcome",
    },
    {
        "code": "4.1.4",
        "kind": "indicator",
        "parent": "4.1",
        "title": "Case by case notification of outcome of criminal investigations (Police)",
    },
    {
        "code": "4.2",
        "kind": "objective",
        "title": "Partners raise appropriate professional challenge",
        "parent": "4",
    },  # L478
    {
        "code": "4.2.1",
        "kind": "indicator",
        "parent": "4.2",
        "title": "No of serious incident notifications overall and by referring organisation",
    },
    {
        "code": "4.2.2",
        "kind": "indicator",
        "parent": "4.2",
        "title": "No of professional challenges by making and receiving organisation",
    },
    {"code": "4.2.3", "kind": "indicator", "parent": "4.2", "title": "Outcome of professional challenge"},
    {
        "code": "4.2.4",
        "kind": "indicator",
        "parent": "4.2",
        "title": "Resolution of professional challenge at each stage",
    },
    {"code": "4.3", "kind": "objective", "title": "Partners work together", "parent": "4"},  # L483
    {"code": "4.3.1", "kind": "indicator", "parent": "4.3", "title": "Partner attendance at Executive"},
    {"code": "4.3.2", "kind": "indicator", "parent": "4.3", "title": "Partner attendance at sub-groups"},
    {
        "code": "4.3.3",
        "kind": "indicator",
        "parent": "4.3",
        "title": "Agency attendance at MACE / VEMT mapping meetings and engagement in decision making",
    },
    {
        "code": "E2",
        "kind": "enabler",
        "title": "Learning is promoted and embedded to implement changes to practice",
    },  # L487
    {"code": "E2.1", "kind": "indicator", "parent": "E2", "title": "Training data and evaluations"},
    {"code": "E2.2", "kind": "indicator", "parent": "E2", "title": "Audit findings"},
    {"code": "E2.3", "kind": "indicator", "parent": "E2", "title": "Closing loop audit on LCSPR"},
]


METRICS = [
    # ------------------------------------------------------------------ profile
    {
        "code": "children_under_18",
        "name": "Children and young people under 18",
        "definition": "Estimated number of residents aged under 18 in the area during the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "profile",
    },
    {
        "code": "children_pct_population",
        "name": "Children as a share of the total population",
        "definition": "Under-18s expressed as a percentage of everyone living in the area.",
        "unit": "percentage",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "profile",
    },
    {
        "code": "child_poverty_pct",
        "name": "Children living in poverty",
        "definition": "Percentage of children in relative poverty after housing costs, as estimated by End Child Poverty.",
        "unit": "percentage",
        "decimals": 1,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "profile",
    },
    {
        "code": "fsm_primary_pct",
        "name": "Primary pupils receiving free school meals",
        "definition": "Percentage of primary school pupils in the area who receive free school meals, from the school census.",
        "unit": "percentage",
        "decimals": 1,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "profile",
    },
    {
        "code": "ehe_children",
        "name": "Children who are electively home educated",
        "definition": "Number of children whose parents have chosen to educate them at home rather than at school.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": "1.2.5",
        "indicator_title": "Number of Electively Home Educated (EHE) children (per 10,000 population LA)",
        "part_of": None,
        "suppress_small": False,
        "group": "profile",
    },
    # ----------------------------------------------------------------- snapshot
    {
        "code": "hub_contacts_per_month",
        "name": "Average contacts to the Children's Hub per month",
        "definition": "Mean number of contacts a month received by the shared multi-agency front door to children's social care.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "referrals",
        "name": "Referrals to children's social care",
        "definition": "Number of referrals accepted by children's social care during the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "re_referrals_pct",
        "name": "Re-referrals to children's social care",
        "definition": "Share of the year's referrals about a child already referred within the previous twelve months.",
        "unit": "percentage",
        "decimals": 1,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,  # a percentage cannot be a part of a count
        "suppress_small": False,
        "group": "snapshot",
    },
    # Hartlepool reports completed assessments, Stockton reports opened episodes: two measures.
    {
        "code": "early_help_assessments",
        "name": "Early Help assessments completed",
        "definition": "Number of early help assessments finished during the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "early_help_episodes",
        "name": "Early Help episodes opened",
        "definition": "Number of new early help episodes started during the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "early_help_escalated",
        "name": "Early Help cases escalated to social care",
        "definition": "Number of early help cases stepped up to children's social care during the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "cin_open",
        "name": "Open Child in Need cases",
        "definition": "Number of Child in Need cases open to children's social care in the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "cp_plans",
        "name": "Children subject to a Child Protection Plan",
        "definition": "Number of children with a child protection plan in the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "send_support",
        "name": "Children receiving SEND support",
        "definition": "Number of children and young people with special educational needs or disabilities who get SEND support.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "cse_risk",
        "name": "Children at risk of child sexual exploitation",
        "definition": "Number of children and young people identified as at risk of sexual exploitation.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": True,
        "group": "snapshot",
    },
    {
        "code": "cce_risk",
        "name": "Children at risk of child criminal exploitation",
        "definition": "Number of children and young people identified as at risk of criminal exploitation.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": True,
        "group": "snapshot",
    },
    {
        "code": "missing_episodes",
        "name": "Missing episodes",
        "definition": "Number of separate occasions on which a child from the area was reported missing.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "missing_young_people",
        "name": "Young people with missing episodes",
        "definition": "Number of different children and young people who went missing at least once.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "lac_missing_episodes",
        "name": "Missing episodes of looked-after children",
        "definition": "Number of missing episodes involving children in the council's care.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": "missing_episodes",
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "lac_missing_young_people",
        "name": "Looked-after young people with missing episodes",
        "definition": "Number of different children in the council's care who went missing at least once.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": "missing_young_people",
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "looked_after",
        "name": "Children looked after",
        "definition": "Number of children and young people in the care of the local authority.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "da_children_present",
        "name": "Children present at domestic abuse incidents",
        "definition": "Number of children recorded by police as present when a domestic abuse incident took place.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": "cleveland-police",
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "da_repeat_incidents_children",
        "name": "Repeat domestic abuse incidents witnessed by children",
        "definition": "Domestic abuse incidents seen by children within a year of a similar earlier incident.",
        "unit": "count",
        "decimals": 0,
        "polarity": "lower_is_better",
        "level": "area",
        "agency": "cleveland-police",
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "marac_cases",
        "name": "Cases discussed at MARAC",
        "definition": "Number of high-risk domestic abuse cases heard at the multi-agency risk assessment conference.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "marac_children",
        "name": "Children involved in MARAC cases",
        "definition": "Number of children in the households whose cases were heard at MARAC.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "lado_referrals",
        "name": "Allegations against staff (LADO referrals)",
        "definition": "Referrals to the designated officer about adults working with children who may have harmed a child.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": "4.1.1",
        "indicator_title": "LADO referrals by source",
        "part_of": None,
        "suppress_small": False,
        "group": "snapshot",
    },
    {
        "code": "private_fostering_new",
        "name": "New private fostering arrangements",
        "definition": "Number of newly notified arrangements where a child lives with someone other than a close relative for 28 days or more.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "area",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": True,
        "group": "snapshot",
    },
    # ----------------------------------------------------------------- training
    {
        "code": "training_sessions",
        "name": "Multi-agency training sessions delivered",
        "definition": "Number of multi-agency safeguarding training sessions the partnership ran in the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.1",
        "indicator_title": "Training data and evaluations",
        "part_of": None,
        "suppress_small": False,
        "group": "training",
    },
    {
        "code": "training_subject_areas",
        "name": "Subject areas covered by training",
        "definition": "Number of different safeguarding topics covered by the multi-agency training sessions.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.1",
        "indicator_title": "Training data and evaluations",
        "part_of": None,
        "suppress_small": False,
        "group": "training",
    },
    {
        "code": "training_attendees",
        "name": "People attending multi-agency training",
        "definition": "Number of attendances at the partnership's multi-agency training sessions.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.1",
        "indicator_title": "Training data and evaluations",
        "part_of": None,
        "suppress_small": False,
        "group": "training",
    },
    {
        "code": "elearning_completions",
        "name": "E-learning sessions completed",
        "definition": "Number of safeguarding e-learning modules completed by the workforce.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.1",
        "indicator_title": "Training data and evaluations",
        "part_of": None,
        "suppress_small": False,
        "group": "training",
    },
    {
        "code": "tees_training_attendees",
        "name": "Attendees at Tees-wide training events",
        "definition": "Number of attendances at training events run across the four Tees local authority areas.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.1",
        "indicator_title": "Training data and evaluations",
        "part_of": None,
        "suppress_small": False,
        "group": "training",
    },
    {
        "code": "lfr_briefing_attendees",
        "name": "Practitioners attending Learning from Reviews briefings",
        "definition": "Number of practitioners who attended briefings sharing the lessons of local reviews.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.1",
        "indicator_title": "Training data and evaluations",
        "part_of": None,
        "suppress_small": False,
        "group": "training",
    },
    {
        "code": "neglect_event_attendees",
        "name": "Practitioners attending the Neglect Active Learning Event",
        "definition": "Number of practitioners at the partnership's active learning event on neglect.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.1",
        "indicator_title": "Training data and evaluations",
        "part_of": None,
        "suppress_small": False,
        "group": "training",
    },
    # ------------------------------------------------------------ communication
    {
        "code": "website_users",
        "name": "Website users",
        "definition": "Number of distinct visitors to the partnership website in the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "website_page_views",
        "name": "Website page views",
        "definition": "Number of pages viewed on the partnership website in the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "bulletin_recipients",
        "name": "Partner representatives receiving bulletins",
        "definition": "Number of partner contacts on the mailing list for e-bulletins and newsletters, who pass them on.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "ebulletins_issued",
        "name": "E-bulletins issued",
        "definition": "Number of e-bulletins sent out to partners during the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "newsletters_issued",
        "name": "Quarterly newsletters issued",
        "definition": "Number of newsletters reporting partnership activity sent to partner agencies.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "school_forums",
        "name": "Termly safeguarding forums for schools",
        "definition": "Number of safeguarding forums held for designated safeguarding leads and head teachers.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "facebook_views",
        "name": "Facebook content views",
        "definition": "Number of times content on the partnership's Facebook page was viewed.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "neglect_campaign_views",
        "name": "Neglect Awareness Campaign views",
        "definition": "Social media views reached by the October neglect awareness campaign.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": "facebook_views",
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "csa_campaign_children",
        "name": "Children reached by the CSA campaign",
        "definition": "Number of children reached by the child sexual abuse awareness campaign.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "csa_campaign_professionals",
        "name": "Professionals reached by the CSA campaign",
        "definition": "Number of professionals reached by the child sexual abuse awareness campaign.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "csa_campaign_parents",
        "name": "Parents reached by the CSA campaign",
        "definition": "Number of parents reached by the child sexual abuse awareness campaign.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    {
        "code": "youth_focus_groups",
        "name": "Focus groups held with young people",
        "definition": "Number of focus groups run with young people in schools and youth clubs to shape partnership work.",
        "unit": "count",
        "decimals": 0,
        "polarity": "higher_is_better",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": False,
        "group": "communication",
    },
    # ------------------------------------------------------------------- review
    {
        "code": "serious_incident_notifications",
        "name": "Serious incident notifications",
        "definition": "Number of serious child safeguarding incidents notified by partners for consideration.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "partnership",
        "agency": None,
        "indicator": "4.2.1",
        "indicator_title": "No of serious incident notifications overall and by referring organisation",
        "part_of": None,
        "suppress_small": True,
        "group": "review",
    },
    {
        "code": "rapid_reviews",
        "name": "Rapid reviews",
        "definition": "Number of rapid reviews carried out after a serious incident notification.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "partnership",
        "agency": None,
        "indicator": "4.1.3",
        "indicator_title": "No of referrals for serious incident / learning review and outcome",
        "part_of": None,
        "suppress_small": True,
        "group": "review",
    },
    {
        "code": "learning_reviews",
        "name": "Learning reviews of near-miss cases",
        "definition": "Number of local learning reviews held for cases that fell short of a serious incident.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "partnership",
        "agency": None,
        "indicator": "4.1.3",
        "indicator_title": "No of referrals for serious incident / learning review and outcome",
        "part_of": None,
        "suppress_small": True,
        "group": "review",
    },
    {
        "code": "lcsprs",
        "name": "Local child safeguarding practice reviews",
        "definition": "Number of local child safeguarding practice reviews under way or reported on in the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "partnership",
        "agency": None,
        "indicator": None,
        "indicator_title": None,
        "part_of": None,
        "suppress_small": True,
        "group": "review",
    },
    {
        "code": "multi_agency_audits",
        "name": "Multi-agency audits",
        "definition": "Number of themed multi-agency case audits completed in the year.",
        "unit": "count",
        "decimals": 0,
        "polarity": "neutral",
        "level": "partnership",
        "agency": None,
        "indicator": "E2.2",
        "indicator_title": "Audit findings",
        "part_of": None,
        "suppress_small": False,
        "group": "review",
    },
]


# (metric, area ONS code or None, year, value, extras)
VALUES = [
    # ===================== 2021-22 report: HARTLEPOOL (E06000001) =====================
    ("children_under_18", "E06000001", "2021-22", "20108", {}),  # AR21 L214
    ("children_pct_population", "E06000001", "2021-22", "21", {}),  # AR21 L218
    ("child_poverty_pct", "E06000001", "2021-22", "39", {"note": "End Child Poverty 2021 data"}),  # AR21 L220, L204
    ("fsm_primary_pct", "E06000001", "2021-22", "39.5", {}),  # AR21 L222
    ("ehe_children", "E06000001", "2021-22", "101", {}),  # AR21 L202
    ("hub_contacts_per_month", "E06000001", "2021-22", "517", {}),  # AR21 L224
    ("referrals", "E06000001", "2021-22", "1970", {}),  # AR21 L226
    ("re_referrals_pct", "E06000001", "2021-22", "21", {}),  # AR21 L230
    ("early_help_assessments", "E06000001", "2021-22", "628", {}),  # AR21 L232
    ("early_help_escalated", "E06000001", "2021-22", "107", {}),  # AR21 L234
    ("cin_open", "E06000001", "2021-22", "1387", {}),  # AR21 L236
    ("cp_plans", "E06000001", "2021-22", "180", {}),  # AR21 L238
    ("send_support", "E06000001", "2021-22", "2141", {}),  # AR21 L240
    ("cse_risk", "E06000001", "2021-22", "17", {}),  # AR21 L242
    ("cce_risk", "E06000001", "2021-22", "29", {}),  # AR21 L244
    ("missing_episodes", "E06000001", "2021-22", "671", {}),  # AR21 L246 "671 missing episodes by 234 young people"
    ("missing_young_people", "E06000001", "2021-22", "234", {}),  # AR21 L246
    ("lac_missing_episodes", "E06000001", "2021-22", "212", {}),  # AR21 L248 (tile text cut off after "looked")
    ("lac_missing_young_people", "E06000001", "2021-22", "47", {}),  # AR21 L248
    ("looked_after", "E06000001", "2021-22", "308", {}),  # AR21 L250
    ("da_children_present", "E06000001", "2021-22", "1315", {}),  # AR21 L254
    ("da_repeat_incidents_children", "E06000001", "2021-22", "292", {}),  # AR21 L256
    ("marac_cases", "E06000001", "2021-22", "145", {}),  # AR21 L258
    ("marac_children", "E06000001", "2021-22", "345", {}),  # AR21 L260
    ("lado_referrals", "E06000001", "2021-22", "48", {}),  # AR21 L262
    ("private_fostering_new", "E06000001", "2021-22", "3", {}),  # AR21 L266
    # ===================== 2021-22 report: STOCKTON-ON-TEES (E06000004) ===============
    # The 2021-22 report heads this snapshot "Throughout 2020-21" (AR21 L290); the figures are
    # filed under 2021-22, the report they were published in, with that caveat as a note.
    (
        "children_under_18",
        "E06000004",
        "2021-22",
        "44021",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L292
    (
        "children_pct_population",
        "E06000004",
        "2021-22",
        "22",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L296
    (
        "child_poverty_pct",
        "E06000004",
        "2021-22",
        "35.3",
        {"note": "End Child Poverty data, May 2021; after housing costs"},
    ),  # AR21 L298, L282
    (
        "fsm_primary_pct",
        "E06000004",
        "2021-22",
        "26.2",
        {"note": "mainstream primary pupils", "research": "snapshot headed 'Throughout 2020-21'"},
    ),  # AR21 L301
    ("ehe_children", "E06000004", "2021-22", "246", {"note": "as of March 2021"}),  # AR21 L280
    (
        "hub_contacts_per_month",
        "E06000004",
        "2021-22",
        "995",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L303
    (
        "referrals",
        "E06000004",
        "2021-22",
        "3624",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L305
    (
        "re_referrals_pct",
        "E06000004",
        "2021-22",
        "21.5",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L309
    (
        "early_help_episodes",
        "E06000004",
        "2021-22",
        "616",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L311
    (
        "early_help_escalated",
        "E06000004",
        "2021-22",
        "8",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L313
    (
        "cin_open",
        "E06000004",
        "2021-22",
        "2373",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L315
    (
        "cp_plans",
        "E06000004",
        "2021-22",
        "301",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L317
    (
        "send_support",
        "E06000004",
        "2021-22",
        "5259",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L319
    (
        "cse_risk",
        "E06000004",
        "2021-22",
        "20",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L321
    (
        "missing_episodes",
        "E06000004",
        "2021-22",
        "1478",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L323 "1478 ... by 473 young people"
    (
        "missing_young_people",
        "E06000004",
        "2021-22",
        "473",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L323
    (
        "lac_missing_episodes",
        "E06000004",
        "2021-22",
        "609",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L325
    (
        "lac_missing_young_people",
        "E06000004",
        "2021-22",
        "98",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L325
    (
        "looked_after",
        "E06000004",
        "2021-22",
        "574",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L327
    (
        "private_fostering_new",
        "E06000004",
        "2021-22",
        "3",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L329
    (
        "da_children_present",
        "E06000004",
        "2021-22",
        "2153",
        {
            "research": "printed as 'children witnessing a domestic abuse incident'; snapshot headed 'Throughout 2020-21'"
        },
    ),  # AR21 L333
    (
        "marac_cases",
        "E06000004",
        "2021-22",
        "258",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L335
    (
        "marac_children",
        "E06000004",
        "2021-22",
        "503",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L337
    (
        "lado_referrals",
        "E06000004",
        "2021-22",
        "118",
        {"research": "snapshot headed 'Throughout 2020-21' in the 2021-22 report"},
    ),  # AR21 L339
    # ===================== 2021-22 report: PARTNERSHIP ===============================
    ("training_sessions", None, "2021-22", "70", {}),  # AR21 L593
    ("elearning_completions", None, "2021-22", "6745", {}),  # AR21 L597
    ("training_attendees", None, "2021-22", "1475", {}),  # AR21 L599
    ("website_users", None, "2021-22", "6396", {"research": "printed as 'visitors to the HSSCP website'"}),  # AR21 L622
    ("website_page_views", None, "2021-22", "24253", {"note": "page views on the new HSSCP website"}),  # AR21 L626
    ("bulletin_recipients", None, "2021-22", "890", {}),  # AR21 L630
    ("school_forums", None, "2021-22", "6", {}),  # AR21 L635
    ("newsletters_issued", None, "2021-22", "4", {}),  # AR21 L639
    ("lcsprs", None, "2021-22", "2", {"note": "LCSPRs for Child O and Child Q reported"}),  # AR21 L28, L468, L499
    (
        "multi_agency_audits",
        None,
        "2021-22",
        "2",
        {"note": "Contextual Safeguarding and Neglect themed audits"},
    ),  # AR21 L526, L550
    # "11 serious safeguarding incidents" reviewed since April 2019 (AR21 L553, L584) covers three years:
    # it is in history_data.HISTORY_VALUES as a multi-year figure.
    # ===================== 2024-25 report: HARTLEPOOL (E06000001) =====================
    ("children_under_18", "E06000001", "2024-25", "20417", {}),  # AR24 L96
    # children_pct_population: the 2024-25 Hartlepool tile is missing from the seed (gap).
    ("child_poverty_pct", "E06000001", "2024-25", "32.9", {"note": "End Child Poverty 2024 data"}),  # AR24 L98, L87
    ("fsm_primary_pct", "E06000001", "2024-25", "38", {}),  # AR24 L100
    ("ehe_children", "E06000001", "2024-25", "259", {}),  # AR24 L85
    ("hub_contacts_per_month", "E06000001", "2024-25", "722", {}),  # AR24 L102
    ("referrals", "E06000001", "2024-25", "2020", {}),  # AR24 L104
    ("re_referrals_pct", "E06000001", "2024-25", "26.7", {}),  # AR24 L108
    ("early_help_assessments", "E06000001", "2024-25", "672", {}),  # AR24 L110
    ("early_help_escalated", "E06000001", "2024-25", "99", {}),  # AR24 L112
    ("cin_open", "E06000001", "2024-25", "1341", {}),  # AR24 L114
    ("cp_plans", "E06000001", "2024-25", "173", {}),  # AR24 L116
    ("send_support", "E06000001", "2024-25", "3301", {}),  # AR24 L118
    ("cse_risk", "E06000001", "2024-25", "5", {}),  # AR24 L120
    ("cce_risk", "E06000001", "2024-25", "21", {}),  # AR24 L122
    ("missing_episodes", "E06000001", "2024-25", "821", {}),  # AR24 L124 "821 missing episodes by 276 young people"
    ("missing_young_people", "E06000001", "2024-25", "276", {}),  # AR24 L124
    ("lac_missing_episodes", "E06000001", "2024-25", "332", {}),  # AR24 L126
    ("lac_missing_young_people", "E06000001", "2024-25", "56", {}),  # AR24 L126
    # Same number as the looked-after missing episodes on L126; both as printed.
    ("looked_after", "E06000001", "2024-25", "332", {}),  # AR24 L128
    # da_children_present: no Hartlepool tile in the 2024-25 seed (gap).
    ("marac_cases", "E06000001", "2024-25", "208", {}),  # AR24 L132
    ("marac_children", "E06000001", "2024-25", "452", {}),  # AR24 L134
    ("lado_referrals", "E06000001", "2024-25", "46", {}),  # AR24 L137
    ("private_fostering_new", "E06000001", "2024-25", "0", {}),  # AR24 L139
    # ===================== 2024-25 report: STOCKTON-ON-TEES (E06000004) ===============
    ("children_under_18", "E06000004", "2024-25", "44087", {}),  # AR24 L166
    ("children_pct_population", "E06000004", "2024-25", "22", {}),  # AR24 L171
    (
        "child_poverty_pct",
        "E06000004",
        "2024-25",
        "28.4",
        {
            "research": "tile cites End Child Poverty data May 2021 (L174) but the context text cites June 2024 data (L153)"
        },
    ),  # AR24 L173
    (
        "fsm_primary_pct",
        "E06000004",
        "2024-25",
        "29.1",
        {
            "note": "mainstream primary pupils",
            "research": "this tile gives the national average as 23.8% (Hartlepool's tile: 24.6%)",
        },
    ),  # AR24 L176
    ("ehe_children", "E06000004", "2024-25", "452", {}),  # AR24 L151
    ("hub_contacts_per_month", "E06000004", "2024-25", "1104", {}),  # AR24 L179
    ("referrals", "E06000004", "2024-25", "3959", {}),  # AR24 L182
    ("re_referrals_pct", "E06000004", "2024-25", "24", {}),  # AR24 L188
    ("early_help_episodes", "E06000004", "2024-25", "2724", {}),  # AR24 L191
    ("early_help_escalated", "E06000004", "2024-25", "258", {}),  # AR24 L193
    ("cin_open", "E06000004", "2024-25", "2097", {}),  # AR24 L196
    ("cp_plans", "E06000004", "2024-25", "282", {}),  # AR24 L199
    ("send_support", "E06000004", "2024-25", "5719", {}),  # AR24 L202
    ("cse_risk", "E06000004", "2024-25", "18", {}),  # AR24 L204
    ("missing_episodes", "E06000004", "2024-25", "1510", {}),  # AR24 L207 "1510 missing episodes by 475 young people"
    ("missing_young_people", "E06000004", "2024-25", "475", {}),  # AR24 L207
    ("lac_missing_episodes", "E06000004", "2024-25", "638", {}),  # AR24 L210
    ("lac_missing_young_people", "E06000004", "2024-25", "105", {}),  # AR24 L210
    ("looked_after", "E06000004", "2024-25", "564", {}),  # AR24 L213
    ("private_fostering_new", "E06000004", "2024-25", "6", {}),  # AR24 L216
    ("da_children_present", "E06000004", "2024-25", "2305", {}),  # AR24 L220
    ("marac_cases", "E06000004", "2024-25", "332", {}),  # AR24 L222
    ("marac_children", "E06000004", "2024-25", "618", {}),  # AR24 L224
    ("lado_referrals", "E06000004", "2024-25", "133", {}),  # AR24 L226
    # ===================== 2024-25 report: PARTNERSHIP ===============================
    ("training_sessions", None, "2024-25", "62", {}),  # AR24 L648-651
    ("training_subject_areas", None, "2024-25", "24", {}),  # AR24 L651-654
    ("elearning_completions", None, "2024-25", "8445", {}),  # AR24 L658
    ("training_attendees", None, "2024-25", "1238", {}),  # AR24 L662
    (
        "tees_training_attendees",
        None,
        "2024-25",
        "1072",
        {"note": "Baby Safe Sleep 469; Harm Outside of the Home launch briefings 603"},
    ),  # AR24 L666-668
    ("lfr_briefing_attendees", None, "2024-25", "146", {}),  # AR24 L670
    ("neglect_event_attendees", None, "2024-25", "64", {}),  # AR24 L672
    ("website_users", None, "2024-25", "7300", {"research": "printed as 'active users'"}),  # AR24 L696
    ("website_page_views", None, "2024-25", "24200", {}),  # AR24 L697
    ("ebulletins_issued", None, "2024-25", "12", {}),  # AR24 L698
    ("newsletters_issued", None, "2024-25", "4", {}),  # AR24 L698
    ("bulletin_recipients", None, "2024-25", "1597", {}),  # AR24 L698
    ("facebook_views", None, "2024-25", "97950", {}),  # AR24 L699
    ("neglect_campaign_views", None, "2024-25", "68468", {"note": "October campaign"}),  # AR24 L699
    ("csa_campaign_children", None, "2024-25", "7917", {}),  # AR24 L701
    ("csa_campaign_professionals", None, "2024-25", "457", {}),  # AR24 L702
    ("csa_campaign_parents", None, "2024-25", "242", {}),  # AR24 L703
    (
        "youth_focus_groups",
        None,
        "2024-25",
        "32",
        {"note": "across 7 settings (schools and youth clubs)"},
    ),  # AR24 L362, L692
    ("serious_incident_notifications", None, "2024-25", "4", {}),  # AR24 L582
    ("rapid_reviews", None, "2024-25", "4", {}),  # AR24 L582
    ("learning_reviews", None, "2024-25", "4", {"note": "'near miss' cases"}),  # AR24 L583
    (
        "lcsprs",
        None,
        "2024-25",
        "0",
        {"note": "no LCSPRs live in 2024-25; one rapid review case to become an LCSPR from April 2025"},
    ),  # AR24 L584
    (
        "multi_agency_audits",
        None,
        "2024-25",
        "2",
        {"note": "'Significant others' (Dec 2024) and 'Robust Assessments and Plans' (Mar 2025)"},
    ),  # AR24 L607-611
]


# (metric, year, "england" | "north_east", value)
COMPARATORS = [
    # Child poverty 2021-22: the two area pages disagree. Stockton (AR21 L282, after housing costs,
    # May 2021) gives North East 37% and national 31%; Hartlepool (AR21 L204) gives "27% nationally"
    # and 38% "across Teesside". The Stockton pair, which states its measure, is used.
    ("child_poverty_pct", "2021-22", "england", "31"),  # AR21 L282
    ("child_poverty_pct", "2021-22", "north_east", "37"),  # AR21 L282
    ("child_poverty_pct", "2024-25", "england", "28.7"),  # AR24 L87, L153
    ("child_poverty_pct", "2024-25", "north_east", "32.3"),  # AR24 L87, L153
    ("fsm_primary_pct", "2021-22", "england", "20.8"),  # AR21 L222, L301
    # FSM 2024-25: Hartlepool's tile says 24.6% (AR24 L100), Stockton's says 23.8% (AR24 L176),
    # probably different census years. 24.6 is used; the Stockton value carries a note.
    ("fsm_primary_pct", "2024-25", "england", "24.6"),  # AR24 L100
]
