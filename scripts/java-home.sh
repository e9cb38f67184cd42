# shellcheck shell=bash
# Sourced by ./run-local (and meant for .ci/run): makes JAVA_HOME and PATH point at a JDK 21
# or newer, since the project targets Java 21 and the Maven wrapper uses JAVA_HOME first.
# Keeps a suitable JAVA_HOME or `java` on the PATH; otherwise picks the newest JDK 21+ found
# in the usual install locations. Exports SAGA_JAVA_VERSION (the feature version, e.g. 21).
# Safe under `set -euo pipefail`; returns 1 with a message when there is no JDK 21+.

saga_java_version() {
  # $1: a JDK home; prints its feature version (e.g. 21), or nothing
  local home="$1" version=""
  [ -x "${home}/bin/java" ] || return 0
  if [ -f "${home}/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "${home}/release")
  fi
  if [ -z "${version}" ]; then
    version=$("${home}/bin/java" -XshowSettings:properties -version 2>&1 \
      | awk -F'= ' '/java.specification.version/ {print $2}')
  fi
  version="${version#1.}"
  echo "${version%%[.+-]*}"
}

saga_is_jdk21() {
  # $1: a JDK home; succeeds when it has java and javac of version 21 or newer
  local version
  [ -x "$1/bin/javac" ] || return 1
  version=$(saga_java_version "$1")
  [ -n "${version}" ] && [ "${version}" -ge 21 ] 2>/dev/null
}

saga_pick_jdk() {
  local candidate best="" best_version=0 version
  if [ -n "${JAVA_HOME:-}" ] && saga_is_jdk21 "${JAVA_HOME}"; then
    echo "${JAVA_HOME}"
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if saga_is_jdk21 "${candidate}"; then
      echo "${candidate}"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME:-/root}"/.sdkman/candidates/java/* \
    "${HOME:-/root}"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "${candidate}" ] || continue
    saga_is_jdk21 "${candidate}" || continue
    version=$(saga_java_version "${candidate}")
    if [ "${version}" -gt "${best_version}" ]; then
      best="${candidate}"
      best_version="${version}"
    fi
  done
  [ -n "${best}" ] || return 1
  echo "${best}"
}

if saga_jdk=$(saga_pick_jdk); then
  export JAVA_HOME="${saga_jdk}"
  export PATH="${JAVA_HOME}/bin:${PATH}"
  SAGA_JAVA_VERSION=$(saga_java_version "${JAVA_HOME}")
  export SAGA_JAVA_VERSION
  unset saga_jdk
else
  unset saga_jdk
  echo "This project needs a JDK 21 or newer (java and javac); none was found." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk, or from adoptium.net) or set JAVA_HOME to it." >&2
  return 1
fi
