// The agent's version as the heartbeat reports it. A constant, not a package.json read: the
// gateway bundle has no package.json beside it. version.spec.ts keeps the two equal.
export const AGENT_VERSION = '0.1.0';
