#!/usr/bin/env bash
# Installs the design card's libraries (and the build tools) from Debian.
# Idempotent, and silent when everything is already installed.
set -euo pipefail

pkgs=(
    build-essential cmake pkg-config python3 openssl curl
    libevent-dev libcurl4-openssl-dev libmbedtls-dev libyaml-dev libjsmn-dev libcmocka-dev
)

# The e2e suite runs the OpenAI Node SDK: the machine's Node.js and npm when
# present, else Debian's.
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
