#!/bin/bash
# The daemon recipe: see tests/lib/recipes.sh.
source "$PFSEL_TOP/tests/lib/testlib.sh"
source "$PFSEL_TOP/tests/lib/recipes.sh"
recipe_daemon
exit $T_FAILED
