"""HSSCP's 2024-25 and 2021-22 annual reports as structured content, and a 2025-26 draft.

Facts come from the shared seeds (AR21 = hsscp-annual-report-2021-22.txt, AR24 =
hsscp-annual-report-2024-25.txt); the prose is ours. Every number the seeds hold as a figure
is a live reference to the approved value (metric and area identity), never typed into text.
Built through `reports.services`, as the business unit would build them; idempotent (a year
that already has a report is left alone).
"""

from metrics.models import Metric
from partners.models import Area
from reports import services
from reports.models import Report, Requirement


class Builder:
    """Turns short specifications into blocks with references by identity."""

    def __init__(self, partnership):
        self.metrics = {m.code: m.pk for m in Metric.objects.filter(partnership=partnership)}
        self.areas = {a.name: a.pk for a in Area.objects.filter(partnership=partnership)}

    def ref(self, code, area=None, period="this", year=""):
        return {
            "metric": self.metrics[code],
            "area": self.areas[area] if area else None,
            "period": period,
            "year": year,
        }

    def fig(self, code, area=None, period="this"):
        ref = self.ref(code, area, period)
        return f'<span data-figure="{ref["metric"]}|{ref["area"] or ""}|{period}|">…</span>'

    @staticmethod
    def text(*paragraphs):
        return {"type": "rich_text", "value": {"html": "".join(f"<p>{p}</p>" for p in paragraphs)}}

    @staticmethod
    def html(markup):
        return {"type": "rich_text", "value": {"html": markup}}

    def tiles(self, heading, tiles, compare=""):
        return {
            "type": "key_figures",
            "value": {
                "heading": heading,
                "tiles": [
                    {
                        "parts": [{"figure": self.ref(code, area), "words": words} for code, area, words in parts],
                        "compare": compare,
                        "target": None,
                    }
                    for parts in tiles
                ],
            },
        }

    def chart(self, title, codes, kind="trend", areas=(), years=4):
        return {
            "type": "chart",
            "value": {
                "title": title,
                "kind": kind,
                "metrics": [self.metrics[c] for c in codes],
                "areas": [self.areas[a] for a in areas],
                "years": years,
                "alt": "",
            },
        }

    def figures_table(self, caption, codes, years=1):
        return {
            "type": "figures_table",
            "value": {"caption": caption, "metrics": [self.metrics[c] for c in codes], "areas": [], "years": years},
        }

    @staticmethod
    def quote(text, role, name=""):
        return {"type": "quote", "value": {"text": text, "role": role, "name": name}}

    @staticmethod
    def priority(priority, did, impact, next_steps):
        return {
            "type": "priority_report",
            "value": {"priority": priority, "what_we_did": did, "impact": impact, "next_steps": next_steps},
        }


def _add(report, by, number, title, blocks, requirements=(), parent=None):
    section = services.add_section(report, title=title, number_label=number, body=blocks, by=by, parent=parent)
    if requirements:
        ids = Requirement.objects.filter(edition=report.edition, code__in=requirements).values_list("pk", flat=True)
        services.set_requirement_tags(section, requirement_ids=list(ids), by=by)
    return section


