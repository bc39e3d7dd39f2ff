/*
 * fuzz_gen_mastercf - libFuzzer target for the master.cf reader
 * (gen/pfconf_master.c): any bytes either parse into services whose
 * overrides expand and whose postconf -M/-F/-P listings print, or fail
 * with a file:line reason; never a crash, leak or sanitizer report.
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
	size_t i, j;
	FILE *null;

	if (defaults.count == 0)
		pfconf_defaults_builtin(&defaults);
	c.dir = "/etc/pf";
	c.main_file = "main.cf";
	c.master_file = "master.cf";
	c.main_label = "main.cf";
	c.master_label = "master.cf";
	c.defaults = defaults;
	pfconf_table_set(&c.fixed, "config_directory", c.dir, 0);
	if (pfconf_master_parse(&c.master, "master.cf", (const char *)data,
	                        size, &why) == 0) {
		for (i = 0; i < c.master.count; i++) {
			const struct pfconf_service *s = &c.master.items[i];

			for (j = 0; j < s->overrides.count; j++)
				free(pfconf_get(
				    &c, s, s->overrides.items[j].name, &why));
			pfconf_master_find(&c.master, s->field[PF_SERVICE],
			                   NULL);
		}
		if ((null = fopen("/dev/null", "w")) != NULL) {
			pfconf_print(&c, 'M', null, &why);
			pfconf_print(&c, 'F', null, &why);
			pfconf_print(&c, 'P', null, &why);
			fclose(null);
		}
	}
	pfconf_master_free(&c.master);
	pfconf_table_free(&c.fixed);
	return 0;
}
