/*
 * lib_sha256 - unit tests of lib/sha256.c against the FIPS 180-4
 * examples and a message that crosses block boundaries in pieces.
 */
#include <string.h>

#include "sha256.h"
#include "unit_fixture.h"

static const char *
digest(const char *data, size_t len, size_t piece)
{
	static char out[SHA256_TEXT_LEN + 1];
	struct sha256 s;
	size_t i;

	sha256_init(&s);
	for (i = 0; i < len; i += piece)
		sha256_update(&s, data + i, len - i < piece ? len - i : piece);
	sha256_final_text(&s, out);
	return out;
}

static void
test_fips_examples(void **state)
{
	static const char two[] =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

	(void)state;
	assert_string_equal(digest("", 0, 1),
	                    "sha256:e3b0c44298fc1c149afbf4c8996fb924"
	                    "27ae41e4649b934ca495991b7852b855");
	assert_string_equal(digest("abc", 3, 3),
	                    "sha256:ba7816bf8f01cfea414140de5dae2223"
	                    "b00361a396177a9cb410ff61f20015ad");
	assert_string_equal(digest(two, strlen(two), 7),
	                    "sha256:248d6a61d20638b8e5c026930c3e6039"
	                    "a33ce45964ff2167f6ecedd419db06c1");
}

/* A million "a", fed in pieces that straddle the 64-byte blocks. */
static void
test_million_a(void **state)
{
	static char a[1000000];

	(void)state;
	memset(a, 'a', sizeof(a));
	assert_string_equal(digest(a, sizeof(a), 1000),
	                    "sha256:cdc76e5c9914fb9281a1c7e284d73e67"
	                    "f1809a48a497200e046d39ccc7112cd0");
	assert_string_equal(digest(a, sizeof(a), 63),
	                    "sha256:cdc76e5c9914fb9281a1c7e284d73e67"
	                    "f1809a48a497200e046d39ccc7112cd0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fips_examples),
	    cmocka_unit_test(test_million_a),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
