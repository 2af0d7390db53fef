"""One sentence per relation rule, written for these tests about incidents other than the seeds.

Each case: text, the predicate, subject and object names (incidents by their victim), the status.
"""

from __future__ import annotations

import pytest

from tests.extraction.test_rules import graph_of

CASES = [
    ("attr-agent", "The county's servers were encrypted on Sunday by a gang that calls itself “Black Harbor,” "
     "officials said.", "ATTRIBUTED_TO", "Black Harbor", "asserted"),
    ("attr-attackers", "Suspected Iranian hackers breached the network of Acme Water on Tuesday.",
     "ATTRIBUTED_TO", "Iran", "suspected"),
    ("attr-linked", "The Acme Bank hack was linked to the Lazarus Group by two researchers.",
     "ATTRIBUTED_TO", "Lazarus Group", "suspected"),
    ("attr-hacked-by", "Visitors to the Riverton city website saw a banner reading \"Hacked By #ShadowFox\" after the "
     "attack on Riverton Council.", "ATTRIBUTED_TO", "#ShadowFox", "claimed"),
    ("attr-responsible", "Hackers breached Acme Bank last week.\nInvestigators believe North Korea may be responsible "
     "for the attack.", "ATTRIBUTED_TO", "North Korea", "suspected"),
    ("attr-claim", "Hackers breached Acme Bank last week.\nThe ransomware gang known as Rhysida claimed "
     "responsibility for the attack.", "ATTRIBUTED_TO", "Rhysida", "claimed"),
    ("attr-accuse", "Hackers breached Acme Bank last week.\nThe government accused Iran of the cyber attack on "
     "Acme Bank.", "ATTRIBUTED_TO", "Iran", "asserted"),
    ("attr-denial", "Hackers breached Acme Bank last week.\nNorth Korea denied any involvement in the attack.",
     "ATTRIBUTED_TO", "North Korea", "denied"),
    ("target", "Hackers broke into the systems of Northwind Traders on Friday.", "TARGETED", "Northwind Traders",
     "asserted"),
    ("motive-retribution", "A cyber attack hit Globex Studios on Monday, possibly in retaliation for its film "
     "\"Red Dawn Rising\".", "MOTIVATED_BY", "Red Dawn Rising", "suspected"),
    ("hire", "Initech has hired CrowdStrike to investigate the breach at its payroll unit.", "HIRED", "CrowdStrike",
     "asserted"),
    ("hire-respond", "Initech has hired CrowdStrike to investigate the breach at Initech.", "RESPONDED_TO",
     "CrowdStrike", "asserted"),
    ("investigate", "Hackers breached Initech on Monday.\nThe FBI is investigating the breach.", "INVESTIGATES",
     "FBI", "asserted"),
    ("subsidiary-unit", "Initech has hired Google's Mandiant incident response unit.", "SUBSIDIARY_OF", "Google",
     "asserted"),
    ("leader-title", "Iranian President Masoud Pezeshkian denied the report.", "LEADER_OF", "Iran", "asserted"),
    ("subsidiary-parent", "Hackers breached Optus on Monday.\nSingtel, the parent company of Optus, said it was "
     "helping.", "SUBSIDIARY_OF", "Singtel", "asserted"),
    ("subsidiary-owned-by", "Hackers breached Change Healthcare, which was bought in 2022 by Optum.",
     "SUBSIDIARY_OF", "Optum", "asserted"),
    ("subsidiary-unit-prefix", "Hackers breached Northwind Global Services, the unit that sells spare parts, "
     "Northwind said.", "SUBSIDIARY_OF", "Northwind", "asserted"),
    ("exec-apposition", "Hackers breached Initech on Monday.\nPeter Gibbons, Initech's chief technology officer, "
     "said the systems were restored.", "EXECUTIVE_OF", "Initech", "asserted"),
    ("attr-actor-phrase", "Hackers breached the Acme Water network on Monday.\nThe intruders were linked to the "
     "Iranian government, researchers said.", "ATTRIBUTED_TO", "Iran", "suspected"),
    ("attr-denial-rule-out", "Hackers breached Acme Bank last week.\nA Kremlin spokesman ruled out any involvement "
     "by the Russian government.", "ATTRIBUTED_TO", "Russia", "denied"),
    ("exec-title", "Hackers breached Initech on Monday.\nInitech chief executive Bill Lumbergh apologised to "
     "customers.", "EXECUTIVE_OF", "Initech", "asserted"),
]


@pytest.mark.parametrize("rule, text, predicate, name, status", [c for c in CASES if c[2]], ids=[c[0] for c in CASES if c[2]])
def test_rule_catalogue(nlp, rule, text, predicate, name, status):
    g = graph_of(nlp, text)
    names = {e.id: e.name for e in g.entities} | {i.id: i.name for i in g.incidents}
    found = [(names[c.subject], names[c.object], c.status, c.rule) for c in g.claims if c.predicate == predicate]
    assert any(name in (s, o) and st == status for s, o, st, _ in found), found
