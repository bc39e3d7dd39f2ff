/*
 * doctor_since - which denials doctor reviews: the --since argument and
 * the time of each audit record.  Called by cmd_doctor.c (the option)
 * and doctor_denials.c (each line of the log).
 *
 * An audit record carries its time as "audit(SECONDS.MILLIS:SERIAL)";
 * the line is read as bytes (it comes from the log, any byte may be in
 * it) and only that field is parsed, digits by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doctor.h"
#include "read_file.h"

/* The boot time, from /proc/stat's btime; -1 when unknown. */
static double
boot_time(void)
{
	char *text, *p;
	size_t len;
	struct why why;
	double t = -1;

	if (read_file("/proc/stat", &text, &len, &why) < 0)
		return -1;
	if ((p = strstr(text, "\nbtime ")) != NULL)
		t = strtod(p + 7, NULL);
	free(text);
	return t;
}

double
doctor_since(const char *arg)
{
	static const char *const formats[] = {
	    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", NULL};
	struct tm tm;
	char *end;
	double t;
	int i;

	if (strcmp(arg, "boot") == 0)
		return boot_time();
	if (arg[0] == '@') {
		t = strtod(arg + 1, &end);
		return arg[1] != '\0' && *end == '\0' && t >= 0 ? t : -1;
	}
	for (i = 0; formats[i] != NULL; i++) {
		memset(&tm, 0, sizeof(tm));
		end = strptime(arg, formats[i], &tm);
		if (end != NULL && *end == '\0') {
			tm.tm_isdst = -1;
			return (double)mktime(&tm);
		}
	}
	return -1;
}

double
doctor_record_time(const char *line, size_t len)
{
	const char *p = memmem(line, len, "audit(", 6), *end = line + len;
	double t = 0, scale = 0.1;
	int digits = 0;

	if (p == NULL)
		return -1;
	for (p += 6; p < end && *p >= '0' && *p <= '9' && digits < 18;
	     p++, digits++)
		t = t * 10 + (*p - '0');
	if (digits == 0)
		return -1;
	if (p < end && *p == '.')
		for (p++; p < end && *p >= '0' && *p <= '9'; p++, scale /= 10)
			t += (*p - '0') * scale;
	return p < end && *p == ':' ? t : -1;
}
