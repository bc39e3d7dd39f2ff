/*
 * build - emit and compile a module; see build.h.
 *
 * The toolchain runs as a child with its output captured.  When it fails,
 * the line checkmodule names in tmp/NAME.tmp (the m4 output, where our
 * "# FILE:LINE:" comments survive) is traced back to the spec line of
 * the nearest such comment above it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build.h"
#include "emit.h"
#include "msg.h"
#include "policyinfo.h"
#include "strbuf.h"
#include "target_check.h"
#include "xalloc.h"

/* Emit, check the calls against the target's headers, write. */
static int
emit_with(const struct spec *spec, struct policyinfo *pi, const char *outdir,
          struct why *why)
{
	struct module_text mt;
	int rc;

	if (emit_module(spec, pi, &mt, why) < 0)
		return -1;
	rc = target_check_calls(pi, &mt, why);
	if (rc == 0)
		rc = emit_write(spec, &mt, outdir, why);
	module_text_free(&mt);
	return rc;
}

int
emit_to_dir(const struct spec *spec, const char *outdir, const char *root,
            struct why *why)
{
	struct policyinfo *pi = policyinfo_open(root, why);
	int rc;

	if (pi == NULL)
		return -1;
	rc = emit_with(spec, pi, outdir, why);
	policyinfo_close(pi);
	return rc;
}

/* Run make in dir; its stdout+stderr end up in out. */
static int
run_make(const char *dir, const char *makefile, const char *target,
         struct strbuf *out, struct why *why)
{
	int fds[2], status;
	char buf[4096];
	ssize_t n;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return why_errno(why, "pipe");
	if ((pid = fork()) < 0)
		return why_errno(why, "fork");
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		if (chdir(dir) < 0)
			_exit(127);
		execlp("make", "make", "--no-print-directory", "-f", makefile,
		       target, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0)
			strbuf_addmem(out, buf, (size_t)n);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return why_set(why,
		               "cannot run make with %s (is "
		               "selinux-policy-dev installed?)",
		               makefile);
	return 1;
}

/* The "# FILE:LINE:" comment nearest above line in tmp/NAME.tmp. */
static int
spec_line_of(const char *tmpfile, long line, char *origin, size_t size)
{
	char text[1024];
	long n = 0;
	FILE *fp;
	int found = 0;

	if ((fp = fopen(tmpfile, "re")) == NULL)
		return 0;
	while (n < line && fgets(text, sizeof(text), fp)) {
		char *colon;

		n++;
		if (strncmp(text, "# ", 2) != 0)
			continue;
		colon = strstr(text, ": ");
		if (colon == NULL || colon - text < 4 || colon[-1] < '0' ||
		    colon[-1] > '9')
			continue;
		snprintf(origin, size, "%.*s", (int)(colon - text - 2),
		         text + 2);
		found = 1;
	}
	fclose(fp);
	return found;
}

/*
 * checkmodule says "ERROR 'what' at token 'x' on line N:"; turn the
 * first such message into "SPEC:LINE: policy error: what".
 */
static int
map_error(const struct spec *spec, const char *outdir, const char *output,
          struct why *why)
{
	const char *err = strstr(output, "ERROR '");
	char *tmp, origin[512];
	long line;
	const char *on;

	if (err == NULL || (on = strstr(err, " on line ")) == NULL)
		return why_set(why, "building %s/%s.pp failed:\n%s", outdir,
		               spec->module, output);
	line = strtol(on + 9, NULL, 10);
	tmp = xasprintf("%s/tmp/%s.tmp", outdir, spec->module);
	if (spec_line_of(tmp, line, origin, sizeof(origin))) {
		const char *end = strchr(err + 7, '\'');
		/* The comment names the spec without its directory (emit.c);
		 * the error names it as the user gave it. */
		const char *at = strrchr(origin, ':');

		why_set(why, "%s:%s: policy error: %.*s (%s line %ld)",
		        spec->file, at ? at + 1 : origin,
		        end ? (int)(end - err - 7) : 80, err + 7, tmp, line);
	} else {
		why_set(why, "building %s/%s.pp failed:\n%s", outdir,
		        spec->module, output);
	}
	free(tmp);
	return -1;
}

int
build_module(const struct spec *spec, const char *outdir, const char *root,
             char **pp_path, struct why *why)
{
	struct policyinfo *pi = policyinfo_open(root, why);
	struct strbuf out = STRBUF_INIT;
	const char *devel;
	char *target, *makefile;
	int rc;

	if (pi == NULL)
		return -1;
	if (emit_with(spec, pi, outdir, why) < 0) {
		policyinfo_close(pi);
		return -1;
	}
	devel = policyinfo_root(pi)->devel_dir;
	target = xasprintf("%s.pp", spec->module);
	makefile = xasprintf("%s/Makefile", devel);
	rc = run_make(outdir, makefile, target, &out, why);
	if (rc > 0)
		rc = map_error(spec, outdir, strbuf_str(&out), why);
	if (rc == 0)
		rc = target_check_types(pi, outdir, spec->module, why);
	if (rc == 0) {
		*pp_path = xasprintf("%s/%s", outdir, target);
		info("%s built with the devel headers of %s", target, devel);
	}
	free(makefile);
	free(target);
	strbuf_free(&out);
	policyinfo_close(pi);
	return rc;
}
