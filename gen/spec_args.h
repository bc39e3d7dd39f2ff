/*
 * spec_args - the command line the spec-driven subcommands share:
 * "SUBCOMMAND SPEC [-o DIR] [--root ROOT] [-v]" (emit, build, install).
 */
#ifndef PFSEL_GEN_SPEC_ARGS_H
#define PFSEL_GEN_SPEC_ARGS_H

struct spec_args {
	const char *spec;
	const char *outdir; /* NULL when -o was not given */
	const char *root;   /* NULL: the running system */
	int json;           /* --json (install, plan) */
};

/* 0, or -1 after a usage message naming argv[0]. */
int spec_args_parse(int argc, char **argv, struct spec_args *a);
/* The same, accepting --json too (install, plan). */
int spec_args_parse_json(int argc, char **argv, struct spec_args *a);

#endif
