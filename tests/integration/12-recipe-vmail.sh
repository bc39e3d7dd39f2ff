#!/bin/bash
# The vmail recipe: see tests/lib/recipes.sh.
source "$PFSEL_TOP/tests/lib/testlib.sh"
source "$PFSEL_TOP/tests/lib/recipes.sh"
recipe_vmail
exit $T_FAILED
