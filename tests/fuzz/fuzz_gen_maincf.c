/*
 * fuzz_gen_maincf - libFuzzer target for the main.cf reader and the
 * $-expansion (gen/pfconf_main.c, pfconf_expand.c): any bytes either
 * parse, and every parameter then expands or fails with a reason, or the
 * parse fails with a reason; never a crash, leak, hang or sanitizer
 * report.  Built-in defaults only: postconf is never run here.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pfconf_config.h"
#include "pfconf_print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pfconf_table defaults;
	struct pfconf c = {0};
	struct why why;
	size_t i;
	FILE *null;

	if (defaults.count == 0)
		pfconf_defaults_builtin(&defaults);
	c.dir = "/etc/pf";
	c.main_file = "main.cf";
	c.master_file = "master.cf";
	c.main_label = "main.cf";
	c.master_label = "master.cf";
	pfconf_table_set(&c.fixed, "config_directory", c.dir, 0);
	if (pfconf_main_parse(&c.main, "main.cf", (const char *)data, size,
	                      &why) == 0) {
		c.defaults = defaults;
		for (i = 0; i < c.main.params.count; i++)
			free(pfconf_get(&c, NULL, c.main.params.items[i].name,
			                &why));
		if ((null = fopen("/dev/null", "w")) != NULL) {
			pfconf_print(&c, 'n', null, &why);
			fclose(null);
		}
	}
	pfconf_main_free(&c.main);
	pfconf_table_free(&c.fixed);
	return 0;
}
