"""The shipped vocabulary on wording from the eighth round's weakest voices: talk written down, a
scanned handbook, an e-mail or FAQ answer, a house manager's group chat and a board's resolutions.

Each case is a sentence or two as such a writer puts it, read by the same extraction as any evidence
file and judged against one topic of the rule's document check, as `check` judges a binder: the idea
said in the writer's own words is found, and the same words used for something else (a board putting
a matter off, a resident's own responsibility, a curfew check-in, a wage rising) are not.
"""

# (rule id, topic name, text): said in a writer's own words, the topic is found.
FOUND = [
    # who may hold a peer role, as a table's column says it
    (
        "3.G.21.c",
        "criteria to hold the role",
        "| Position | Who may serve | What the position does |\n|---|---|---|\n"
        "| House President | 90 days in the house, rent current | runs the weekly house meeting |\n",
    ),
    # the same, in a chat
    (
        "3.G.21.c",
        "criteria to hold the role",
        "hm: house senior - who can: 90 days clean, rent current, no write-ups in last 30 days",
    ),
    # a heading over the list of what may not come in
    (
        "2.F.16.b",
        "list of prohibited items",
        "# WHAT CANNOT COME INTO THE HOUSE\n\n- mouthwash or cooking wine with alcohol\n"
        "- pipes, bongs, rolling papers, scales\n",
    ),
    # the one place to smoke, without the words "designated area"
    (
        "2.F.18.a",
        "designated area or smoke-free property",
        "The only place to smoke is the picnic table behind the garage.",
    ),
    # a resident on the payroll gets nothing extra
    (
        "1.A.2.g",
        "no special treatment",
        "A resident on the payroll gets no extra passes, no better room and no break on house rules.",
    ),
    # everyone carrying someone else
    ("3.G.23.b", "residents support one another", "Everybody here is somebody's support."),
    # a location tag on a picture is social media, whatever the site
    (
        "1.B.6.c",
        "social media covered",
        "Pictures of yourself from the barbecue, sure, but never add a location tag that shows where the house is.",
    ),
    # a check of someone's record, said with its article
    (
        "1.A.2.f",
        "background checks",
        "The office runs a record check on every staff member and volunteer before they start.",
    ),
    # sobriety counted as a requirement
    (
        "1.D.12.c",
        "eligibility",
        "Eligible: anyone with one year of sobriety who has completed our volunteer program.",
    ),
    # a standing one-to-one every other week
    (
        "3.G.24.b",
        "regular schedule",
        "Every peer coach who leads a group meets one-to-one with the Program Director every other Thursday.",
    ),
    # the lease said with whom it is held, the building between
    (
        "1.A.2.c",
        "a lease with the owner",
        "hm: we lease the whole building from him, the lease is in the binder, runs thru next dec",
    ),
    # feeling with someone, as it is said aloud
    (
        "3.H.26.a",
        "empathy and compassion",
        "When somebody's having a rough day, try to put yourself where they are.",
    ),
    # the resident's own acknowledgement on a move-in checklist
    ("2.F.19.c", "resident sign-off", "I have been shown each item on this checklist."),
    # a stay named by where it starts
    ("1.C.7.d", "length of stay addressed", "Stays start at 90 days and can run as long as a year."),
    # strengths named by what a resident brings, without the word "recovery"
    (
        "3.G.21.b",
        "recovery capital or strengths",
        "Every resident comes with strengths: skills, faith, family who still pray for him, a good work ethic.",
    ),
    # a chat's next step for a complaint: not liking the answer
    (
        "1.C.7.b",
        "escalation path",
        "hm: if you don't like my answer, it goes to the owner. his call is final",
    ),
    # required, as a chat says it
    (
        "3.I.28.b",
        "participation is required",
        "hm: life skills class tue 6p, peer group thu 7p: all 3 are for everybody. not if ur free",
    ),
    # keeping the house's business off social media
    (
        "1.B.6.c",
        "privacy and confidentiality",
        "hm: keep house drama off fb and insta, no airing our business online, no subtweeting your roommate",
    ),
    # alcohol kept out, as it is said aloud or in a chat
    ("2.F.16.a", "alcohol", "Beer and liquor are off limits in this house."),
    ("2.F.16.a", "alcohol", "hm: reminder, any alcohol in your room gets you kicked out"),
    # consent of everyone in a picture before it is posted
    (
        "1.B.6.c",
        "privacy and confidentiality",
        "If you post a group picture from the picnic, every guy in it has to say yes first.",
    ),
    # an overdose's signs and first steps, as a chat says them (life safety)
    (
        "2.F.19.a",
        "overdose response",
        "hm: if somebody's passed out and turning blue, do cpr and don't leave them till the ambulance gets here",
    ),
    # a step of a procedure is not a matter put off ("under review", "look into")
    (
        "3.I.27.b",
        "admission process",
        "Your application is under review by the house manager, who will call you within three days to set"
        " up an interview.",
    ),
    (
        "1.C.7.b",
        "how to file a grievance",
        "Write your complaint on the form in the hallway box; the house manager will look into every one and"
        " answer in writing.",
    ),
    # training that recurs, said by its yearly hours
    ("1.D.10.c", "development is ongoing", "Every staff member completes eight hours of training a year."),
    # a board's refusal of applicants is an admission rule, not a matter put off
    (
        "3.I.27.b",
        "admission process",
        "The board declines applications from anyone with an arson conviction; the house manager interviews"
        " every applicant.",
    ),
    # whom a notice's rules bind, said by its lead-in
    (
        "1.B.6.c",
        "whom it binds",
        "SOCIAL MEDIA\n\nFor all residents and staff:\n\n- No posting anyone's face or name online without their OK.\n",
    ),
    # the decider in the room where residents speak
    (
        "1.C.7.e",
        "input reaches those who decide",
        "Each house elects two residents to a Resident Council, which meets monthly with the Executive"
        " Director present.",
    ),
]

