#!/bin/sh
# Installs (or upgrades) the fleet edge agent from an unpacked bundle. Run as root from the
# bundle directory:  tar xzf fleet-edge-agent-<v>-linux-<arch>.tar.gz && cd fleet-edge-agent-* && sudo ./install.sh
#
# Layout: /opt/fleet-agent/releases/<version>-<commit>/ (this bundle), /opt/fleet-agent/current
# (symlink, switched only after the new release loads), /etc/fleet-agent/agent.env (config, kept
# across upgrades), /var/lib/fleet-agent (spool, created by systemd's StateDirectory=).
# Options: --no-start (install and enable, do not start), --node <path> (node binary, default: PATH).
set -eu

PREFIX=/opt/fleet-agent
CONF_DIR=/etc/fleet-agent
UNIT=fleet-edge-agent.service
USER_NAME=fleet-agent
START=yes
NODE=""

while [ $# -gt 0 ]; do
  case "$1" in
    --no-start) START=no ;;
    --node) NODE="$2"; shift ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "install.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root"
SRC=$(cd "$(dirname "$0")" && pwd)
[ -f "$SRC/manifest.json" ] && [ -f "$SRC/agent.js" ] || fail "run from an unpacked bundle (manifest.json, agent.js)"

# 1. The bundle is intact.
(cd "$SRC" && sha256sum --quiet -c SHA256SUMS) || fail "bundle checksum mismatch (SHA256SUMS)"

# 2. Node 20 (better-sqlite3 is built against its V8 ABI), matching arch.
[ -n "$NODE" ] || NODE=$(command -v node || true)
[ -n "$NODE" ] && [ -x "$NODE" ] || fail "node not found: install Node.js 20 (e.g. NodeSource deb) or pass --node"
NODE_MAJOR=$("$NODE" -p 'process.versions.node.split(".")[0]')
WANT_MAJOR=$("$NODE" -p "require('$SRC/manifest.json').node.major")
[ "$NODE_MAJOR" = "$WANT_MAJOR" ] || fail "node $NODE_MAJOR found, the bundle needs node $WANT_MAJOR"
NODE_ARCH=$("$NODE" -p 'process.arch')
WANT_ARCH=$("$NODE" -p "require('$SRC/manifest.json').arch")
[ "$NODE_ARCH" = "$WANT_ARCH" ] || fail "this is a $WANT_ARCH bundle, the gateway runs $NODE_ARCH"
RELEASE=$("$NODE" -p "const m=require('$SRC/manifest.json'); m.version+'-'+m.commit")

# 3. better-sqlite3 for this arch, when the bundle could not carry it (built on the gateway:
#    prebuild-install downloads the release binary from GitHub, or node-gyp compiles it, which
#    needs python3, make and g++). The result is checked by loading it.
if [ ! -f "$SRC/native/better_sqlite3.node" ]; then
  SQLITE_VERSION=$("$NODE" -p "require('$SRC/manifest.json').native.find(n => n.name === 'better-sqlite3').version")
  command -v npm >/dev/null || fail "better-sqlite3 must be built on this gateway and npm is missing (apt install npm, or use a bundle built on $WANT_ARCH)"
  BUILD=$(mktemp -d)
  echo "building better-sqlite3 $SQLITE_VERSION for $NODE_ARCH in $BUILD (npm; needs the registry and GitHub, or python3/make/g++)"
  # allowScripts: npm versions that gate install scripts must run better-sqlite3's.
  printf '{"name":"sqlite-build","private":true,"allowScripts":{"better-sqlite3":true}}\n' > "$BUILD/package.json"
  (cd "$BUILD" && npm install --no-audit --no-fund "better-sqlite3@$SQLITE_VERSION") \
    || fail "building better-sqlite3 failed (see npm output above)"
  mkdir -p "$SRC/native"
  cp "$BUILD/node_modules/better-sqlite3/build/Release/better_sqlite3.node" "$SRC/native/better_sqlite3.node"
  rm -rf "$BUILD"
fi
"$NODE" -e "const D=require('$SRC/native/better_sqlite3.node').Database; if (typeof D !== 'function') process.exit(1)" \
  || fail "native/better_sqlite3.node does not load with $NODE"

# 4. User, directories, config.
if ! id "$USER_NAME" >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir /var/lib/fleet-agent --shell /usr/sbin/nologin "$USER_NAME"
fi
getent group dialout >/dev/null && usermod -a -G dialout "$USER_NAME"
install -d -m 0755 "$PREFIX/releases"
install -d -m 0750 -o root -g "$USER_NAME" "$CONF_DIR"
if [ ! -f "$CONF_DIR/agent.env" ]; then
  install -m 0640 -o root -g "$USER_NAME" "$SRC/agent.env.example" "$CONF_DIR/agent.env"
  echo "created $CONF_DIR/agent.env from the example: set AGENT_GATEWAY_ID, AGENT_SLCAN and the uplink"
  START=no
fi

# 5. The release, then the switch (rollback: point current at the previous release, restart).
DEST="$PREFIX/releases/$RELEASE"
rm -rf "$DEST.tmp"
cp -a "$SRC" "$DEST.tmp"
chown -R root:root "$DEST.tmp"
rm -rf "$DEST"
mv "$DEST.tmp" "$DEST"
ln -sfn "$DEST" "$PREFIX/current.tmp"
mv -T "$PREFIX/current.tmp" "$PREFIX/current"
"$NODE" "$PREFIX/current/agent.js" --help >/dev/null || fail "the installed agent does not start (node agent.js --help)"

# 6. The unit; a drop-in when node is not /usr/bin/node.
install -m 0644 "$SRC/fleet-edge-agent.service" "/etc/systemd/system/$UNIT"
DROPIN="/etc/systemd/system/$UNIT.d"
if [ "$NODE" != /usr/bin/node ]; then
  install -d -m 0755 "$DROPIN"
  printf '[Service]\nExecStart=\nExecStart=%s %s/current/agent.js\n' "$NODE" "$PREFIX" > "$DROPIN/node.conf"
else
  rm -f "$DROPIN/node.conf"
fi
systemctl daemon-reload
systemctl enable "$UNIT"
if [ "$START" = yes ]; then
  systemctl restart "$UNIT"
  echo "started: journalctl -u $UNIT -f"
else
  echo "enabled, not started: edit $CONF_DIR/agent.env, then systemctl start $UNIT"
fi
echo "installed $RELEASE in $DEST"
