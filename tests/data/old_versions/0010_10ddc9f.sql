BEGIN TRANSACTION;
CREATE TABLE access_tokens (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	last_used_at DATETIME, 
	revoked_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (owner_id, token_hash)
);
CREATE TABLE ai_results (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	kind VARCHAR(30) NOT NULL, 
	model VARCHAR(200) NOT NULL, 
	application_id INTEGER, 
	practice_answer_id INTEGER, 
	content JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	FOREIGN KEY(practice_answer_id) REFERENCES practice_answers (id) ON DELETE CASCADE
);
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0010');
CREATE TABLE "application_contacts" (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	contact_id INTEGER NOT NULL, 
	role VARCHAR(30) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_application_contacts_owner_link UNIQUE (owner_id, application_id, contact_id), 
	FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE, 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "application_contacts" VALUES(1,1,3,1,'recruiter');
INSERT INTO "application_contacts" VALUES(2,1,1,2,'peer');
CREATE TABLE "applications" (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	company VARCHAR(300) NOT NULL, 
	role VARCHAR(300) NOT NULL, 
	seniority VARCHAR(300) NOT NULL, 
	job_url VARCHAR(300) NOT NULL, 
	source VARCHAR(30), 
	source_detail VARCHAR(300) NOT NULL, 
	location VARCHAR(300) NOT NULL, 
	work_model VARCHAR(20), 
	salary_min BIGINT, 
	salary_max BIGINT, 
	currency VARCHAR(3) NOT NULL, 
	jd_text TEXT NOT NULL, 
	cv_version VARCHAR(300) NOT NULL, 
	tags JSON NOT NULL, 
	excitement INTEGER, 
	notes TEXT NOT NULL, 
	contact_email VARCHAR(300) NOT NULL, 
	contact_phone VARCHAR(300) NOT NULL, 
	screening_answers TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	applied_on DATE, 
	dedupe_key VARCHAR(700) NOT NULL, 
	stage VARCHAR(20) NOT NULL, 
	outcome VARCHAR(20), 
	interview_round INTEGER, 
	furthest_stage VARCHAR(20) NOT NULL, 
	closed_at DATETIME, 
	closed_at_stage VARCHAR(20), 
	first_response_at DATETIME, 
	last_activity_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "applications" VALUES(1,1,'Zoë''s 🚀 Rocket GmbH','Senior "Backend" Engineer','','https://example.com/jobs/1?a=b&c=d','referral','Priya 🙂','Zürich','hybrid',60000,80000,'EUR','We need Python, SQL and Kubernetes. Nice to have: Go.','v2 «final»','["python", "remote", "\ud83d\ude80"]',5,'Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.','','','','2026-12-06 07:11:16.448414','2026-10-01','url:example.com/jobs/1','applied',NULL,NULL,'applied',NULL,NULL,NULL,'2026-10-01 12:00:00.000000');
INSERT INTO "applications" VALUES(2,1,'شركة الأمل — חברת התקווה','مهندس برمجيات','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'Edited: نعم ✅','','','','2026-12-06 07:11:23.337480','2026-09-15','cr:شركة الأمل — חברת התקווה|مهندس برمجيات|2026-09-15','screening',NULL,NULL,'screening',NULL,NULL,'2026-12-06 07:11:23.337480','2026-12-06 07:11:23.337480');
INSERT INTO "applications" VALUES(3,1,'O''Brien & Sons "Ltd"','Data Analyst','','',NULL,'','',NULL,NULL,NULL,'','SQL, Tableau.','','[]',NULL,'','','','','2026-12-06 07:11:28.598872','2026-09-01','cr:o''brien & sons "ltd"|data analyst|2026-09-01','interview','rejected',2,'interview','2026-09-25 12:00:00.000000','interview','2026-09-05 12:00:00.000000','2026-09-25 12:00:00.000000');
INSERT INTO "applications" VALUES(4,1,'Acme[31m Corp','QA lead','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 07:11:34.730003',NULL,'cr:acme[31m corp|qa lead|','saved',NULL,NULL,'saved',NULL,NULL,NULL,NULL);
INSERT INTO "applications" VALUES(5,1,'Initech','PM','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'tab	here bell vt ff esc[0m end','','','','2026-12-06 07:11:40.421590','2026-08-01','cr:initech|pm|2026-08-01','accepted',NULL,1,'accepted',NULL,NULL,'2026-08-05 12:00:00.000000','2026-08-28 12:00:00.000000');
INSERT INTO "applications" VALUES(6,1,'Globex','SRE','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 07:11:46.795091','2026-07-01','cr:globex|sre|2026-07-01','applied','withdrawn',NULL,'applied','2026-07-10 12:00:00.000000','applied',NULL,'2026-07-10 12:00:00.000000');
INSERT INTO "applications" VALUES(7,1,'Hooli','Engineer','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 07:11:50.996285','2026-06-01','cr:hooli|engineer|2026-06-01','applied','ghosted',NULL,'applied','2026-12-06 07:12:36.430273','applied',NULL,'2026-12-06 07:12:36.430273');
INSERT INTO "applications" VALUES(8,1,'Umbrella','Analyst','','',NULL,'','',NULL,720000000000,NULL,'VND','','','[]',NULL,'','','','','2026-12-06 07:11:56.196334','2026-05-01','cr:umbrella|analyst|2026-05-01','applied','rejected',NULL,'applied','2026-05-03 12:00:00.000000','applied','2026-05-03 12:00:00.000000','2026-05-03 12:00:00.000000');
INSERT INTO "applications" VALUES(9,1,'Vandelay','Importer','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 07:12:00.983970','2026-10-20','cr:vandelay|importer|2026-10-20','interview',NULL,2,'interview',NULL,NULL,'2026-12-06 07:12:00.983970','2026-12-06 07:12:00.983970');
CREATE TABLE coach_links (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	coach_email VARCHAR(300) NOT NULL, 
	coach_id INTEGER, 
	token_hash VARCHAR(64) NOT NULL, 
	shares JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	accepted_at DATETIME, 
	withdrawn_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(coach_id) REFERENCES users (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE TABLE "coach_notes" (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	coach_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	is_question BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	done_at DATETIME, 
	application_id INTEGER, 
	reply_to_id INTEGER, 
	by_seeker BOOLEAN DEFAULT 0 NOT NULL, 
	read_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT fk_coach_notes_application FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE SET NULL, 
	CONSTRAINT fk_coach_notes_reply_to FOREIGN KEY(reply_to_id) REFERENCES coach_notes (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	FOREIGN KEY(coach_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE TABLE coach_reads (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	coach_id INTEGER NOT NULL, 
	what VARCHAR(200) NOT NULL, 
	read_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(coach_id) REFERENCES users (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE TABLE contacts (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	email VARCHAR(300) NOT NULL, 
	phone VARCHAR(100) NOT NULL, 
	company VARCHAR(300) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	linkedin_url VARCHAR(500) NOT NULL, 
	kind VARCHAR(30) NOT NULL, 
	cadence_days INTEGER, 
	notes TEXT NOT NULL, 
	connected_on DATE, 
	dedupe_key VARCHAR(700) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "contacts" VALUES(1,1,'Anna «Recruiter» Müller','anna@example.com','','O''Brien & Sons "Ltd"','','','recruiter',NULL,'شركة الأمل — חברת התקווה',NULL,'email:anna@example.com','2026-12-06 07:12:51.700906');
INSERT INTO "contacts" VALUES(2,1,'יוסי כהן','','','','','https://www.linkedin.com/in/yossi','peer',30,'',NULL,'li:linkedin.com/in/yossi','2026-12-06 07:12:54.071609');
CREATE TABLE custom_questions (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	category VARCHAR(40) NOT NULL, 
	competencies JSON NOT NULL, 
	application_id INTEGER, 
	interview_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE SET NULL, 
	FOREIGN KEY(interview_id) REFERENCES interviews (id) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "custom_questions" VALUES(1,1,'Tell me about a time you said "no" — لماذا؟','behavioural','["conflict"]',3,NULL,'2026-12-06 07:13:22.887474');
CREATE TABLE cvs (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	name VARCHAR(300) NOT NULL, 
	filename VARCHAR(500) NOT NULL, 
	text TEXT NOT NULL, 
	is_primary BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "cvs" VALUES(1,1,'Main CV 🚀','cv.txt','Jane Doe — Python, SQL, Kubernetes, 🚀 shipping. 8 years as a backend engineer.',1,'2026-12-06 07:13:26.292640');
CREATE TABLE feedback (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	application_id INTEGER, 
	request_id INTEGER, 
	source VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	analysis JSON NOT NULL, 
	received_at DATETIME NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	FOREIGN KEY(request_id) REFERENCES feedback_requests (id) ON DELETE SET NULL
);
INSERT INTO "feedback" VALUES(1,1,3,1,'recruiter','Thank you for your time. We went with a candidate who had more hands-on SQL experience; your answers stayed general — we''d have liked concrete results. "Keep going" 💪 وشكراً','{"themes": [{"theme": "competition", "confidence": 0.95, "evidence": ["We went with a candidate who had more hands-on SQL experience"]}, {"theme": "experience", "confidence": 0.9, "evidence": ["We went with a candidate who had more hands-on SQL experience"]}, {"theme": "communication", "confidence": 0.84, "evidence": ["your answers stayed general"]}], "strengths": [], "actionable": true, "outside_your_control": [], "actions": ["Ask the recruiter what the successful candidate brought, and keep in touch for future openings.", "Find one small way to build the experience they asked for (a volunteer task, side project or stretch work), and rewrite one CV line to show the closest experience you already have.", "Practise three STAR answers out loud (situation, task, action, result) in a practice session on communication."], "summary": "The feedback points mainly to the depth or kind of experience they wanted and how your answers came across. It was a comparison with another candidate, so the gap may be small.", "clauses": [{"text": "Thank you for your time.", "polarity": "neutral", "themes": [], "confidence": 0.88}, {"text": "We went with a candidate who had more hands-on SQL experience", "polarity": "reason", "themes": ["experience", "competition"], "confidence": 0.95}, {"text": "your answers stayed general", "polarity": "reason", "themes": ["communication"], "confidence": 0.84}, {"text": "we''d have liked concrete results.", "polarity": "neutral", "themes": [], "confidence": 0.7}, {"text": "\"Keep going\" \ud83d\udcaa \u0648\u0634\u0643\u0631\u0627\u064b", "polarity": "neutral", "themes": [], "confidence": 0.97}]}','2026-10-01 12:00:00.000000','2026-12-06 07:13:01.957152');
CREATE TABLE feedback_requests (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	contact_id INTEGER, 
	to_email VARCHAR(300) NOT NULL, 
	tone VARCHAR(20) NOT NULL, 
	subject VARCHAR(300) NOT NULL, 
	body TEXT NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	channel VARCHAR(20) NOT NULL, 
	message_id VARCHAR(300) NOT NULL, 
	drafted_at DATETIME NOT NULL, 
	sent_at DATETIME, 
	chased_at DATETIME, 
	resolved_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "feedback_requests" VALUES(1,1,3,1,'anna@example.com','warm','Thank you for the panel interview on 19 September','Hi Anna «Recruiter» Müller,

Thank you for the panel interview on 19 September about the Data Analyst role at O''Brien & Sons "Ltd", and please pass my thanks on to Priya and Tom O''Neil for their time.

I''m sorry not to be going further, and I appreciate you letting me know.

So that I can do better next time, could I ask one or two questions?

- Was there a point in the panel interview where my answers fell short of what you needed?
- Is there one skill or experience that would have made the biggest difference for the Data Analyst role?

Any answer, however short, would be really useful. Thank you again.

Best wishes,
','replied','','','2026-12-06 07:12:59.637189','2026-12-06 07:13:00.834163',NULL,'2026-12-06 07:13:01.957152');
CREATE TABLE goals (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	origin VARCHAR(20) NOT NULL, 
	origin_value VARCHAR(300) NOT NULL, 
	measure VARCHAR(100) NOT NULL, 
	baseline DOUBLE, 
	target DOUBLE, 
	current DOUBLE, 
	due_on DATE, 
	status VARCHAR(20) NOT NULL, 
	created_at DATETIME NOT NULL, 
	completed_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "goals" VALUES(1,1,'Build one small project using SQL','skill','SQL','manual',0.0,1.0,0.0,'2027-01-15','open','2026-12-06 07:13:17.313498',NULL);
INSERT INTO "goals" VALUES(2,1,'Practise «STAR» answers 🌟','manual','','practice.sessions',0.0,5.0,1.0,'2027-02-01','open','2026-12-06 07:13:19.870957',NULL);
CREATE TABLE interactions (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	contact_id INTEGER NOT NULL, 
	channel VARCHAR(20) NOT NULL, 
	note TEXT NOT NULL, 
	occurred_at DATETIME NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "interactions" VALUES(1,1,1,'email','Sent thanks 🙏','2026-09-26 12:00:00.000000','2026-12-06 07:12:56.364059');
CREATE TABLE interviews (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	round INTEGER, 
	kind VARCHAR(30) NOT NULL, 
	scheduled_at DATETIME NOT NULL, 
	duration_minutes INTEGER, 
	location VARCHAR(300) NOT NULL, 
	interviewers JSON NOT NULL, 
	notes TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "interviews" VALUES(1,1,3,2,'panel','2026-09-19 14:00:00.000000',NULL,'Zoom 🎥','["Priya", "Tom O''Neil"]','Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and الع','2026-12-06 07:12:49.134697');
CREATE TABLE invitations (
	id INTEGER NOT NULL, 
	email VARCHAR(300) NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	used_at DATETIME, 
	PRIMARY KEY (id), 
	UNIQUE (token_hash)
);
CREATE TABLE journal_entries (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	mood INTEGER, 
	text TEXT NOT NULL, 
	application_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "journal_entries" VALUES(1,1,'journal',2,'Rough week 😞 — «but» okay',3,'2026-12-06 07:13:07.148465');
INSERT INTO "journal_entries" VALUES(2,1,'win',5,'Got the offer! 🎉',5,'2026-12-06 07:13:10.286562');
INSERT INTO "journal_entries" VALUES(3,1,'journal',3,'Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.',NULL,'2026-12-06 07:13:12.136521');
INSERT INTO "journal_entries" VALUES(4,1,'reframe',3,'What did the O''Brien & Sons "Ltd" interviews teach you: which answers worked, and which would you tell differently?
SQL matters 📊

What is one thing in your control for the next interview: a story to prepare, research to do, a question to rehearse?
Preparation — «less» talk

What is your next step, and when will you take it?
شركة الأمل — חברת התקווה',3,'2026-12-06 07:13:14.656613');
CREATE TABLE mail_messages (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	message_id VARCHAR(300) NOT NULL, 
	sender VARCHAR(300) NOT NULL, 
	subject VARCHAR(300) NOT NULL, 
	sent_at DATETIME, 
	text TEXT NOT NULL, 
	kind VARCHAR(30) NOT NULL, 
	company VARCHAR(300) NOT NULL, 
	role VARCHAR(300) NOT NULL, 
	application_id INTEGER, 
	stage_hint VARCHAR(20), 
	interview_at DATETIME, 
	thread_ids JSON NOT NULL, 
	changes JSON NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	origin VARCHAR(20) NOT NULL, 
	created_at DATETIME NOT NULL, 
	decided_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (owner_id, message_id)
);
CREATE TABLE mail_sync_state (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	account VARCHAR(300) NOT NULL, 
	folder VARCHAR(300) NOT NULL, 
	uidvalidity BIGINT NOT NULL, 
	last_uid BIGINT NOT NULL, 
	synced_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (owner_id, account, folder)
);
CREATE TABLE practice_answers (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	session_id INTEGER, 
	question_key VARCHAR(100) NOT NULL, 
	question_text TEXT NOT NULL, 
	category VARCHAR(40) NOT NULL, 
	competencies JSON NOT NULL, 
	answer TEXT NOT NULL, 
	score INTEGER NOT NULL, 
	analysis JSON NOT NULL, 
	duration_seconds INTEGER, 
	answered_at DATETIME NOT NULL, spoken_seconds FLOAT, words_per_minute FLOAT, long_pauses INTEGER, longest_pause_seconds FLOAT, spoken_fillers_per_100 FLOAT, audio_file VARCHAR(200), 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	FOREIGN KEY(session_id) REFERENCES practice_sessions (id) ON DELETE CASCADE
);
INSERT INTO "practice_answers" VALUES(1,1,1,'custom:1','Tell me about a time you said "no" — لماذا؟','behavioural','["conflict"]','In my last role our release process took two days. I was asked to cut it down, so I automated the test suite and the packaging steps. As a result releases took two hours and errors fell by 40%.

In my last role our release process took two days. I was asked to cut it down, so I automated the test suite and the packaging steps. As a result releases took two hours and errors fell by 40%. شركة الأمل — חברת התקווה "quoted"',81,'{"score": 81, "question_type": "behavioural", "star": {"situation": true, "task": true, "action": true, "result": true}, "star_sentences": {"situation": [0], "task": [3], "action": [1, 4], "result": [2, 5]}, "sentences": ["In my last role our release process took two days.", "I was asked to cut it down, so I automated the test suite and the packaging steps.", "As a result releases took two hours and errors fell by 40%.", "In my last role our release process took two days.", "I was asked to cut it down, so I automated the test suite and the packaging steps.", "As a result releases took two hours and errors fell by 40%.", "\u0634\u0631\u0643\u0629 \u0627\u0644\u0623\u0645\u0644 \u2014 \u05d7\u05d1\u05e8\u05ea \u05d4\u05ea\u05e7\u05d5\u05d5\u05d4 \"quoted\""], "quantified_result": true, "word_count": 83, "speaking_seconds": 36, "length": {"target_min": 150, "target_max": 300, "verdict": "short"}, "fillers": {"per_100_words": 0.0, "found": {}}, "hedges": [], "ownership": 0.75, "relevance": 0.334, "job_terms": null, "score_breakdown": [{"measure": "situation", "points": 6, "max": 8, "why": "Sentence 1 sets the scene (10 words of detail, full from 15)."}, {"measure": "task", "points": 6, "max": 6, "why": "Sentence 4 says what you had to achieve (10 words of detail, full from 10)."}, {"measure": "action", "points": 14, "max": 14, "why": "Sentences 2 and 5 say what was done (34 words of detail, full from 35)."}, {"measure": "result", "points": 12, "max": 12, "why": "Sentences 3 and 6 say what came of it (24 words of detail, full from 15)."}, {"measure": "quantified_result", "points": 8, "max": 8, "why": "Sentence 3 puts a number on the result."}, {"measure": "detail", "points": 8, "max": 8, "why": "7 concrete details (numbers, times, names) in 83 words; full from 2 per 50."}, {"measure": "ownership", "points": 8, "max": 8, "why": "75% of I/me/my vs we/us/our is \"I\" (full points from 70%)."}, {"measure": "relevance", "points": 9, "max": 18, "why": "Relevance 0.33 to what the question asks (explaining things clearly); full points from 0.70."}, {"measure": "length", "points": 6, "max": 10, "why": "83 words is under the 150-300 target."}, {"measure": "fillers", "points": 2, "max": 4, "why": "No fillers. Scaled by length (83/150 words)."}, {"measure": "hedges", "points": 2, "max": 4, "why": "No hedging phrases. Scaled by length (83/150 words)."}], "suggestions": ["Answer the question asked: it is about explaining things clearly, and little of the answer speaks to that. Open with the moment that shows it, then keep to that one example.", "Add detail: 83 words is about 36 seconds; aim for 150-300 words."], "follow_up": null, "asked_follow_up": "What were you responsible for in that situation?", "follow_up_answer": "In my last role our release process took two days. I was asked to cut it down, so I automated the test suite and the packaging steps. As a result releases took two hours and errors fell by 40%. \u0634\u0631\u0643\u0629 \u0627\u0644\u0623\u0645\u0644 \u2014 \u05d7\u05d1\u05e8\u05ea \u05d4\u05ea\u05e7\u05d5\u05d5\u05d4 \"quoted\"", "score_before_follow_up": 62}',0,'2026-12-06 07:13:37.668249',NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE practice_sessions (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	application_id INTEGER, 
	focus VARCHAR(100) NOT NULL, 
	"plan" JSON NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE SET NULL, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "practice_sessions" VALUES(1,1,NULL,'','["custom:1", "story-intro-01"]','2026-12-06 07:13:36.044362','2026-12-06 07:13:37.723023');
CREATE TABLE reflections (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	answers JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (owner_id, application_id)
);
INSERT INTO "reflections" VALUES(1,1,3,'{"version": 1, "context": "interview", "answers": {"prepared": {"rating": 2, "text": "Not ready for SQL ''joins'' \u2014 \"timed\" \ud83d\ude2c"}, "gaps": {"rating": 3, "text": "\u0634\u0631\u0643\u0629 \u0627\u0644\u0623\u0645\u0644 \u2014 \u05d7\u05d1\u05e8\u05ea \u05d4\u05ea\u05e7\u05d5\u05d5\u05d4"}, "clear": {"rating": 4, "text": "tab\there\u0001\u0002 bell\u0007 vt\u000b ff\f esc\u001b[0m end"}, "went_well": {"rating": 4, "text": "The panel \ud83d\ude42"}, "change": {"rating": 3, "text": "Practise weekly."}}}','2026-12-06 07:13:04.777350','2026-12-06 07:13:04.777350');
CREATE TABLE "seen_postings" (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	watch_id INTEGER NOT NULL, 
	posting_id VARCHAR(200) NOT NULL, 
	title VARCHAR(500) NOT NULL, 
	url VARCHAR(1000) NOT NULL, 
	location VARCHAR(300) NOT NULL, 
	matches_keywords BOOLEAN NOT NULL, 
	first_seen_at DATETIME NOT NULL, 
	dismissed BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_seen_postings_owner_posting UNIQUE (owner_id, watch_id, posting_id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	FOREIGN KEY(watch_id) REFERENCES watches (id) ON DELETE CASCADE
);
CREATE TABLE sign_in_failures (
	id INTEGER NOT NULL, 
	scope VARCHAR(10) NOT NULL, 
	subject VARCHAR(300) NOT NULL, 
	failed_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE stage_events (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	application_id INTEGER NOT NULL, 
	from_state VARCHAR(20), 
	to_state VARCHAR(20) NOT NULL, 
	round INTEGER, 
	occurred_at DATETIME NOT NULL, 
	source VARCHAR(10) NOT NULL, 
	note TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(application_id) REFERENCES applications (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "stage_events" VALUES(1,1,1,'saved','applied',NULL,'2026-10-01 12:00:00.000000','user','','2026-12-06 07:11:16.448414');
INSERT INTO "stage_events" VALUES(2,1,2,'saved','applied',NULL,'2026-09-15 12:00:00.000000','user','','2026-12-06 07:11:23.337480');
INSERT INTO "stage_events" VALUES(3,1,2,'applied','screening',NULL,'2026-12-06 07:11:23.337480','user','','2026-12-06 07:11:23.337480');
INSERT INTO "stage_events" VALUES(4,1,3,'saved','applied',NULL,'2026-09-01 12:00:00.000000','user','','2026-12-06 07:11:28.598872');
INSERT INTO "stage_events" VALUES(5,1,5,'saved','applied',NULL,'2026-08-01 12:00:00.000000','user','','2026-12-06 07:11:40.421590');
INSERT INTO "stage_events" VALUES(6,1,6,'saved','applied',NULL,'2026-07-01 12:00:00.000000','user','','2026-12-06 07:11:46.795091');
INSERT INTO "stage_events" VALUES(7,1,7,'saved','applied',NULL,'2026-06-01 12:00:00.000000','user','','2026-12-06 07:11:50.996285');
INSERT INTO "stage_events" VALUES(8,1,8,'saved','applied',NULL,'2026-05-01 12:00:00.000000','user','','2026-12-06 07:11:56.196334');
INSERT INTO "stage_events" VALUES(9,1,9,'saved','applied',NULL,'2026-10-20 12:00:00.000000','user','','2026-12-06 07:12:00.983970');
INSERT INTO "stage_events" VALUES(10,1,9,'applied','interview',2,'2026-12-06 07:12:00.983970','user','','2026-12-06 07:12:00.983970');
INSERT INTO "stage_events" VALUES(11,1,3,'applied','screening',NULL,'2026-09-05 12:00:00.000000','user','Call with «Anna» 📞','2026-12-06 07:12:03.806899');
INSERT INTO "stage_events" VALUES(12,1,3,'screening','interview',1,'2026-09-12 12:00:00.000000','user','','2026-12-06 07:12:08.697275');
INSERT INTO "stage_events" VALUES(13,1,3,'interview','interview',2,'2026-09-19 12:00:00.000000','user','شركة الأمل — חברת התקווה','2026-12-06 07:12:12.772694');
INSERT INTO "stage_events" VALUES(14,1,3,'interview','rejected',NULL,'2026-09-25 12:00:00.000000','user','tab	here bell vt ff esc[0m end','2026-12-06 07:12:16.597260');
INSERT INTO "stage_events" VALUES(15,1,5,'applied','screening',NULL,'2026-08-05 12:00:00.000000','user','','2026-12-06 07:12:19.937446');
INSERT INTO "stage_events" VALUES(16,1,5,'screening','assessment',NULL,'2026-08-09 12:00:00.000000','user','','2026-12-06 07:12:22.795679');
INSERT INTO "stage_events" VALUES(17,1,5,'assessment','interview',1,'2026-08-14 12:00:00.000000','user','','2026-12-06 07:12:25.637546');
INSERT INTO "stage_events" VALUES(18,1,5,'interview','final',NULL,'2026-08-20 12:00:00.000000','user','','2026-12-06 07:12:28.142744');
INSERT INTO "stage_events" VALUES(19,1,5,'final','offer',NULL,'2026-08-25 12:00:00.000000','user','','2026-12-06 07:12:30.066011');
INSERT INTO "stage_events" VALUES(20,1,5,'offer','accepted',NULL,'2026-08-28 12:00:00.000000','user','','2026-12-06 07:12:31.862188');
INSERT INTO "stage_events" VALUES(21,1,6,'applied','withdrawn',NULL,'2026-07-10 12:00:00.000000','user','','2026-12-06 07:12:34.291177');
INSERT INTO "stage_events" VALUES(22,1,7,'applied','ghosted',NULL,'2026-12-06 07:12:36.430273','user','no reply after 187 days of silence','2026-12-06 07:12:36.430273');
INSERT INTO "stage_events" VALUES(23,1,8,'applied','rejected',NULL,'2026-05-03 12:00:00.000000','user','Position filled "internally"','2026-12-06 07:12:39.017632');
CREATE TABLE undo_copies (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	token VARCHAR(64) NOT NULL, 
	kind VARCHAR(30) NOT NULL, 
	label VARCHAR(300) NOT NULL, 
	until DATETIME NOT NULL, 
	rows JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (owner_id, token)
);
CREATE TABLE user_settings (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	"key" VARCHAR(100) NOT NULL, 
	value JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (owner_id, "key")
);
INSERT INTO "user_settings" VALUES(1,1,'ghost_days.applied','{"v": 30}');
INSERT INTO "user_settings" VALUES(2,1,'auto_close_ghosted','{"v": true}');
CREATE TABLE users (
	id INTEGER NOT NULL, 
	username VARCHAR(150) NOT NULL, 
	created_at DATETIME NOT NULL, email VARCHAR(300), password_hash VARCHAR(200), disabled_at DATETIME, time_zone VARCHAR(60), data_version INTEGER DEFAULT '0' NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (username)
);
INSERT INTO "users" VALUES(1,'local','2026-12-06 07:11:16.370683',NULL,NULL,NULL,NULL,0);
CREATE TABLE watches (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	company VARCHAR(300) NOT NULL, 
	board VARCHAR(20) NOT NULL, 
	board_token VARCHAR(300) NOT NULL, 
	keywords JSON NOT NULL, 
	reapply_after DATE, 
	last_checked_at DATETIME, 
	last_error TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE
);
INSERT INTO "watches" VALUES(1,1,'Globex','greenhouse','globex','["engineer", "\ud83d\ude80"]',NULL,NULL,'','2026-12-06 07:13:29.097212');
INSERT INTO "watches" VALUES(2,1,'O''Brien & Sons "Ltd"','','','[]','2027-03-01',NULL,'','2026-12-06 07:13:31.908449');
CREATE TABLE web_sessions (
	id INTEGER NOT NULL, 
	owner_id INTEGER NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	csrf_token VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	seen_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	revoked_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(owner_id) REFERENCES users (id) ON DELETE CASCADE, 
	UNIQUE (owner_id, token_hash)
);
CREATE INDEX ix_stage_events_owner_id ON stage_events (owner_id);
CREATE INDEX ix_contacts_owner_dedupe ON contacts (owner_id, dedupe_key);
CREATE INDEX ix_contacts_owner_id ON contacts (owner_id);
CREATE INDEX ix_cvs_owner_id ON cvs (owner_id);
CREATE INDEX ix_goals_owner_id ON goals (owner_id);
CREATE INDEX ix_watches_owner_id ON watches (owner_id);
CREATE INDEX ix_feedback_requests_owner_id ON feedback_requests (owner_id);
CREATE INDEX ix_interactions_owner_id ON interactions (owner_id);
CREATE INDEX ix_interviews_owner_id ON interviews (owner_id);
CREATE INDEX ix_journal_entries_owner_id ON journal_entries (owner_id);
CREATE INDEX ix_practice_sessions_owner_id ON practice_sessions (owner_id);
CREATE INDEX ix_reflections_owner_id ON reflections (owner_id);
CREATE INDEX ix_custom_questions_owner_id ON custom_questions (owner_id);
CREATE INDEX ix_feedback_owner_id ON feedback (owner_id);
CREATE INDEX ix_practice_answers_owner_id ON practice_answers (owner_id);
CREATE INDEX ix_practice_answers_owner_question ON practice_answers (owner_id, question_key);
CREATE INDEX ix_applications_owner_id ON applications (owner_id);
CREATE INDEX ix_applications_owner_dedupe ON applications (owner_id, dedupe_key);
CREATE INDEX ix_applications_owner_stage ON applications (owner_id, stage);
CREATE INDEX ix_mail_sync_state_owner_id ON mail_sync_state (owner_id);
CREATE INDEX ix_mail_messages_owner_id ON mail_messages (owner_id);
CREATE INDEX ix_mail_messages_owner_status ON mail_messages (owner_id, status);
CREATE INDEX ix_ai_results_owner_id ON ai_results (owner_id);
CREATE INDEX ix_ai_results_owner_kind ON ai_results (owner_id, kind);
CREATE UNIQUE INDEX uq_users_email ON users (email);
CREATE INDEX ix_sign_in_failures_subject ON sign_in_failures (scope, subject, failed_at);
CREATE INDEX ix_stage_events_owner_app_time ON stage_events (owner_id, application_id, occurred_at);
CREATE INDEX ix_interactions_owner_contact_time ON interactions (owner_id, contact_id, occurred_at);
CREATE INDEX ix_feedback_requests_owner_app ON feedback_requests (owner_id, application_id);
CREATE INDEX ix_interviews_owner_app ON interviews (owner_id, application_id);
CREATE INDEX ix_feedback_owner_app ON feedback (owner_id, application_id);
CREATE INDEX ix_application_contacts_owner_id ON application_contacts (owner_id);
CREATE INDEX ix_seen_postings_owner_id ON seen_postings (owner_id);
CREATE INDEX ix_coach_links_owner_id ON coach_links (owner_id);
CREATE INDEX ix_coach_reads_owner_time ON coach_reads (owner_id, read_at);
CREATE INDEX ix_coach_notes_owner_time ON coach_notes (owner_id, created_at);
COMMIT;
