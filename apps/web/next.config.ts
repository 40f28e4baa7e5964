import type { NextConfig } from 'next';

// @fleet/ui is consumed from its tsc-built dist/ (plain ESM), so no transpilePackages entry is
// needed; Turbopack finds the monorepo root from the workspace lockfile.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The e2e tests and type checking run separately (tsc -p tsconfig.spec.json); the build checks
  // this app's own tsconfig.json, which leaves e2e/ out.
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
