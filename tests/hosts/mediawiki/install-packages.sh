#!/usr/bin/env bash
# Installs what the real MediaWiki test server needs from Debian, only when it is missing (idempotent).
# Root runs apt directly, anyone else through sudo. Exit 0 means: ready to start.
set -euo pipefail

PACKAGES=(mediawiki php-sqlite3 php-cli)

missing=()
for package in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = 'install ok installed' ] || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Without a terminal sudo cannot ask for a password: say what to do instead of failing obscurely.
if [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null && ! (: </dev/tty) 2>/dev/null; then
  echo "MediaWiki tests need: ${missing[*]}. Install them once with: sudo $0" >&2
  exit 1
fi

echo "==> Installing from Debian for the MediaWiki tests: ${missing[*]}"
# Other suites (WordPress, Chromium) may run apt at the same time: wait for dpkg's lock, don't fail.
apt_get=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
as_root "${apt_get[@]}" update
as_root "${apt_get[@]}" install -y --no-install-recommends "${missing[@]}"