# (rule id, topic name, text): the same words used for something else, the topic is not found.
NOT_FOUND = [
    # a test schedule the board has not set yet is no inspection schedule (life safety)
    (
        "2.F.17.c",
        "smoke detectors",
        "A schedule for testing smoke and carbon monoxide detectors has not been set yet; the board will"
        " take this up at the spring meeting.",
    ),
    (
        "2.F.17.c",
        "inspection schedule",
        "A schedule for testing smoke and carbon monoxide detectors has not been set yet; the board will"
        " take this up at the spring meeting.",
    ),
    # medicine storage put off to a later meeting (life safety)
    (
        "2.F.16.d",
        "storage",
        "Standards for where medicine is to be kept in the house will be considered by the Board at a later meeting.",
    ),
    # where to smoke left for each house to decide
    (
        "2.F.18.a",
        "designated area or smoke-free property",
        "Where residents may smoke outdoors is left to each house to work out at its house meeting.",
    ),
    # a board authorised only to look into a filing
    (
        "1.A.2.a",
        "state registration",
        "BE IT FURTHER RESOLVED that the Executive Director is authorized to look into filing the Articles"
        " with the State when counsel has reviewed them.",
    ),
    # training promised for when there is money
    (
        "1.D.10.c",
        "development is ongoing",
        "We will develop a yearly training program for staff in the future, when there is money.",
    ),
    # recording who is checked in at curfew is no background check
    (
        "1.A.2.f",
        "background checks",
        "House managers will continue to record who is checked in at curfew.",
    ),
    # a recital that the minimum wage rises pays no resident anything
    ("1.A.2.g", "fair wages", "WHEREAS the state minimum wage rises on January 1, 2025;"),
    # a reserve policy's "strengthen" and accounting "principles" are no trauma-informed principles
    (
        "3.H.26.b",
        "trauma-informed principles",
        "The Board adopts a reserve policy to strengthen the organization's finances, following generally"
        " accepted accounting principles.",
    ),
    # residents responsible for their own contacts: no role is given the work
    (
        "1.D.12.b",
        "a responsibility of the role",
        "Residents are responsible for making their own contacts with community services.",
    ),
    # testing "with no conditions" is no acceptance of the person
    (
        "1.D.9.d",
        "unconditional positive regard",
        "Random test 2 times each month, no conditions: every resident is tested, no exception.",
    ),
    # a supervisor approving timesheets every Friday is no supervision schedule
    ("3.G.24.b", "regular schedule", "Timesheets for group leaders are approved by the supervisor every Fri."),
    # a resident's own weekly counselling appointment is not the house's clinical timetable
    (
        "3.G.25.a",
        "clinical services",
        "Plenty of residents see a counselor at a clinic in town; put your weekly appointment on the whiteboard.",
    ),
    # rights at an outside job are not residents' rights in the house's code
    (
        "1.A.2.i",
        "respect for residents' rights and privacy",
        "Know your rights at work: the minimum wage poster must be displayed, and your pay stub is private.",
    ),
    # visitors admitted to the common rooms are no admission process
    (
        "3.I.27.b",
        "admission process",
        "Visitors are admitted to the common rooms between 4:00 p.m. and 8:00 p.m., and each visitor shall sign"
        " the visitor log.",
    ),
    # a use still under review by counsel is no permission given
    (
        "1.A.2.c",
        "permission given",
        "Whether that use is permitted under the existing lease is under review by the partnership's counsel.",
    ),
    # a board declining, tabling or referring a matter adopts nothing
    (
        "3.G.25.a",
        "agreement",
        "NOW, THEREFORE, BE IT RESOLVED that the Board declines to sign any memorandum of agreement with a"
        " counseling group at this time.",
    ),
    (
        "2.F.17.c",
        "inspection schedule",
        "The motion to test the smoke alarms and fire extinguishers every month was tabled until the March meeting.",
    ),
    (
        "2.F.17.c",
        "smoke detectors",
        "The motion to put a smoke alarm in every bedroom was referred to the Facilities Committee.",
    ),
    # training once, for last year's hires, is not development that goes on ("last year" is no "yearly")
    (
        "1.D.10.c",
        "development is ongoing",
        "The de-escalation training is a one-time catch-up for everyone hired last year.",
    ),
    # residents present at a meeting the manager runs is attendance, not input reaching the decider
    (
        "1.C.7.e",
        "input reaches those who decide",
        "Every resident must be present at the weekly house meeting, which the house manager runs.",
    ),
    # being out where there is alcohol is not alcohol forbidden
    ("2.F.16.a", "alcohol", "If you're out late at a party where there's alcohol, call the house for a ride."),
    # staff duties left unchanged teach nobody anything
    ("1.D.9.b", "staff teach or coach", "BE IT FURTHER RESOLVED that staff duties are unchanged."),
]
