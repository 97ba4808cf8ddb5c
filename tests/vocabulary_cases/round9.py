"""The shipped vocabulary on wording from the voices the eighth round brought into the tuned part: a
training slide deck (terse fragments, speaker notes), a clinical provider's manual (clinical and
regulatory terms, a clinic's own procedures beside the house's) and a house's web pages (promotional
prose, reassurance around the rule).

Each case is a sentence or two as such a writer puts it, read by the same extraction as any evidence
file and judged against one topic of the rule's document check, as `check` judges a binder: the idea
said in the writer's own words is found, and the same words used for something else (a financial
safety net, a financial emergency's procedure, a new employee's orientation, a rule waiting on the
state, a model train, a resident's renter's insurance) are not.
"""

# (rule id, topic name, text): said in a writer's own words, the topic is found.
FOUND = [
    # a resident on the payroll gets no preference and keeps the same rules
    (
        "1.A.2.g",
        "no special treatment",
        "A resident hired for kitchen work receives no preference in bed assignment and is held to the same"
        " house rules as everyone else.",
    ),
    # the residents' own council makes the rules
    (
        "1.C.7.a",
        "the forum where rules are made",
        "Any resident may propose a new house rule, and the Resident Council adopts it by majority vote.",
    ),
    # what residents raise carried to those who decide
    (
        "1.C.7.e",
        "input reaches those who decide",
        "The Resident Representative brings the house's suggestions and concerns to the monthly meeting with"
        " the Program Director.",
    ),
    # a clinical job description's position: a technician
    (
        "1.D.12.a",
        "responsibilities",
        "The Overnight Technician's responsibilities are bed checks, curfew checks and the shift log.",
    ),
    # a test every so many days is a schedule
    (
        "2.F.17.c",
        "inspection schedule",
        "Smoke alarms in every bedroom are tested by the house manager every 30 days.",
    ),
    # the person a form asks for, named as the form names them (life safety)
    (
        "2.F.19.b",
        "emergency contact",
        "If you are hurt or taken to the hospital, staff will reach out to the person you name below.",
    ),
    # the intake form's own fields, with no resident named (life safety)
    (
        "2.F.19.b",
        "contact details",
        "# Intake Form, Section C: Emergency Contact\n\nName: ____  Relationship: ____  Phone: ____",
    ),
    # an orientation day with a tour is the move-in orientation
    (
        "2.F.19.c",
        "orientation",
        "# Orientation day\n\nA senior resident gives every newcomer a house tour and shows them the fire exits.",
    ),
    # a certificate's dates as a FAQ answer gives them
    (
        "1.A.2.b",
        "policy period",
        "Our general liability policy is in force from July 1, 2026 through July 1, 2027.",
    ),
    # names taken off before anyone reads the numbers
    (
        "1.A.4.a",
        "protecting identity",
        "Before anyone looks at the data, names and other details that could identify you are removed.",
    ),
    # what a resident is good at, celebrated
    (
        "1.C.8.c",
        "strengths are celebrated",
        "Each month housemates name someone for what they do best, and we celebrate them at Sunday dinner.",
    ),
    # the resident taught, as a web page speaks to them
    (
        "1.D.9.b",
        "staff teach or coach",
        "Our house managers don't do things for you; they coach you to do them yourself.",
    ),
    # a supervisor met regularly, without the word "supervision"
    (
        "3.G.24.b",
        "regular schedule",
        "Every other week, each peer specialist meets with our Program Director to talk through their groups.",
    ),
    # trauma said plainly
    (
        "3.H.26.b",
        "trauma-informed or resilience approach",
        "Most of our residents have lived through hard things, so we run our homes with that in mind.",
    ),
    # everyone a support, as a slide says it
    ("3.G.23.b", "residents support one another", "In this house we carry each other."),
    # a complaint taken further, as a web page says it
    (
        "1.C.7.b",
        "escalation path",
        "If something isn't right and your house manager cannot settle it, your concern moves up to our"
        " program director.",
    ),
    # no date set for leaving
    (
        "1.C.7.d",
        "no program-imposed end date",
        "We never hand anyone a move-out date; the choice of when to leave is yours.",
    ),
    # what identifies someone as a resident, kept confidential
    (
        "1.B.6.b",
        "confidentiality of resident information",
        "All information that identifies a person as a resident is confidential.",
    ),
    # housemates encouraged to support each other
    (
        "3.I.29.f",
        "encouragement",
        "Housemates are encouraged to support each other and to share meals.",
    ),
    # every resident taking part, with attendance taken
    (
        "3.I.28.b",
        "participation is required",
        "All residents take part in the groups below, and attendance is taken at each session.",
    ),
]

