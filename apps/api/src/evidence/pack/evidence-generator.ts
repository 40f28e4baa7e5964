import { Readable } from 'node:stream';
import { stringNominalWh } from '@fleet/analytics';
import {
  type EvidenceFileRepository,
  type EvidencePackResult,
  type EvidencePackRow,
  type EvidenceSourceRepository,
  orgScope,
} from '@fleet/db';
import { ALARMS_CSV, ALARMS_HEADER, alarmRows } from '../csv/alarms.csv.js';
import { csvLines } from '../csv/csv-lines.js';
import {
  CYCLES_THROUGHPUT_CSV,
  CYCLES_THROUGHPUT_HEADER,
  cyclesThroughputRows,
} from '../csv/cycles-throughput.csv.js';
import {
  DATA_COMPLETENESS_CSV,
  DATA_COMPLETENESS_HEADER,
  dataCompletenessRows,
} from '../csv/data-completeness.csv.js';
import { EXCURSIONS_CSV, EXCURSIONS_HEADER, excursionRows } from '../csv/excursions.csv.js';
import { IDENTITY_CSV, IDENTITY_HEADER, identityRows } from '../csv/identity.csv.js';
import { emptySummary, type PackSummary } from '../csv/pack-summary.js';
import {
  PROTECTION_EVENTS_CSV,
  PROTECTION_EVENTS_HEADER,
  protectionEventRows,
} from '../csv/protection-events.csv.js';
import { SOH_CAPACITY_CSV, SOH_CAPACITY_HEADER, sohCapacityRows } from '../csv/soh-capacity.csv.js';
import { type FileDigest, writeHashed } from '../csv/write-hashed.js';
import { evidencePdf } from '../pdf/evidence-pdf.js';
import type { EvidenceWarrantySource } from '../warranty-source.js';
import { MANIFEST_JSON, manifestJson } from './manifest.js';
import { CSV_PREFIX, GENERATOR, GENERATOR_VERSION, PDF_FILE, ZIP_FILE } from './pack-files.js';
import { zipEntries } from './zip-entries.js';

export interface EvidenceDeps {
  /** Reads of the pack's string, under the pack's own scope. */
  source: EvidenceSourceRepository;
  files: EvidenceFileRepository;
  warranty: EvidenceWarrantySource;
}

/** Called before each step; a rejection stops the run (the pack was taken over or the process stops). */
export type ProgressReport = (step: number, of: number, message: string) => Promise<void>;

type Step = { message: string; run: () => Promise<void> };

/**
 * Makes one pack: the seven CSVs (each streamed from the database into the file store, hashed as
 * written), the PDF drawn from what the CSVs collected, then the ZIP (CSVs + manifest.json + PDF)
 * streamed from the stored files. The CSV chunks are dropped at the end; the PDF and the ZIP stay.
 * A run always starts clean, so a pack taken over after a crash is made from scratch.
 */
export async function generateEvidencePack(
  pack: EvidencePackRow,
  deps: EvidenceDeps,
  report: ProgressReport,
  now: Date,
): Promise<EvidencePackResult> {
  const { files } = deps;
  await files.removeExcept(pack.id);
  const s = await summaryHead(pack, deps, now);
  let pdf: FileDigest = { sha256: '', bytes: 0 };
  let zip: FileDigest = { sha256: '', bytes: 0 };
  const steps: Step[] = [
    ...csvSteps(pack, deps, s),
    {
      message: PDF_FILE,
      run: async () => {
        const doc = evidencePdf(s, `${GENERATOR} ${GENERATOR_VERSION}`);
        pdf = await writeHashed(files.writer(pack.id, PDF_FILE, pack.attempts), doc);
      },
    },
    {
      message: ZIP_FILE,
      run: async () => {
        zip = await writeZip(pack, s, pdf, files);
      },
    },
  ];
  for (const [i, step] of steps.entries()) {
    await report(i, steps.length, step.message);
    await step.run();
  }
  await files.removeExcept(pack.id, [PDF_FILE, ZIP_FILE]);
  return {
    generatorVersion: GENERATOR_VERSION,
    pdfSha256: pdf.sha256,
    zipSha256: zip.sha256,
    pdfBytes: pdf.bytes,
    zipBytes: zip.bytes,
  };
}

