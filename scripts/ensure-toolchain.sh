#!/usr/bin/env bash
# Installs what the build needs on a fresh Debian machine (JDK 17 and Maven), if missing.
set -euo pipefail
need_install=()
if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -q 'version "\(1[7-9]\|2[0-9]\)'; then
  need_install+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || need_install+=(maven)
if [ ${#need_install[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "installing: ${need_install[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_install[@]}" >/dev/null
fi
