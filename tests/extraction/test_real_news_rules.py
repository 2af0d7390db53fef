"""The constructions real news uses for attackers, victims and malware (issue 11), on sentences written for
these tests about invented organisations: each test is one mechanism, never a name from an article."""

from __future__ import annotations

import pytest

from tests.extraction.test_rules import claims, graph_of, types


def attributed(g) -> dict[str, str]:
    return {actor: status for _, actor, status in claims(g, "ATTRIBUTED_TO")}


def victims(g) -> set[str]:
    return {victim for _, victim, status in claims(g, "TARGETED") if status == "asserted"}


def test_real_news_malware_is_its_own_type_never_victim_nor_actor(nlp):
    g = graph_of(nlp, "The Grimlock ransomware attack on Acme Bank encrypted its servers on Monday.\n"
                      "Investigators said the BlackEnergy malware was also found on the bank's network.")
    assert types(g).get("Grimlock") == "Malware" and types(g).get("BlackEnergy") == "Malware"
    assert victims(g) == {"Acme Bank"}
    assert not {"Grimlock", "BlackEnergy"} & set(attributed(g))
    assert {m for _, m, _ in claims(g, "USED")} >= {"Grimlock"}


def test_real_news_gang_named_after_its_ransomware_stays_the_actor(nlp):
    g = graph_of(nlp, "The Grimlock ransomware gang claimed responsibility for the attack on Acme Bank.\n"
                      "Grimlock posted samples of the stolen files on its leak site.")
    assert types(g).get("Grimlock") == "ThreatActor"
    assert attributed(g).get("Grimlock") == "claimed"


@pytest.mark.parametrize("text, expected", [
    ("The attack hit Acme Bank, Borealis Insurance and Cinder Freight on Tuesday.",
     {"Acme Bank", "Borealis Insurance", "Cinder Freight"}),
    ("Victims of the breach included Borealis Insurance and Cinder Freight.", {"Borealis Insurance", "Cinder Freight"}),
    ("Riverton County paid a ransom of $40,000 in bitcoin to unlock its servers.", {"Riverton County"}),
    ("Lakeside Clinic fell victim to a ransomware attack last week.", {"Lakeside Clinic"}),
    ("Last month Lakeside Clinic was subject to a ransomware attack.", {"Lakeside Clinic"}),
    ("Lakeside Clinic repelled five ransomware attacks in 2016.", {"Lakeside Clinic"}),
    ("The Riverton Water Board chose to pay $25,000 in bitcoin to unlock its computers.", {"Riverton Water Board"}),
    ("The hackers managed to get access to the systems of Borealis Insurance in May.", {"Borealis Insurance"}),
    ("Hackers accessed a database of Borealis Insurance that held customer records.", {"Borealis Insurance"}),
    ("The Grimlock worm disrupted Borealis Insurance and Cinder Freight on Friday.",
     {"Borealis Insurance", "Cinder Freight"}),
    ("Telecom providers caught by the breach include Aldmoor Mobile, Borealis Insurance, Cinder Freight and "
     "Dunmore Telecom, reports suggest.", {"Aldmoor Mobile", "Borealis Insurance", "Cinder Freight", "Dunmore Telecom"}),
    ("Hackers stole the records of 40,000 customers from Borealis Insurance in March.", {"Borealis Insurance"}),
    ("Borealis Insurance admitted that a breach exposed the records of its customers.", {"Borealis Insurance"}),
    ("Borealis Insurance came under a cyber attack on Monday.", {"Borealis Insurance"}),
    ("Within days of the Acme Bank attack, Borealis Insurance and Cinder Freight were also targeted.",
     {"Borealis Insurance", "Cinder Freight"}),
    ("Analysts said that Acme Bank and Borealis Insurance were among the companies whose networks were breached.",
     {"Acme Bank", "Borealis Insurance"}),
    ('"We are under attack, because Borealis Insurance is under attack," the minister said.', {"Borealis Insurance"}),
])
def test_real_news_victim_constructions(nlp, text, expected):
    assert expected <= victims(graph_of(nlp, text)), claims(graph_of(nlp, text), "TARGETED")


def test_real_news_under_attack_names_who_not_where(nlp):
    g = graph_of(nlp, "The designers in Riverton Close were under attack by hackers in December.\n"
                      "This is not the first time the Quillmark platform has come under attack.")
    assert not victims(g) & {"Riverton Close", "Quillmark"}


def test_real_news_what_a_flaw_could_allow_is_no_attack(nlp):
    g = graph_of(nlp, "The flaw could allow hackers to take over Borealis routers and break into the network of "
                      "Cinder Freight.")
    assert not claims(g, "TARGETED")


def test_real_news_attack_kind_before_attack_is_no_victim(nlp):
    g = graph_of(nlp, "Attacks against Windows users rose sharply, and a DDoS attack hit Acme Bank on Friday.")
    assert "Windows" not in victims(g) and "Microsoft Windows" not in victims(g)
    assert "Acme Bank" in victims(g)


def test_real_news_people_charged_are_suspects_until_convicted(nlp):
    charged = graph_of(nlp, "Hackers breached Acme Bank in May.\nProsecutors charged Ivan Petrovsky with hacking "
                            "into the bank's network and stealing customer data.")
    assert attributed(charged).get("Ivan Petrovsky") == "suspected"
    convicted = graph_of(nlp, "Hackers breached Acme Bank in May.\nA court convicted Ivan Petrovsky of hacking into "
                              "the bank's network and stealing customer data.")
    assert attributed(convicted).get("Ivan Petrovsky") == "asserted"


def test_real_news_named_groups(nlp):
    g = graph_of(nlp, "A hacker group known as The Silent Ravens broke into the network of Acme Bank.\n"
                      "Hacking groups such as Night Kestrel and Iron Lantern were responsible for the attack.")
    kinds = types(g)
    assert kinds.get("Silent Ravens") == "ThreatActor"
    assert kinds.get("Night Kestrel") == kinds.get("Iron Lantern") == "ThreatActor"
    assert {"Silent Ravens", "Night Kestrel", "Iron Lantern"} <= set(attributed(g))


