#!/usr/bin/env bash
# Add ChatDesk to the desktop's application menu for the current user (no root needed):
# the desktop entry goes to ~/.local/share/applications, the icon (every rendered size and the
# SVG) to ~/.local/share/icons/hicolor. $XDG_DATA_HOME replaces ~/.local/share when set.
#
#   bash scripts/install_desktop_entry.sh                    # for the installed `chatdesk` command
#   bash scripts/install_desktop_entry.sh --bundle DIR       # for a PyInstaller bundle (DIR/ChatDesk)
#   dist/ChatDesk/install-desktop-entry.sh                   # the same, shipped inside the bundle
#   bash scripts/install_desktop_entry.sh --exec /path/to/chatdesk
#   bash scripts/install_desktop_entry.sh --uninstall
#
# Re-running replaces the files; nothing outside those two folders is touched.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
assets="$here/../assets"
exec_cmd=""
# chatdesk.spec copies this script into the bundle as dist/ChatDesk/install-desktop-entry.sh:
# there it installs for the bundle it sits in.
if [ -x "$here/ChatDesk" ] && [ -d "$here/_internal/chatdesk/_assets" ]; then
  assets="$here/_internal/chatdesk/_assets"
  exec_cmd="$here/ChatDesk"
fi
uninstall=0

die() { printf 'install_desktop_entry: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bundle)
      [ $# -ge 2 ] || die "--bundle needs the bundle folder (the one holding the ChatDesk launcher)"
      bundle="$(cd "$2" 2>/dev/null && pwd)" || die "the bundle folder $2 does not exist"
      [ -x "$bundle/ChatDesk" ] || die "$bundle/ChatDesk is missing or not executable: is $2 a ChatDesk bundle (dist/ChatDesk)?"
      assets="$bundle/_internal/chatdesk/_assets"
      exec_cmd="$bundle/ChatDesk"
      shift 2 ;;
    --exec)
      [ $# -ge 2 ] || die "--exec needs the command to start ChatDesk"
      exec_cmd="$2"
      shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (try --help)" ;;
  esac
done

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data_home/applications"
hicolor="$data_home/icons/hicolor"
entry="$apps/chatdesk.desktop"
sizes=(16 32 48 64 128 256 512)

refresh_caches() {
  # Menus and icon themes pick new files up by themselves on most desktops; refreshing the
  # caches makes it immediate where the tools exist.
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$apps" || echo "note: update-desktop-database $apps failed; the menu may update at next login" >&2
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -d "$hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$hicolor" || echo "note: gtk-update-icon-cache $hicolor failed; the icon may appear at next login" >&2
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f "$entry" "$hicolor/scalable/apps/chatdesk.svg"
  for s in "${sizes[@]}"; do rm -f "$hicolor/${s}x${s}/apps/chatdesk.png"; done
  refresh_caches
  echo "Removed ChatDesk's menu entry and icons from $data_home"
  exit 0
fi

[ -f "$assets/chatdesk.desktop" ] || die "$assets/chatdesk.desktop is missing"
for s in "${sizes[@]}"; do
  [ -f "$assets/icons/hicolor/${s}x${s}/apps/chatdesk.png" ] \
    || die "$assets/icons/hicolor/${s}x${s}/apps/chatdesk.png is missing (run scripts/render_icons.py)"
done

# The Exec key: a plain path as it is, one with spaces quoted (Desktop Entry spec, "Exec key").
# Characters that would need a second level of escaping are refused rather than guessed at.
exec_line="chatdesk"
try_exec="chatdesk"
if [ -n "$exec_cmd" ]; then
  case "$exec_cmd" in
    *[\"\`\$\\%]*) die "the path $exec_cmd contains a quote, backquote, dollar, backslash or percent sign; move ChatDesk to a plainer path" ;;
  esac
  try_exec="$exec_cmd"
  case "$exec_cmd" in
    *[[:space:]\'\>\<\~\|\&\;\*\?\#\(\)]*) exec_line="\"$exec_cmd\"" ;;
    *) exec_line="$exec_cmd" ;;
  esac
fi

# Write and check the entry first, so a failure leaves nothing half-installed.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    Exec=*) printf 'Exec=%s\n' "$exec_line" ;;
    TryExec=*) printf 'TryExec=%s\n' "$try_exec" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$assets/chatdesk.desktop" > "$work/chatdesk.desktop"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$work/chatdesk.desktop" || die "the desktop entry did not validate (see above); nothing was installed"
fi

for s in "${sizes[@]}"; do
  install -D -m 644 "$assets/icons/hicolor/${s}x${s}/apps/chatdesk.png" "$hicolor/${s}x${s}/apps/chatdesk.png"
done
if [ -f "$assets/icons/hicolor/scalable/apps/chatdesk.svg" ]; then
  install -D -m 644 "$assets/icons/hicolor/scalable/apps/chatdesk.svg" "$hicolor/scalable/apps/chatdesk.svg"
fi
install -D -m 644 "$work/chatdesk.desktop" "$entry"

refresh_caches
echo "Installed $entry (Exec=$exec_line) and the icon in $hicolor"
if [ -z "$exec_cmd" ] && ! command -v chatdesk >/dev/null; then
  echo "note: 'chatdesk' is not on PATH here; the menu entry starts it once it is (or re-run with --exec PATH)" >&2
fi
