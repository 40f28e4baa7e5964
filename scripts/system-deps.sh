#!/usr/bin/env bash
# Debian packages the tests need, installed only when missing (needs root):
#   chromium       the browser tests (playwright-core drives Debian's build; no browser download)
#   socat          pty pairs standing in for a serial SLCAN adapter
#   debootstrap    builds the TimescaleDB chroot (scripts/timescaledb-up.sh)
#   nats-server    the e2e tests run their own throw-away NATS
#   python3-can, python3-serial, python3-canmatrix   independent CAN peers for protocol checks
#   can-utils      candump/cansend: the edge agent's SocketCAN transport (--can) runs them
#   openssl        self-signed certificates for local TLS peers (the api's test push service)
#   poppler-utils  pdftotext: the evidence-pack tests read the generated PDF's text
set -euo pipefail
want=(chromium socat debootstrap nats-server python3-can python3-serial python3-canmatrix can-utils openssl poppler-utils)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
