/*
 * scan_smtpd - the other sockets smtpd(8) asks: check_policy_service in
 * every restriction list and restriction class, and the Dovecot SASL
 * socket (smtpd_sasl_type = dovecot, smtpd_sasl_path) where SASL is
 * enabled.  Called by scan_endpoint.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_file.h"
#include "scan_endpoint.h"
#include "xalloc.h"

static const char *const restriction_params[] = {
    "smtpd_client_restrictions",      "smtpd_helo_restrictions",
    "smtpd_sender_restrictions",      "smtpd_relay_restrictions",
    "smtpd_recipient_restrictions",   "smtpd_data_restrictions",
    "smtpd_end_of_data_restrictions", "smtpd_etrn_restrictions",
};

static int
policy_in(struct scan_ctx *sc, const struct pfconf_service *s,
          const char *param, struct why *why)
{
	char *v = scan_param(sc, s, param, why), **w;
	size_t n, i;

	if (v == NULL)
		return -1;
	w = scan_list_words(v, &n);
	for (i = 0; i + 1 < n; i++) {
		struct scan_use u = {0,    "smtpd", NULL, NULL,
		                     NULL, 0,       NULL, "policy"};
		struct scan_endpoint ep;
		char *head, hint[40];

		if (strcmp(w[i], "check_policy_service") != 0)
			continue;
		head = scan_group_head(w[++i]);
		u.where = scan_where(sc, s, param);
		if (scan_endpoint_parse(sc, head, s->chroot, &ep) < 0) {
			scan_note(sc->model,
			          "%s: policy server \"%s\" is not "
			          "unix:PATH or inet:HOST:PORT",
			          u.where, head);
		} else {
			snprintf(hint, sizeof(hint), "policy_%d", ep.port);
			u.hint = ep.is_unix ? "policy" : hint;
			scan_record(sc, &ep, &u);
		}
		scan_endpoint_free(&ep);
		free(u.where);
		free(head);
	}
	scan_words_free(w, n);
	free(v);
	return 0;
}

int
scan_policies(struct scan_ctx *sc, const struct pfconf_service *s,
              struct why *why)
{
	char *classes, **w;
	size_t i, n;
	int rc = 0;

	for (i = 0;
	     i < sizeof(restriction_params) / sizeof(*restriction_params); i++)
		if (policy_in(sc, s, restriction_params[i], why) < 0)
			return -1;
	if ((classes = scan_param(sc, s, "smtpd_restriction_classes", why)) ==
	    NULL)
		return -1;
	w = scan_list_words(classes, &n);
	for (i = 0; i < n && rc == 0; i++)
		rc = policy_in(sc, s, w[i], why);
	scan_words_free(w, n);
	free(classes);
	return rc;
}

int
scan_sasl(struct scan_ctx *sc, const struct pfconf_service *s, struct why *why)
{
	char *enable = scan_param(sc, s, "smtpd_sasl_auth_enable", why);
	char *type = enable ? scan_param(sc, s, "smtpd_sasl_type", why) : NULL;
	char *path = type ? scan_param(sc, s, "smtpd_sasl_path", why) : NULL;
	/* smtpd_sasl_type = dovecot: Dovecot's auth server, in Dovecot's
	 * domain */
	struct scan_use u = {0,
	                     "smtpd",
	                     "dovecot_auth",
	                     policy_type("dovecot"),
	                     "smtpd_sasl_type = dovecot",
	                     1,
	                     NULL,
	                     "sasl"};
	struct scan_endpoint ep;
	int rc = path ? 0 : -1;

	if (rc == 0 && strcmp(enable, "yes") == 0 &&
	    strcmp(type, "dovecot") == 0) {
		u.where = scan_where(sc, s, "smtpd_sasl_path");
		if (scan_endpoint_parse(sc, path, s->chroot, &ep) < 0)
			scan_note(sc->model, "%s: not a Dovecot SASL socket",
			          u.where);
		else
			scan_record(sc, &ep, &u);
		scan_endpoint_free(&ep);
		free(u.where);
	}
	free(enable);
	free(type);
	free(path);
	return rc;
}
