#!/bin/bash
# The maillog recipe: see tests/lib/recipes.sh.
source "$PFSEL_TOP/tests/lib/testlib.sh"
source "$PFSEL_TOP/tests/lib/recipes.sh"
recipe_maillog
exit $T_FAILED