# (rule id, topic name, text): the same words used for something else, the topic is not found.
NOT_FOUND = [
    # a financial safety net for residents between jobs is no resident's job to keep others safe
    # (life safety)
    (
        "2.F.16.e",
        "resident responsibility",
        "A safety net fund from our alumni covers a week's rent for residents between jobs.",
    ),
    # a financial emergency's procedure is no emergency procedure shown to a resident (life safety)
    (
        "2.F.19.c",
        "emergency procedures",
        "If you hit a financial emergency, our procedure is simple: fill out the request form.",
    ),
    # a new employee's orientation day with staff training is not the move-in orientation (life safety)
    (
        "2.F.19.c",
        "orientation",
        "# New Employee Orientation, Day 2\n\nEmergency procedures training for staff is scheduled by the"
        " Safety Officer.",
    ),
    (
        "2.F.19.c",
        "emergency procedures",
        "# New Employee Orientation, Day 2\n\nEmergency procedures training for staff is scheduled by the"
        " Safety Officer.",
    ),
    # a rule waiting on the state, or on a lockbox not yet installed, states no rule
    (
        "1.D.10.a",
        "keeping training current",
        "Ongoing training requirements will be finalized once the state issues its new certification rules.",
    ),
    (
        "2.F.16.d",
        "storage",
        "A lockbox for medications has been ordered, and a storage procedure will be issued when it is installed.",
    ),
    # recognition left to whatever interest there is
    (
        "1.D.13.b",
        "recognition",
        "Recognition events for staff are planned by the social committee as interest allows.",
    ),
    # vision coverage in a health plan is no vision statement
    (
        "1.A.1.b",
        "a stated vision",
        "Many residents qualify for Medicaid, which in our state includes vision and dental care.",
    ),
    # collecting a move-in fee collects no outcome data
    ("1.A.4.a", "what data or outcomes are collected", "We collect the $100 move-in fee on your first day."),
    # residents keeping each other's stories: the bare "residency" was any resident
    (
        "1.B.6.b",
        "confidentiality of resident information",
        "Residents agree to keep each other's stories confidential.",
    ),
    # staff allowed onto a shared drive is no access limited to the authorized
    (
        "1.B.6.a",
        "access limited to authorized people",
        "Staff are authorized to access the shared drive during business hours for scheduling.",
    ),
    # outside mutual-help groups are not residents supporting one another
    (
        "1.C.8.a",
        "residents support one another",
        "Residents choose from 12-step, SMART Recovery and other mutual-help groups in the community.",
    ),
    # valuing diversity is no cultural responsiveness training
    ("1.D.11.b", "cultural responsiveness", "The organization values diversity and welcomes everyone."),
    # an organisation's network of partners is no one's personal support network
    (
        "1.D.9.c",
        "a personal support network",
        "The organization maintains a support network of community partners to whom residents are referred.",
    ),
    # staff sitting in the back is no duty of a position
    ("1.D.12.a", "responsibilities", "Staff sit in the back during the graduation."),
    # a survey named "positive regard" is no unconditional positive regard
    (
        "1.D.9.d",
        "unconditional positive regard",
        '"Positive regard" survey: residents rate the house every year.',
    ),
    # a resident's own renter's insurance names no insured
    (
        "1.A.2.b",
        "named insured",
        "Residents are encouraged to carry renter's insurance; the organization's coverage does not insure"
        " personal property.",
    ),
    # nobody taking attendance requires nothing
    ("3.I.28.b", "participation is required", "Come when you like; nobody takes attendance."),
]
