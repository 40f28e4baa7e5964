// The agent's native addons, as data: where each one's loader looks for its binary, which
// binary a target needs, and whether the npm package ships it (binaries on GitHub releases
// cannot be fetched by the build machine, only the npm registry is reachable).

export type TargetArch = 'x64' | 'arm64';

export interface NativeFile {
  /** Path under the repo's node_modules/. */
  from: string;
  /** Path under the bundle's native/ directory. */
  to: string;
}

export interface LoaderPatch {
  /** Module path (suffix match, posix) whose source is patched before bundling. */
  file: string;
  /** Exact text that must occur exactly once; the build fails otherwise (a version bump moved it). */
  find: string;
  replace: string;
}

export interface NativeModule {
  name: string;
  version: string;
  /** `shipped`: the npm package holds prebuilt binaries for every target we support. */
  source: 'shipped' | 'build-host-only';
  files: (arch: TargetArch) => NativeFile[];
  patch: LoaderPatch;
}

const CRT_ARCH: Record<TargetArch, string> = { x64: 'linux-x64-glibc', arm64: 'linux-arm64-glibc' };
const SERIAL_FILE: Record<TargetArch, string> = {
  x64: 'linux-x64/@serialport+bindings-cpp.glibc.node',
  arm64: 'linux-arm64/@serialport+bindings-cpp.armv8.glibc.node',
};

export const NATIVE_MODULES: readonly NativeModule[] = [
  {
    // aws-crt ships dist/bin/<platform>-<arch>-<libc>/aws-crt-nodejs.node in the npm tarball (N-API).
    name: 'aws-crt',
    version: '1.33.1',
    source: 'shipped',
    files: (arch) => [
      {
        from: `aws-crt/dist/bin/${CRT_ARCH[arch]}/aws-crt-nodejs.node`,
        to: `aws-crt/bin/${CRT_ARCH[arch]}/aws-crt-nodejs.node`,
      },
    ],
    patch: {
      file: 'aws-crt/dist/native/binding.js',
      find: "let source_root = path.resolve(__dirname, '..', '..');",
      replace: "let source_root = path.resolve(__dirname, 'native', 'aws-crt');",
    },
  },
  {
    // @serialport/bindings-cpp ships prebuilds/<platform>-<arch>/*.node (N-API), picked by node-gyp-build.
    name: '@serialport/bindings-cpp',
    version: '13.0.0',
    source: 'shipped',
    files: (arch) => [
      {
        from: `@serialport/bindings-cpp/prebuilds/${SERIAL_FILE[arch]}`,
        to: `serialport/prebuilds/${SERIAL_FILE[arch]}`,
      },
    ],
    patch: {
      file: '@serialport/bindings-cpp/dist/serialport-bindings.js',
      find: "(0, path_1.join)(__dirname, '../')",
      replace: "(0, path_1.join)(__dirname, 'native', 'serialport')",
    },
  },
  {
    // better-sqlite3 has no binaries in its npm package: its install script downloads one from
    // GitHub or compiles with node-gyp. Only the build host's own compiled binary can be bundled;
    // for any other arch install.sh builds it on the gateway. It uses the V8 ABI, so the binary
    // is tied to the Node major it was built for.
    name: 'better-sqlite3',
    version: '12.11.1',
    source: 'build-host-only',
    files: () => [{ from: 'better-sqlite3/build/Release/better_sqlite3.node', to: 'better_sqlite3.node' }],
    patch: {
      file: 'better-sqlite3/lib/database.js',
      find: "require('bindings')('better_sqlite3.node')",
      replace: "require(require('node:path').join(__dirname, 'native', 'better_sqlite3.node'))",
    },
  },
];
