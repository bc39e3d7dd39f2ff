/*
 * fuzz_gen_scan - libFuzzer target for the scan detectors (gen/scan_*.c)
 * on top of both readers: the input is a main.cf, a line "%%", and a
 * master.cf.  Whatever parses is scanned against the machine's policy
 * (opened once, read only) and must yield a spec or a reason; never a
 * crash, leak or sanitizer report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fragment.h"
#include "scan.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct policyinfo *pi;
	struct scan_options opt = {"/nonexistent/pf", "fuzz", NULL,
	                           PFCONF_DEFAULTS_BUILTIN};
	struct strbuf out = STRBUF_INIT;
	char *text, *sep, *master = "";
	struct pfconf c;
	struct why why;

	if (pi == NULL) {
		char *map = policy_file_read("servers.map", &why);

		/* the target needs the machine's policy and policy/ (run.sh
		 * sets PFSEL_DATADIR): without them every scan would stop */
		if (map == NULL || (pi = policyinfo_open(NULL, &why)) == NULL)
			abort();
		free(map);
	}
	if (memchr(data, '\0', size))
		return 0; /* the readers' own targets cover NUL bytes */
	text = xstrndup((const char *)data, size);
	if ((sep = strstr(text, "\n%%\n")) != NULL) {
		*sep = 0;
		master = sep + 4;
	}
	if (pfconf_load_text(&c, opt.config_dir, text, master,
	                     PFCONF_DEFAULTS_BUILTIN, &why) == 0)
		scan_run(&c, &opt, pi, &out, &why);
	pfconf_free(&c);
	strbuf_free(&out);
	free(text);
	return 0;
}
