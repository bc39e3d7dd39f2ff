/*
 * audit_record - find audit records in one line of any log format and
 * read their key=value fields without copying.
 *
 * Used by review_input.c (the streaming reader of pfsel-label review)
 * and by the fuzz target.  A line may be raw auditd output, enriched
 * output (with or without its 0x1D separator), "node=NAME " prefixed
 * (names may hold spaces), a syslog/journal/dmesg line carrying an
 * "audit: type=1400 audit(...)" record, a journalctl line "audit[PID]:
 * AVC avc: ..." (no stamp: stamp is NULL), ausearch -i output (dates
 * instead of epoch seconds), or several records glued together.
 * libauparse reads only the first two and mis-handles USER_AVC, so this
 * is hand-written; it never allocates and never reads outside the line.
 */
#ifndef PFSEL_AUDIT_RECORD_H
#define PFSEL_AUDIT_RECORD_H

#include <stddef.h>
#include <stdint.h>

enum audit_rtype {
	AR_OTHER,
	AR_AVC,
	AR_USER_AVC,
	AR_SELINUX_ERR,
	AR_SYSCALL,
	AR_PATH,
	AR_CWD,
	AR_PROCTITLE,
	AR_AVC_PATH,
};

struct audit_span {
	const char *p;
	size_t n;
};

struct audit_rec {
	enum audit_rtype type;
	struct audit_span node;        /* empty when the line has no node= */
	/* what audit( ) holds before :SERIAL; NULL for a journal record,
	 * which has neither and belongs to no event */
	const char *stamp, *stamp_end;
	/* digits of the seconds and milliseconds of a raw stamp, as found
	 * when it was parsed (0: work them out again) */
	unsigned char nsec, nms;
	unsigned long serial;
	int interpreted; /* ausearch -i: values are already decoded */
	const char *body, *end;
};

#define AUDIT_MAX_RECS 8

/*
 * Records found in line[0..len), at most max.  Returns their number, 0
 * for a line without any, -1 for a line that announces an audit record
 * but does not hold a well-formed one (counted as malformed).
 */
int audit_line_records(const char *line, size_t len, struct audit_rec *out,
                       int max);
/*
 * The same, told where the line's '(' and 0x1D bytes are (at: their
 * ascending offsets, all of them) by a caller that scanned the line for
 * its newline already: each byte of a log is then looked at once.
 */
int audit_line_records_marked(const char *line, size_t len, const uint32_t *at,
                              size_t nat, struct audit_rec *out, int max);

/* The record's time in seconds since the epoch (ausearch -i dates read
 * as UTC), 0 if unknown. */
double audit_rec_time(const struct audit_rec *r);

/* Field iterator over a record body. */
struct audit_field {
	struct audit_span key;
	struct audit_span val;
	char quote; /* '"', '\'', '{' or 0 for a bare value */
};

/* Next field at or after *pos; 0 at the end. */
int audit_next_field(const char **pos, const char *end, struct audit_field *f);

/* Whether a bare value is the kernel's hex encoding of a string. */
int audit_is_hex(struct audit_span v);
/* Decode hex into out (at most cap-1 bytes, NUL-terminated); length. */
size_t audit_hex_decode(struct audit_span v, char *out, size_t cap);

/*
 * Copy a field value as text into out (NUL-terminated, at most cap-1
 * bytes): quotes removed, hex decoded unless rec->interpreted.
 */
size_t audit_value_text(const struct audit_rec *rec,
                        const struct audit_field *f, char *out, size_t cap);

/* The record type for a name ("AVC") or number ("1400"). */
enum audit_rtype audit_rtype_of(const char *p, size_t n);

#endif
