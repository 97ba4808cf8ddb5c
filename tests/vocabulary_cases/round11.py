"""The shipped vocabulary on wording from the voices the tenth round brought into the tuned part: a
collegiate recovery house's papers (its residents are students, its leaders a "wellness chair" and
"officer roles", its board "answers" what residents ask), a women's house's handbook (rules softened
into requests) and a corrective-action plan (findings and promises), with the role nouns any setting
uses for its residents (students, veterans, "the guys", clients, participants, tenants).

Each case is a sentence or two as such a writer puts it, written for these tests (not taken from the
corpus), read by the same extraction as any evidence file and judged against one topic of the rule's
document check, as `check` judges a binder: the idea said in the writer's own words is found, and the
same words used for something else are not: a day of the week that only says when the trash goes out,
visiting hours under a parking heading, a work crew's perks, residents asking about certificates, the
president of the neighborhood association, a chore board, "family members" who support one another,
a reminder to tell someone your plans. Topics this round made ask for their other idea in the same
sentence (a parking rule for visitors names where or what is wrong; "no special treatment" says no;
"which roles need them" says the role must hold it, and a certificate is a staff member's; a weekly
schedule names what happens on the day).
"""

# (rule id, topic name, text): said in a writer's own words, the topic is found.
FOUND = [
    # a campus house serves students: the population named by the setting's noun
    (
        "1.D.11.a",
        "the population served is defined",
        "## Who we serve\n\nCollege students in recovery from alcohol or other drugs who are enrolled at"
        " least half time.",
    ),
    # a veterans' home's residents are its veterans
    (
        "1.A.2.h",
        "no other transactions with residents",
        "Staff do not buy from, sell to or hire the veterans who live in the house.",
    ),
    # resident officers named as a club names them
    (
        "1.C.8.b",
        "named resident leadership roles",
        "## Officer roles\n\n- Social chair: plans the sober events each month and welcomes new residents.",
    ),
    (
        "3.G.22.b",
        "who informs residents",
        "In a new resident's first week, the wellness chair goes through the resource binder with her:"
        " local meetings, the food pantry and the free clinic.",
    ),
    # the board named by what it does, as those who decide
    (
        "1.C.7.e",
        "input reaches those who decide",
        "Residents fill out a survey at the end of each semester, and the board answers every theme in"
        " writing at its next meeting.",
    ),
    # the residents' say "in how the house is run"
    (
        "1.C.7.e",
        "residents are heard on operations",
        "# Residents' say in how the house is run\n\nRent, repairs and the house rules are on the agenda of"
        " every house meeting.",
    ),
    # speaking up is how a concern is raised
    (
        "2.F.16.e",
        "how concerns are raised",
        "If you see a housemate who seems to be using again, or a space heater left on by the curtains,"
        " speak up right away.",
    ),
    # where visitors park, said as where not to
    (
        "4.J.31.b",
        "visitors or neighbors",
        "Visitors park on the street in front of our house, never across a neighbor's driveway.",
    ),
    (
        "4.J.31.b",
        "visitors or neighbors",
        "If your visitor parks wrong, you go out and ask them to move the car.",
    ),
    # a weekly schedule: the day with what happens on it
    (
        "3.G.23.a",
        "days of the week",
        "| Day | Time | What |\n|---|---|---|\n| Monday | 7 pm | House meeting |\n"
        "| Thursday | 6 pm | SMART Recovery group |",
    ),
    # a working resident gets no special treatment, said with "the same"
    (
        "1.A.2.g",
        "no special treatment",
        "Residents on the paid work crew keep the same curfew and chores as everyone else.",
    ),
    # which roles need a credential: the role must hold it
    (
        "1.D.10.b",
        "which roles need them",
        "The house manager must hold a state peer recovery certification within six months of hire.",
    ),
    (
        "1.D.10.b",
        "which roles need them",
        "The peer coach holds a current state peer recovery certificate.",
    ),
    (
        "1.D.10.b",
        "certifications and licences",
        "The program director holds a state license as a chemical dependency counselor.",
    ),
]

# (rule id, topic name, text): the topic's words in another sense, or a rule not stated: not found.
NOT_FOUND = [
    # a weekday that only says when something is due or collected is no schedule of activities
    ("3.G.23.a", "days of the week", "Rent is due every Friday by 5 pm."),
    ("3.G.23.a", "days of the week", "Trash goes out Tuesday night, recycling every other Thursday."),
    # visiting hours under a parking heading say nothing of where visitors park
    ("4.J.31.b", "visitors or neighbors", "## Parking\n\nVisiting hours are Saturday and Sunday from 1 to 5 pm."),
    ("4.J.31.b", "visitors or neighbors", "Visitors to the county fair pay five dollars to park."),
    # a work crew's perks are special treatment, not its absence
    (
        "1.A.2.g",
        "no special treatment",
        "## Paid work\n\nResidents on the work crew get first pick of rooms and a later curfew.",
    ),
    # residents asking about certificates is not which roles need them
    (
        "1.D.10.b",
        "which roles need them",
        "Residents asked the staff for help finding job certification classes.",
    ),
    # a job that needs a certificate is no staff credential: the topic asks for a staff role
    (
        "1.D.10.b",
        "certifications and licences",
        "The workforce center helps residents find jobs that need a forklift certificate.",
    ),
    # a president or a board elsewhere is no resident leader, no one who decides
    (
        "1.C.8.b",
        "named resident leadership roles",
        "The president of the neighborhood association lives two doors down; she likes it quiet after ten.",
    ),
    (
        "1.C.7.e",
        "input reaches those who decide",
        "Chores are posted on the board in the kitchen, and residents fill in the weekly survey.",
    ),
    # "family members" are not the house's members: a bare "member" is no resident
    (
        "3.G.23.b",
        "residents support one another",
        "Family members support one another in a monthly group led by the counselor.",
    ),
    # telling someone your plans is no way of raising a safety concern (life safety)
    ("2.F.16.e", "how concerns are raised", "Tell someone your plans and carry a charged phone."),
]
