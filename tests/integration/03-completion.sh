#!/bin/bash
# The bash completions (completions/pfsel-gen, completions/pfsel-label),
# driven the way bash-completion drives them, against the built programs:
# subcommands are the man pages' SYNOPSIS, every long option a man page
# documents is offered, option arguments complete to their values, files
# or the modules installed under --root.
source "$PFSEL_TOP/tests/lib/testlib.sh"
bc=/usr/share/bash-completion/bash_completion
if [ ! -f "$bc" ]; then
	not_ok "bash-completion is installed (scripts/deps.sh)"
	exit 1
fi

# complete FUNCTION WORD...: what FUNCTION offers for the last WORD, one
# per line, sorted; run in a fresh bash as readline would call it.
complete_words() {
	(cd "$work" && PATH=$PFSEL_BIN:$PATH bash -c '
		source "$0" && source "$1" && source "$2" || exit 1
		fn=$3
		shift 3
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' "$bc" \
		"$PFSEL_TOP/completions/pfsel-gen" "$PFSEL_TOP/completions/pfsel-label" \
		"$@" 2>/dev/null | sort -u)
}
# synopsis_subcommands PAGE PROGRAM: ".B PROGRAM SUB" lines of SYNOPSIS.
synopsis_subcommands() {
	sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$PFSEL_TOP/man/$1" |
		awk -v p="$2" '$1 == ".B" && $2 == p { print $3 }' | sort -u
}

work=$(tmpdir)
check_eq "pfsel-gen: the subcommands of pfsel-gen(1)" \
	"$(synopsis_subcommands pfsel-gen.1 pfsel-gen)" \
	"$(complete_words _pfsel_gen pfsel-gen '')"
check_eq "pfsel-label: the subcommands of pfsel-label(1)" \
	"$(synopsis_subcommands pfsel-label.1 pfsel-label)" \
	"$(complete_words _pfsel_label pfsel-label '')"
check_eq "pfsel-gen in<TAB>" install "$(complete_words _pfsel_gen pfsel-gen in)"

# Every documented long option is offered by one subcommand at least, or
# in place of one (--version).
offered=$({
	complete_words _pfsel_gen pfsel-gen --
	for s in $(synopsis_subcommands pfsel-gen.1 pfsel-gen); do
		complete_words _pfsel_gen pfsel-gen "$s" --
	done
} | sort -u)
for o in $(man_long_options pfsel-gen.1); do
	check "pfsel-gen offers $o" grep -qx -- "$o" <<<"$offered"
done
offered=$({
	complete_words _pfsel_label pfsel-label --
	for s in $(synopsis_subcommands pfsel-label.1 pfsel-label); do
		complete_words _pfsel_label pfsel-label "$s" --
	done
} | sed 's/=$//' | sort -u)
for o in $(man_long_options pfsel-label.1 pfsel-label-review.1); do
	check "pfsel-label offers $o" grep -qx -- "$o" <<<"$offered"
done
check_eq "-n --dry-run only for apply" "" \
	"$(complete_words _pfsel_label pfsel-label check --d)"
check_eq "apply --d<TAB>" --dry-run "$(complete_words _pfsel_label pfsel-label apply --d)"

# Option arguments.
check_eq "scan --print <TAB>: the four listings" "$(printf '%s\n' F M P n)" \
	"$(complete_words _pfsel_gen pfsel-gen scan --print '')"
check_eq "review --color=<TAB>" "$(printf '%s\n' always auto never)" \
	"$(complete_words _pfsel_label pfsel-label review --color=)"
mkdir -p "$work/specs/sub" "$work/r/var/lib/pfsel"
touch "$work/specs/site.ini" "$work/specs/notes.txt"
check_eq "emit SPEC: .ini files and directories" \
	"$(printf '%s\n' specs/site.ini specs/sub)" \
	"$(complete_words _pfsel_gen pfsel-gen emit specs/)"
check_eq "-r ROOT: directories only" specs/sub \
	"$(complete_words _pfsel_label pfsel-label check -r specs/)"
touch "$work/r/var/lib/pfsel/postfix_site.manifest" \
	"$work/r/var/lib/pfsel/postfix_out.manifest"
check_eq "uninstall --root R <TAB>: the modules R's manifests name" \
	"$(printf '%s\n' postfix_out postfix_site)" \
	"$(complete_words _pfsel_gen pfsel-gen uninstall --root "$work/r" '')"
check_eq "review --spec takes no file: options follow" --spec \
	"$(complete_words _pfsel_label pfsel-label review --spec --sp)"
exit $T_FAILED
