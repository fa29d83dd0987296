#!/usr/bin/env bash
# Installs every Debian package kotae's build, tests and benchmarks need. Idempotent: a package
# already installed is left alone, and apt-get is not called at all when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config clang libclang-rt-14-dev clang-format python3
  libicu-dev libmecab-dev mecab mecab-ipadic-utf8 libstemmer-dev
  libzip-dev zlib1g-dev zip unzip libpugixml-dev libpoppler-cpp-dev
  nlohmann-json3-dev libcli11-dev libsqlite3-dev libxapian-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  chromium fonts-noto-cjk libreoffice-calc-nogui
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
