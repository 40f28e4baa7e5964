import type { ScopeArg } from '@fleet/db';

/** A string's install record, as the warranty module keeps it. */
export interface EvidenceInstallRecord {
  commissionedAt: Date | null;
  commissionedBy: string | null;
  notes: string | null;
}

/** A site's completed commissioning checklist (issue 10), as stored when it was completed. */
export interface EvidenceChecklist {
  completedAt: Date;
  installerName: string;
  items: Array<{ id: string; state: string; explanation: string; observedAt: Date | null }>;
}

/** One period outside the operating limits of the warranty terms used. */
export interface EvidenceExcursion {
  kind: string;
  start: Date;
  end: Date | null;
  /** In `unit`; null for a protection trip. */
  worst: number | null;
  limit: number | null;
  unit: string | null;
  source: string;
  code: string | null;
  title: string | null;
}

/** The warranty sections of a pack: install record, the terms used, the excursions. */
export interface EvidenceWarranty {
  install: EvidenceInstallRecord | null;
  /** The site's completed commissioning checklist: null when not completed, absent when the source does not know. */
  checklist?: EvidenceChecklist | null;
  /** The terms used as label/value lines (product, region, term, limits, source), or null when none apply. */
  terms: Array<{ label: string; value: string }> | null;
  excursions: EvidenceExcursion[];
  /** Why a section is empty (no terms for this product/region, no install record, …). */
  notes: string[];
}

/**
 * Where the warranty sections come from (task D's WarrantyService, adapted in
 * warranty-adapter.ts). An interface so the generator can be tested without the warranty module.
 */
export interface EvidenceWarrantySource {
  warrantyFor(scope: ScopeArg, stringId: string, from: Date, to: Date): Promise<EvidenceWarranty>;
}

export const EVIDENCE_WARRANTY = Symbol('EVIDENCE_WARRANTY');

/** The source for a deployment without warranty data: every warranty section says so. */
export const noWarranty: EvidenceWarrantySource = {
  warrantyFor: async () => ({
    install: null,
    terms: null,
    excursions: [],
    notes: ['Warranty data is not available for this string.'],
  }),
};