def test_real_news_no_culprit_from_researchers_links_or_victims(nlp):
    g = graph_of(nlp, "Mr Harlow became a victim of a cyber attack in May when his emails were compromised.\n"
                      "The hack of Acme Bank was analysed by Ian McAllister, a researcher at Northfield Security, "
                      "who posted details at https://example.org/report.")
    assert "Harlow" not in " ".join(attributed(g))
    assert types(g).get("Ian McAllister") == "Person"
    assert not any("example.org" in name or "https" in name for name in types(g))


def test_real_news_hedges_questions_and_denials(nlp):
    question = graph_of(nlp, "Did Moldovan hackers break into Acme Bank?")
    assert attributed(question).get("Moldova") == "suspected"
    familiar = graph_of(nlp, "Hackers breached Acme Bank in May.\nMoldova was behind the attack, people familiar "
                             "with the matter said.")
    assert attributed(familiar).get("Moldova") == "suspected"
    denial = graph_of(nlp, "Hackers breached Acme Bank in May.\nOfficials say Moldova was behind the attack; "
                           "Moldova denied any involvement.")
    denied = [c for c in denial.claims if c.predicate == "ATTRIBUTED_TO" and c.status == "denied"]
    assert denied and all(c.according_to == next(e.id for e in denial.entities if e.name == "Moldova")
                          for c in denied)


def test_real_news_a_new_cue_is_a_data_change(tmp_path):
    """The lexicon reaches the rules through the kg_entities factory's config: a pipeline built with a
    lexicon that lists one more hedge reads the same sentence as suspected."""
    import json

    from kg.nlp.lexicon import load_lexicon
    from kg.nlp.model import load_base

    data = dict(load_lexicon(None))
    data["hedges"] = [*data["hedges"], "ostensibly"]
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data))
    text = "Hackers breached Acme Bank in May.\nMoldova was ostensibly behind the attack."
    statuses = []
    for config in ({}, {"lexicon": str(path)}):
        nlp = load_base("en_core_web_sm")
        nlp.add_pipe("kg_line_sentences", before="parser")
        nlp.add_pipe("kg_entities", last=True, config=config)
        statuses.append(attributed(graph_of(nlp, text)).get("Moldova"))
    assert statuses == ["asserted", "suspected"]


def test_real_news_actor_appositions_and_the_text_typing_a_cluster(nlp):
    g = graph_of(nlp, "Banks in Moldova were the target of a phishing campaign.\nOn Monday another notorious group, "
                      "Grey Heron, ran a similar campaign against the same banks.\nA hacker group known as The Pale "
                      "Rider (TPR) leaked the files of Acme Bank.\nTPR said it would publish more.\nTPR posted a "
                      "sample.\nTPR also wrote to reporters.")
    kinds = types(g)
    assert kinds.get("Grey Heron") == "ThreatActor"
    assert kinds.get("Pale Rider") == "ThreatActor"  # its acronym, mentioned more often, is the same actor
    assert "Pale Rider" in attributed(g)


def test_real_news_defendants_and_fraudsters(nlp):
    g = graph_of(nlp, "Hackers breached Acme Bank in May.\nThe defendants, Ivan Petrovsky, 34, and Lena Moroz, 27, are "
                      "alleged to have developed the Grimlock ransomware.\nMarek Dvorak allegedly conned two of the "
                      "bank's suppliers into wiring money to his accounts.")
    found = attributed(g)
    assert found.get("Ivan Petrovsky") == found.get("Lena Moroz") == "suspected"
    assert found.get("Marek Dvorak") == "suspected"


@pytest.mark.parametrize("text, actor", [
    ("A hacker going by the handle “Zer0Kite” was compromising open databases at Acme Bank.", "Zer0Kite"),
    ("Hackers breached Acme Bank.\nThe group, which researchers tracked under the codename of Grey Lantern, has been "
     "operating for years.", "Grey Lantern"),
])
def test_real_news_handles_and_codenames(nlp, text, actor):
    g = graph_of(nlp, text)
    assert types(g).get(actor) == "ThreatActor"
    assert actor in attributed(g)


def test_real_news_what_a_cue_names_is_the_noun_before_it(nlp):
    g = graph_of(nlp, "A hacking group breached Acme Bank.\nThe group has also set up a news outlet called The Daily "
                      "Ledger to lure targets in.")
    assert types(g).get("Daily Ledger") != "ThreatActor"
    assert "Daily Ledger" not in attributed(g)


@pytest.mark.parametrize("text, country, expected", [
    ("Suspected Moldovan hackers breached the network of Acme Bank on Tuesday.", "Moldova", True),
    ("Hackers breached Acme Bank.\nA Moldovan gang stole the money from its customers.", "Moldova", False),
    ("Hackers breached Acme Bank.\nIn 2003 a Moldovan hacker had leaked the source code of a game.", "Moldova", False),
    ("Hackers breached Acme Bank.\nThe Moldovan hacking group known as Grey Heron stole the data.", "Moldova", False),
])
def test_real_news_a_demonym_names_a_state_only_for_its_hackers(nlp, text, country, expected):
    assert (country in attributed(graph_of(nlp, text))) is expected


@pytest.mark.parametrize("text, actor", [
    ("Hackers breached Acme Bank.\nThe former worker, Tom Brandt, was arrested on Thursday.", "Tom Brandt"),
    ("Hackers breached Acme Bank.\nGreyHeron, as the group calls itself, posted the stolen files.", "GreyHeron"),
    ("Hackers breached Acme Bank.\nThe hacktivist group Iron Lantern claimed responsibility for the attack.",
     "Iron Lantern"),
    ("Hackers breached Acme Bank.\nMarek Dvorak posed as a supplier and deceived the bank's clerks.", "Marek Dvorak"),
])
def test_real_news_more_ways_to_name_the_culprit(nlp, text, actor):
    assert actor in attributed(graph_of(nlp, text))


def test_real_news_an_age_makes_a_person(nlp):
    g = graph_of(nlp, "Police said 45-year-old Rask Olvir and Tarn Vells, 38, ran the phishing scheme against Acme Bank.")
    kinds = types(g)
    assert kinds.get("Rask Olvir") == kinds.get("Tarn Vells") == "Person"


def test_real_news_a_name_the_text_calls_a_group_is_one(nlp):
    g = graph_of(nlp, "Hackers breached Acme Bank.\nGrey Kestrel is a mysterious hacking group that dumped stolen files "
                      "on GitHub.")
    assert types(g).get("Grey Kestrel") == "ThreatActor"


