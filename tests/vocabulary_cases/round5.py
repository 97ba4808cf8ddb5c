"""The shipped vocabulary on wording from three more kinds of writer: a peer mentor talking a newcomer
through the binder, a house answering questions by e-mail, and lease-style clauses.

Each case is a sentence or two as such a writer puts it, read by the same extraction as any evidence
file and judged against one topic of the rule's document check, as `check` judges a binder: the idea
said in the writer's own words is found, and the same words used for something else are not.
"""

# (rule id, topic name, text): said in a writer's own words, the topic is found.
FOUND = [
    # an amount said in words, as a house manager says it out loud
    ("1.A.3.a", "fees and charges", "Rent is a hundred and seventy-five a week, paid every Friday."),
    # "nobody takes a dime from you" is the fee sheet coming before any payment
    (
        "1.A.3.a",
        "disclosed before any payment",
        "Nobody takes a dime from you till you've read the fee sheet and signed it.",
    ),
    # equal treatment promised without the word "discriminate"
    (
        "1.A.2.d",
        "nondiscrimination commitment",
        "We treat everybody the same here, and everybody's welcome, that's a promise in writing.",
    ),
    # survey answers kept by number, not name
    (
        "1.A.4.a",
        "protecting identity",
        "Your name doesn't go on the survey; the spreadsheet only has numbers.",
    ),
    # staff living what they teach, in a mentor's words
    (
        "1.D.9.a",
        "staff act as role models",
        "The staff handbook says they've got to walk the walk, not just talk it.",
    ),
    # a staff member's own people to lean on
    (
        "1.D.9.c",
        "a personal support network",
        "Staff need their own people too: friends, family, somebody to vent to after a bad shift.",
    ),
    # the resident signs the move-in checklist alongside the mentor
    (
        "2.F.19.c",
        "resident sign-off",
        "Every line I check off, then at the end you sign it, I sign it, we date it.",
    ),
    # a carbon monoxide alarm named as "a CO one", with its place
    (
        "2.F.17.c",
        "carbon monoxide detectors",
        "There's a CO one too, the one that plugs in, on each floor.",
    ),
    # an extinguisher placed by a fixture
    ("2.F.17.c", "fire extinguishers", "The extinguisher's under the kitchen sink, behind the dish soap."),
    # residents making their own rules, said plainly
    (
        "1.C.7.a",
        "residents set some rules",
        "At the Sunday house meeting the residents make some of our own rules, like quiet hours.",
    ),
    # staff living their recovery at work and away from it
    (
        "1.D.9.a",
        "recovery skills and behaviors",
        "Staff stay sober on and off the clock and go to their own meetings.",
    ),
    # the expectation of a purposeful day, in an everyday idiom
    (
        "3.G.20.a",
        "residents are encouraged or expected to be active",
        "We expect everyone to have a reason to get up in the morning.",
    ),
    # a retaliation clause in a lease's words
    (
        "1.A.2.g",
        "ending the arrangement without retaliation",
        "Either party may end the engagement at any time, and such ending shall not be grounds for any"
        " adverse action against the Resident.",
    ),
    # a consequence in spoken words: written up, kicked out
    (
        "2.F.16.c",
        "results and refusals",
        "If your test comes back positive you get written up, and if you refuse the cup you get kicked out.",
    ),
    # a smoking ban with the place it covers
    ("2.F.18.a", "not indoors", "Residents shall not smoke inside the house or on the porch."),
]

# (rule id, topic name, text): the same words used for something else, the topic is not found.
NOT_FOUND = [
    # a smoke detector is not smoking
    ("2.F.18.a", "smoking and tobacco", "Residents shall not disable the smoke detectors for any reason."),
    ("4.J.31.a", "smoking", "Residents shall not tamper with smoke detectors."),
    # rules amended by the operator are not rules residents make
    (
        "1.C.7.a",
        "residents set some rules",
        "All rules of the House are set forth in Schedule A as adopted by Operator, and may be amended"
        " only by Operator upon seven (7) days' written notice.",
    ),
    # a tampering rule names the alarm but neither where it is nor how it is checked
    (
        "2.F.17.c",
        "carbon monoxide detectors",
        "Resident shall not cover, disconnect or remove the battery from any smoke or CO alarm.",
    ),
    # a smoking place left to be designated later is no designated place
    (
        "2.F.18.a",
        "designated area or smoke-free property",
        "Residents who wish to smoke outdoors shall do so at a location to be designated by House Staff in due course.",
    ),
    # a shared bathroom's privacy curtain is not about posting residents online
    (
        "1.B.6.c",
        "privacy and confidentiality",
        "A privacy curtain is provided in each shared bathroom, and Residents shall keep it closed.",
    ),
    # signing up for a class is not signing the checklist
    ("2.F.19.c", "resident sign-off", "They'll tell you to sign up for the class online."),
    # a rooming-house licence from the city is not a licensed clinician
    (
        "3.G.25.a",
        "licensed clinicians",
        "The Operator holds a rooming-house license issued by the City, posted in the front hall.",
    ),
    # a resident's personal goal raised with staff is not staff performance development
    (
        "1.D.13.a",
        "performance development",
        "Any Resident wishing to develop a personal goal may raise it with House Staff at any time.",
    ),
]
