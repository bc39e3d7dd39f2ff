/*
 * fuzz_labeler_doctor - libFuzzer target for the one parser pfsel-label
 * doctor adds for log bytes: doctor_record_time(), which picks the time
 * out of each line of the audit log before review reads it
 * (labeler/doctor_since.c).  For any bytes it must stay within the
 * length it is given (ASan sees a read past it: the input is copied
 * to a buffer of exactly that size) and agree with a reference parse of
 * a NUL-terminated copy: -1, or the digits after the first "audit("
 * when a ':' follows them.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doctor.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static double
reference(const char *s, size_t n)
{
	const char *p = memmem(s, n, "audit(", 6), *end = s + n;
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *exact = xmalloc(size ? size : 1);
	double got, want;

	memcpy(exact, data, size);
	got = doctor_record_time(exact, size);
	want = reference(exact, size);
	if (!(got == want || (got < 0 && want < 0)))
		abort();
	if (got != -1 && got < 0)
		abort();
	free(exact);
	return 0;
}