def test_real_news_whom_a_victim_works_with_responded(nlp):
    g = graph_of(nlp, "A ransomware attack has crippled Halvard Freight since Monday.\n"
                      "Halvard Freight said it was working with the Norland Cyber Agency to establish what happened.")
    assert ("Norland Cyber Agency", "Cyber attack on Halvard Freight", "asserted") in claims(g, "RESPONDED_TO")


def test_real_news_an_investigation_led_by_one_agency_working_with_others(nlp):
    g = graph_of(nlp, "Hackers broke into Halvard Freight's network in May.\n"
                      "The investigation was led by the Norland Police Service, working with the Norland Tax Office "
                      "and the Norland Cyber Agency, prosecutors said.")
    investigators = {org for org, _, _ in claims(g, "INVESTIGATES")}
    assert investigators == {"Norland Police Service", "Norland Tax Office", "Norland Cyber Agency"}
    assert not claims(g, "SUBSIDIARY_OF")


def test_real_news_an_institution_named_after_its_country_is_not_the_country(nlp):
    g = graph_of(nlp, "Grimlock gang claims Danish Library attack.\n"
                      "The Danish Library confirmed on Wednesday that data from its files had been leaked.")
    assert types(g).get("Danish Library") == "Organization"
    assert victims(g) == {"Danish Library"}


def test_real_news_a_pronoun_says_whether_a_name_is_a_person_or_a_company(nlp):
    g = graph_of(nlp, "Hackers broke into the network of Halvard Freight in March.\n"
                      "Halvard Freight has said the hackers targeted a small number of its employees.\n"
                      "The former worker, Marta Quillon, was arrested on Thursday over the breach.\n"
                      "The sanctions make it an offence to provide assets to Quillon or to deal with her assets.")
    assert types(g).get("Halvard Freight") == "Organization"  # the model says PERSON
    assert types(g).get("Marta Quillon") == "Person"  # the model says ORG, for the full name and the surname
    assert types(g).get("Quillon", "Person") == "Person"


def test_real_news_a_lone_surname_is_the_person_named_in_full(nlp):
    g = graph_of(nlp, "The former worker, Karen Mills, was arrested on Thursday over the breach at Acme Bank.\n"
                      "Police said Mills is also suspected of deleting files.")
    assert {t for name, t in types(g).items() if "Mills" in name} == {"Person"}


@pytest.mark.parametrize("text, expected", [
    ("Hackers broke into Halvard Freight in May. Two other men were charged with helping him: Janet Polk, 19, from "
     "Leeds, and Karen Mills, 22, from Bristol.", {"Janet Polk": "suspected", "Karen Mills": "suspected"}),
    ("Hackers broke into Halvard Freight in May. Janet Polk, from Leeds, faces 30 felony charges, prosecutors said.",
     {"Janet Polk": "suspected"}),
    ("Hackers broke into Halvard Freight in May. The minister said Janet Polk had been identified as the person "
     "responsible.", {"Janet Polk": "asserted"}),
])
def test_real_news_people_the_law_names(nlp, text, expected):
    assert expected.items() <= attributed(graph_of(nlp, text)).items()


def test_real_news_an_investigation_by_two_agencies(nlp):
    g = graph_of(nlp, "Hackers broke into Halvard Freight in May.\n"
                      "The suspect was named after an investigation by the Norland Police Service and the Norland "
                      "Cyber Agency.")
    assert {org for org, _, _ in claims(g, "INVESTIGATES")} == {"Norland Police Service", "Norland Cyber Agency"}


@pytest.mark.parametrize("text, expected", [
    ("The cyberattack on the town of Valdora crippled its billing system.", "Valdora"),
    ("The city of North Kell, Ore., was hit with a ransomware attack.", "North Kell"),
    ("Recent victims of ransomware attacks have included the Port of Dunmore. While the port recovered, ...",
     "Port of Dunmore"),
])
def test_real_news_a_place_named_with_its_governing_body_is_that_body(nlp, text, expected):
    g = graph_of(nlp, text)
    assert types(g).get(expected) == "Organization" and expected in victims(g)


def test_real_news_what_attackers_could_do_is_no_attack(nlp):
    g = graph_of(nlp, "Researchers said attackers could compromise Halvard Freight's routers with the flaw.")
    assert not claims(g, "TARGETED")


def test_real_news_an_actor_named_for_comparison_is_no_suspect(nlp):
    g = graph_of(nlp, "Hackers broke into the network of Halvard Freight in May and demanded a ransom.\n"
                      "They follow the same methods as ransomware groups like Grimlock Collective, researchers said.\n"
                      "A similar technique has also been used by the hacking group known as Night Owls.")
    assert not {"Grimlock Collective", "Night Owls"} & set(attributed(g))


def test_real_news_the_names_of_one_attack_group_make_one_suspect(nlp):
    g = graph_of(nlp, "Hackers broke into the network of Halvard Freight in May.\n"
                      "The hackers go by many names: Fancy Bear, Sednit and Tsar Team, researchers at the firm said.")
    suspects = [a for a, status in attributed(g).items() if status == "suspected"]
    assert len(suspects) == 1, attributed(g)


@pytest.mark.parametrize("text, expected", [
    ("The New Jersey Spine Center and Marin Healthcare District were attacked by Cryptowall ransomware.",
     {"New Jersey Spine Center", "Marin Healthcare District"}),
    ("Card breaches also have hit hospitality chains Starwood Hotels and Hyatt.", {"Starwood Hotels", "Hyatt"}),
    ("Hackers appear to have accessed the customer database of Borealis Insurance last month.", {"Borealis Insurance"}),
])
def test_real_news_victim_names_the_model_mistypes(nlp, text, expected):
    g = graph_of(nlp, text)
    assert expected <= victims(g), (victims(g), types(g))
    assert "Country" not in {types(g).get(v) for v in expected}


def test_real_news_the_platform_a_system_runs_on_is_not_its_owner(nlp):
    g = graph_of(nlp, "Hackers encrypted 153 Linux-based servers of Halvard Freight last week.")
    assert "Linux" not in victims(g)


def test_real_news_a_title_case_headline_names_only_what_the_body_names(nlp):
    for headline in ("Halvard Freight Extortion Attempt Fails As Hackers Leak Files",
                     "Halvard Freight Cyber-Espionage Campaign Targets Banks In Asia"):
        g = graph_of(nlp, headline + "\n\nHackers broke into the network of Halvard Freight last week.")
        assert set(types(g)) == {"Halvard Freight"}, types(g)


