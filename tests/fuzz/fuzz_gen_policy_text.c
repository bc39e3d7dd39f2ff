/*
 * fuzz_gen_policy_text - libFuzzer target for the policy-text rule
 * (lib/policy_text.c, its callers in lib/spec_check.c, gen/fragment.c,
 * gen/emit*.c).
 *
 * The first input byte picks a spec field (a path component of each
 * section, or the spec's own file name), the rest is put there.  Either
 * the spec or the emitter refuses the value with "FILE:LINE: ..." (never
 * the fragment gate, which would mean validation let it through), or:
 *   - the value holds only the bytes a path may hold, and
 *   - the module's m4 skeleton (its text with each comment collapsed to
 *     one token, each m4-quoted or "..." string to another) is that of the same
 *     spec with a benign value: the value added no macro call, argument,
 *     rule or line m4 would see, and every "..." string it left plain
 *     holds no word a macro could have.
 * Emission asks the policy of PFSEL_FUZZ_ROOT (default /); without a
 * readable policy only the spec is checked.  Run from the source tree
 * (make fuzz), so that policy/ is found when PFSEL_DATADIR is unset.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit.h"
#include "policyinfo.h"
#include "spec.h"
#include "strbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Each field's line, with %s where the value goes; the spec is the
 * concatenation of a header and one of these. */
static const char *const fields[] = {
    "[daemon helper]\ncommand = /usr/libexec/postfix/%s\n",
    "[daemon helper]\ncommand = /usr/libexec/postfix/h\nlog = /var/log/%s\n",
    "[daemon helper]\ncommand = /usr/libexec/postfix/h\ndata = /var/lib/%s\n",
    "[daemon helper]\ncommand = /usr/libexec/postfix/h\nruntime = /run/%s\n",
    "[daemon helper]\ncommand = /usr/libexec/postfix/h\nreads = /etc/%s\n",
    "[milter m]\ncommand = /usr/bin/%s\nsocket = unix:/run/m/m.sock\n",
    "[milter m]\nserver = dkim_milter_t\nsocket = unix:/run/opendkim/s\n"
    "keys = /var/lib/%s\n",
    "[queue]\ndirectory = /var/spool/%s\n",
    "[log]\nmaillog_file = /var/log/%s\n",
    "[virtual]\nmailbox_base = /srv/%s\n",
    NULL, /* the spec's file name */
};
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))
#define BENIGN  "pfselbenign"

static struct policyinfo *pi;
static char *benign[NFIELDS][3];

/* The bytes a path may hold, written out again here, independently of
 * policy_text_path_byte(). */
static int
path_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("/._-+@:=~%", c));
}

static int
word_byte(unsigned char c, int first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       (!first && c >= '0' && c <= '9');
}

/* A "..." string left plain: no word m4 or a policy macro may define
 * (every policy macro but a handful has a "_"). */
static int
plain_string_ok(const char *s, size_t n)
{
	static const char *const words[] = {
	    "dnl",         "define",   "divert",   "undivert", "esyscmd",
	    "syscmd",      "include",  "sinclude", "m4exit",   "changecom",
	    "changequote", "undefine", "pushdef",  "popdef",   "defn",
	    "interface",   "template", "ifndef",   "shiftn",   "divnum",
	};
	size_t i = 0, k, w;

	while (i < n) {
		if (!word_byte((unsigned char)s[i], 1)) {
			i++;
			continue;
		}
		for (w = i + 1; w < n && word_byte((unsigned char)s[w], 0); w++)
			;
		if (memchr(s + i, '_', w - i))
			return 0;
		for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
			if (strlen(words[k]) == w - i &&
			    memcmp(words[k], s + i, w - i) == 0)
				return 0;
		i = w;
	}
	return 1;
}

