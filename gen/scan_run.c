/* scan_run - placeholder while the detectors land. */
#include "scan.h"

int
scan_run(const struct pfconf *conf, const struct scan_options *opt,
         struct strbuf *out, struct why *why)
{
	(void)conf;
	(void)why;
	strbuf_addf(out, "[module]\nname = %s\n", opt->module);
	return 0;
}