def build_2024_25(partnership, editor):
    b = Builder(partnership)
    report = services.create_report(
        partnership,
        year="2024-25",
        title="Annual report 2024-25",
        subtitle="Hartlepool and Stockton-on-Tees Safeguarding Children Partnership",
        by=editor,
    )
    _add(
        report,
        editor,
        "1",
        "Introduction",
        [
            b.text(
                "This report tells the people of Hartlepool and Stockton-on-Tees what the four lead safeguarding "
                "partners and the agencies working with them did in 2024-25, and how well it worked.",
                "It was a year of renewal. A health check led by our independent scrutineer in the first half of "
                "the year found a partnership in good shape and ready for Working Together 2023. We rewrote our "
                "multi-agency safeguarding arrangements, published them in December 2024 and started working to "
                "them in January 2025.",
            )
        ],
        ["activity-effectiveness"],
    )
    _add(
        report,
        editor,
        "2",
        "Hartlepool in figures",
        [
            b.tiles(
                "Hartlepool at a glance",
                [
                    [("children_under_18", "Hartlepool", "children and young people under 18")],
                    [("child_poverty_pct", "Hartlepool", "of children live in poverty")],
                    [("fsm_primary_pct", "Hartlepool", "of primary pupils receive free school meals")],
                ],
                compare="england",
            ),
            b.text(
                f"Hartlepool has {b.fig('children_under_18', 'Hartlepool')} children. Child poverty, at "
                f"{b.fig('child_poverty_pct', 'Hartlepool')}, is well above the England figure, and it shapes the "
                "risks children meet and the help their families need."
            ),
            b.chart(
                "Child poverty in Hartlepool compared with England", ["child_poverty_pct"], "england", ["Hartlepool"]
            ),
        ],
    )
    _add(
        report,
        editor,
        "3",
        "Stockton-on-Tees in figures",
        [
            b.tiles(
                "Stockton-on-Tees at a glance",
                [
                    [("children_under_18", "Stockton-on-Tees", "children and young people under 18")],
                    [("child_poverty_pct", "Stockton-on-Tees", "of children live in poverty")],
                    [("ehe_children", "Stockton-on-Tees", "children are educated at home")],
                ],
                compare="last_year",
            ),
            b.chart(
                "Primary pupils on free school meals in Stockton-on-Tees compared with England",
                ["fsm_primary_pct"],
                "england",
                ["Stockton-on-Tees"],
            ),
        ],
    )
    snapshot = _add(
        report,
        editor,
        "4",
        "Safeguarding snapshot",
        [
            b.text(
                "These are the figures the partners approved for the year. Each compares the two areas and, "
                "where the figure was collected then, 2021-22."
            ),
            b.figures_table(
                "Children's social care in both areas",
                ["referrals", "re_referrals_pct", "cin_open", "cp_plans", "looked_after"],
            ),
            b.chart("Referrals to children's social care", ["referrals"]),
            b.chart("Children on a child protection plan, by area", ["cp_plans"], "areas"),
            b.chart("Children looked after", ["looked_after"]),
        ],
        ["impact-outcomes"],
    )
    _add(
        report,
        editor,
        "4.1",
        "Missing children and domestic abuse",
        [
            b.tiles(
                "Missing from home and care",
                [
                    [
                        ("missing_episodes", "Hartlepool", "missing episodes by"),
                        ("missing_young_people", "Hartlepool", "young people in Hartlepool"),
                    ],
                    [
                        ("missing_episodes", "Stockton-on-Tees", "missing episodes by"),
                        ("missing_young_people", "Stockton-on-Tees", "young people in Stockton-on-Tees"),
                    ],
                ],
            ),
            b.chart("Missing episodes", ["missing_episodes"]),
            b.chart("Cases heard at MARAC, by area", ["marac_cases"], "areas"),
        ],
        parent=snapshot,
    )
    _add(
        report,
        editor,
        "5",
        "How the partnership works",
        [
            b.text(
                "The four lead safeguarding partners (both councils, Cleveland Police and the NHS integrated care "
                "board) share equal responsibility for the arrangements. Their chief executives set the direction; "
                "the executive of delegated partners meets every two months to deliver the business plan and to "
                "govern rapid reviews and practice reviews."
            ),
            {"type": "people_table", "value": {"caption": "Who leads the partnership", "show": "both"}},
        ],
        ["activity-effectiveness"],
    )
    _add(
        report,
        editor,
        "6",
        "Funding",
        [
            b.text(
                "The lead partners agreed to hold the budget at last year's level, each paying an equal share, "
                "with relevant agencies adding a smaller contribution."
            ),
            {
                "type": "funding_table",
                "value": {"caption": "Contributions to the partnership", "period": "this", "show_expenditure": True},
            },
        ],
        ["funding"],
    )
    _add(
        report,
        editor,
        "7",
        "Priority: engagement with children and young people",
        [
            b.priority(
                "Engagement with children and young people",
                "We finished the last part of the 2022-25 business plan. Young people from both towns met the "
                "delegated partners at two engagement events, and 32 focus groups in youth clubs and schools "
                "chose the subjects for a new website written by young people for young people.",
                "The scrutineer found the engagement highly effective: young people's own words, including their "
                "videos, changed the partnership's priorities from 2025.",
                "Keep young people's voice at the centre of the new trauma-informed priority.",
            ),
            b.quote("Hearing young people first hand will change how I plan my sessions.", "Youth worker"),
        ],
        ["child-family-voice", "impact-outcomes"],
    )
    _add(
        report,
        editor,
        "8",
        "Priority: strengthening assurance",
        [
            b.priority(
                "Strengthening assurance",
                "The Tees procedures group rewrote the procedure for professional challenge and escalation and "
                "added an online form, so that escalations can be counted and reported.",
                "A deep dive into the procedure gave strong assurance about multi-agency practice.",
                "The new performance and quality framework starts collecting its data in the first quarter of "
                "2025-26; until then evidence of impact on outcomes rests on audits, not data. This is the area "
                "where progress was slowest.",
            ),
        ],
        ["little-progress"],
    )
    _add(
        report,
        editor,
        "9",
        "Priority: harm outside the home",
        [
            b.priority(
                "Harm outside the home (with South Tees)",
                "Following a Tees-wide scrutiny review of child exploitation arrangements, we developed a shared "
                "strategy from July to December 2024 and put it into practice from January to March 2025.",
                "603 people attended the launch briefings. The review phase, April to October 2025, will gather the "
                "evidence of impact through audits, observation and the views of people with lived experience.",
                "A development day in October 2025 will shape the priority for 2025-27.",
            ),
            b.chart("Children at risk of criminal exploitation", ["cce_risk"]),
        ],
        ["impact-outcomes"],
    )
    _add(
        report,
        editor,
        "10",
        "Learning from reviews",
        [
            b.tiles(
                "Reviews this year",
                [
                    [("serious_incident_notifications", None, "serious incidents notified")],
                    [("rapid_reviews", None, "rapid reviews")],
                    [("lcsprs", None, "practice reviews live")],
                ],
            ),
            {
                "type": "case_review",
                "value": {
                    "title": "Rapid reviews 2024-25",
                    "context": "Four cases were notified as serious incidents and the Engine Room reviewed each. "
                    "Governance meetings decided that one will become a local child safeguarding practice review, "
                    "starting in April 2025.",
                    "themes": "Seeing behaviour as communication\nChildhood trauma\nProfessional curiosity",
                    "changes": "Learning went to practitioners through Learning from Reviews briefings, and the "
                    "trauma theme became the partnership's new priority.",
                },
            },
        ],
        ["practice-reviews"],
    )
    _add(
        report,
        editor,
        "11",
        "Training and development",
        [
            b.tiles(
                "Training snapshot",
                [
                    [
                        ("training_sessions", None, "multi-agency sessions covering"),
                        ("training_subject_areas", None, "subjects"),
                    ],
                    [("training_attendees", None, "people attended")],
                    [("elearning_completions", None, "e-learning sessions completed")],
                ],
                compare="last_year",
            ),
            b.chart("People attending multi-agency training", ["training_attendees"]),
            {
                "type": "learning_event",
                "value": {
                    "what": "Neglect active learning event",
                    "when": "2024-25",
                    "attendance": "",
                    "description": "Practitioners worked through the partnership's neglect learning together.",
                    "evaluation": [{"figure": b.ref("neglect_event_attendees"), "words": "practitioners took part"}],
                    "quotes": [
                        {"text": "It made me think about different approaches.", "role": "Practitioner"},
                        {"text": "Hard-hitting and thought-provoking.", "role": "Conference delegate"},
                    ],
                },
            },
            b.quote(
                "I now feel able to spot high-risk domestic abuse and know when a case should go to MARAC.",
                "Practitioner after domestic abuse training",
            ),
        ],
        ["impact-outcomes"],
    )
    _add(
        report,
        editor,
        "12",
        "Communication and engagement",
        [
            b.tiles(
                "Reaching people",
                [
                    [("website_users", None, "website users")],
                    [("facebook_views", None, "views on Facebook")],
                    [("bulletin_recipients", None, "partner contacts receive our bulletins")],
                ],
            ),
            b.chart("Website users", ["website_users"]),
        ],
        ["child-family-voice"],
    )
    _add(
        report,
        editor,
        "13",
        "Independent scrutiny",
        [
            b.html(
                "<h3>Strengths</h3><ul><li>Shared leadership and clear lines of accountability.</li>"
                "<li>A health check that found a highly effective partnership.</li>"
                "<li>Engagement with young people that changed the priorities.</li></ul>"
                "<h3>To develop</h3><ul><li>Using the new performance and quality framework to show how learning "
                "changes outcomes for children.</li></ul>"
            ),
            {"type": "page_break", "value": {}},
            {
                "type": "statement",
                "value": {
                    "heading": "The independent scrutineer's statement",
                    "text": "I have scrutinised the partnership's work for 2024-25 and am assured that its arrangements "
                    "are effective and well led, and that it knows where it must improve next.",
                    "signatory": "The Independent Scrutineer",
                    "post": "Independent Scrutineer, HSSCP",
                    "date": "2025-04-30",
                },
            },
        ],
        ["independent-scrutiny", "activity-effectiveness"],
    )
    _add(
        report,
        editor,
        "14",
        "Next steps",
        [
            b.text("Our priorities for 2025-26 are a trauma-informed partnership and harm outside the home."),
            {
                "type": "action_plan",
                "value": {
                    "caption": "Trauma-informed partnership: business plan 2025-28",
                    "rows": [
                        {
                            "phase": "1 Development",
                            "what": "Agree principles and a definition",
                            "how": "Baseline and youth voice",
                            "who": "Priorities sub-group",
                            "when": "May to September 2025",
                            "progress": "First meeting held",
                            "rag": "green",
                        },
                        {
                            "phase": "2 Implementation",
                            "what": "Trauma-informed practice across agencies",
                            "how": "Training and toolkits",
                            "who": "Executive",
                            "when": "From October 2025",
                            "progress": "Not started",
                            "rag": "amber",
                        },
                        {
                            "phase": "Assurance",
                            "what": "Performance data from the new framework",
                            "how": "Quarterly dataset",
                            "who": "Performance sub-group",
                            "when": "Q1 2025-26",
                            "progress": "Data not yet flowing",
                            "rag": "red",
                        },
                    ],
                },
            },
        ],
        ["little-progress"],
    )
    return report


