"""Attribution patterns of real news, each on a sentence written for it (none from the seeds or PolNeAR):
where the speaker stands, how far the attributed words reach, who a pronoun or a role is, and that no
attribution names a person its article does not mention."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from framing import load_corpus
from framing.config import load_actors
from framing.extract import extract_attributions


def attributions(tmp_path, text: str, *, published: str = "", name: str = "a") -> pd.DataFrame:
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.txt").write_text("Headline here\n\n" + text, encoding="utf-8")
    corpus = load_corpus(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_attributions(corpus.sentences, quotes=corpus.quotes,
                                    published={name: published} if published else None)


def rows(frame: pd.DataFrame, *cols: str) -> list[tuple]:
    return [tuple(r) for r in frame[list(cols)].itertuples(index=False)]


# --- where the attributed words are -----------------------------------------------------------------------

@pytest.mark.parametrize("sentence, speaker, content", [
    ("The plant will close in March, officials said.", "officials", "The plant will close in March"),
    ("The plant will close in March, officials said on Tuesday in a statement.", "officials",
     "The plant will close in March"),
    ("The vote was close, the mayor told reporters.", "the mayor", "The vote was close"),
    ("Water rates will rise, a spokesman for the utility said.", "a spokesman for the utility",
     "Water rates will rise"),
])
def test_sentence_final_attribution_takes_the_words_before_the_speaker(tmp_path, sentence, speaker, content):
    a = attributions(tmp_path, sentence)
    assert rows(a, "speaker", "content", "quote_type") == [(speaker, content, "indirect")]


def test_parenthetical_attribution_joins_both_halves(tmp_path):
    a = attributions(tmp_path, "Judging a race by the polls, Ms. Stevens said, is like reading tea leaves.")
    assert rows(a, "speaker", "content") == [
        ("Ms. Stevens", "Judging a race by the polls is like reading tea leaves")]


def test_addressee_and_adverbs_before_that_are_not_content(tmp_path):
    a = attributions(tmp_path, "Ruiz told council members that the budget was short. "
                               "Ruiz said repeatedly that he would not resign.")
    assert a["content"].tolist() == ["the budget was short", "he would not resign"]


@pytest.mark.parametrize("text, quote", [
    ("''We are not done,'' Mr. Ortega said.", "We are not done"),   # typewriter doubles
    ("``We are not done,'' Mr. Ortega said.", "We are not done"),
    ("Mr. Ortega said: “We are not done.”", "We are not done."),    # a colon before the quotation
])
def test_quote_styles_and_colon_quotes(tmp_path, text, quote):
    a = attributions(tmp_path, text)
    assert rows(a, "speaker", "quote_type") == [("Mr. Ortega", "direct")]
    assert a["content"].iloc[0].rstrip(",") == quote


def test_a_quotation_going_on_after_the_cue_is_one_content(tmp_path):
    a = attributions(tmp_path, "“We agree,” Ms. Lund said, “on almost everything.”")
    assert rows(a, "speaker", "content") == [("Ms. Lund", "We agree on almost everything.")]


def test_quotations_before_and_after_a_cue_and_across_paragraphs_keep_their_speaker(tmp_path):
    a = attributions(tmp_path, "“The bridge is unsafe.” “We will close it,” Ms. Lund said.\n\n"
                               "“It reopens in May.”\n\nTraffic was heavy on Friday.")
    assert rows(a, "sent_id", "speaker_id", "cue") == [
        (1, "Ms. Lund", ""), (2, "Ms. Lund", "said"), (3, "Ms. Lund", "")]


def test_a_quotation_running_on_to_its_own_cue_is_not_continued(tmp_path):
    a = attributions(tmp_path, "“We agree,” Ms. Lund said.\n\n“Nobody asked us. Not once,” Mr. Park said.")
    assert rows(a, "speaker_id", "cue") == [("Ms. Lund", "said"), ("Mr. Park", "said")]


# --- who speaks --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Joe Maloy, a Republican from the Concord area, said he would vote.", "Joe Maloy"),
    ("Chris Covert, South Carolina director for the campaign, said turnout was up.", "Chris Covert"),
    ("Sen. Ann Bell (D-Ore.) said the bill would pass.", "Sen. Ann Bell"),
    ("“It is over,” said Kim Wells, a schoolteacher in Augusta.", "Kim Wells"),
    ("Several senators said the bill would pass.", "Several senators"),
    ("The union's lawyers said the strike was legal.", "The union's lawyers"),
])
def test_speakers_written_before_or_after_the_cue(tmp_path, text, speaker):
    a = attributions(tmp_path, text)
    assert a["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, kind", [
    ("Officials said the plant would close.", "anonymous"),
    ("A source familiar with the talks said the deal was near.", "anonymous"),
    ("Two people briefed on the matter said the deal was near.", "anonymous"),
    ("A statement from the company said the plant would close.", "document"),
    ("Anna Ruiz said the plant would close.", "named_person"),
])
def test_anonymous_sources_and_source_types(tmp_path, text, kind):
    a = attributions(tmp_path, text)
    assert a["speaker_type"].tolist() == [kind]


def test_mentions_of_one_person_merge_to_the_fullest_name(tmp_path):
    a = attributions(tmp_path, "Former Director James B. Comey testified on Tuesday.\n\n"
                               "Comey said the inquiry was open. Mr. Comey added that it would go on.")
    assert a["speaker"].tolist() == ["Comey", "Mr. Comey"]
    assert a["speaker_id"].tolist() == ["James B. Comey", "James B. Comey"]


def test_a_surname_two_people_share_is_not_merged_without_a_first_name(tmp_path):
    a = attributions(tmp_path, "Ana Lopez and Carlos Lopez run the shop.\n\n"
                               "Lopez said sales were down. Ana Lopez said the rent had doubled.")
    assert a["speaker_id"].tolist() == ["Lopez", "Ana Lopez"]


def test_pronouns_resolve_to_the_nearest_fitting_person_the_article_names(tmp_path):
    a = attributions(tmp_path, "Mr. Okafor arrived late. Lisa Monaco, a former adviser, said the timing was odd. "
                               "She said the bureau must explain.\n\n“We will look at everything,” he said.")
    assert rows(a, "speaker", "speaker_id", "speaker_type") == [
        ("Lisa Monaco", "Lisa Monaco", "named_person"), ("She", "Lisa Monaco", "named_person"),
        ("he", "Okafor", "named_person")]


def test_a_pronoun_with_no_person_before_it_stays_unresolved(tmp_path):
    a = attributions(tmp_path, "“We will look at everything,” he said.")
    assert rows(a, "speaker_id", "speaker_type") == [("he", "unresolved")]


def test_a_role_resolves_by_the_articles_date(tmp_path):
    text = "The secretary of state said the talks would resume."
    by_date = {d: attributions(tmp_path, text, published=d, name=f"d{i}")["speaker_id"].tolist()
               for i, d in enumerate(["2010-06-01", "2014-06-01", "2025-06-01", ""])}
    assert by_date == {"2010-06-01": ["Hillary Clinton"], "2014-06-01": ["John Kerry"],
                       "2025-06-01": ["Marco Rubio"], "": ["The secretary of state"]}


def test_no_attribution_names_an_actor_the_article_does_not_mention(tmp_path):
    """Undated titles ("the president", "Vice President") stand for an actor only where the article names it;
    on US news that never mentions Xi or Han Zheng, no row may credit them."""
    text = ("Vice President Biden visited the plant on Monday, saying jobs were coming back.\n\n"
            "The president said the economy was growing. Chinese leaders said nothing.")
    a = attributions(tmp_path, text)
    named = set(a["speaker_id"])
    actors = load_actors()
    assert not named & {"Xi Jinping", "Han Zheng"}
    assert all(s not in actors.by_id or s in {"Joe Biden"} for s in named), named


# --- which cues ------------------------------------------------------------------------------------------

def test_a_cue_inside_anothers_words_with_a_pronoun_is_folded_in(tmp_path):
    a = attributions(tmp_path, "Sexton said he thinks the plan will fail.")
    assert rows(a, "cue", "content") == [("said", "he thinks the plan will fail")]


def test_a_named_source_inside_anothers_words_is_its_own_row(tmp_path):
    a = attributions(tmp_path, "Bessent revealed that Washington hopes to sign a deal.")
    assert a["cue_lemma"].tolist() == ["reveal", "hope"]


def test_cues_are_lower_case_inside_a_sentence_but_not_in_a_title_case_headline(tmp_path):
    a = attributions(tmp_path, "The Trump Show was on again. Farmers Warn Of Rising Costs")
    assert a["cue"].tolist() == ["Warn"]


@pytest.mark.parametrize("text, lemma, cue_class", [
    ("Ms. Ruiz argued the rules were unfair.", "argue", "neutral"),
    ("Ms. Ruiz conceded the rules were fair.", "concede", "concession"),
    ("Ms. Ruiz criticized the rules as unfair.", "criticize", "critical"),
    ("Ms. Ruiz believes the rules are unfair.", "believe", "belief"),
    ("Ms. Ruiz tweeted that the rules were unfair.", "tweet", "neutral"),
    ("A new poll shows the rules are unpopular.", "show", "neutral"),
])
def test_the_wider_cue_list_keeps_each_cues_class(tmp_path, text, lemma, cue_class):
    a = attributions(tmp_path, text)
    assert rows(a, "cue_lemma", "cue_class") == [(lemma, cue_class)]


def test_according_to_is_a_cue_of_its_own_when_nothing_else_attributes(tmp_path):
    a = attributions(tmp_path, "The plant will close in March, according to two people briefed on the plan.")
    assert rows(a, "speaker", "cue", "content", "speaker_type") == [
        ("two people briefed on the plan", "according to", "The plant will close in March", "anonymous")]


@pytest.mark.parametrize("text, speaker, content, quote_type", [
    ("Sorry, Mr. Park said.", "Mr. Park", "Sorry", "indirect"),
    ("Turnout will be low, said Ana Ruiz, a county clerk.", "Ana Ruiz", "Turnout will be low", "indirect"),
    ("The plan may be “strategic,” said Ana Ruiz.", "Ana Ruiz", "The plan may be “strategic,”", "mixed"),
    ("“We will win,” said a senior campaign adviser.", "a senior campaign adviser", "We will win", "direct"),
    ("“We will win,” the candidate said.", "the candidate", "We will win", "direct"),
    ("Rep. Tom Cole of Oklahoma, an ally of the leadership, said the vote would hold.", "Rep. Tom Cole",
     "the vote would hold", "indirect"),
])
def test_more_speaker_and_content_shapes(tmp_path, text, speaker, content, quote_type):
    a = attributions(tmp_path, text)
    assert rows(a, "speaker", "content", "quote_type") == [(speaker, content, quote_type)]


def test_a_quotation_after_a_colon_runs_over_its_sentences(tmp_path):
    a = attributions(tmp_path, "Ms. Lund said: “The bridge is unsafe. We will close it.”")
    assert rows(a, "speaker", "content", "quote_type") == [
        ("Ms. Lund", "The bridge is unsafe. We will close it.", "direct")]


def test_a_participle_takes_the_name_that_opens_the_sentence(tmp_path):
    a = attributions(tmp_path, "Ana Ruiz released a statement on Monday, saying the plant would close.")
    assert rows(a, "speaker", "cue", "content") == [("Ana Ruiz", "saying", "the plant would close")]


@pytest.mark.parametrize("text, speaker, content", [
    ("Lynch: No outside influence on the inquiry", "Lynch", "No outside influence on the inquiry"),
    ("TAPPER: And you think the race is over?", "TAPPER", "And you think the race is over?"),
])
def test_a_speaker_label_before_a_colon(tmp_path, text, speaker, content):
    a = attributions(tmp_path, "The hearing went on for hours.\n\n" + text)
    assert rows(a, "speaker", "cue", "content") == [(speaker, ":", content)]


@pytest.mark.parametrize("text", ["Update: The vote was moved to Friday.", "Watch: The full interview.",
                                  "In Ohio: turnout was low."])
def test_labels_that_name_no_one_are_not_speakers(tmp_path, text):
    assert attributions(tmp_path, text).empty


def test_a_coordinated_verb_ends_the_content(tmp_path):
    a = attributions(tmp_path, "Cross called the election “a citizenship election” and likened it to 1964.")
    assert rows(a, "cue", "content") == [("called", "the election “a citizenship election”")]


@pytest.mark.parametrize("text", ["The October report exceeded forecasts.", "Rubio: Finish second.",
                                  "Contributing: Grant Miller, Anna Ruiz and Li Wei."])
def test_nouns_and_lists_are_not_attributions(tmp_path, text):
    assert attributions(tmp_path, text).empty


def test_a_speaker_phrase_after_the_last_comma_is_not_content(tmp_path):
    a = attributions(tmp_path, "Consumer sentiment rose again, the University of Michigan reported last week.")
    assert rows(a, "speaker", "content") == [("University of Michigan", "Consumer sentiment rose again")]


def test_they_is_never_one_person(tmp_path):
    a = attributions(tmp_path, "Xi Jinping met the delegates. They said the talks were useful.")
    assert rows(a, "speaker", "speaker_id", "speaker_type") == [("They", "they", "unresolved")]


def test_a_month_is_no_speaker(tmp_path):
    assert attributions(tmp_path, "Sales fell in the spring, and in June reported losses grew.").empty


@pytest.mark.parametrize("text", ["On Tuesday, Mr. Okafor deflected questions before saying the vote would hold.",
                                  "Here in Columbia, Mr. Okafor stepped up his criticism, saying the vote would hold."])
def test_a_participle_after_an_opening_phrase_takes_the_sentences_subject(tmp_path, text):
    a = attributions(tmp_path, text)
    assert rows(a, "speaker", "cue", "content") == [("Mr. Okafor", "saying", "the vote would hold")]


@pytest.mark.parametrize("text, speaker", [
    ("Six in 10 Virginia voters said the race was close.", "Six in 10 Virginia voters"),
    ("A woman who has accused him said the apology came late.", "A woman who has accused him"),
])
def test_the_clause_before_a_speech_cue_is_its_speaker_when_nothing_else_is(tmp_path, text, speaker):
    a = attributions(tmp_path, text)
    assert a["speaker"].tolist() == [speaker]


def test_the_clause_rule_is_for_speech_cues_only(tmp_path):
    assert attributions(tmp_path, "A woman who has accused him believes the apology came late.").empty


def test_a_quoted_title_after_a_preposition_is_not_speech(tmp_path):
    a = attributions(tmp_path, 'In an appearance on "Morning Joe," co-host Mika Brzezinski asked Trump how he '
                               'would pay for it.')
    assert rows(a, "speaker", "cue", "quote_type") == [("Mika Brzezinski", "asked", "indirect")]
    assert a["content"].iloc[0].startswith("Trump how he would pay")


def test_a_bare_cue_sentence_takes_the_quotation_that_ends_the_sentence_before(tmp_path):
    a = attributions(tmp_path, "“We will peel away the lies.” Mr. Viguerie said.")
    assert rows(a, "speaker", "cue", "content", "quote_type") == [
        ("Mr. Viguerie", "said", "We will peel away the lies.", "direct")]


@pytest.mark.parametrize("text, speaker, content", [
    ("Ben Carson told a crowded banquet hall at a hotel in downtown Baltimore that he is not giving up.",
     "Ben Carson", "he is not giving up"),
    ("But several GOP leaders on the ground told reporters that the visit went well.",
     "several GOP leaders on the ground", "the visit went well"),
    ("“He deserved it,” the assailant, John McGraw, told the program after the fight.", "John McGraw",
     "He deserved it"),
])
def test_long_addressees_clause_subjects_and_names_set_off_by_commas(tmp_path, text, speaker, content):
    a = attributions(tmp_path, text)
    assert rows(a, "speaker", "content") == [(speaker, content)]


@pytest.mark.parametrize("text, content", [
    ("He will go to the debate because, according to Ana Ruiz, the media would call him a coward.",
     "the media would call him a coward"),
    ("But according to interviews with his aides, he wants to campaign this fall.",
     "he wants to campaign this fall"),
])
def test_according_to_attributes_the_clause_it_introduces(tmp_path, text, content):
    a = attributions(tmp_path, text)
    assert rows(a, "cue", "content")[0] == ("according to", content)
    assert all(cue != "according to" for cue, _ in rows(a, "cue", "content")[1:])  # "he wants" may be its own


def test_according_to_is_a_row_beside_the_cue_it_hedges(tmp_path):
    a = attributions(tmp_path, "“I ask you not to protest,” Sanders said, according to CNN.")
    assert rows(a, "speaker", "cue", "content") == [
        ("CNN", "according to", "“I ask you not to protest,” Sanders said"),
        ("Sanders", "said", "I ask you not to protest")]
    assert set(a["hedge"]) == {"according to CNN"}


def test_a_cue_inside_according_to_is_not_one(tmp_path):
    a = attributions(tmp_path, "Most Americans, according to the National Academies report, favour immigration.")
    assert rows(a, "speaker", "cue") == [("the National Academies report", "according to")]


def test_a_title_case_headline_before_a_colon_is_no_speaker(tmp_path):
    assert attributions(tmp_path, "Stealth Over Health: Clinton skipped the hospital visit on Sunday").empty


def test_an_outlet_named_post_is_not_a_document(tmp_path):
    a = attributions(tmp_path, "The New York Post reports that the visit was skipped.")
    assert a["speaker"].tolist() == ["The New York Post"] and a["speaker_type"].tolist() != ["document"]


# --- round of 2026-11-24, night: outer cues, parentheticals, nested beliefs, split titles -----------------

@pytest.mark.parametrize("text, speaker, content", [
    ("Her press secretary, Dana Alvarez, said the senator backs the plan.", "Dana Alvarez",
     "the senator backs the plan"),
    ("The gazette, long a critic of the mayor, writes that the budget is a mess.", "The gazette",
     "the budget is a mess"),
    ("In both counties, about half of farmers say the subsidy came too late.", "about half of farmers",
     "the subsidy came too late"),
    ("She left early, but at least a dozen council members told The Ledger she would run again.",
     "at least a dozen council members", "she would run again"),
])
def test_speakers_in_appositions_and_quantities(tmp_path, text, speaker, content):
    a = attributions(tmp_path, text)
    assert rows(a, "speaker", "content") == [(speaker, content)]


def test_a_parenthetical_cue_attributes_both_sides(tmp_path):
    a = attributions(tmp_path, "Over time, most economists say, this tax would fall on renters.")
    assert rows(a, "speaker", "content") == [("most economists", "Over time this tax would fall on renters")]


def test_while_starts_a_second_attribution(tmp_path):
    a = attributions(tmp_path, "Some parents said the fee was fair, while other parents said it was steep.")
    assert rows(a, "speaker", "content") == [("Some parents", "the fee was fair"), ("other parents", "it was steep")]


@pytest.mark.parametrize("text", [
    "Mr. Ortiz said Ms. Lane believes the vote will pass.",
    "Mr. Ortiz said voters would find a way to pay.",
])
def test_a_belief_or_finding_inside_anothers_words_is_folded_in(tmp_path, text):
    a = attributions(tmp_path, text)
    assert a["cue"].tolist() == ["said"]


def test_continued_after_a_quotation_is_a_cue_but_not_continued_to(tmp_path):
    a = attributions(tmp_path, "“It is over,” she continued. Prices continued to rise that year.")
    assert rows(a, "speaker", "cue", "content") == [("she", "continued", "It is over")]


def test_an_infinitive_is_not_a_report(tmp_path):
    a = attributions(tmp_path, "“We will win,” said Rep. Ann Bell, the first member to endorse Ruiz.")
    assert rows(a, "speaker", "cue") == [("Rep. Ann Bell", "said")]


def test_a_quotation_after_a_participle_continues_the_speaker(tmp_path):
    a = attributions(tmp_path, "“Costs are too high,” Ms. Lane said, adding that rents rose. “Nobody can pay.”")
    assert rows(a, "speaker_id", "cue", "content")[-1] == ("Ms. Lane", "", "Nobody can pay.")


@pytest.mark.parametrize("text, n", [
    ("Sources have also said Lt. Gov. Eric Holcomb is interested.", 1),
    ("“It is a problem,” said Rep. Jim Clyburn (D-S.C.), a party leader. “We know it.”", 2),
])
def test_titles_and_party_tags_do_not_end_a_sentence(tmp_path, text, n):
    corpus_text = "Headline here\n\n" + text
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "s.txt").write_text(corpus_text, encoding="utf-8")
    assert len(load_corpus(folder).sentences) == 1 + n


@pytest.mark.parametrize("text, speaker, content", [
    ("At the hearing, the organizer of a pro-Ruiz rally said the rules invited violence.",
     "the organizer of a pro-Ruiz rally", "the rules invited violence"),
    ("One attendee, who like others asked not to be named, said the meeting was tense.", "One attendee",
     "the meeting was tense"),
    ("Dozens of nurses interviewed at the clinics, including Ms. Ortiz, said they felt ignored.",
     "Dozens of nurses interviewed at the clinics", "they felt ignored"),
    ("The survey found little change, with 62 percent of nurses saying pay is too low.",
     "62 percent of nurses", "pay is too low"),
])
def test_long_noun_phrase_speakers(tmp_path, text, speaker, content):
    a = attributions(tmp_path, text)
    assert rows(a, "speaker", "content")[-1] == (speaker, content)


def test_a_question_put_to_someone_is_no_source_of_its_own(tmp_path):
    a = attributions(tmp_path, "Asked if she believed the mayor wanted to resign, Ms. Ortiz said she did not know.")
    assert rows(a, "speaker", "cue", "content") == [("Ms. Ortiz", "said", "she did not know")]


@pytest.mark.parametrize("text, speaker, content", [
    ("Ortiz: I Still Believe The Mayor Can’t Be Trusted", "Ortiz", "I Still Believe The Mayor Can’t Be Trusted"),
    ("Union organizer Dana Ruiz: “We are not going anywhere.”", "Union organizer Dana Ruiz",
     "We are not going anywhere."),
])
def test_a_speaker_label_takes_the_cues_after_it(tmp_path, text, speaker, content):
    a = attributions(tmp_path, text)
    assert rows(a, "speaker", "cue", "content") == [(speaker, ":", content)]


@pytest.mark.parametrize("text, content", [
    ("Mr. Khan said on NBC's ''Meet the Press'' on Sunday that the mayor was wrong.", "the mayor was wrong"),
    ("Ms. Ortiz said she will not resign, but she has bristled at the criticism.", "she will not resign"),
])
def test_where_indirect_words_start_and_end(tmp_path, text, content):
    a = attributions(tmp_path, text)
    assert rows(a, "cue", "content") == [("said", content)]


def test_a_sentence_final_cue_is_not_nested_in_the_one_before(tmp_path):
    a = attributions(tmp_path, "Instead her boss told her he had booked a room, she said.")
    assert rows(a, "speaker", "cue", "content") == [("she", "said", "Instead her boss told her he had booked a room")]


@pytest.mark.parametrize("text, cue, content", [
    ("Ms. Ortiz called on the council to act.", "called on", "the council to act"),
    ("He talked about his plan for the port.", "talked about", "his plan for the port"),
    ("She spoke of her years in the mines.", "spoke of", "her years in the mines"),
])
def test_prepositional_verbs_of_speech(tmp_path, text, cue, content):
    a = attributions(tmp_path, text)
    assert rows(a, "cue", "content") == [(cue, content)]


def test_a_reporters_credit_line_and_a_negated_verb(tmp_path):
    a = attributions(tmp_path, "The campaign did not respond to a request for comment.\n\nAna Ruiz reported from Lima, Peru.")
    assert rows(a, "speaker", "cue") == [("The campaign", "respond")]


def test_a_quotation_inside_the_sentence_is_not_the_direct_quote_of_a_final_cue(tmp_path):
    a = attributions(tmp_path, 'Ortiz "felt a duty to act on" the housing crisis, Lane said.')
    assert rows(a, "speaker", "quote_type", "content") == [
        ("Lane", "mixed", 'Ortiz "felt a duty to act on" the housing crisis')]


def test_a_quotation_already_attributed_is_not_taken_again(tmp_path):
    a = attributions(tmp_path, "“I never said that,” Ruiz said, after host Ann Lee said the mayor had lied.")
    assert rows(a, "speaker", "quote_type", "content") == [
        ("Ruiz", "direct", "I never said that"), ("Ann Lee", "indirect", "the mayor had lied")]


def test_an_inverted_cue_after_a_conjunction_takes_the_quotation_after_it(tmp_path):
    a = attributions(tmp_path, "But, said Solovey, “I do not want a fight.”")
    assert rows(a, "speaker", "quote_type", "content") == [("Solovey", "direct", "I do not want a fight.")]


@pytest.mark.parametrize("text", [
    "It contradicted what Ruiz and Lane said about the vote.",
    "The council members have a larger say than the mayor.",
])
def test_no_attribution_without_attributed_words(tmp_path, text):
    assert attributions(tmp_path, text).empty


@pytest.mark.parametrize("text, content", [
    ("The Saudis have said for years that they would back the release, but there is anger.",
     "they would back the release"),
    ("In the poll, 45 percent said they would vote for him, compared to 39 percent for her.",
     "they would vote for him"),
])
def test_more_boundaries_of_indirect_words(tmp_path, text, content):
    assert rows(attributions(tmp_path, text), "content") == [(content,)]


@pytest.mark.parametrize("text, speaker, content", [
    ("In the poll, 29 percent (and 43 percent of Republicans) said they trust the mayor.", "29 percent",
     "they trust the mayor"),
    ("Of the members, 1,409 teachers said they wanted a strike, while 95 members opposed it.", "1,409 teachers",
     "they wanted a strike"),
    ("Rep. Ann Bell (a Democrat so young she is taken for an intern) says she was lost at first.", "Rep. Ann Bell",
     "she was lost at first"),
])
def test_parentheses_and_numbers_in_speakers(tmp_path, text, speaker, content):
    assert rows(attributions(tmp_path, text), "speaker", "content") == [(speaker, content)]


def test_who_said_credits_the_antecedent(tmp_path):
    a = attributions(tmp_path, "The mayor, who chairs the board, said the fee was fair. It fell to Ana Ruiz, who said no.")
    assert rows(a, "speaker", "content")[0] == ("The mayor", "the fee was fair")
    assert ("Ana Ruiz", "no") in rows(a, "speaker", "content")


def test_a_second_clause_subject_after_while(tmp_path):
    a = attributions(tmp_path, "A full 79 percent of nurses say the pay is fair, while only 49 percent of doctors say so.")
    assert rows(a, "speaker", "content") == [("A full 79 percent of nurses", "the pay is fair"),
                                             ("only 49 percent of doctors", "so")]


def test_an_adjective_after_and_does_not_end_the_words(tmp_path):
    a = attributions(tmp_path, "Ann Ruiz said the heat and unsettled weather could last all week.")
    assert rows(a, "content") == [("the heat and unsettled weather could last all week",)]


def test_a_pronoun_cue_after_a_comma_is_its_own(tmp_path):
    a = attributions(tmp_path, "She said the plan was a mistake, at the hearing she said it was not an error.")
    assert rows(a, "cue", "content")[-1] == ("said", "it was not an error")
    assert len(a) == 2


@pytest.mark.parametrize("text", [
    "The fact checker said the baseline is Ortiz’s promises.",
    "The video is called No Respite.",
    "Ms. Lane has found herself in the same bind.",
    "Mr. Ruiz showed no sign of backing down.",
])
def test_nouns_passives_and_idioms_are_no_cues(tmp_path, text):
    a = attributions(tmp_path, text)
    assert a["cue_lemma"].isin(["say"]).all()  # only "said", where there is one


def test_a_progressive_verb_is_a_cue(tmp_path):
    a = attributions(tmp_path, "Ms. Ortiz is telling supporters that the vote is close.")
    assert rows(a, "speaker", "cue", "content") == [("Ms. Ortiz", "telling", "the vote is close")]


@pytest.mark.parametrize("text, speaker", [
    ("“It is special,” said conservative activist Bob Klaus, who backs no one.", "conservative activist Bob Klaus"),
    ("About 9 percent said they had no preference.", "About 9 percent"),
    ("Ruiz jokingly said, “I am mainstream now.”", "Ruiz"),
])
def test_titles_quantities_and_adverbs_around_speakers(tmp_path, text, speaker):
    assert rows(attributions(tmp_path, text), "speaker")[0] == (speaker,)


@pytest.mark.parametrize("text", ["Just ask him.", "<tweet id=\"1\">Great rally</tweet> was posted."])
def test_no_speaker_in_an_imperative_or_in_markup(tmp_path, text):
    assert attributions(tmp_path, text).empty


def test_a_speaker_before_a_dashed_aside(tmp_path):
    a = attributions(tmp_path, "Mayor Ann Ruiz - who once said she would close the port - said on Monday that it stays open.")
    assert rows(a, "speaker", "content") == [("Mayor Ann Ruiz", "she would close the port"),
                                             ("Mayor Ann Ruiz", "it stays open")]


def test_only_a_quantity_opens_with_only(tmp_path):
    assert rows(attributions(tmp_path, "Only 24 percent said she did nothing wrong."), "speaker") == [("Only 24 percent",)]


@pytest.mark.parametrize("text, speaker", [
    ("“There is no sign of that,” said one unaligned Ohio strategist.", "one unaligned Ohio strategist"),
    ("“I want answers,” said a prominent Republican National Committee member who backs the mayor, asking for "
     "anonymity.", "a prominent Republican National Committee member who backs the mayor"),
    ("In addition, Republican opponents have said that the server was exposed.", "Republican opponents"),
    ("A third of independents, 33%, say they feel that way.", "A third of independents"),
])
def test_more_speakers_before_and_after_the_cue(tmp_path, text, speaker):
    assert rows(attributions(tmp_path, text), "speaker") == [(speaker,)]


@pytest.mark.parametrize("text, content", [
    ('“We are going to win so much," Ruiz said at her victory party.', "We are going to win so much"),
    ('"This is a long process,” said Paul Lindsay, a spokesman.', "This is a long process"),
])
def test_mixed_quotation_marks_pair_up(tmp_path, text, content):
    assert rows(attributions(tmp_path, text), "quote_type", "content") == [("direct", content)]


def test_a_sentence_final_told_with_an_addressee(tmp_path):
    a = attributions(tmp_path, "The state only did what 40 states do, he told the court in his filing.")
    assert rows(a, "content") == [("The state only did what 40 states do",)]


# --- words that look like cues or speakers (found untested by a mutation run) -------------------------------

@pytest.mark.parametrize("text", [
    "Obama's claims were false on every count.",          # a noun after a possessive (ASCII apostrophe)
    "Obama’s promise was broken within a year.",           # and with a typographic one
    "Earlier reports were wrong about the vote.",          # "reports" followed by a verb is a noun
    "Voters had no say in the decision.",                  # "no say": a noun
    "Members want an equal say in the budget.",            # "an equal say": a noun
    "Thousands showed up at the rally on Sunday.",         # "show up" is not "show"
    "The measure was supported by most voters.",           # passive support/oppose is no attribution
    "The plans were opposed by the mayor.",
])
def test_words_that_are_not_cues(tmp_path, text):
    assert attributions(tmp_path, text).empty


@pytest.mark.parametrize("text, speaker, cue", [
    ("He's warned that the plan will fail.", "He", "warned"),          # 's = has: the pronoun speaks
    ("They’ve said the plan will fail.", "They", "said"),
    ("So several leaders said the deal was dead.", "several leaders", "said"),   # a leading conjunction is no part
    ("The FBI said the inquiry was closed.", "The FBI", "said"),
])
def test_contractions_conjunctions_and_acronyms_before_a_cue(tmp_path, text, speaker, cue):
    assert rows(attributions(tmp_path, text), "speaker", "cue") == [(speaker, cue)]


def test_a_pronoun_with_has_contracted_is_resolved(tmp_path):
    a = attributions(tmp_path, "Ms. Maria Lopez met reporters on Monday. Later, Mr. Daniel Brooks arrived. "
                               "She's said that the plan will fail.")
    # "She's said" is a contraction, not a possessive; she is the woman named before, skipping Mr. Brooks
    assert rows(a, "speaker", "speaker_id", "content") == [("She", "Maria Lopez", "the plan will fail")]


@pytest.mark.parametrize("name, kept", [
    ("Ana Ruiz.", "Ana Ruiz"), ("Sammy Davis Jr.", "Sammy Davis Jr."), ("Ken Griffey Sr.", "Ken Griffey Sr."),
    ("John F.", "John F."), ("Main St.", "Main St."),
])
def test_a_name_after_the_cue_loses_only_the_sentence_full_stop(name, kept):
    from framing.extract.speakers import name_end

    assert name_end(name) == kept


def test_a_written_name_merges_only_with_a_capitalised_speaker():
    from framing.extract.names import find_person_mentions, full_names, merge_name

    names = full_names(find_person_mentions("James B. Comey spoke on Monday."))
    assert merge_name("Mr. Comey", names) == "James B. Comey"
    assert merge_name("aides to Comey", names) is None  # a phrase that ends in a surname is not that person


@pytest.mark.parametrize("speaker, kind", [
    ("A crowd of onlookers", "other"), ("Sammy Davis Jr.", "named_person"),
    ("Martin Luther King III", "named_person"), ("the NAACP", "organisation"),
])
def test_speaker_types_of_phrases_no_rule_names(speaker, kind):
    from framing.config.speaker_types import load_speaker_type_rules
    from framing.extract.sources import speaker_type

    assert speaker_type(speaker, speaker, actors=load_actors(), rules=load_speaker_type_rules()) == kind


@pytest.mark.parametrize("text, expected", [
    ("He continued that the plan would fail.", [("He", "continued", "the plan would fail")]),
    ("Prices continued to rise in May.", []),                      # "continue to": no speech
    ("Rubio: We will win.", [("Rubio", ":", "We will win")]),       # three words after a label are words
    ("Rubio: Finish second.", []),                                 # two are a list item, not speech
])
def test_continue_and_speaker_labels_at_their_edges(tmp_path, text, expected):
    assert rows(attributions(tmp_path, text), "speaker", "cue", "content") == expected


def test_a_label_row_says_its_cue_is_the_colon(tmp_path):
    a = attributions(tmp_path, "TAPPER: We will be right back after this.")
    assert rows(a, "cue", "cue_lemma", "cue_class") == [(":", ":", "neutral")]


def test_a_continued_quotation_keeps_its_speaker_without_a_cue(tmp_path):
    a = attributions(tmp_path, "“We will win,” Ms. Ruiz said. “We will not stop.”")
    assert rows(a, "sent_id", "speaker", "speaker_id", "cue", "quote_type", "content") == [
        (1, "Ms. Ruiz", "Ms. Ruiz", "said", "direct", "We will win"),
        (2, "", "Ms. Ruiz", "", "direct", "We will not stop.")]


def test_a_pronoun_takes_the_id_its_person_was_given_as_a_speaker(tmp_path):
    # "Ms. Ruiz" has no fuller form in the article; "she" must count for the same speaker, not for "Ruiz"
    a = attributions(tmp_path, "“We will not stop,” Ms. Ruiz said on Monday. Later she said the plan would work.")
    assert a["speaker_id"].tolist() == ["Ms. Ruiz", "Ms. Ruiz"]


def test_a_pronoun_skips_capitalised_words_that_are_no_person(tmp_path):
    a = attributions(tmp_path, "Ms. Maria Lopez met reporters. Later the Springfield Tigers arrived. "
                               "She said the plan would fail.")
    assert rows(a, "speaker", "speaker_id") == [("She", "Maria Lopez")]


def test_passive_support_with_be_is_no_attribution(tmp_path):
    assert attributions(tmp_path, "The plan will be supported by most voters.").empty


def test_speaker_types_keep_the_attributions_index():
    from framing.extract.sources import add_speaker_types

    frame = pd.DataFrame({"speaker": ["officials", "Ann Ruiz"], "speaker_id": ["officials", "Ann Ruiz"]},
                         index=[10, 11])
    types = add_speaker_types(frame, actors=load_actors())
    assert types.index.tolist() == [10, 11] and types.tolist() == ["anonymous", "named_person"]


def test_the_unbalanced_quote_warning_counts_the_documents_it_does_not_name():
    from framing.extract.document import UnbalancedQuoteWarning, warn_unbalanced

    quotes = pd.DataFrame({"doc_id": [f"d{i}" for i in range(7)], "closed": [False] * 7})
    with pytest.warns(UnbalancedQuoteWarning, match=r"d0, d1, d2, d3, d4 and 2 more: unbalanced"):
        warn_unbalanced(quotes)


@pytest.mark.parametrize("text, word", [
    ("The feed kept <said> as a tag.", "said"),      # markup left in scraped text: "<tweet …>", "</tweet>"
    ("The feed kept /said as a path.", "said"),
    ("The feed kept said> as a tag.", "said"),
    ("Residents had no say.", "say"),                # a noun after "no", "final"
    ("The court has the final say.", "say"),
    ("Changes are called for.", "called for"),       # passive "call for" with are / being
    ("Changes are being called for by the board.", "called for"),
])
def test_markup_nouns_and_passives_are_not_cues(text, word):
    import re

    from framing.extract.cues import not_a_cue

    lemma = {"said": "say", "say": "say", "called for": "call for"}[word]
    assert not_a_cue(text, re.search(word, text), lemma)
    assert not not_a_cue("Ruiz said so.", re.search("said", "Ruiz said so."), "say")


@pytest.mark.parametrize("text, content", [
    ("Xi will visit in May, the ministry said.", "Xi will visit in May"),   # nothing but punctuation is trimmed
    ("Mr. Ruiz said Xi would visit in May.", "Xi would visit in May"),
])
def test_content_is_trimmed_of_punctuation_only(tmp_path, text, content):
    assert attributions(tmp_path, text)["content"].tolist() == [content]


def test_they_can_be_an_organisation_of_the_actors_file(tmp_path):
    a = attributions(tmp_path, "China's foreign ministry issued a statement on Monday. "
                               "They said the talks were useful.")
    assert rows(a, "speaker", "speaker_id") == [("They", "Chinese government")]


def test_a_label_and_a_leading_and_keep_the_actor_and_the_name(tmp_path):
    assert rows(attributions(tmp_path, "Rubio: We will win.", name="a"), "speaker", "speaker_id") == [
        ("Rubio", "Marco Rubio")]
    assert rows(attributions(tmp_path, "And HarperCollins said the book would ship in May.", name="b"),
                "speaker") == [("HarperCollins",)]


def test_continuation_rows_have_empty_channel_and_hedge(tmp_path):
    a = attributions(tmp_path, "“We will win,” Ms. Ruiz said. “We will not stop.”")
    assert a["channel"].tolist() == ["", ""] and a["hedge"].tolist() == ["", ""]


def test_person_mentions_and_surnames():
    from framing.extract.names import find_person_mentions, surname

    # a capitalised word that is no person ("Congress") does not end the search for names after it
    assert [m.name for m in find_person_mentions("Congress met. Mr. Daniel Brooks spoke.")] == ["Daniel Brooks"]
    assert surname("Mr. Comey's") == surname("Mr. Comey’s") == "Comey"


def test_speaker_types_use_the_written_speaker_and_a_custom_rules_file(tmp_path):
    from framing.config.speaker_types import load_speaker_type_rules
    from framing.extract.sources import add_speaker_types, speaker_type

    rules = load_speaker_type_rules()
    assert speaker_type("", "Ann Ruiz", actors=load_actors(), rules=rules) == "named_person"  # a continuation row
    custom = tmp_path / "types.yaml"
    custom.write_text("name: mine\nversion: 1.0.0\nanonymous:\n  - 'an? fans? of the team'\n", encoding="utf-8")
    frame = pd.DataFrame({"speaker": ["a fan of the team"], "speaker_id": ["a fan of the team"]})
    assert add_speaker_types(frame, actors=load_actors()).tolist() == ["other"]
    assert add_speaker_types(frame, actors=load_actors(), rules=custom).tolist() == ["anonymous"]


@pytest.mark.parametrize("text, content", [
    ("In March, she told the court she would resign.", "she would resign"),
    ("On Monday, officials said the plan would fail.", "the plan would fail"),
    ("After the vote, the plan will fail, she said.", "After the vote, the plan will fail"),
])
def test_a_short_opening_phrase_before_the_speaker_is_not_the_content(tmp_path, text, content):
    assert attributions(tmp_path, text)["content"].tolist() == [content]
