"""Write the training split of the mail corpus: tests/data/mail_corpus/train.txt.

The frozen test split (test.txt) and the dev split (dev.txt) are written by hand. The training split is
composed here from hand-written pieces (openings, decisive sentences, reasons, closings, senders of many
kinds and occupations), so the classifier sees many ways of saying each thing. Deterministic: the same
seed writes the same file. Nothing here was taken from the test split.

    python scripts/make_mail_corpus.py
"""

from __future__ import annotations

import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "mail_corpus" / "train.txt"
PER_KIND = {
    "rejection": 150,
    "acknowledgement": 110,
    "invitation": 140,
    "offer": 60,
    "feedback_reply": 70,
    "recruiter_outreach": 70,
    "not_job": 170,
}

EMPLOYERS = [
    ("Bramble Foods", "bramblefoods.co.uk", "Production Planner"),
    ("Corvid Systems", "corvidsystems.com", "Backend Developer"),
    ("St Aldhelm's Hospital", "staldhelms.nhs.example", "Healthcare Assistant"),
    ("Greystone Construction", "greystonebuild.com", "Site Manager"),
    ("Paloma Hotels", "palomahotels.es", "Guest Relations Officer"),
    ("Inkwell Publishing", "inkwellbooks.com", "Editorial Assistant"),
    ("Redfern Accountants", "redfern-accountants.co.uk", "Audit Associate"),
    ("Marigold Nurseries", "marigoldnurseries.co.uk", "Early Years Practitioner"),
    ("Tallis & Webb", "tallisweb.com", "Trainee Solicitor"),
    ("Everpeak Outdoor", "everpeak.com", "Retail Assistant"),
    ("Orchid Dental Group", "orchiddental.com.au", "Dental Receptionist"),
    ("Quayside Brewery", "quaysidebrew.co.uk", "Brewer"),
    ("Lighthouse Charity", "lighthousecharity.org", "Fundraising Officer"),
    ("Vantage Robotics", "vantagerobotics.io", "Embedded Software Engineer"),
    ("Hollis Veterinary", "hollisvets.co.uk", "Veterinary Nurse"),
    ("Blue Heron Airlines", "blueheronair.com", "Cabin Crew"),
    ("Sterling Cross Bank", "sterlingcross.com", "Risk Analyst"),
    ("Kauri Timber", "kauritimber.co.nz", "Forklift Operator"),
    ("Mangrove Logistics", "mangrovelogistics.sg", "Supply Chain Coordinator"),
    ("Pioneer Academy Trust", "pioneertrust.org.uk", "Science Teacher"),
    ("Aurora Energy", "auroraenergy.ca", "Field Technician"),
    ("Basil & Thyme", "basilandthyme.ie", "Line Cook"),
    ("Northgate Council", "northgate.gov.uk", "Planning Officer"),
    ("Fathom Marine", "fathommarine.no", "Marine Engineer"),
    ("Juniper Labs", "juniperlabs.ai", "Machine Learning Engineer"),
    ("Cedar House Care", "cedarhousecare.co.uk", "Senior Carer"),
    ("Ridgeline Sports", "ridgeline.com", "Physiotherapy Assistant"),
    ("Lotus Textiles", "lotustextiles.in", "Merchandiser"),
    ("Harper Library Service", "harperlibraries.gov", "Library Technician"),
    ("Beacon Insurance", "beaconinsure.co.za", "Claims Handler"),
    ("Silverline Rail", "silverlinerail.co.uk", "Train Conductor"),
    ("Mistral Design", "mistral.design", "Interior Designer"),
    ("Crestview Pharmacy", "crestviewrx.com", "Pharmacy Technician"),
    ("Foxglove Gardens", "foxglovegardens.co.uk", "Gardener"),
    ("Ironclad Security", "ironcladsecurity.com", "CCTV Operator"),
    ("Pelican Studios", "pelicanstudios.tv", "Video Editor"),
    ("Granite Mutual", "granitemutual.com", "Customer Service Advisor"),
    ("Wren Architecture", "wren-arch.co.uk", "CAD Technician"),
    ("Opal Fintech", "opalfin.io", "Data Scientist"),
    ("Maplestone University", "maplestone.ac.uk", "Research Fellow"),
    ("Summerhill Farm Shop", "summerhillfarm.co.uk", "Butcher"),
    ("Tern Electrical", "ternelectrical.com.au", "Apprentice Electrician"),
    ("Nightingale Home Care", "nightingalecare.ie", "Community Nurse"),
    ("Cobblestone Cafe", "cobblestonecafe.com", "Barista"),
    ("Zenith Telecom", "zenithtel.co.ke", "Network Engineer"),
    ("Larkspur Events", "larkspurevents.com", "Event Coordinator"),
    ("Harrow & Pike", "harrowpike.com", "Payroll Administrator"),
    ("Quarry Hill School", "quarryhill.sch.uk", "Teaching Assistant"),
    ("Solstice Games", "solsticegames.com", "Game Artist"),
    ("Riverbend Transport", "riverbendtransport.com", "Bus Driver"),
]
ATS = [
    ("{company}", "{tenant}@myworkday.com"),
    ("{company} Recruiting", "no-reply@us.greenhouse-mail.io"),
    ("{company}", "no-reply@hire.lever.co"),
    ("{company} Careers", "{tenant}@teamtailor.com"),
    ("{company}", "{tenant}@candidates.workablemail.com"),
    ("{company} Hiring Team", "no-reply@ashbyhq.com"),
    ("{company} Human Resources", "noreply@successfactors.eu"),
    ("{company}", "{tenant}@bamboohr.com"),
    ("{company} Talent Acquisition", "noreply@smartrecruiters.com"),
    ("{company} Recruitment", "donotreply@icims.com"),
]
PEOPLE = [
    "Aisha Khan", "Tom Fletcher", "Maria Gonzalez", "Kwame Mensah", "Yuki Tanaka", "Fiona Walsh", "Ravi Sharma",
    "Sophie Martin", "Liam O'Brien", "Zanele Dube", "Chen Wei", "Hamid Rahimi", "Grace Adeyemi", "Owen Price",
    "Ingrid Berg", "Nikhil Rao", "Ella Thompson", "Mateo Rossi", "Hine Walker", "Sunita Patel",
]  # fmt: skip
AGENCIES = [
    ("Keystone Talent", "keystonetalent.com"), ("Harbourside Recruitment", "harboursiderec.co.uk"),
    ("Peak People", "peakpeople.com.au"), ("Nexus Staffing", "nexusstaffing.in"), ("Bridgeway Search", "bridgeway.ie"),
    ("Summit Recruiters", "summitrecruiters.co.za"), ("Lumina Health Staffing", "luminastaffing.com"),
    ("Cardinal Executive Search", "cardinalsearch.com"), ("TechBridge Partners", "techbridge.ng"),
]  # fmt: skip
GREETINGS = [
    "Hi Sam,", "Dear Sam,", "Hello Sam,", "Dear Sam Taylor,", "Dear Applicant,", "Hey Sam!", "Dear Mx Taylor,",
    "Good afternoon Sam,", "Sam,", "Hi there,", "Dear Candidate,", "Morning Sam,", "Hiya Sam,", "",
]  # fmt: skip
SIGNOFFS = [
    "Kind regards,", "Best wishes,", "Regards,", "Many thanks,", "Cheers,", "Best,", "Warm regards,",
    "Yours sincerely,", "Thanks,", "All the best,", "Sincerely,",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
MONTHS = ["October", "November", "December", "January"]
TIMES = ["9am", "9:30 am", "10:00", "10.15am", "11am", "11:30", "1pm", "2:00 PM", "2.30pm", "3pm", "15:45", "4:00pm"]
SKILLS = [
    "stakeholder management", "Python", "forklift", "food safety", "Excel", "safeguarding", "AutoCAD", "payroll",
    "customer service", "team leadership", "phlebotomy", "budgeting", "SQL", "social media", "CNC machining",
]  # fmt: skip

REJECT_OPEN = [
    "Thank you for applying for the {role} position at {company}.",
    "Thanks for your interest in {company} and in the {role} role.",
    "Thank you for taking the time to interview with us for the {role} role.",
    "We appreciate the effort you put into your application for {role}.",
    "Thank you for attending the assessment day for the {role} vacancy.",
    "Many thanks for your application and for your patience while we reviewed candidates.",
    "Thanks for coming in to meet the team last {weekday}.",
    "I hope this email finds you well.",
    "Thank you for the time you spent with us during the interview process.",
    "We are writing about your recent application for {role} (ref {ref}).",
    "Thanks for sending your CV over for the {role} job.",
    "Thank you for completing the online assessment.",
    "It was a pleasure speaking with you on the phone last week.",
]
REJECT_CORE = [
    "Unfortunately, we will not be taking your application any further.",
    "After careful consideration, we have decided to proceed with other applicants.",
    "I'm afraid you have not been shortlisted on this occasion.",
    "The vacancy has now been filled, so we won't be able to take your application forward.",
    "Sadly, we won't be moving you on to the next round.",
    "The hiring team has chosen another candidate for this role.",
    "We are unable to offer you a place at this time.",
    "Regrettably, your application has been unsuccessful.",
    "We have decided not to offer you the position.",
    "I'm sorry to let you know that we've offered the job to someone else.",
    "This time we've decided to continue with candidates whose experience is closer to what we need.",
    "We won't be progressing you to interview.",
    "We have decided not to pursue your candidacy further.",
    "We can't take you forward this time, I'm sorry.",
    "You were not selected for the next stage of the process.",
    "I regret to tell you that the panel has appointed another applicant.",
    "We have made the difficult decision not to move forward with your application.",
    "On this occasion you have not been successful.",
    "Following review, your application did not progress.",
    "We've decided to go in a different direction for this role.",
    "Your results did not meet the level required to continue in the process.",
    "The role has been withdrawn, so we are closing all applications, including yours.",
    "It's not good news this time, I'm afraid: we went with an internal candidate.",
    "We have concluded the process and you have not been chosen for the role.",
    "Please accept this email as notice that we will not be proceeding with your application.",
    "We're not able to offer you the job this time.",
    "We have decided to keep looking for someone whose background is a closer match.",
    "Your application has not been selected for further consideration.",
    "Our decision is not to progress your application.",
    "Sorry, we've given the job to another applicant.",
]
REJECT_CASUAL = [
    "Sorry, I've taken someone else on who can start straight away.",
    "Bad news I'm afraid, we've gone with someone local.",
    "I've decided to give the job to a lad who's worked here before, sorry.",
    "We won't be going ahead with you this time, but thanks for coming in.",
    "Sorry to say we've filled the spot already.",
    "Thanks for the trial but it's a no from us this time.",
    "I'm going to pass on this one, sorry - we need someone with their tickets already.",
    "Not this time I'm afraid, we found someone with more experience.",
    "You have not been appointed to the post.",
    "We are unable to progress your application further this year.",
]
REJECT_REASON = [
    "We were looking for someone with more {skill} experience.",
    "The successful candidate had more hands-on experience with {skill}.",
    "The panel felt your answers about {skill} needed more concrete examples.",
    "Your score in the {skill} exercise was below what the role needs.",
    "We need someone who can work weekend shifts, which you said you cannot do.",
    "The role needs a full driving licence.",
    "The other candidate had already worked in a similar team.",
    "We felt you were not yet ready to lead a team of this size.",
]
REJECT_CLOSE = [
    "We will keep your details on file for future roles.",
    "We wish you every success in your job search.",
    "Please don't let this discourage you from applying again.",
    "Thank you again for your interest in {company}.",
    "Feel free to apply for other roles on our careers site.",
    "We'd be glad to hear from you if you see another role that suits you.",
    "It was a close decision and we enjoyed meeting you.",
    "Due to the number of applications we cannot give individual feedback.",
    "This decision is final.",
    "Best of luck with what comes next.",
]
REJECT_SUBJECT = [
    "Your application for {role}", "Update on your application", "{company} - {role}", "Application outcome",
    "Re: {role} application", "Your candidacy at {company}", "{role} (ref {ref})", "Thank you for your interest",
    "Interview outcome - {role}", "Regarding your application to {company}", "Status update: {role}",
    "An update from {company}",
]  # fmt: skip

ACK_OPEN = [
    "Thank you for applying for the {role} role at {company}.",
    "Thanks for your interest in {company}!",
    "This is an automatic confirmation of your application for {role}.",
    "We're glad you want to join {company}.",
    "Thank you for submitting your application for the {role} vacancy (ref {ref}).",
    "Thanks for your email and CV about the {role} job.",
    "Thank you for your application to {company}.",
]
ACK_CORE = [
    "We have received your application and it is now being reviewed.",
    "Your application has been submitted successfully.",
    "Our recruitment team will look at your experience against the requirements of the role.",
    "We'll be in touch if your skills and experience match what we are looking for.",
    "You can follow the progress of your application in your candidate portal.",
    "Applications close on {day} {month}, and shortlisting will follow shortly after.",
    "We aim to respond to every applicant within ten working days.",
    "I've passed your CV on to the manager, who will get back to you.",
    "Got your CV, thanks - I'll take a look this week.",
    "Your application is with the hiring manager now.",
    "We review every application personally, so it may take a little while to hear back.",
    "Your reference number is {ref}; please quote it if you contact us.",
    "This email confirms that we have your application on file.",
    "Please make sure your contact details are up to date in your profile.",
]
ACK_CASUAL = [
    "Got your CV, cheers. I'll give you a ring next week.",
    "Thanks for dropping your CV in, I'll have a look when it quietens down.",
    "Received, thanks! The boss will be in touch.",
    "Thanks for applying, we'll sort out interviews after the closing date and let you know.",
    "Got your email. Leave it with me and I'll get back to you.",
    "Thanks, your form came through fine.",
]
ACK_TRICKY = [
    "If you have not heard from us within four weeks, please assume your application has not been successful.",
    "Due to high volumes, only shortlisted candidates will be contacted.",
    "Unfortunately we cannot reply to every applicant individually, but we will contact you if shortlisted.",
]
ACK_SUBJECT = [
    "Application received: {role}", "Thank you for applying to {company}", "We've received your application",
    "{role} - application confirmation", "Thanks for your application!", "Re: {role} vacancy",
    "Your application to {company}", "Application acknowledgement - {role} (ref {ref})",
]  # fmt: skip

INVITE_CORE = [
    "We'd like to invite you to an interview for the {role} role.",
    "You've been shortlisted and we would love to meet you.",
    "Are you free on {weekday} {day} {month} at {time} for a video call?",
    "Your interview is booked for {weekday} {day} {month} at {time}.",
    "Please complete the online assessment by {weekday} {day} {month}.",
    "Our recruiter would like to arrange a short phone screen with you on {weekday} at {time}.",
    "We're pleased to invite you to the next stage of our process.",
    "Could you come in for a trial shift on {weekday} at {time}?",
    "We would like to meet you in person on {day} {month} at {time}.",
    "I'd like to set up a 30 minute introductory call on {weekday} {day} {month}, {time}.",
    "You are invited to our assessment centre on {day} {month}, starting at {time}.",
    "Congratulations, you have progressed to the final interview on {weekday} {day} {month} at {time}.",
    "We have scheduled your technical interview for {weekday}, {month} {day} at {time}.",
    "Please use the link to book an interview slot that suits you.",
]
INVITE_EXTRA = [
    "The interview will last about {minutes} minutes and will be with {person} and {person2}.",
    "Please bring photo ID and proof of your right to work.",
    "It will be held on Microsoft Teams; a link will follow.",
    "Please reply to confirm that the time works for you.",
    "Let me know if you need any adjustments for the day.",
    "You'll be asked to give a short presentation on a topic we'll send in advance.",
    "Unfortunately parking on site is limited, so public transport is best.",
    "If that time doesn't suit, just suggest another one.",
    "The venue is our office at 12 Market Street, second floor.",
]
INVITE_CASUAL = [
    "Can you pop in on {weekday} about {time} for a chat?",
    "Fancy coming in for a trial on {weekday} morning?",
    "Are you around {weekday} at {time}? I'd like to meet you.",
    "Come by the shop on {weekday} at {time} and bring your knives.",
    "Could you do a quick call tomorrow at {time}?",
    "Swing by the site on {weekday} at {time} for a trade test.",
]
INVITE_SUBJECT = [
    "Interview invitation - {role}", "Next steps: {role} at {company}", "Invitation: {role} interview",
    "Let's talk! {role}", "Your interview with {company}", "Assessment invitation - {role}",
    "Phone screen - {company}", "Re: {role} application", "Shortlisted: {role}", "Schedule your interview",
]  # fmt: skip
RESCHEDULE = [
    "Unfortunately {person} is unwell on the original date, so we need to move your interview to "
    "{weekday} {day} {month} at {time}.",
    "Sorry, we have to reschedule: could you do {weekday} at {time} instead?",
]

OFFER_CORE = [
    "I'm pleased to offer you the role of {role} at {company}.",
    "We'd love you to join us as our new {role}.",
    "The panel was unanimous and we would like to make you an offer.",
    "It gives me great pleasure to offer you the position.",
    "We're excited to extend an offer for the {role} position.",
    "Good news: the job is yours if you want it!",
]
OFFER_EXTRA = [
    "The salary is {salary} and the start date would be {day} {month}.",
    "Your contract is attached; please sign and return it within a week.",
    "Congratulations!",
    "This offer is subject to satisfactory references and right-to-work checks.",
    "Please let us know whether you accept by {weekday}.",
    "Welcome to the team!",
    "HR will send the formal paperwork shortly.",
]
OFFER_CASUAL = [
    "The job's yours if you want it - can you start {weekday}?",
    "Good news, we'd like you to start with us. Pop in to sign the contract.",
    "Happy to offer you the role, same rate we talked about.",
]
OFFER_SUBJECT = [
    "Offer - {role}", "Job offer: {role} at {company}", "Good news from {company}", "Your offer from {company}",
    "Offer of employment", "Welcome to {company}!",
]  # fmt: skip

FEEDBACK_CORE = [
    "Thanks for asking for feedback, I'm happy to share what the panel said.",
    "As promised, here is some feedback from your interview.",
    "Of course - here are the panel's thoughts.",
    "I spoke to the hiring manager about your interview.",
    "Thank you for your email asking for feedback.",
]
FEEDBACK_POINTS = [
    "You came across as friendly and well prepared, but your answers on {skill} stayed quite general.",
    "The interviewers liked your enthusiasm; however, they wanted more detail on results you achieved.",
    "Your technical knowledge of {skill} was good, but you struggled with the scenario question.",
    "The main reason was experience: the person we hired had led a team before.",
    "We felt your examples didn't show how you handle conflict with colleagues.",
    "Your presentation ran over time and missed the budget part of the brief.",
    "In the practical task you were slower than the other candidates.",
    "It would help to research the organisation more before interviews.",
    "Using the STAR structure would make your answers easier to follow.",
    "The panel thought your {skill} skills are strong and would encourage you to apply again.",
]
FEEDBACK_SUBJECT = [
    "Re: Feedback request", "Re: {role} - feedback", "Re: Thank you and a request for feedback",
    "RE: Interview feedback", "Re: Could you share any feedback?", "Feedback on your interview",
]  # fmt: skip

OUTREACH_CORE = [
    "I'm a recruiter at {agency} and came across your profile.",
    "I'm working with a client who is hiring a {role} and your background stood out.",
    "Would you be open to a quick chat about a new opportunity?",
    "Please send your CV, your salary expectations and your notice period.",
    "The role pays {salary} with flexible hours.",
    "If you're not looking right now, do you know anyone who might be interested?",
    "I found your CV on a job board and think you'd be a strong fit for a role I'm working on.",
    "My client is a fast-growing company in your area and they're hiring urgently.",
    "Are you free for a call this week to discuss?",
    "We specialise in placing {role}s and have several live vacancies.",
]
OUTREACH_CASUAL = [
    "Hey, saw your profile - got a {role} gig that might suit, interested?",
    "Are you registered with an agency yet? We've got loads of {role} shifts.",
    "Quick one - are you open to temp work as a {role}?",
]
OUTREACH_SUBJECT = [
    "Opportunity: {role}", "{role} role - are you open to a chat?", "Quick question", "New {role} vacancy",
    "Exciting opportunity with our client", "Your profile", "{role} contract - immediate start",
]  # fmt: skip

ALERT_LINES = [
    "{role} - {company} - {salary}", "Senior {role} - {company} - Remote", "{role} (part time) - {company}",
    "Trainee {role} - {company} - apply now", "{role} - {company} - Easy Apply",
]  # fmt: skip
NEWSLETTER = [
    (
        "Career tips: how to answer 'tell me about yourself'",
        "Five ways to prepare for your next interview and the one mistake recruiters always notice.",
    ),
    (
        "Got rejected? Here's what to do next",
        "Rejection is part of every job search. Our experts share how to ask for feedback and stay motivated.",
    ),
    ("Salary guide 2025 is out", "Download our salary guide to see what {role}s earn across the country."),
    (
        "Webinar: writing a CV that gets interviews",
        "Join our free webinar on Thursday. Places are limited, register today.",
    ),
    ("This week's top stories", "Industry news, events near you, and the most popular articles this week."),
    ("Offer ends tonight: 30% off", "Our biggest sale of the season. Use code SAVE30 at checkout."),
    ("Your monthly statement", "Your statement is now available to view online. No action is needed."),
    ("Upgrade to Premium", "See who viewed your profile and stand out to recruiters with Premium."),
    ("Welcome to the community", "Thanks for signing up. Here's how to get the most out of your account."),
    (
        "We've updated our privacy policy",
        "We have made changes to our privacy policy. Please take a moment to review them.",
    ),
]
PERSONAL = [
    ("Re: weekend", "Still on for Saturday? I'll bring the cake. How did the interview go by the way?"),
    ("dinner", "Can you pick up some milk on the way home? Also your mum called."),
    ("Re: the flat", "The landlord said the boiler will be fixed on Tuesday."),
    ("photos", "Here are the photos from the wedding, finally! Hope the job hunt is going ok."),
    ("Re: CV", "Had a look at your CV. I'd cut the hobbies and put your achievements first."),
    ("football", "Five-a-side on Thursday at 7, need one more player. You in?"),
    ("Re: reference", "Happy to be your referee, just send me the details when they ask."),
    ("so proud of you", "Just wanted to say I'm proud of you for keeping at it. Something will come up soon."),
    ("Re: book club", "We're reading the new one this month. Meeting on the 14th at mine."),
    (
        "they said no lol",
        "Got turned down for the bar job but honestly it's fine, I didn't want the night shifts anyway.",
    ),
]
NOTICES = [
    ("GitHub", "noreply@github.com", "[repo] New issue opened", "A new issue was opened: build fails on Windows."),
    (
        "Google Calendar",
        "calendar-notification@google.com",
        "Reminder: dentist",
        "Reminder: dentist appointment at 3pm.",
    ),
    ("Royal Mail", "no-reply@royalmail.com", "Your parcel is on its way", "Your parcel will be delivered today."),
    ("Uber", "noreply@uber.com", "Your Tuesday morning trip", "Thanks for riding with us. Total: £12.40."),
    ("Slack", "feedback@slack.com", "New messages in #general", "You have 4 unread messages."),
    ("Dropbox", "no-reply@dropbox.com", "Your storage is almost full", "You've used 95% of your space."),
    ("Trainline", "noreply@trainline.com", "Your e-ticket", "Your tickets for Thursday are attached."),
    (
        "Workday",
        "notifications@myworkday.com",
        "Complete your profile",
        "Candidates with complete profiles get noticed. Discover jobs you may like.",
    ),
    ("Greenhouse", "marketing@greenhouse.io", "Hiring trends report", "See how top companies hire. Book a demo."),
    ("Teamtailor", "news@teamtailor.com", "New features this month", "Employer branding just got easier."),
]
BOARDS = [
    ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"), ("Indeed", "alert@indeed.com"),
    ("Glassdoor", "noreply@glassdoor.com"), ("Reed", "jobs@email.reed.co.uk"), ("Totaljobs", "alerts@totaljobs.com"),
    ("SEEK", "jobmail@s.seek.com.au"), ("StepStone", "jobagent@stepstone.de"),
    ("CV-Library", "alerts@cv-library.co.uk"),
    ("Jobsite Weekly", "weekly@jobsite.example"), ("Careers Hub", "digest@careershub.example"),
]  # fmt: skip


class Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0
        self.blocks: list[str] = []

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def slots(self, company: str, role: str) -> dict[str, str]:
        r = self.rng
        person, person2 = r.sample(PEOPLE, 2)
        agency = r.choice(AGENCIES)[0]
        return {
            "company": company,
            "role": role,
            "weekday": r.choice(WEEKDAYS),
            "day": str(r.randint(1, 28)),
            "month": r.choice(MONTHS),
            "time": r.choice(TIMES),
            "minutes": str(r.choice((20, 30, 45, 60, 90))),
            "person": person,
            "person2": person2,
            "ref": f"{r.choice('ABCDEFGHJK')}{r.randint(1000, 99999)}",
            "skill": r.choice(SKILLS),
            "salary": r.choice(("£28,000", "$62,000", "€41,000", "R320,000", "£14.20 an hour", "AU$95k", "₹9 LPA")),
            "agency": agency,
        }

    def sender(self, company: str, domain: str, small: bool) -> tuple[str, str]:
        r = self.rng
        if small or r.random() < 0.35:
            person = r.choice(PEOPLE)
            local = person.lower().replace(" ", ".").replace("'", "")
            return person, f"{local}@{domain}"
        if r.random() < 0.5:
            name, address = r.choice(ATS)
            tenant = domain.split(".")[0].replace("-", "")
            return name.format(company=company), address.format(tenant=tenant)
        label = r.choice(("Careers", "Recruitment", "Talent Team", "HR", "People Team", "Jobs"))
        local = r.choice(("careers", "recruitment", "jobs", "hr", "noreply", "talent"))
        return f"{company} {label}", f"{local}@{domain}"

    def add(self, kind: str, from_: str, subject: str, body: str, headers: str = "") -> None:
        self.count += 1
        label = f"#### g{self.count:04d} | {kind} | app=none"
        extra = f"{headers}\n" if headers else ""
        self.blocks.append(f"{label}\nFrom: {from_}\nSubject: {subject}\n{extra}\n{body.strip()}\n")

    def letter(self, greeting: bool, sentences: list[str], sign: str) -> str:
        lines = []
        if greeting:
            lines.append(self.pick(GREETINGS))
        para: list[str] = []
        for sentence in sentences:
            para.append(sentence)
            if self.rng.random() < 0.45:
                lines.append(" ".join(para))
                para = []
        if para:
            lines.append(" ".join(para))
        if self.rng.random() < 0.85:
            lines.append(f"{self.pick(SIGNOFFS)}\n{sign}")
        return "\n\n".join(line for line in lines if line)

    def casual_mail(self, kind: str, pool: list[str], subjects: list[str]) -> None:
        company, domain, role = self.rng.choice(EMPLOYERS)
        slots = self.slots(company, role)
        person = self.pick(PEOPLE)
        local = person.split()[0].lower()
        sentences = [s.format(**slots) for s in self.rng.sample(pool, self.rng.randint(1, 2))]
        greeting = self.pick(["Hi Sam,", "Sam,", "Hiya,", "", "Hey Sam"])
        body = "\n\n".join(x for x in (greeting, " ".join(sentences), person.split()[0]) if x)
        subject = self.pick(["Re: " + role.lower(), role, f"Re: {role} job", "job", f"Re: {role} vacancy"])
        self.add(kind, f"{person} <{local}@{domain}>", subject, body)

    def employer_mail(self, kind: str, parts: list[list[str]], subjects: list[str], headers: str = "") -> None:
        company, domain, role = self.rng.choice(EMPLOYERS)
        slots = self.slots(company, role)
        small = self.rng.random() < 0.3
        name, address = self.sender(company, domain, small)
        sentences = [self.pick(pool).format(**slots) for pool in parts if pool]
        sign = name if "@" not in name and name.split()[0] in {p.split()[0] for p in PEOPLE} else f"{company}"
        body = self.letter(self.rng.random() < 0.9, sentences, sign)
        self.add(kind, f"{name} <{address}>", self.pick(subjects).format(**slots), body, headers)


def build(seed: int = 13) -> str:
    w = Writer(seed)
    r = w.rng
    for pool, kind in (
        (REJECT_CASUAL, "rejection"),
        (ACK_CASUAL, "acknowledgement"),
        (INVITE_CASUAL, "invitation"),
        (OFFER_CASUAL, "offer"),
    ):
        for _ in range(25):
            w.casual_mail(kind, pool, [])
    for _ in range(15):
        w.casual_mail("recruiter_outreach", OUTREACH_CASUAL, [])
    for _ in range(PER_KIND["rejection"]):
        parts = [REJECT_OPEN if r.random() < 0.85 else [], REJECT_CORE]
        if r.random() < 0.35:
            parts.append(REJECT_REASON)
        parts.append(REJECT_CLOSE)
        if r.random() < 0.3:
            parts.append(REJECT_CLOSE)
        w.employer_mail("rejection", parts, REJECT_SUBJECT)
    for _ in range(PER_KIND["acknowledgement"]):
        parts = [ACK_OPEN, ACK_CORE]
        if r.random() < 0.5:
            parts.append(ACK_CORE)
        if r.random() < 0.25:
            parts.append(ACK_TRICKY)
        w.employer_mail("acknowledgement", parts, ACK_SUBJECT)
    for _ in range(PER_KIND["invitation"]):
        parts = [["Thank you for your application for the {role} role."] if r.random() < 0.4 else [], INVITE_CORE]
        if r.random() < 0.15:
            parts = [RESCHEDULE]
        parts.append(INVITE_EXTRA)
        if r.random() < 0.4:
            parts.append(INVITE_EXTRA)
        w.employer_mail("invitation", parts, INVITE_SUBJECT)
    for _ in range(PER_KIND["offer"]):
        w.employer_mail("offer", [OFFER_CORE, OFFER_EXTRA, OFFER_EXTRA], OFFER_SUBJECT)
    for index in range(PER_KIND["feedback_reply"]):
        header = ""
        if index % 2 == 0:
            header = f"In-Reply-To: <fbreq-train-{index}@nextround.local>"
        w.employer_mail("feedback_reply", [FEEDBACK_CORE, FEEDBACK_POINTS, FEEDBACK_POINTS], FEEDBACK_SUBJECT, header)
    for _ in range(PER_KIND["recruiter_outreach"]):
        agency, domain = r.choice(AGENCIES)
        person = r.choice(PEOPLE)
        _, _, role = r.choice(EMPLOYERS)
        slots = w.slots("", role) | {"agency": agency}
        sentences = [s.format(**slots) for s in r.sample(OUTREACH_CORE, r.randint(2, 4))]
        body = w.letter(True, sentences, f"{person}\n{agency}")
        local = person.lower().replace(" ", ".").replace("'", "")
        w.add("recruiter_outreach", f"{person} <{local}@{domain}>", r.choice(OUTREACH_SUBJECT).format(**slots), body)
    for index in range(PER_KIND["not_job"]):
        choice = index % 4
        unsubscribe = r.random() < 0.7
        header = "List-Unsubscribe: <https://example.org/unsubscribe>" if unsubscribe else ""
        if choice == 0:
            board, address = r.choice(BOARDS)
            lines = []
            for _ in range(r.randint(2, 4)):
                company, _, role = r.choice(EMPLOYERS)
                lines.append(r.choice(ALERT_LINES).format(**w.slots(company, role)))
            _, _, role = r.choice(EMPLOYERS)
            intro = r.choice(
                ("Jobs you may like", "New jobs matching your alert", "Recommended for you", "Based on your profile")
            )
            subject = r.choice(
                (
                    f"{role} jobs for you",
                    f"New jobs matching '{role}'",
                    "Jobs you may be interested in",
                    f"{r.randint(3, 40)} new jobs near you",
                )
            )
            w.add(
                "not_job",
                f"{board} <{address}>",
                subject,
                f"{intro}\n\n" + "\n".join(lines) + "\n\nView all jobs.",
                header,
            )
        elif choice == 1:
            subject, text = r.choice(NEWSLETTER)
            _, _, role = r.choice(EMPLOYERS)
            sender = r.choice(
                (
                    "Career Weekly <news@careerweekly.example>",
                    "The Muse <newsletter@themuse.example>",
                    "Shopline <deals@shopline.example>",
                    "My Bank <hello@mybank.example>",
                    "Prospects <news@prospects.example>",
                )
            )
            w.add("not_job", sender, subject, text.format(role=role), header)
        elif choice == 2:
            subject, text = r.choice(PERSONAL)
            person = r.choice(PEOPLE)
            local = person.lower().replace(" ", ".").replace("'", "")
            w.add("not_job", f"{person} <{local}@example.com>", subject, f"{text}\n\n{person.split()[0]}")
        else:
            name, address, subject, text = r.choice(NOTICES)
            w.add("not_job", f"{name} <{address}>", subject, text, header)
    return (
        "# Training split, written by scripts/make_mail_corpus.py from hand-written pieces. Do not edit by hand.\n"
        + "".join(w.blocks)
    )


def main() -> None:
    OUT.write_text(build(), "utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
