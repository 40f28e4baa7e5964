export { Badge, type BadgeProps, type BadgeTone, StateBadge, type StateBadgeProps } from './badge.js';
export { Card, type CardProps } from './card.js';
export { formatAge, formatTimestampUtc } from './format-age.js';
export {
  type CurrentDirection,
  currentDirection,
  formatCurrentDa,
  formatMv,
  formatPct,
  formatSpreadMv,
  formatTempDc,
  formatVoltageDv,
  MISSING,
} from './format-units.js';
export { type Severity, SeverityBadge, type SeverityBadgeProps, severityTone } from './severity-badge.js';
export { StatTile, type StatTileProps } from './stat-tile.js';
