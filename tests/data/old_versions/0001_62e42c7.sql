BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001');
CREATE TABLE applications (
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
	salary_min INTEGER, 
	salary_max INTEGER, 
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
Line with ''quotes'', "double", emoji 🙂, עברית and العربية.','','','','2026-12-06 06:09:54.936961','2026-10-01','url:example.com/jobs/1','applied',NULL,NULL,'applied',NULL,NULL,NULL,'2026-10-01 12:00:00.000000');
INSERT INTO "applications" VALUES(2,1,'شركة الأمل — חברת התקווה','مهندس برمجيات','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'Edited: نعم ✅','','','','2026-12-06 06:09:58.130971','2026-09-15','cr:شركة الأمل — חברת התקווה|مهندس برمجيات|2026-09-15','screening',NULL,NULL,'screening',NULL,NULL,'2026-12-06 06:09:58.130971','2026-12-06 06:09:58.130971');
INSERT INTO "applications" VALUES(3,1,'O''Brien & Sons "Ltd"','Data Analyst','','',NULL,'','',NULL,NULL,NULL,'','SQL, Tableau.','','[]',NULL,'','','','','2026-12-06 06:10:06.553732','2026-09-01','cr:o''brien & sons "ltd"|data analyst|2026-09-01','interview','rejected',2,'interview','2026-09-25 12:00:00.000000','interview','2026-09-05 12:00:00.000000','2026-09-25 12:00:00.000000');
INSERT INTO "applications" VALUES(4,1,'Acme[31m Corp','QA lead','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 06:10:16.558792',NULL,'cr:acme[31m corp|qa lead|','saved',NULL,NULL,'saved',NULL,NULL,NULL,NULL);
INSERT INTO "applications" VALUES(5,1,'Initech','PM','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'tab	here bell vt ff esc[0m end','','','','2026-12-06 06:10:19.323574','2026-08-01','cr:initech|pm|2026-08-01','accepted',NULL,1,'accepted',NULL,NULL,'2026-08-05 12:00:00.000000','2026-08-28 12:00:00.000000');
INSERT INTO "applications" VALUES(6,1,'Globex','SRE','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 06:10:22.544677','2026-07-01','cr:globex|sre|2026-07-01','applied','withdrawn',NULL,'applied','2026-07-10 12:00:00.000000','applied',NULL,'2026-07-10 12:00:00.000000');
INSERT INTO "applications" VALUES(7,1,'Hooli','Engineer','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 06:10:25.314223','2026-06-01','cr:hooli|engineer|2026-06-01','applied','ghosted',NULL,'applied','2026-12-06 06:13:58.666309','applied',NULL,'2026-12-06 06:13:58.666309');
INSERT INTO "applications" VALUES(8,1,'Umbrella','Analyst','','',NULL,'','',NULL,720000000000,NULL,'VND','','','[]',NULL,'','','','','2026-12-06 06:10:28.501149','2026-05-01','cr:umbrella|analyst|2026-05-01','applied','rejected',NULL,'applied','2026-05-03 12:00:00.000000','applied','2026-05-03 12:00:00.000000','2026-05-03 12:00:00.000000');
INSERT INTO "applications" VALUES(9,1,'Vandelay','Importer','','',NULL,'','',NULL,NULL,NULL,'','','','[]',NULL,'','','','','2026-12-06 06:10:49.038365','2026-10-20','cr:vandelay|importer|2026-10-20','interview',NULL,2,'interview',NULL,NULL,'2026-12-06 06:10:49.038365','2026-12-06 06:10:49.038365');
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
INSERT INTO "stage_events" VALUES(1,1,1,'saved','applied',NULL,'2026-10-01 12:00:00.000000','user','','2026-12-06 06:09:54.936961');
INSERT INTO "stage_events" VALUES(2,1,2,'saved','applied',NULL,'2026-09-15 12:00:00.000000','user','','2026-12-06 06:09:58.130971');
INSERT INTO "stage_events" VALUES(3,1,2,'applied','screening',NULL,'2026-12-06 06:09:58.130971','user','','2026-12-06 06:09:58.130971');
INSERT INTO "stage_events" VALUES(4,1,3,'saved','applied',NULL,'2026-09-01 12:00:00.000000','user','','2026-12-06 06:10:06.553732');
INSERT INTO "stage_events" VALUES(5,1,5,'saved','applied',NULL,'2026-08-01 12:00:00.000000','user','','2026-12-06 06:10:19.323574');
INSERT INTO "stage_events" VALUES(6,1,6,'saved','applied',NULL,'2026-07-01 12:00:00.000000','user','','2026-12-06 06:10:22.544677');
INSERT INTO "stage_events" VALUES(7,1,7,'saved','applied',NULL,'2026-06-01 12:00:00.000000','user','','2026-12-06 06:10:25.314223');
INSERT INTO "stage_events" VALUES(8,1,8,'saved','applied',NULL,'2026-05-01 12:00:00.000000','user','','2026-12-06 06:10:28.501149');
INSERT INTO "stage_events" VALUES(9,1,9,'saved','applied',NULL,'2026-10-20 12:00:00.000000','user','','2026-12-06 06:10:49.038365');
INSERT INTO "stage_events" VALUES(10,1,9,'applied','interview',2,'2026-12-06 06:10:49.038365','user','','2026-12-06 06:10:49.038365');
INSERT INTO "stage_events" VALUES(11,1,3,'applied','screening',NULL,'2026-09-05 12:00:00.000000','user','Call with «Anna» 📞','2026-12-06 06:11:14.929558');
INSERT INTO "stage_events" VALUES(12,1,3,'screening','interview',1,'2026-09-12 12:00:00.000000','user','','2026-12-06 06:11:42.577249');
INSERT INTO "stage_events" VALUES(13,1,3,'interview','interview',2,'2026-09-19 12:00:00.000000','user','شركة الأمل — חברת התקווה','2026-12-06 06:11:47.707758');
INSERT INTO "stage_events" VALUES(14,1,3,'interview','rejected',NULL,'2026-09-25 12:00:00.000000','user','tab	here bell vt ff esc[0m end','2026-12-06 06:11:59.133880');
INSERT INTO "stage_events" VALUES(15,1,5,'applied','screening',NULL,'2026-08-05 12:00:00.000000','user','','2026-12-06 06:12:05.137963');
INSERT INTO "stage_events" VALUES(16,1,5,'screening','assessment',NULL,'2026-08-09 12:00:00.000000','user','','2026-12-06 06:12:21.290778');
INSERT INTO "stage_events" VALUES(17,1,5,'assessment','interview',1,'2026-08-14 12:00:00.000000','user','','2026-12-06 06:12:45.662825');
INSERT INTO "stage_events" VALUES(18,1,5,'interview','final',NULL,'2026-08-20 12:00:00.000000','user','','2026-12-06 06:13:00.933866');
INSERT INTO "stage_events" VALUES(19,1,5,'final','offer',NULL,'2026-08-25 12:00:00.000000','user','','2026-12-06 06:13:22.420172');
INSERT INTO "stage_events" VALUES(20,1,5,'offer','accepted',NULL,'2026-08-28 12:00:00.000000','user','','2026-12-06 06:13:32.771405');
INSERT INTO "stage_events" VALUES(21,1,6,'applied','withdrawn',NULL,'2026-07-10 12:00:00.000000','user','','2026-12-06 06:13:36.664728');
INSERT INTO "stage_events" VALUES(22,1,7,'applied','ghosted',NULL,'2026-12-06 06:13:58.666309','user','no reply after 187 days of silence','2026-12-06 06:13:58.666309');
INSERT INTO "stage_events" VALUES(23,1,8,'applied','rejected',NULL,'2026-05-03 12:00:00.000000','user','Position filled "internally"','2026-12-06 06:14:15.147783');
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
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (username)
);
INSERT INTO "users" VALUES(1,'local','2026-12-06 06:09:54.924838');
CREATE INDEX ix_applications_owner_dedupe ON applications (owner_id, dedupe_key);
CREATE INDEX ix_applications_owner_id ON applications (owner_id);
CREATE INDEX ix_applications_owner_stage ON applications (owner_id, stage);
CREATE INDEX ix_stage_events_app_time ON stage_events (application_id, occurred_at);
CREATE INDEX ix_stage_events_owner_id ON stage_events (owner_id);
COMMIT;