def test_real_news_a_scene_set_in_another_year_names_no_suspect_of_the_story(nlp):
    g = graph_of(nlp, "Hackers broke into the network of Halvard Freight last week, the company said.\n"
                      "In 2013, Moldovan hackers were using a similar tool to break into banks.\n"
                      "In January 2016, police arrested members of the hacking group known as Night Owls.",
                 published="2017-05-02")
    story = {actor for incident, actor, _ in claims(g, "ATTRIBUTED_TO") if "Halvard" in incident}
    assert not story, claims(g, "ATTRIBUTED_TO")  # the older scenes are incidents of their own


def test_real_news_a_group_named_in_a_comparison_is_no_suspect(nlp):
    g = graph_of(nlp, "Hackers who call themselves Grey Heron broke into the network of Halvard Freight.\n"
                      "Researchers said Grey Heron was also less capable than the hacking group known as Night Owls.")
    assert "Grey Heron" in attributed(g) and "Night Owls" not in attributed(g), attributed(g)


def test_real_news_the_country_is_the_one_just_named(nlp):
    g = graph_of(nlp, "Hackers broke into the network of Halvard Freight, a United States shipper, in May.\n"
                      "Officials have asked allies for help.\n"
                      "The breach could be retaliation by Moldova, if the hackers are indeed tied to the country.")
    assert "United States" not in attributed(g), attributed(g)


def test_real_news_a_description_in_apposition_is_the_name_beside_it(nlp):
    g = graph_of(nlp, "The intruders took names and Social Security numbers from Acme Bank in May.\n"
                      "Acme Bank found the intrusion and hired Quillmark, the incident-response firm, to assess "
                      "the damage.")
    assert "Social Security" not in types(g)
    assert ("Acme Bank", "Quillmark", "asserted") in claims(g, "HIRED"), claims(g, "HIRED")


def test_real_news_a_gang_the_text_names_outvotes_the_models_guesses(nlp):
    g = graph_of(nlp, 'A report said a hacker gang called the "Moldovan Crime Family" had stolen customer records '
                      "from Acme Bank.\nThe Moldovan Crime Family demanded a ransom of $75,000.\n"
                      "The conversation between the Moldovan Crime Family and Acme Bank was led by one member.\n"
                      "The Moldovan Crime Family is, in fact, not contradicting Acme Bank.")
    assert types(g).get("Moldovan Crime Family") == "ThreatActor", types(g)
    assert not any(" and " in name for name in types(g)), types(g)
    assert "Moldovan Crime Family" in attributed(g)


def test_real_news_an_acronym_defined_as_a_term_is_no_entity(nlp):
    g = graph_of(nlp, "Attackers targeted the servers of Acme Bank to obtain protected health information (PHI).\n"
                      "They came in through the File Transfer Protocol (FTP), the bank said.")
    assert not {"PHI", "FTP", "File Transfer Protocol", "protected health information"} & set(types(g)), types(g)


@pytest.mark.parametrize("text", [
    "Customers said they would leave Acme Bank if money was stolen from their accounts.",
    "Staff at Acme Bank were asked if they had ever been targeted by fraudsters.",
])
def test_real_news_an_attack_under_if_is_no_attack(nlp, text):
    assert not claims(graph_of(nlp, text), "TARGETED")


def test_real_news_one_comma_between_two_names_makes_no_list(nlp):
    g = graph_of(nlp, "Hackers hit the network of Borealis Insurance, Quillmark Research said on Monday.")
    assert victims(g) == {"Borealis Insurance"}, victims(g)


def test_real_news_a_security_firm_that_counts_attacks_was_not_hit(nlp):
    g = graph_of(nlp, "A massive ransomware attack hit hospitals across Europe on Friday.\n\n"
                      "Security firm Quillmark Lab reported that by noon it had already seen more than 45,000 "
                      "Grimlock attacks in 74 countries.")
    assert "Quillmark Lab" not in victims(g), victims(g)


@pytest.mark.parametrize("text, expected", [
    ("Sensitive files of Borealis Insurance were leaked online last week.", {"Borealis Insurance"}),
    ("A ransomware virus has paralysed the computers of Riverton County since Monday.", {"Riverton County"}),
    ("Hackers had breached the payment database of Cinder Freight, the company said.", {"Cinder Freight"}),
    ("Borealis Insurance and Cinder Freight were among the organisations affected by the attack.",
     {"Borealis Insurance", "Cinder Freight"}),
    ("The AcmeShop breach exposed the cards of 40,000 shoppers, AcmeShop said on Monday.", {"AcmeShop"}),
])
def test_real_news_victim_constructions_more(nlp, text, expected):
    assert expected <= victims(graph_of(nlp, text)), claims(graph_of(nlp, text), "TARGETED")


@pytest.mark.parametrize("text, not_victims", [
    # what attackers will do, methods, idioms: no attack happened
    ("The phishing kit steals credentials, which the attackers will then use to infiltrate the network of "
     "Borealis Insurance.", {"Borealis Insurance"}),
    ("The kit offers a way to break into the network of Borealis Insurance.", {"Borealis Insurance"}),
    ("The scammers took advantage of the Quillmark Pay service to move the money.", {"Quillmark Pay"}),
    # the users or devices of a product, not its maker
    ("The worm infected thousands of Quillmark and Halvard devices in March.", {"Quillmark", "Halvard"}),
    # a country that only says where
    ("Attackers reached the networks of the agency from servers inside Ruritania.", {"Ruritania"}),
    ("The targets of the campaign are in Ruritania, the researchers said.", {"Ruritania"}),
    # "is" with a subject that is no list of victims
    ("The average cost of a data breach for Acme customers is $7 million, a study by Borealis Research found.",
     {"Borealis Research"}),
    # an attack on a flaw, not on the owner of the software
    ("Attackers launched attacks against a zero-day vulnerability in Halvard's web server last week.", {"Halvard"}),
    # who confirms or reports a breach from outside was not hit
    ("The breach-notification site Quillwatch, a security firm, has confirmed the breach.", {"Quillwatch"}),
    # a product whose name holds a malware word is no malware acting
    ("Using a weak proxy, Halvard Anti-Virus left its users open to forged certificates.", set()),
])
def test_real_news_what_names_no_victim(nlp, text, not_victims):
    g = graph_of(nlp, text)
    assert not not_victims & victims(g), claims(g, "TARGETED")
    assert not attributed(g), claims(g, "ATTRIBUTED_TO")


