// The product's default rules: what applies before a tenant or site changes anything. Parsed
// through the same schema as any rule set when this module loads, so a bad default fails at start.
// Thresholds named in issue 7 or the references say where they come from; the rest are project
// defaults, chosen to be quiet rather than noisy, and tuned per tenant/site.
import { parseRuleSet } from './parse-rule-set.js';
import { DERIVED_RULE_IDS, type Rule, type RuleSet } from './rule.schema.js';

/** The early-warning rules: `derived.finding.<kind>`. */
export const FINDING_RULE_IDS = DERIVED_RULE_IDS.filter((id) => id.startsWith('derived.finding.'));

const FLAPPING = { windowS: 600, maxTransitions: 6 };

const rule = (fields: Omit<Rule, 'enabled' | 'flapping'> & Partial<Pick<Rule, 'flapping'>>): Rule => ({
  enabled: true,
  flapping: FLAPPING,
  ...fields,
});

export const DEFAULT_RULES: RuleSet = parseRuleSet(
  {
    rules: {
      // Catalogue bits: the entry gives the severity. Protections and errors are recorded at once;
      // warnings and status requests must hold a little, since they toggle near a limit.
      'bits.protection': rule({ hysteresis: 0, fireDelayS: 0, clearDelayS: 60 }),
      'bits.error': rule({ hysteresis: 0, fireDelayS: 0, clearDelayS: 60 }),
      'bits.alarm': rule({ hysteresis: 0, fireDelayS: 30, clearDelayS: 120 }),
      'bits.status': rule({ hysteresis: 0, fireDelayS: 300, clearDelayS: 300 }),
      // Issue 7: warn above 30 mV, critical above 50 mV at rest; rest = |I| ≤ 2.0 A, the analytics
      // package's DEFAULT_REST_CURRENT_DA. Spreads under load are not judged (no evidence either way).
      'derived.cell_imbalance': rule({
        thresholds: { direction: 'above', warning: 30, critical: 50 },
        hysteresis: 5,
        fireDelayS: 600,
        clearDelayS: 1800,
        params: { restCurrentDa: 20 },
      }),
      // mV per week a cell falls against its module's median (analytics cellDrift's slope).
      'derived.weak_cell': rule({
        thresholds: { direction: 'below', warning: -5, critical: -10 },
        hysteresis: 1,
        fireDelayS: 0,
        clearDelayS: 86_400,
      }),
      // 70 % is the analytics SOH threshold default (sohTrend thresholdPct).
      'derived.soh_low': rule({
        thresholds: { direction: 'below', warning: 80, critical: 70 },
        hysteresis: 1,
        fireDelayS: 0,
        clearDelayS: 86_400,
      }),
      // How much faster than its fleet (the tenant's strings of the same module type) a string's
      // SOH fades, in robust spreads (sohFadeVsFleet): 3 spreads over the fleet median warns; a
      // spread is at least 0.5 %/year and one whole SOH percent over the fit's span (3 %/year over a
      // year of data). Judged once a day from the 1d rollups, only on trusted fits (≥ 30 days of
      // readings over ≥ 60 days, 95 % interval within ±2 %/year) against ≥ 10 peers.
      'derived.soh_fade_vs_fleet': rule({
        thresholds: { direction: 'above', warning: 3, critical: 5 },
        hysteresis: 0.5,
        fireDelayS: 0,
        clearDelayS: 86_400,
        params: {
          minFleetSize: 10,
          minPoints: 30,
          minSpanDays: 60,
          maxCi95HalfWidth: 2,
          minSpread: 0.5,
          sohStepPct: 1,
        },
      }),
      // Degrees (0.1 °C) outside the working range 0 … 50 °C (Force-H1-V2 manual, reference §6, one
      // source); critical 15 °C outside it, i.e. beyond the SC1000-100S's own −20 … +65 °C.
      'derived.temperature_range': rule({
        thresholds: { direction: 'above', warning: 0, critical: 150 },
        hysteresis: 20,
        fireDelayS: 300,
        clearDelayS: 600,
        params: { lowDc: 0, highDc: 500 },
      }),
      // Missed reporting intervals: 3, the analytics stale rule (DEFAULT_MISSED_INTERVALS).
      'derived.string_stale': rule({
        thresholds: { direction: 'above', warning: 3, critical: 12 },
        hysteresis: 0,
        fireDelayS: 0,
        clearDelayS: 0,
      }),
      'derived.gateway_stale': rule({
        thresholds: { direction: 'above', warning: 3, critical: 12 },
        hysteresis: 0,
        fireDelayS: 0,
        clearDelayS: 0,
      }),
      // Spool growth while the gateway reports (items per hour), once it holds at least minDepth.
      'derived.spool_backlog': rule({
        thresholds: { direction: 'above', warning: 0, critical: 1000 },
        hysteresis: 0,
        fireDelayS: 900,
        clearDelayS: 900,
        params: { minDepth: 100, minPoints: 3 },
      }),
      // Longest hole in the stored series within the look-back, in missed intervals.
      'derived.data_gap': rule({
        thresholds: { direction: 'above', warning: 3 },
        hysteresis: 0,
        fireDelayS: 0,
        clearDelayS: 0,
        params: { lookbackS: 86_400 },
      }),
      // Early warnings (issue 10): flags at severity info, judged once a day by ingest's sweep from
      // the fleet analysis; a finding gone from the next day's analysis clears its alarm at once.
      // The lines are the analysis's (packages/analytics README, "Fleet intelligence").
      ...Object.fromEntries(
        FINDING_RULE_IDS.map((id) => [id, rule({ hysteresis: 0, fireDelayS: 0, clearDelayS: 0 })]),
      ),
    },
  },
  'defaults',
);