/** The string's identity and warranty sections, the start of what the PDF is drawn from. */
async function summaryHead(pack: EvidencePackRow, deps: EvidenceDeps, now: Date): Promise<PackSummary> {
  const period = { from: pack.periodFrom, to: pack.periodTo };
  const identity = await deps.source.identity(pack.stringId);
  if (!identity) {
    throw new Error(`string ${pack.stringId} is not readable in the pack's scope`);
  }
  // As the managing organisation: warranty terms are its organisation-level data (the string is its own).
  const warranty = await deps.warranty.warrantyFor(
    orgScope(pack.tenantId),
    pack.stringId,
    period.from,
    period.to,
  );
  const nominalWh =
    identity.moduleCount === null ? null : stringNominalWh(identity.moduleType, identity.moduleCount);
  return emptySummary({ packId: pack.id, period, generatedAt: now, identity, warranty, nominalWh });
}

/** One step per CSV, in manifest order; each adds its digest to the summary's file list. */
function csvSteps(pack: EvidencePackRow, { source, files }: EvidenceDeps, s: PackSummary): Step[] {
  const { from, to } = s.period;
  const id = pack.stringId;
  const days = () => source.days(id, from, to);
  const gaps = () => source.gaps(id, from, to);
  const csv = (
    name: string,
    header: readonly string[],
    rows: () => AsyncIterable<unknown[]> | Iterable<unknown[]>,
  ): Step => ({
    message: name,
    run: async () => {
      const digest = await writeHashed(
        files.writer(pack.id, CSV_PREFIX + name, pack.attempts),
        csvLines(header, rows()),
      );
      s.files.push({ name, ...digest });
    },
  });
  return [
    csv(IDENTITY_CSV, IDENTITY_HEADER, () => identityRows(s.identity, s.warranty.install)),
    csv(SOH_CAPACITY_CSV, SOH_CAPACITY_HEADER, () => sohCapacityRows(days(), s.nominalWh, s)),
    csv(CYCLES_THROUGHPUT_CSV, CYCLES_THROUGHPUT_HEADER, () => cyclesThroughputRows(days(), s.nominalWh, s)),
    csv(ALARMS_CSV, ALARMS_HEADER, () => alarmRows(source.alarmTransitions(id, from, to), s)),
    csv(PROTECTION_EVENTS_CSV, PROTECTION_EVENTS_HEADER, () =>
      protectionEventRows(source.events(id, from, to), s),
    ),
    csv(EXCURSIONS_CSV, EXCURSIONS_HEADER, () => excursionRows(s.warranty.excursions)),
    csv(DATA_COMPLETENESS_CSV, DATA_COMPLETENESS_HEADER, () =>
      dataCompletenessRows(s.period, days(), gaps, s),
    ),
  ];
}

async function writeZip(
  pack: EvidencePackRow,
  s: PackSummary,
  pdf: FileDigest,
  files: EvidenceFileRepository,
): Promise<FileDigest> {
  const manifest = manifestJson({
    generator: GENERATOR,
    generatorVersion: GENERATOR_VERSION,
    packId: pack.id,
    stringId: pack.stringId,
    stringName: s.identity.stringName,
    period: s.period,
    generatedAt: s.generatedAt,
    files: [...s.files, { name: PDF_FILE, ...pdf }],
  });
  const entries = [
    ...s.files.map((f) => ({ name: f.name, open: () => files.reader(pack.id, CSV_PREFIX + f.name) })),
    { name: PDF_FILE, open: () => files.reader(pack.id, PDF_FILE) },
    { name: MANIFEST_JSON, open: () => Readable.from([Buffer.from(manifest, 'utf8')]) },
  ];
  return writeHashed(files.writer(pack.id, ZIP_FILE, pack.attempts), zipEntries(entries, s.generatedAt));
}
