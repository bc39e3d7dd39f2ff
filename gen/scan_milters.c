/*
 * scan_milters - smtpd_milters (for each smtpd service) and
 * non_smtpd_milters (for each cleanup service), with -o overrides and
 * receive_override_options=no_milters honoured; unix:, local: and inet:
 * forms and the { address, options } grouping.  Called by
 * scan_endpoint.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan_endpoint.h"
#include "xalloc.h"

int
scan_milters(struct scan_ctx *sc, const struct pfconf_service *s,
             struct why *why)
{
	const char *param =
	    scan_is_daemon(s, "smtpd") ? "smtpd_milters" : "non_smtpd_milters";
	char *v, *ro, **w;
	size_t n, i;
	struct scan_use u = {
	    1, scan_daemon_name(s), NULL, NULL, NULL, 0, NULL, "milter"};

	if ((v = scan_param(sc, s, param, why)) == NULL)
		return -1;
	if ((ro = scan_param(sc, s, "receive_override_options", why)) == NULL) {
		free(v);
		return -1;
	}
	if (scan_is_daemon(s, "smtpd") && scan_has_word(ro, "no_milters")) {
		free(v);
		free(ro);
		return 0;
	}
	u.where = scan_where(sc, s, param);
	w = scan_list_words(v, &n);
	for (i = 0; i < n; i++) {
		char *head = scan_group_head(w[i]), hint[40];
		struct scan_endpoint ep;

		if (scan_endpoint_parse(sc, head, s->chroot, &ep) < 0) {
			scan_note(sc->model,
			          "%s: milter \"%s\" is not "
			          "unix:PATH, local:PATH or "
			          "inet:HOST:PORT",
			          u.where, head);
		} else {
			snprintf(hint, sizeof(hint), "milter_%d", ep.port);
			u.hint = ep.is_unix ? "milter" : hint;
			scan_record(sc, &ep, &u);
		}
		scan_endpoint_free(&ep);
		free(head);
	}
	scan_words_free(w, n);
	free(u.where);
	free(ro);
	free(v);
	return 0;
}
