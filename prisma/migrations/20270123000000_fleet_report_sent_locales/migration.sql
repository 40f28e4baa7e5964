-- Weekly fleet report: the languages whose mail went out. The report is mailed once per language;
-- when one language's mail fails, the retry sends only the languages not listed here, so no reader
-- gets the week's report twice. Rows already there get an empty list; new rows are inserted with
-- one (no default, like "recipients").

-- AlterTable
ALTER TABLE "fleet_report" ADD COLUMN "sent_locales" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "fleet_report" ALTER COLUMN "sent_locales" DROP DEFAULT;
