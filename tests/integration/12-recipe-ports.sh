#!/bin/bash
# The ports recipe: see tests/lib/recipes.sh.
source "$PFSEL_TOP/tests/lib/testlib.sh"
source "$PFSEL_TOP/tests/lib/recipes.sh"
recipe_ports
exit $T_FAILED