def test_real_news_a_leak_names_no_culprit_by_itself(nlp):
    g = graph_of(nlp, "Internal files of Borealis Insurance were leaked by a former contractor, the company said.")
    assert "Borealis Insurance" in victims(g)
    assert not attributed(g)


def test_real_news_a_description_takes_the_name_beside_it_never_a_security_firm(nlp):
    g = graph_of(nlp, "Quillwatch, a security firm, said on Monday that a ransomware attack had hit the shipping "
                      "firm Cinder Freight.\nThe company's servers were encrypted.")
    assert "Cinder Freight" in victims(g) and "Quillwatch" not in victims(g)


def test_real_news_a_source_is_no_outlet_and_an_outlet_is_named_by_its_apposition(nlp):
    g = graph_of(nlp, "Quillpost, a local Ruritanian news site, first reported the attacks on Friday.\n"
                      "The breach was confirmed by the Borealis Police, according to Halvard Bank.")
    kinds = {e.name: e.kind for e in g.entities}
    assert kinds.get("Quillpost") == "news outlet"
    assert kinds.get("Halvard Bank") != "news outlet"
    assert "Quillpost" not in victims(g)


def test_real_news_the_party_set_aside_with_not_is_no_culprit(nlp):
    g = graph_of(nlp, "Hackers hit Acme Bank on Monday.\n"
                      "An adviser said \"criminals,\" not the Moldovan government, are responsible for the attack.")
    assert "Moldova" not in attributed(g), claims(g, "ATTRIBUTED_TO")


def test_real_news_a_ransom_in_bitcoin_is_cyber_context(nlp):
    g = graph_of(nlp, "The Grimlock variant sneaked into Leeds General, which decided to pay 4 bitcoin in ransom.")
    assert "Leeds General" in victims(g), claims(g, "TARGETED")


@pytest.mark.parametrize("text", [
    "A few of the products targeted include Quillmark Notes, Halvard Server and Borealis OS, said an analyst.",
    "The ransomware encrypts other file types, including QMF, HVX and BRX files, the researchers said.",
])
def test_real_news_a_list_of_products_or_formats_names_no_victim(nlp, text):
    g = graph_of(nlp, text)
    assert not victims(g), claims(g, "TARGETED")


def test_real_news_the_country_in_front_of_a_name_is_not_the_victim(nlp):
    g = graph_of(nlp, "Employees of Moldovan NGOs Open Quill and Free Lantern were targeted with spear-phishing attempts "
                      "between July and August, the foundation reported.")
    assert "Moldova" not in victims(g), claims(g, "TARGETED")


@pytest.mark.parametrize("text, expected", [
    ("The breach occurred at Riverton Dental Group between March and May.", {"Riverton Dental Group"}),
    ("The ransomware attack took place at Cinder Freight's main depot on Friday.", {"Cinder Freight"}),
])
def test_real_news_where_an_attack_occurred_is_its_victim(nlp, text, expected):
    assert expected <= victims(graph_of(nlp, text)), claims(graph_of(nlp, text), "TARGETED")


def test_real_news_whom_an_attack_cost_was_its_victim(nlp):
    g = graph_of(nlp, "Borealis Insurance said the breach cost Borealis Insurance $4 million in direct expenses.")
    assert "Borealis Insurance" in victims(g), claims(g, "TARGETED")


def test_real_news_files_encrypted_make_a_cyber_sentence(nlp):
    g = graph_of(nlp, "Lakeside Clinic and Dunmore Care were attacked by Grimwall, which encrypted health records, "
                      "backup files and the phone system.")
    assert {"Lakeside Clinic", "Dunmore Care"} & victims(g), claims(g, "TARGETED")


@pytest.mark.parametrize("text, name", [
    ("Hackers leaked the records of the dating website Ashford Vale on Monday.", "Ashford Vale"),
    ("Hackers leaked the records of Halvard Freight and of a sister firm, Martin Brooke, on Monday.", "Martin Brooke"),
    ("Hackers leaked the records of Halvard Freight. Jenna Holt, which first reported the leak, said the files "
     "were genuine.", "Jenna Holt"),
    ("Borgen, Ruritania's National Criminal Investigation Service, has opened an inquiry into the attack.", "Borgen"),
])
def test_real_news_what_the_text_calls_a_name_makes_it_a_body(nlp, text, name):
    """A name the model takes for a person is a body when the text calls it one: a description before it
    ("the dating website X", "a sister firm, X,"), "which" after it, a country's agency in apposition."""
    assert types(graph_of(nlp, text)).get(name) == "Organization"


def test_real_news_a_members_apposition_is_not_what_the_member_is(nlp):
    g = graph_of(nlp, "Senator Jane Polk, a member of the Senate Intelligence Committee, said the breach was serious.")
    assert types(g).get("Jane Polk", types(g).get("Senator Jane Polk")) == "Person"


def test_real_news_a_year_on_the_attack_word_sets_an_older_attack_apart(nlp):
    """'a separate 2016 incident, in which hackers stole ...': another incident than this week's, even in an
    undated article where no fronted year says so."""
    g = graph_of(nlp, "Hackers broke into the internal systems of Acme Logistics last week, the company said.\n"
                      "The breach has revived scrutiny of a separate 2016 incident, in which hackers stole personal "
                      "details of 57 million Acme Logistics customers.")
    assert len(g.incidents) == 2 and sum(i.date == "2016" for i in g.incidents) == 1
    assert all(victims == {"Acme Logistics"} for victims in (
        {v for i2, v, _ in claims(g, "TARGETED") if i2 == i.name} for i in g.incidents))


def test_real_news_who_the_law_charges_and_who_clauses_are_people(nlp):
    g = graph_of(nlp, "Prosecutors unsealed an indictment charging Artem Volkin and Pavel Rusak, who is known online "
                      "as Quillmark, with deploying ransomware against Acme Bank.")
    assert types(g).get("Artem Volkin") == "Person" and types(g).get("Pavel Rusak") == "Person"


