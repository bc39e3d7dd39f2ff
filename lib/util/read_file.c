/*
 * read_file - read a whole regular file into memory; see read_file.h.
 */
#include "read_file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strbuf.h"

int
read_file(const char *path, char **text, size_t *len, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	char buf[8192];
	ssize_t n;
	int fd;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it means
	 * nothing for the regular files read here. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return why_errno(why, "cannot open %s", path);
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return why_set(why, "%s: not a regular file", path);
	}
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			why_errno(why, "cannot read %s", path);
			close(fd);
			strbuf_free(&sb);
			return -1;
		}
		strbuf_addmem(&sb, buf, (size_t)n);
	}
	close(fd);
	*len = sb.len;
	*text = strbuf_detach(&sb);
	return 0;
}
