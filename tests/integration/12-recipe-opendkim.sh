#!/bin/bash
# The opendkim recipe: see tests/lib/recipes.sh.
source "$PFSEL_TOP/tests/lib/testlib.sh"
source "$PFSEL_TOP/tests/lib/recipes.sh"
recipe_opendkim
exit $T_FAILED
