#!/usr/bin/env bash
# Installs khet into a prefix: bin/khet, share/khet/ (frameworks, schemas, evaluation scales,
# report templates: the data files Khet finds at ../share/khet from its executable) and
# share/man/man1/khet.1.gz, generated from the argument parser's help.
#   packaging/install.sh ROOT BINARY    (ROOT is $(DESTDIR)$(PREFIX))
set -euo pipefail
cd "$(dirname "$0")/.."
root="$1"
binary="$2"
[ -x "$binary" ] || { echo "error: no khet binary at $binary (build it first: make release)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "error: python3 writes the man page; install it: apt-get install python3" >&2; exit 1; }
install -d "$root/bin" "$root/share/khet" "$root/share/man/man1"
install -m 755 "$binary" "$root/bin/khet"
# The data files, as in the repository's templates/ folder (without its README and Swift file).
rm -rf "$root/share/khet"
install -d "$root/share/khet"
for folder in frameworks schema evaluation report; do
  cp -R "templates/$folder" "$root/share/khet/$folder"
done
chmod -R u=rwX,go=rX "$root/share/khet"
version=$(KHET_DATA="$root/share/khet" "$binary" --version | head -n 1)
KHET_DATA="$root/share/khet" "$binary" --experimental-dump-help | python3 packaging/manpage.py "$version" \
  | gzip -9n > "$root/share/man/man1/khet.1.gz"
chmod 644 "$root/share/man/man1/khet.1.gz"
echo "installed khet $version into $root"