/* Text as m4 sees its structure; NULL when a plain string is unsafe. */
static char *
skeleton(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = text;

	while (*p) {
		if (*p == '#') {
			p += strcspn(p, "\n");
			strbuf_adds(&sb, "#");
		} else if (*p == '`') {
			int depth = 0;

			do {
				depth += *p == '`' ? 1 : *p == '\'' ? -1 : 0;
				p++;
			} while (*p && depth > 0);
			strbuf_adds(&sb, "Q");
		} else if (*p == '"') {
			size_t n = strcspn(p + 1, "\"\n");

			if (p[1 + n] != '"' || !plain_string_ok(p + 1, n)) {
				strbuf_free(&sb);
				return NULL;
			}
			p += n + 2;
			strbuf_adds(&sb, "Q"); /* as inert as `"..."' */
		} else {
			strbuf_addc(&sb, *p++);
		}
	}
	return strbuf_detach(&sb);
}

/* Emit field f with value; fills sk[3] with skeletons, or returns -1
 * (refused) with why set.  Aborts on what the oracle forbids. */
static int
emit_field(size_t f, const char *value, char *sk[3], struct why *why)
{
	struct strbuf spec = STRBUF_INIT;
	const char *name = fields[f] ? "fuzz.ini" : value;
	struct module_text mt;
	struct spec *s;
	int i;

	strbuf_adds(&spec, "[module]\nname = pfsel_fuzz\n");
	if (fields[f])
		strbuf_addf(&spec, fields[f], value);
	else
		strbuf_adds(&spec, "[virtual]\nmailbox_base = /srv/v\n");
	s = spec_parse(name, strbuf_str(&spec), spec.len, why);
	strbuf_free(&spec);
	if (s == NULL)
		return -1;
	for (i = 0; fields[f] && value[i]; i++)
		if (!path_byte((unsigned char)value[i]))
			abort(); /* the spec accepted a byte no path may hold */
	if (pi == NULL) {
		spec_free(s);
		return -1;
	}
	if (emit_module(s, pi, &mt, why) < 0) {
		spec_free(s);
		if (strstr(why->text, "refusing the value of"))
			abort(); /* the fragment gate caught what validation
			          * let through */
		return -1;
	}
	for (i = 0; !fields[f] && value[i]; i++)
		if (!path_byte((unsigned char)value[i]) &&
		    !strchr(" []", value[i]))
			abort(); /* a file name no comment may hold */
	sk[0] = skeleton(strbuf_str(&mt.te));
	sk[1] = skeleton(strbuf_str(&mt.fc));
	sk[2] = skeleton(strbuf_str(&mt.ifc));
	module_text_free(&mt);
	spec_free(s);
	for (i = 0; i < 3; i++)
		if (sk[i] == NULL)
			abort(); /* a plain string m4 could expand */
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *root = getenv("PFSEL_FUZZ_ROOT");
	struct why why;
	size_t f;

	(void)argc;
	(void)argv;
	if (getenv("PFSEL_DATADIR") == NULL &&
	    access("policy/label-guard", R_OK) == 0)
		setenv("PFSEL_DATADIR", ".", 1);
	pi = policyinfo_open(root ? root : "/", &why);
	for (f = 0; pi && f < NFIELDS; f++)
		if (emit_field(f, fields[f] ? BENIGN : BENIGN ".ini", benign[f],
		               &why) < 0) {
			fprintf(stderr,
			        "fuzz_gen_policy_text: benign field %zu "
			        "refused: %s\n",
			        f, why.text);
			abort();
		}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *value, *sk[3];
	struct why why;
	size_t f, i;

	if (size < 1 || size > 200)
		return 0;
	f = data[0] % NFIELDS;
	value = malloc(size);
	memcpy(value, data + 1, size - 1);
	value[size - 1] = '\0';
	/* One component under a fixed parent: the module's types and rules
	 * then do not depend on where the path leads.  White space and line
	 * ends belong to the INI syntax (trimming, inline comments, a next
	 * line), which fuzz_gen_spec covers. */
	if (strlen(value) != size - 1 ||
	    (fields[f] && strpbrk(value, "/ \t\r\n\v\f"))) {
		free(value);
		return 0;
	}
	if (emit_field(f, value, sk, &why) == 0) {
		for (i = 0; i < 3; i++) {
			if (strcmp(sk[i], benign[f][i]) != 0)
				abort(); /* the value changed what m4 sees */
			free(sk[i]);
		}
	}
	free(value);
	return 0;
}
