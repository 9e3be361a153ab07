"""Every shipped cleaning rule removes a line it must remove and keeps a similar line it must keep."""

from __future__ import annotations

import pytest

from framing.config import load_boilerplate_rules
from framing.corpus import clean_text

CASES = {  # rule id: (a line the rule must remove, a similar line of news it must keep)
    "ad-advert": ("Advertisement", "The advertisement campaign drew criticism from regulators."),
    "ad-sponsored": ("Story continues below advertisement", "The event was sponsored by the city council."),
    "chrome-dark-mode": ("Dark mode", "Officials switched to a dark mode of operation, one aide said."),
    "chrome-logo": ("Logo", "The new logo was unveiled on Monday."),
    "chrome-menu": ("Subscribe", "Readers can subscribe to the newsletter online, the paper said."),
    "chrome-date-banner": ("Thursday, 5 February 2026", "On Thursday, 5 February 2026, the leaders spoke."),
    "comments-reply": ("Comment / Reply from", "No comment was given by the ministry."),
    "comments-heading": ("12 Comments", "Comments by the minister drew criticism."),
    "comments-leave": ("Leave a comment", "Leave a comment on the policy, the minister urged residents."),
    "comments-popular": ("Related articles", "Related articles of the treaty were signed later."),
    "related-read-more": ("Read more: Talks resume in Geneva", "Read more about the talks in the statement."),
    "donation": ("Donate to support our journalism", "Donations to the fund rose sharply last year."),
    "contact-email": ("Email: news@example.org", "Email exchanges between the two offices were released."),
    "social-follow": ("Follow us on Twitter", "Follow-up talks are planned for March."),
    "hashtags": ("#China #Trade", "The #1 exporter is China, data show."),
    "caption-credit": ("Xi Jinping and Donald Trump (File photo)", "The photo (taken in 2019) shows the two men."),
    "caption-photo": ("Photo: Reuters", "Photos of the meeting circulated widely online."),
    "credit-source": ("Source: BBC", "The source said the talks were tense."),
    "byline-updated": ("Updated by Jane Doe at 1508 EAT", "The report was updated by the agency on Friday."),
    "byline-by": ("By Jane Doe", "By Friday, the talks had stalled."),
}
RULES = load_boilerplate_rules()


def test_every_shipped_rule_has_a_case():
    assert set(CASES) == {rule.id for rule in RULES.rules}


def _article(line: str) -> str:
    return f"Leaders meet on trade\n\nThe first paragraph of the story.\n\n{line}\n\nThe last paragraph of the story."


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_removes_its_line_and_keeps_a_similar_one(rule_id):
    remove, keep = CASES[rule_id]
    cleaned = clean_text(_article(remove), rules=RULES)
    assert rule_id in {r["rule"] for r in cleaned.removed}, rule_id
    assert remove not in cleaned.paragraphs
    kept = clean_text(_article(keep), rules=RULES)
    assert keep in kept.paragraphs and not {r["rule"] for r in kept.removed}, (rule_id, kept.removed)
