#!/usr/bin/env bash
# Installs the Debian packages Jiaohe needs, only those missing; silent when none are.
# dpkg-dev (dpkg-shlibdeps), systemd (systemd-analyze verify) and groff-base are for `make
# package` and its tests; systemd-analyze works offline, without a running systemd.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config make
  libboost-dev libpqxx-dev nlohmann-json3-dev libspdlog-dev libfmt-dev doctest-dev libssl-dev
  libicu-dev
  postgresql-15 postgresql-client-15 postgresql-contrib
  wrk
  chromium fonts-wqy-microhei  # the web console's browser tests and a CJK font (docs/CONSOLE.md)
  dpkg-dev systemd groff-base
)
# Node.js and npm for the console's packages (npm ci from its lockfile): Debian's, unless the
# machine already has a node and npm (e.g. a newer one from another source).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run this script as root (or install them)" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The Debian postgresql package would create and start a system cluster we never use.
mkdir -p /etc/postgresql-common
if [ ! -f /etc/postgresql-common/createcluster.conf ] || ! grep -q '^create_main_cluster' /etc/postgresql-common/createcluster.conf; then
  echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
fi
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
