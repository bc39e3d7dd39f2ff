/*
 * sitedaemon.c - the "site daemon" of the tests/vm daemon scenario.
 *
 * A small non-Postfix service that master(8) starts from a master.cf
 * line ("sitedaemon unix n n n - 1 sitedaemon"), the way sites plug
 * their own programs into Postfix.  master(8) hands it the listening
 * socket as descriptor 6 (MASTER_LISTEN_FD in Postfix's master_proto.h);
 * for each connection it reads one line, appends it to its log file,
 * counts it in a state file and answers "OK <count>" (or "ERR <what>"
 * when the log or state cannot be written, so the test sees why).
 *
 * The same binary is the test's client: "sitedaemon -c SOCKET TEXT"
 * sends TEXT and prints the answer; exit 0 only on "OK".
 *
 * Built by tests/vm/check-vm.sh on the host (the guest is the same
 * Debian 12), not by the top-level GNUmakefile.
 *
 * Usage (as a service): sitedaemon [-L LOGFILE] [-S STATEFILE] [master args]
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define LISTEN_FD 6
#define DEF_LOG   "/var/log/sitedaemon/sitedaemon.log"
#define DEF_STATE "/var/lib/sitedaemon/count"

/* Append one line to the log; returns 0 or an errno value. */
static int
log_line(const char *path, const char *what, const char *text)
{
	FILE *f = fopen(path, "a");
	if (f == NULL)
		return errno;
	fprintf(f, "sitedaemon[%ld]: %s %s\n", (long)getpid(), what, text);
	if (fclose(f) != 0)
		return errno;
	return 0;
}

/* Increment the counter in the state file; returns it, or -errno. */
static long
bump_count(const char *path)
{
	long n = 0;
	FILE *f = fopen(path, "r");
	if (f != NULL) {
		if (fscanf(f, "%ld", &n) != 1)
			n = 0;
		fclose(f);
	} else if (errno != ENOENT) {
		return -errno;
	}
	f = fopen(path, "w");
	if (f == NULL)
		return -errno;
	fprintf(f, "%ld\n", ++n);
	if (fclose(f) != 0)
		return -errno;
	return n;
}

/* Serve one client: read a line, log it, count it, answer. */
static void
serve(int fd, const char *logf, const char *statef)
{
	char buf[512], reply[600];
	ssize_t len = read(fd, buf, sizeof(buf) - 1);
	if (len < 0)
		return;
	buf[len] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';

	int err = log_line(logf, "got", buf);
	long n = err ? 0 : bump_count(statef);
	if (err)
		snprintf(reply, sizeof(reply), "ERR log %s: %s\n", logf,
		         strerror(err));
	else if (n < 0)
		snprintf(reply, sizeof(reply), "ERR state %s: %s\n", statef,
		         strerror((int)-n));
	else
		snprintf(reply, sizeof(reply), "OK %ld\n", n);
	if (write(fd, reply, strlen(reply)) < 0)
		return;
}

/*
 * master(8) keeps the listening socket non-blocking and may wake other
 * processes on it, so wait with poll() and treat EAGAIN as "not mine".
 */
static int
run_service(const char *logf, const char *statef)
{
	log_line(logf, "started", "");
	for (;;) {
		struct pollfd p = {.fd = LISTEN_FD, .events = POLLIN};
		if (poll(&p, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		int c = accept(LISTEN_FD, NULL, NULL);
		if (c < 0) {
			if (errno == EAGAIN || errno == EINTR ||
			    errno == ECONNABORTED)
				continue;
			return 1;
		}
		int fl = fcntl(c, F_GETFL);
		if (fl >= 0)
			fcntl(c, F_SETFL, fl & ~O_NONBLOCK);
		serve(c, logf, statef);
		close(c);
	}
}

/* Client: send TEXT to the unix socket PATH, print the answer. */
static int
run_client(const char *path, const char *text)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof(sa.sun_path)) {
		fprintf(stderr, "sitedaemon: socket path too long\n");
		return 2;
	}
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		fprintf(stderr, "sitedaemon: connect %s: %s\n", path,
		        strerror(errno));
		return 1;
	}
	char out[512], in[600];
	snprintf(out, sizeof(out), "%s\n", text);
	if (write(fd, out, strlen(out)) < 0) {
		fprintf(stderr, "sitedaemon: write: %s\n", strerror(errno));
		return 1;
	}
	/* The reply can take a while: master starts us on demand. */
	struct pollfd p = {.fd = fd, .events = POLLIN};
	if (poll(&p, 1, 15000) <= 0) {
		fprintf(stderr, "sitedaemon: no answer from %s\n", path);
		return 1;
	}
	ssize_t len = read(fd, in, sizeof(in) - 1);
	close(fd);
	if (len <= 0) {
		fprintf(stderr, "sitedaemon: no answer from %s\n", path);
		return 1;
	}
	in[len] = '\0';
	fputs(in, stdout);
	return strncmp(in, "OK ", 3) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	const char *logf = DEF_LOG, *statef = DEF_STATE;

	if (argc == 4 && strcmp(argv[1], "-c") == 0)
		return run_client(argv[2], argv[3]);
	/* master(8) adds its own options (-n NAME -t TYPE ...): skip them. */
	for (int i = 1; i + 1 < argc; i++) {
		if (strcmp(argv[i], "-L") == 0)
			logf = argv[++i];
		else if (strcmp(argv[i], "-S") == 0)
			statef = argv[++i];
	}
	return run_service(logf, statef);
}