def test_real_news_a_title_before_a_name_is_not_part_of_it(nlp):
    g = graph_of(nlp, "Spokeswoman Lin Mei told a news briefing on Friday that Ruritania had never hacked Acme Bank.")
    assert "Lin Mei" in types(g) and not any(name.startswith("Spokeswoman") for name in types(g))


@pytest.mark.parametrize("text, name", [
    ("Hackers planted a backdoor in the popular Quillmark utility, Acme Bank said.", "Quillmark"),
    ("Outages disrupted its Quillmark file-storage service, Acme Cloud said.", "Quillmark"),
    ("The systems breached were the Riverton Chemical Assessment Tool and the Borealis Gateway.",
     "Riverton Chemical Assessment Tool"),
])
def test_real_news_software_the_text_names_by_its_kind(nlp, text, name):
    assert types(graph_of(nlp, text)).get(name) == "Product"


def test_real_news_a_clause_after_a_comma_is_no_apposition(nlp):
    g = graph_of(nlp, "According to Acme Payroll, the portal was accessed by someone using stolen login details.")
    assert types(g).get("Acme Payroll") != "Product"


def test_real_news_denial_of_service_denies_nothing(nlp):
    g = graph_of(nlp, "Acme Cloud confirmed that outages of its services were caused by denial-of-service attacks, "
                      "after a group calling itself Grey Heron claimed responsibility.")
    assert ("Acme Cloud", "asserted") in {(v, s) for _, v, s in claims(g, "TARGETED")}
    assert attributed(g).get("Grey Heron") == "claimed"


def test_real_news_thieves_and_attacks_no_one_recalls(nlp):
    g = graph_of(nlp, "Borealis Bank said on Tuesday that thieves had taken $2 million from the accounts of 9,000 of its "
                      "customers.\nA professor said he could not recall an attack of this scale on a bank.")
    assert {(v, s) for _, v, s in claims(g, "TARGETED")} == {("Borealis Bank", "asserted")}


def test_real_news_a_bank_of_a_country_and_an_ally_of_a_bloc(nlp):
    """'the Industrial and Commercial Bank of Moldova' is the bank, not the country; 'an attack on a Borealis Pact
    ally' names an ally, not the alliance."""
    g = graph_of(nlp, "Grimlock was behind the November ransomware attack on the Industrial and Commercial Bank of "
                      "Moldova, the ministry said.\nOfficials vowed to answer an attack on a Borealis Pact ally.")
    assert victims(g) == {"Industrial and Commercial Bank of Moldova"}


def test_real_news_whose_systems_were_hacked_is_not_the_speaker(nlp):
    g = graph_of(nlp, "The Riverton Police said Acme Bank was one of the firms whose systems were hacked.")
    assert victims(g) == {"Acme Bank"}


def test_real_news_a_gang_that_the_fbi_said_was_responsible(nlp):
    g = graph_of(nlp, "The money went to the Grey Heron gang, a ransomware group that the Riverton Police has said "
                      "was responsible for the May 7 attack on Acme Pipeline.")
    assert attributed(g).get("Grey Heron") in ("asserted", "suspected")
    assert ("Acme Pipeline", "asserted") in {(v, s) for _, v, s in claims(g, "TARGETED")}  # "May" hedges nothing


def test_real_news_menu_labels_and_unnamed_actors_are_no_culprits(nlp):
    g = graph_of(nlp, "Advisory Notice, Critical Patch Released In most cases, a bad actor has orchestrated a 51% "
                      "attack in order to manipulate transactions.")
    assert not attributed(g) and "Patch Released" not in types(g)


def test_real_news_loot_is_no_victim_and_none_negates(nlp):
    g = graph_of(nlp, "Personal data on donors of charities in Britain, the United States and Canada was stolen in a "
                      "ransomware attack on Acme Cloud.\nBorealis Services has said none of its systems were "
                      "compromised.")
    assert victims(g) == {"Acme Cloud"}
    assert ("Borealis Services", "negated") in {(v, s) for _, v, s in claims(g, "TARGETED")} or \
        "Borealis Services" not in {v for _, v, _ in claims(g, "TARGETED")}


def test_real_news_initials_with_an_ampersand_are_the_full_name(nlp):
    g = graph_of(nlp, "Quill & Harrow said the cyber attack had cost it $30 million.\nQ&H said the hackers got in "
                      "through a supplier.")
    assert {t for name, t in types(g).items() if "Q" in name} and len(
        [name for name in types(g) if name in ("Quill & Harrow", "Q&H")]) == 1


def test_real_news_a_frequent_target_is_no_victim_of_this_attack(nlp):
    g = graph_of(nlp, "Hackers broke into Acme Bank in May.\nMoldova denied any role, adding that Moldova was itself "
                      "a frequent target of cyber attacks.")
    assert victims(g) == {"Acme Bank"}


def test_real_news_plural_descriptors_collectives_and_lone_place_names(nlp):
    g = graph_of(nlp, "Acme Bank and Borealis Insurance were on the list, along with the router makers Quillmark and "
                      "Halvard.\nSome researchers tie the group to the pro-government hacking collective Grimnet, with "
                      "which it has announced joint campaigns.")
    assert types(g).get("Quillmark") == "Organization" and types(g).get("Halvard") == "Organization"
    assert types(g).get("Grimnet") == "ThreatActor"


def test_real_news_a_plural_descriptor_list_splits_at_and_whatever_the_names_hold(nlp):
    g = graph_of(nlp, "The list included the router makers Linkford and Q-Net and the carrier Borealis Telecom.")
    assert types(g).get("Linkford") == "Organization" and types(g).get("Q-Net") == "Organization"
    assert not [name for name in types(g) if " and " in name]


def test_real_news_makers_employers_and_trailing_words(nlp):
    g = graph_of(nlp, "A key part of the malware was Grimlock, an Acme exploit that was stolen in 2017.\n"
                      "A former Quillmark Analytics employee said the data had been shared.\n"
                      "He said Borealis first learned of the problem on Sept. 12.")
    assert types(g).get("Acme") != "Product"
    assert types(g).get("Quillmark Analytics") == "Organization"
    assert "Borealis first" not in types(g)


