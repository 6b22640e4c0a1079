#!/usr/bin/env bash
# Installs what the test WordPress needs from Debian, only the packages that are missing: WordPress 6.1, its
# default theme, the classic Twenty Twenty-One (the comment markup most intranet themes share), MariaDB and
# PHP's CLI (its built-in web server serves the site). Nothing is configured system-wide: start.mjs runs a
# private database and web server under a temporary directory.
set -euo pipefail

packages=(wordpress wordpress-theme-twentytwentythree wordpress-theme-twentytwentyone mariadb-server php-cli php-mysql)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = 'install ok installed' ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

echo "==> Installing from Debian: ${missing[*]}"
# Other installs may hold apt's lock (parallel test workers, another host's script): wait instead of failing.
as_root apt-get -o DPkg::Lock::Timeout=600 -q update
as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q install -y \
  --no-install-recommends "${missing[@]}"
