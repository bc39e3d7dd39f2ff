/*
 * spec_validate - whole-spec checks, run by spec_parse(); internal to
 * lib/spec*.c.
 */
#ifndef PFSEL_SPEC_VALIDATE_H
#define PFSEL_SPEC_VALIDATE_H

#include "spec.h"

int spec_validate(struct spec *spec, struct why *why);

#endif