def test_real_news_owners_in_relative_clauses(nlp):
    g = graph_of(nlp, "Hackers broke into Halvard Holdings in May. Quillmark, the online fundraising platform that "
                      "Halvard Holdings owns, was not affected, the company said.\nBorealis Bank, which has been "
                      "wholly owned by Borealis since 2008, has about 7 million customers.")
    assert {(c, p) for c, p, _ in claims(g, "SUBSIDIARY_OF")} >= {("Quillmark", "Halvard Holdings"),
                                                                  ("Borealis Bank", "Borealis")}


def test_real_news_a_country_whose_national_system_is_hit_and_a_body_listed_after_a_country_possessive(nlp):
    g = graph_of(nlp, "The worm crippled Moldova's hospital system on Friday.\n"
                      "The worm disrupted car factories, global shipper Acme Freight and Moldova's Borealis Health Service, "
                      "among others.\n"
                      "Hackers later hit Moldova's banks.")
    assert {"Moldova", "Acme Freight", "Borealis Health Service"} <= victims(g)
    assert types(g).get("Borealis Health Service") == "Organization"


def test_real_news_britain_is_a_country(nlp):
    g = graph_of(nlp, "Acme Bank, the banking arm of Britain's biggest grocer, said hackers stole money from 9,000 "
                      "customers.")
    assert types(g).get("Britain", "Country") == "Country" and "Britain" not in [
        name for name, t in types(g).items() if t == "Organization"]


def test_real_news_names_a_researcher_tracks_and_operations_that_are_no_actors(nlp):
    g = graph_of(nlp, "Quillmark said the attacks were the work of a state-backed group it tracks as QX0417.\n"
                      "Borealis said QX0417 is the group known publicly as Grey Heron.\n"
                      "The police operation, code-named Kestrel Dawn, was led by Moldova's police.")
    assert types(g).get("Grey Heron") == "ThreatActor"
    actors = [e for e in g.entities if e.type == "ThreatActor"]
    assert len(actors) == 1 and "QX0417" in actors[0].aliases
    assert "Kestrel Dawn" not in types(g) or types(g)["Kestrel Dawn"] != "ThreatActor"


@pytest.mark.parametrize("text, junk", [
    ("The chief executive told MPs on Tuesday that Acme Bank had been hacked.", "MPs"),
    ("Acme Cloud said the outage began shortly before 11:00 BST and was fixed within the hour.", "BST"),
    ("Faulty Quillmark update crashes computers worldwide.\nThe faulty update came from Quillmark, a security firm.",
     "Faulty Quillmark"),
])
def test_real_news_words_that_name_nothing(nlp, text, junk):
    assert junk not in types(graph_of(nlp, text))


def test_real_news_the_city_of_x_is_a_body_only_where_it_is_no_mere_place(nlp):
    from kg.nlp.finders import _bodies_of_places

    def bodies(text):
        with nlp.select_pipes(disable=["kg_entities"]):
            doc = nlp(text)
        return [doc[c.start:c.end].text for c in _bodies_of_places(doc)]

    assert bodies("Hackers crippled the city of Dunmore, which paid the ransom.") == ["Dunmore"]
    assert bodies("A father and son were detained in the western city of Dunmore on Tuesday.") == []


def test_real_news_a_name_with_and_inside_is_one_name_where_a_finder_stops_at_its_and(nlp):
    from kg.nlp.entities import choose
    from kg.nlp.spans import Candidate

    def chosen(text, spans):
        with nlp.select_pipes(disable=["kg_entities"]):
            doc = nlp(text)
        return [doc[c.start:c.end].text for c in choose(doc, [Candidate(*s, "Organization", p, "test")
                                                              for *s, p in spans])]

    # a finder stopped at the "and" of the very name: the whole name stays
    assert chosen("The gang was active, according to the Office of Audit and Review.",
                  [(8, 13, 4), (8, 11, 2)]) == ["Office of Audit and Review"]
    # the text names the first part on its own elsewhere: two names
    assert chosen("Office of Audit staff said the Office of Audit and Review had been hit.",
                  [(0, 3, 2), (6, 11, 4)]) == ["Office of Audit"]


@pytest.mark.parametrize("text", [
    "Researchers with Halvard Rask, who discovered the flaw, said the bug lies in the web server.",
    "The vulnerability resides in a widely used chipset manufactured by Halvard Rask and used in phones.",
    "Halvard Rask has issued a new fix to address a command injection bug in its video conference software.",
    "The data was exposed by Halvard Rask, maker of a line of smart toys.",
    "For now, Halvard Rask has patched the bugs.",
])
def test_real_news_a_name_the_text_treats_as_a_body_is_one_whatever_the_model_says(nlp, text):
    assert types(graph_of(nlp, text)).get("Halvard Rask") == "Organization"  # the model says PERSON


def test_real_news_a_body_named_by_its_last_word_further_on(nlp):
    g = graph_of(nlp, "Hackers stole data from Quillmark Analytica, a London-based data firm, in March.\n"
                      "Regulators said Analytica had not reported the breach for six weeks.")
    assert [name for name in types(g) if "Analytica" in name] == ["Quillmark Analytica"]


def test_real_news_a_company_with_its_acronym_is_no_defined_term(nlp):
    from kg.nlp.entities import defined_terms

    def terms(text):
        with nlp.select_pipes(disable=["kg_entities"]):
            return defined_terms(nlp(text))

    assert "Quillmark Health Systems" not in terms("Hackers hit Quillmark Health Systems (QHS) on Monday, the "
                                                   "firm said.")
    assert "Industrial Control Systems" in terms("The hackers used them to reach critical Industrial Control "
                                                 "Systems (ICS) at the plant.")
    assert "File Transfer Protocol" in terms("The flaw lies in the File Transfer Protocol (FTP) server.")


def test_real_news_a_place_named_as_an_institution_is_an_organisation(nlp):
    g = graph_of(nlp, "Hackers crippled systems at Riverton Regional Airport and Kell Valley School on Monday.")
    assert types(g).get("Riverton Regional Airport") == "Organization"


@pytest.mark.parametrize("text, junk", [
    ("The police operation, code-named Kestrel Dawn, was led by Moldova's police.", "Kestrel Dawn"),
    ("Security firms have tracked the campaign under the name Cloud Heron.", "Cloud Heron"),
    ("Deputy Prime Minister and Defence Minister Jane Roe said the hackers had been identified.", "Defence"),
    ("Reading rooms in Leeds and Kell Spa remain open, but researchers cannot order items.", "Kell Spa"),
])
def test_real_news_operations_portfolios_and_places_are_no_entities(nlp, text, junk):
    assert junk not in types(graph_of(nlp, text))