def build_2021_22(partnership, editor):
    b = Builder(partnership)
    report = services.create_report(
        partnership,
        year="2021-22",
        title="Annual report 2021-22",
        subtitle="Hartlepool and Stockton-on-Tees Safeguarding Children Partnership",
        by=editor,
    )
    _add(
        report,
        editor,
        "1",
        "Foreword",
        [
            b.text(
                "In its third year the partnership appointed an independent chair and scrutineer, commissioned a "
                "review of the response to domestic abuse across Cleveland and set up a multi-agency child "
                "exploitation hub."
            )
        ],
        ["activity-effectiveness"],
    )
    _add(
        report,
        editor,
        "2",
        "Our areas",
        [
            b.tiles(
                "Children in our areas",
                [
                    [("children_under_18", "Hartlepool", "children in Hartlepool")],
                    [("children_under_18", "Stockton-on-Tees", "children in Stockton-on-Tees")],
                ],
            ),
            b.chart("Child poverty compared with England", ["child_poverty_pct"], "england"),
        ],
    )
    _add(
        report,
        editor,
        "3",
        "Priorities",
        [
            b.priority(
                "Partnership effectiveness, governance and engagement",
                "We reviewed how the partnership is run, recruited an independent chair and scrutineer and "
                "changed how reviews are organised.",
                "The new chair tests whether review recommendations are put into practice.",
                "Neglect becomes the overarching priority for 2022-23.",
            ),
            b.priority(
                "Domestic abuse",
                "SafeLives reviewed domestic abuse and MARAC processes across Tees; a task group reviewed our "
                "training and tools.",
                "The review's recommendations set the work for 2022-23.",
                "Put the SafeLives recommendations into practice.",
            ),
        ],
        ["impact-outcomes", "little-progress"],
    )
    _add(
        report,
        editor,
        "4",
        "Learning from reviews",
        [
            {
                "type": "case_review",
                "value": {
                    "title": "Child O and Child Q",
                    "context": "Two local child safeguarding practice reviews were completed during the year.",
                    "themes": "Understanding the child's lived experience\nSharing information between agencies",
                    "changes": "Learning was shared with practitioners and multi-agency audits test that practice "
                    "has changed.",
                },
            }
        ],
        ["practice-reviews"],
    )
    _add(
        report,
        editor,
        "5",
        "Training",
        [
            b.tiles(
                "Training",
                [[("training_sessions", None, "sessions")], [("training_attendees", None, "people attended")]],
            )
        ],
        ["impact-outcomes"],
    )
    return report


def load(partnership, *, editor):
    """The demo reports; a year that already has a report is left as it is."""
    services.load_requirements()
    years = {str(y) for y in Report.objects.filter(partnership=partnership).values_list("year", flat=True)}
    if "2021-22" not in years:
        build_2021_22(partnership, editor)
    if "2024-25" not in years:
        build_2024_25(partnership, editor)
    if "2025-26" not in years:
        last = Report.objects.get(partnership=partnership, year="2024-25")
        services.start_from_last_year(last, by=editor, title="Annual report 2025-26")
