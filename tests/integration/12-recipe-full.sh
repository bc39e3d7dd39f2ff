#!/bin/bash
# The full recipe: see tests/lib/recipes.sh.
source "$PFSEL_TOP/tests/lib/testlib.sh"
source "$PFSEL_TOP/tests/lib/recipes.sh"
# Every example compiles on its own; the full one also installs.
for spec in "$EX"/*/spec.ini; do
	name=$(basename "$(dirname "$spec")")
	check "$name: example compiles" "$GEN" build "$spec" -o "$(tmpdir)"
done
recipe_full
exit $T_FAILED