def test_real_news_a_ransomware_operation_called_x_is_a_gang(nlp):
    g = graph_of(nlp, "A ransomware operation called Grey Heron hit Acme Bank in May.")
    assert types(g).get("Grey Heron") == "ThreatActor"


def test_real_news_an_institution_of_a_country_is_the_institution(nlp):
    from kg.nlp.finders import _country_named_bodies

    with nlp.select_pipes(disable=["kg_entities"]):
        doc = nlp("Hackers tried to steal money from the Central Reserve Bank of Moldova last year.")
    assert [doc[c.start:c.end].text for c in _country_named_bodies(doc)] == ["Central Reserve Bank of Moldova"]


def test_real_news_a_name_before_its_kind_and_software_with_a_flaw(nlp):
    from kg.nlp.finders import _names_before_kind, _software

    def found(finder, text):
        with nlp.select_pipes(disable=["kg_entities"]):
            doc = nlp(text)
        return [(doc[c.start:c.end].text, c.type) for c in finder(doc)]

    assert ("QXNC", "Organization") in found(_names_before_kind, "The centre, a new arm of the QXNC intelligence "
                                                                  "agency, said it was helping.")
    assert found(_names_before_kind, "The Moldovan security firm Quillmark spotted it.") == []  # a country; a name after
    assert ("QuillFile Transfer", "Product") in found(_software, "Acme said its customers were hit through a "
                                                                  "vulnerability in QuillFile Transfer, a file tool.")
    assert found(_software, "The researchers found a flaw in Acme Bank's website.") == []


def test_real_news_it_is_no_name(nlp):
    g = graph_of(nlp, "Acme Consulting, the Indian IT group that has served Borealis Stores for a decade, is "
                      "examining whether it was the gateway for the hackers.")
    assert "IT" not in types(g)


@pytest.mark.parametrize("text, name, expected", [
    # "who" after "researchers with X" are the researchers
    ("Researchers with Halvard Rask, who discovered the flaw, said the bug lies in the web server.", "Halvard Rask",
     "Organization"),
    # what the text says a name is, with "be"
    ("Halvard Rask was one of several other local government agencies that were hit by the attack.",
     "Halvard Rask", "Organization"),
    ("Halvard Rask is a security firm based in Riverton.", "Halvard Rask", "Organization"),
    # a title before a name at a sentence's end: the next sentence is no part of it
    ("The flaw makes it easy to take over the devices, according to Moldovan researcher Amihai Quillon. A phone "
     "with the system went on sale this year.", "Amihai Quillon", "Person"),
])
def test_real_news_what_the_sentence_says_a_name_is(nlp, text, name, expected):
    assert types(graph_of(nlp, text)).get(name) == expected


def test_real_news_a_lone_first_word_of_an_organisation_is_its_short_name():
    from collections import Counter

    from kg.nlp.entities import _share_short_name_votes

    votes = {"quillmark zlabs": Counter({"Organization": 4}), "quillmark": Counter({"Person": 1.5}),
             "jane roe": Counter({"Person": 4}), "jane": Counter({"Person": 0.5})}
    _share_short_name_votes(votes)
    assert votes["quillmark"].most_common(1)[0][0] == "Organization"
    assert votes["jane"] == Counter({"Person": 0.5})


def test_a_surname_tagged_a_place_once_is_no_place():
    from spacy.tokens import Doc, Span

    from kg.nlp.entities import _places

    import spacy
    doc = Doc(spacy.blank("en").vocab, words="Andra Rask said Rask had left".split())
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "GPE")]
    assert _places(doc) == set()


def test_real_news_a_verbs_object_pronoun_is_never_its_subject(nlp):
    from kg.nlp.finders import _pronoun_types

    def pronoun_types(text):
        with nlp.select_pipes(disable=["kg_entities"]):
            doc = nlp(text)
        return [(doc[c.start:c.end].text, c.type) for c in _pronoun_types(doc)]

    assert pronoun_types("He said that Halvard Rask has informed him that newer chips fix the flaw.") == []
    assert pronoun_types("Halvard Rask said he had informed the company.") == [("Halvard Rask", "Person")]


@pytest.mark.parametrize("text, actor, status", [
    ("Jane Roe was caught hacking into Acme Bank's computers in May.", "Jane Roe", "asserted"),
    ("The hack of Acme Bank was purportedly aided by the Moldovan government.", "Moldova", "suspected"),
])
def test_real_news_caught_doing_it_and_who_aided_it(nlp, text, actor, status):
    assert attributed(graph_of(nlp, text)) == {actor: status}


def test_real_news_who_supports_the_victim_is_no_culprit(nlp):
    assert attributed(graph_of(nlp, "The attack on Acme Bank was supported by Acme Cloud, which restored the "
                                    "backups.")) == {}


@pytest.mark.parametrize("text, expected", [
    ("Victims included the British advertising firm Acme Media and a shipping company, Borealis Terminals, based at "
     "the port of Riverton.", {"Acme Media", "Borealis Terminals"}),
    ("Nearly three weeks after many of its systems were knocked out by a ransomware virus, Riverton County has "
     "restored most of its phone system.", {"Riverton County"}),
    ("The party, known as Onward Now, said it had been hit by at least five phishing attacks.", {"Onward Now"}),
    ("In another extortion attempt, the gang stole hundreds of gigabytes of files from the Quillmark adhesive "
     "company.", {"Quillmark"}),
])
def test_real_news_victims_described_listed_or_named_ahead(nlp, text, expected):
    assert victims(graph_of(nlp, text)) == expected


def test_real_news_a_flaw_known_as_x_is_no_actor(nlp):
    from kg.nlp.spans import actor_context

    def context_at_cue(text, cue):
        with nlp.select_pipes(disable=["kg_entities"]):
            doc = nlp(text)
        return actor_context(doc, next(t.i for t in doc if t.text == cue))

    assert not context_at_cue("Hackers used the fourth category of vulnerability, known as Grimtide, on the chipset.",
                              "known")
    assert context_at_cue("Hackers broke into Acme Bank. The group of hackers, known as Grey Heron, stole data.",
                          "known")
