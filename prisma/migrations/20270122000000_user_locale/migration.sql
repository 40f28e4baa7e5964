-- Every person's language (issue 9): the mails they get (alarm notices, the weekly fleet report,
-- password resets) go out in it, and the web switches to it at sign-in on a device that has no
-- language cookie yet. 'en' or 'de', the languages the web and the mails are written in; existing
-- people keep English, which every mail used until now.

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_check" CHECK ("locale" IN ('en', 'de'));
