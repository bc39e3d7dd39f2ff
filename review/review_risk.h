/*
 * review_risk - name the allow rules an administrator should not load
 * without thinking twice.
 *
 * Called by review_diag.c for groups whose fix is an allow rule: writes
 * to etc_t or shadow_t, reading shadow or private keys, execmem and
 * friends, loading kernel modules or policy, setenforce, and anything
 * touching an unconfined type.
 */
#ifndef PFSEL_REVIEW_RISK_H
#define PFSEL_REVIEW_RISK_H

#include <stdint.h>

#include "review_group.h"

/* The risk in words, or NULL; allowed masks perms already allowed. */
const char *rv_risk(const struct rv_group *g, uint64_t allowed);

/* Whether g asks, beyond allowed, to write, create or relabel. */
int rv_risk_writes(const struct rv_group *g, uint64_t allowed);

#endif
