/*
 * label_walk - walk trees and compare (or set) every file's label.
 *
 * Race-safe by construction: every entry is opened relative to its
 * directory's descriptor with O_NOFOLLOW (O_PATH for anything but a
 * directory, so that opening a device or FIFO has no side effect), its
 * type comes from fstat() of that descriptor, and its label is read and
 * written through the same descriptor.  A path is never resolved again
 * between the check and the write, symbolic links are never followed,
 * and a directory swapped for a link is labeled as the link it became.
 * A file with several links whose type is foreign to the trees
 * (label_native.h) is reported, not relabeled: the label of an inode is
 * shared by all its names, some of which may lie outside the trees.
 *
 * Directories are a LIFO work list shared by N worker threads; a pending
 * directory is its parent's descriptor plus a name, so the open
 * descriptors stay few however wide the tree is.  Called by label_run.
 *
 * Why not selinux_restorecon(3): it walks by path (fts), re-resolving
 * each path for lgetfilecon/lsetfilecon, runs single-threaded, keeps an
 * inode table that grows with the tree, and looks every file up.
 * Measured on 222,369 entries (tests/bench/30-label.sh): setfiles -n
 * 29,500 files/s and 48 MB; this walk 145,000 files/s with one thread,
 * 37 MB at 200,000 and at 800,000 files.
 */
#ifndef PFSEL_LABEL_WALK_H
#define PFSEL_LABEL_WALK_H

#include <selinux/label.h>
#include <signal.h>
#include <stddef.h>

#include "label_memo.h"
#include "label_native.h"
#include "label_report.h"

struct label_walk_opts {
	int apply; /* write labels; else only report */
	int force; /* -F: whole context, customizable types too */
	int json;
	int xdev;       /* stay on each operand's file system */
	int skip_tmpfs; /* --skip-tmpfs */
	int threads;
	const char *root; /* "" or an absolute path without trailing / */
	/*
	 * One selabel handle, used under a lock: with the memo it answers
	 * only a few lookups per directory, and one handle costs 20 MB.
	 */
	struct selabel_handle *handle;
	const struct label_memo *memo; /* may be NULL */
	/* The trees' own types: a hard link with another is left alone. */
	const struct label_native *native;
	/*
	 * When set, a label that differs (or a hard link left alone) is
	 * handed here instead of printed: pfsel-label doctor makes
	 * findings of them.  Called one at a time, under the walk's lock.
	 */
	void (*differs)(void *arg, const char *path, const char *from,
	                const char *to);
	void *differs_arg;
};

/* Set from a signal handler: finish the entry at hand, then stop. */
extern volatile sig_atomic_t label_walk_stop;

/*
 * Walk every operand (absolute paths inside root; the root itself
 * allowed).  Counts go to c; returns 0, or -1 when the walk could not
 * start at all.
 */
int label_walk(const struct label_walk_opts *o, char *const *paths,
               size_t npaths, struct label_counts *c);

#endif
