"""The shipped vocabulary on wording from three more kinds of writer: a county contract's scope of
work, a house manager's group-chat messages and an intake packet's form pages.

Each case is a sentence or two as such a writer puts it, read by the same extraction as any evidence
file and judged against one topic of the rule's document check, as `check` judges a binder: the idea
said in the writer's own words is found, and the same words used for something else (a contract's
"Responsible party" column, "this Agreement", a job search record) are not.
"""

# (rule id, topic name, text): said in a writer's own words, the topic is found.
FOUND = [
    # learning from the numbers without the words "quality improvement"
    (
        "1.A.4.a",
        "used for quality improvement",
        "Each quarter the QA team looks at the outcome numbers, picks one thing to change and checks"
        " the next quarter whether it worked.",
    ),
    # no end to a stay, said as what the house does not set
    (
        "1.C.7.d",
        "no program-imposed end date",
        "The house does not set a program length or a move-out date for anyone.",
    ),
    # acceptance nobody has to earn
    (
        "1.D.9.d",
        "unconditional positive regard",
        "No resident has to earn our acceptance; those who are hard to like still get our warmth.",
    ),
    # a resident-employee held to the same house rules as everyone
    (
        "1.A.2.g",
        "no special treatment",
        "A resident who works for the house keeps the same curfew and the same chores, and the job"
        " gets him nothing extra.",
    ),
    # staff as what residents copy, in a house manager's chat
    (
        "1.D.9.a",
        "staff act as role models",
        "hm: staff, the guys learn more from how we act than from the rules on the fridge",
    ),
    # rules the residents voted in at their meeting, in chat shorthand
    (
        "1.C.7.a",
        "residents set some rules",
        "hm: at sun's house mtg you guys voted in the new quiet hrs\nhm: those are your rules now\n",
    ),
    # what is left at move-out, as a chat says it
    (
        "1.B.5.a",
        "property left behind",
        "hm: stuff you leave when you move out: we bag it, store it 30 days, then donate it",
    ),
    # a newcomer's welcome ritual
    (
        "3.I.28.d",
        "ritual or celebration",
        "hm: every new guy gets the welcome circle at dinner his first night and a keychain",
    ),
    # a form page filled in with the resident before any money is taken
    (
        "1.A.3.d",
        "disclosed to the resident",
        "Before we accept any money, your house manager fills in this page with you.",
    ),
    # the owner's letter agreeing to the use, for the lease's whole term
    (
        "1.A.2.c",
        "permission given",
        "I agree to that use, and Cedar Run has my consent to run a sober living home there for the full rental term.",
    ),
    # a sponsor the resident promises to ask for, on an intake checklist
    (
        "3.I.29.b",
        "expectation or help to find one",
        "[ ] Within my first 30 days I will ask someone to be my sponsor.   ____ Initial",
    ),
    # medication kept in a cabinet named by where it is
    ("2.F.16.d", "storage", "All medications are kept in the cabinet in the office, and staff hold the key."),
    # residents expected to back each other up, in a contract's leadership manual
    (
        "3.G.23.b",
        "residents are taught or expected to",
        "Residents are expected to back each other up in recovery and to treat the house as a team.",
    ),
]

# (rule id, topic name, text): the same words used for something else, the topic is not found.
NOT_FOUND = [
    # a contract's "Responsible party" column is no party for a milestone
    (
        "3.I.28.d",
        "ritual or celebration",
        "| Milestone | Due | Responsible party |\n|---|---|---|\n"
        "| First quarterly progress report | Day 90 | Program Director |\n",
    ),
    # an active licence is not an active resident
    (
        "3.G.20.a",
        "residents are encouraged or expected to be active",
        "Staff must hold an active license or certification where the position requires it.",
    ),
    # the County's college placing interns is not residents going to school
    (
        "3.G.20.a",
        "work, school or volunteering",
        "Interns from the County college's school of social work may be placed with Contractor.",
    ),
    # a job search record is no record of a room search
    (
        "2.F.16.b",
        "who searches and how it is recorded",
        "Keep your Job Search Record (employer, date, result) and bring it to the Tuesday check-in,"
        " where the Employment Mentor records your progress.",
    ),
    # strength-based notes are not strengths celebrated
    ("1.C.8.c", "strengths are celebrated", "Strength-based language is encouraged in all staff notes."),
    # the County's ethics ordinance and "this Agreement" are not the house's signed code of ethics
    (
        "1.A.2.i",
        "a code of ethics",
        "Contractor shall not offer any gift to a County official, in accordance with the County Ethics"
        " Ordinance and this Agreement.",
    ),
    # a program described in the County Agreement is not a use the lease names
    (
        "1.A.2.c",
        "the recovery-residence use named",
        "The recovery-housing program is described in Exhibit A of the County Agreement, which is not"
        " attached to the lease.",
    ),
    # staff on-call duty rotating is not a chore rotation
    (
        "3.I.27.c",
        "assignment or rotation",
        "Staff on-call duty rotates among the House Managers as set by the Program Director.",
    ),
    # a medicine cabinet taken out of a bathroom is no medication storage
    (
        "2.F.16.d",
        "storage",
        "hm: the medicine cabinet in the hall bath is being taken out, new mirror going up",
    ),
    # a knockoff part is no knock on a resident's door
    ("1.D.9.d", "respect", "hm: staff - genuine parts only for the dryer, don't buy the knockoff belt"),
    # reporting at any hour is no acceptance of the person
    (
        "1.D.9.d",
        "unconditional positive regard",
        "I will report any positive drug test to the Program Director within 1 hour, regardless of the time of day.",
    ),
    # an alarm still "on my list" is a promise, not a rule
    (
        "2.F.17.c",
        "carbon monoxide detectors",
        "hm: the co alarm plan is on my list for after the furnace gets swapped in the spring",
    ),
    # a contractor's needs assessment is not residents' recovery measured over time
    (
        "3.G.21.b",
        "how growth is tracked",
        "Contractor shall submit a needs assessment describing the organization's strengths and track"
        " growth in funded bed capacity in the annual report.",
    ),
    # meeting a newcomer to go over resources does not name which community resources
    (
        "3.G.22.b",
        "community resources covered",
        "The House Manager meets with each new resident within three days to go over available resources.",
    ),
]
