/*
 * spec_args - parse "SPEC [-o DIR] [--root ROOT] [-v]"; see spec_args.h.
 */
#include <getopt.h>
#include <string.h>

#include "msg.h"
#include "spec_args.h"
#include "subcommand.h"

static int
parse(int argc, char **argv, int json, struct spec_args *a)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"root", required_argument, NULL, 'r'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"json", no_argument, NULL, 'j'},
	    {NULL, 0, NULL, 0},
	};
	int ch;

	memset(a, 0, sizeof(*a));
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":o:r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			a->outdir = optarg;
			break;
		case 'r':
			a->root = optarg;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		case 'j':
			if (!json) {
				usage_error("unknown option --json");
				return -1;
			}
			a->json = 1;
			break;
		default:
			return subcommand_getopt_error(ch, argv), -1;
		}
	}
	if (optind == argc)
		return usage_error("no SPEC given"), -1;
	if (optind != argc - 1)
		return usage_error("one SPEC, not %d arguments", argc - optind),
		       -1;
	a->spec = argv[optind];
	return 0;
}

int
spec_args_parse(int argc, char **argv, struct spec_args *a)
{
	return parse(argc, argv, 0, a);
}

int
spec_args_parse_json(int argc, char **argv, struct spec_args *a)
{
	return parse(argc, argv, 1, a);
}
