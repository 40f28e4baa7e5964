-- BMS firmware on the string (issue 10: cohorts by firmware). Set by ingest from the 0x7310
-- versions of topology and composition events; null while no BMS reported any (never invented):
--   * firmware: normalised software version "V.R" (bytes 4-5), what the fleet analysis groups by;
--   * firmware_versions: the seven 0x7310 fields as sent (hardware and development versions too);
--   * firmware_at: gateway time of the report that set them, so a late replay never rolls back.

-- AlterTable
ALTER TABLE "bms_string" ADD COLUMN "firmware" TEXT,
ADD COLUMN "firmware_versions" JSONB,
ADD COLUMN "firmware_at" TIMESTAMPTZ(3);
