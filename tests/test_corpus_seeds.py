"""The loader on the five real seed articles: every body paragraph survives, every boilerplate line goes."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from conftest import SEEDS, sentence_with

# Every line of each seed that is NOT article body (hand-listed from the raw files).
BOILERPLATE = {
    "000_7a1cdc4cf052a761": [
        "Updated by Faith Barbara N Ruhinda at 1508 EAT on Thursday 5 February 2026",
        "Advert.",
        "Source: BBC",
        "Invest or Donate towards HICGI New Agency Global Media Establishment – Watch video here",
        "Email: editorial@hicginewsagency.com TalkBusiness@hicginewsagency.com WhatsApp +256713137566",
        "Follow us on all social media, type “HICGI News Agency” .",
        "Leave a comment",
    ],
    "001_fdcf5c40121fcd5d": [
        "Dark Mode", "Thursday, 05 February 2026", "Logo", "AdSense Advertisement", "Advertisement",
        "By The South Asia Times", "Comment / Reply From",
    ],
    "002_7aa7fbe0e816b3d0": [
        "#ChinaUSRelations #XiJinping #DonaldTrump #TaiwanIssue #TradeTalks #GlobalEconomy #RareEarths "
        "#USChinaTrade #Geopolitics #InternationalRelations #WorldNews #AsiaPacific",
    ],
    "003_112340eac45120b9": [
        "Chinese leader Xi Jinping expressed hope that bilateral issues could be resolved amicably between "
        "the world’s two largest economies. (EPA Images pic)",
    ],
    "004_98f127979d69c2d2": [
        "Comments", "Popular posts from this blog",
        "Israel Moves To Shut Down Al Jazeera After A New Law Permits The Banning Of International Media "
        "Deemed A security Threat",
        "Kamala Harris Has More Billionaires Openly Backing Her Than Trump (But Many Are Staying Silent)",
        "Lando Norris: From Horseback To Pole Position - Inside The Rise Of F1's Newest Sensation",
    ],
}
DATELINES = {"001_fdcf5c40121fcd5d": "BEIJING - ", "003_112340eac45120b9": "BEIJING : "}


def raw_lines(doc_id: str) -> list[str]:
    text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("doc_id", sorted(BOILERPLATE))
def test_every_body_paragraph_survives(seed_corpus, doc_id):
    text = seed_corpus.articles.set_index("doc_id").loc[doc_id, "text"]
    paragraphs = text.split("\n\n")
    body = [line for line in raw_lines(doc_id) if line not in BOILERPLATE[doc_id]]
    assert body, doc_id
    for line in body:
        expected = line.removeprefix(DATELINES.get(doc_id, "\0"))
        assert expected in paragraphs, f"{doc_id}: body paragraph lost: {line[:80]!r}"
    # nothing else was added, and the repeated headline appears once
    assert len(paragraphs) == len(dict.fromkeys(body))


@pytest.mark.parametrize("doc_id", sorted(BOILERPLATE))
def test_every_boilerplate_line_is_gone_and_reported(seed_corpus, doc_id):
    text = seed_corpus.articles.set_index("doc_id").loc[doc_id, "text"]
    paragraphs = set(text.split("\n\n"))
    removed = seed_corpus.removed[seed_corpus.removed.doc_id == doc_id]
    for line in BOILERPLATE[doc_id]:
        assert line not in paragraphs, f"{doc_id}: boilerplate kept: {line!r}"
        assert line in set(removed.text), f"{doc_id}: removal of {line!r} not reported"
    assert "Advert" not in text and "Comment / Reply" not in text and "#ChinaUSRelations" not in text


def test_removed_lines_carry_categories(seed_corpus):
    cats = seed_corpus.removed.groupby("category").size().to_dict()
    for category in ("ad", "chrome", "comments", "related", "donation", "contact", "social", "hashtag",
                     "caption", "credit", "byline", "duplicate"):
        assert cats.get(category, 0) >= 1, category
    repeated = seed_corpus.removed[seed_corpus.removed.category == "duplicate"]
    assert repeated.text.tolist() == ["Xi warns US on Taiwan, calls for ‘mutual respect’ in phone talks with Trump"]


def test_inferred_metadata(seed_corpus):
    a = seed_corpus.articles.set_index("doc_id")
    assert a.loc["000_7a1cdc4cf052a761", "byline"] == "Faith Barbara N Ruhinda"
    assert a.loc["000_7a1cdc4cf052a761", "credit"] == "BBC"
    assert a.loc["000_7a1cdc4cf052a761", "title"] == "Xi Urges Trump to Act Prudently on US Arms Sales to Taiwan"
    assert a.loc["001_fdcf5c40121fcd5d", "dateline"] == "BEIJING"
    assert a.loc["001_fdcf5c40121fcd5d", "byline"] == "The South Asia Times"
    assert a.loc["003_112340eac45120b9", "dateline"] == "BEIJING"
    assert a.loc["003_112340eac45120b9", "title"] is None  # first line was a photo caption
    assert a.loc["002_7aa7fbe0e816b3d0", "title"] is None  # starts straight with the lede
    assert a.loc["004_98f127979d69c2d2", "title"] == "Trump Discusses US-China Relations In Call With Xi Jinping"
    assert a.loc["003_112340eac45120b9", "text"].startswith("Chinese leader Xi Jinping called Wednesday")


def test_sidecar_metadata_and_events(seed_corpus):
    a = seed_corpus.articles.set_index("doc_id")
    assert a.loc["000_7a1cdc4cf052a761", "outlet"] == "HICGI News Agency"
    assert a.loc["001_fdcf5c40121fcd5d", "published"] == pd.Timestamp("2026-02-05")
    assert pd.isna(a.loc["002_7aa7fbe0e816b3d0", "published"])
    events = a.groupby("event").size().to_dict()
    assert events == {"xi-trump-call-2026-02-04": 3, "xi-trump-call-2025-11": 1, "xi-trump-call-2025-01": 1}
    assert a["notes"].str.len().min() > 50  # every value is explained


def test_raw_seed_files_are_untouched(seeds_dir):
    shared = SEEDS.parents[2].parent / "shared" / "seed-corpus"
    if not shared.exists():
        pytest.skip("../shared/seed-corpus not beside this checkout")
    for src in sorted(shared.glob("*.txt")):
        mine = seeds_dir / src.name
        assert hashlib.sha256(mine.read_bytes()).digest() == hashlib.sha256(src.read_bytes()).digest()


def test_sentence_offsets_positions_and_paragraphs(seed_corpus):
    texts = seed_corpus.articles.set_index("doc_id")["text"]
    for row in seed_corpus.sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    s = seed_corpus.sentences
    heads = s[s.position == "headline"]
    assert sorted(heads.doc_id) == ["000_7a1cdc4cf052a761", "001_fdcf5c40121fcd5d", "004_98f127979d69c2d2"]
    lede = sentence_with(s, "003_112340eac45120b9", "called Wednesday for")
    assert (lede.position, lede.para_id, lede.sent_id) == ("lede", 0, 0)
    # "Xi warned. China has long vowed..." is two sentences of one paragraph
    warned = sentence_with(s, "000_7a1cdc4cf052a761", "Xi warned.")
    vowed = sentence_with(s, "000_7a1cdc4cf052a761", "China has long vowed")
    assert warned.para_id == vowed.para_id and vowed.sent_id == warned.sent_id + 1
    assert s.groupby("doc_id").sent_id.apply(lambda x: list(x) == list(range(len(x)))).all()


def test_quotes_on_seeds(seed_corpus):
    q = seed_corpus.quotes
    assert q.closed.all()
    q0 = q[q.doc_id == "001_fdcf5c40121fcd5d"].text.tolist()
    assert "mutual respect" in q0  # the ‘single-quoted’ headline phrase
    assert "never allow" in q0
    assert not any("China’s" in t and t.startswith("s ") for t in q.text)  # apostrophes are not quotes
