/*
 * label_run - what "pfsel-label check" and "pfsel-label apply" share:
 * options, loading and validating ROOT's policy, choosing the trees, the
 * walk and the exit status.  cmd_check.c and cmd_apply.c only say which
 * one they are.
 */
#ifndef PFSEL_LABEL_RUN_H
#define PFSEL_LABEL_RUN_H

/* apply: 0 for check, 1 for apply.  Returns the exit status. */
int label_run(int argc, char **argv, int apply);

#endif
