// Module types as data (protocol reference §6). Cell count and capacity are documented
// (H48074's 15 cells by analogy); the current limits are SIMULATOR ASSUMPTIONS, because the
// datasheet figures are unknown: 0.5 C charge and 1 C discharge, capped at the SC1000's 100 A.

export const MODULE_TYPES = {
  H48050: { capacityAh: 50, cellsPerModule: 15, maxChargeA: 25, maxDischargeA: 50 },
  H48074: { capacityAh: 74, cellsPerModule: 15, maxChargeA: 37, maxDischargeA: 74 },
} as const;

export type ModuleTypeName = keyof typeof MODULE_TYPES;
export type ModuleType = (typeof MODULE_TYPES)[ModuleTypeName];
export const MODULE_TYPE_NAMES = Object.keys(MODULE_TYPES) as [ModuleTypeName, ...ModuleTypeName[]];

/** Modules per SC1000 string (ARCHITECTURE.md: 5–15 modules). */
export const MIN_MODULES = 5;
export const MAX_MODULES = 15;
